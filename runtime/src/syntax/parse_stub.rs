//! TEMPORARY until the parser branch lands.
use super::{ast, SyntaxError};
pub fn parse(_source: &str) -> Result<ast::Module, SyntaxError> {
    Ok(ast::Module { body: vec![] })
}
