//! Stub.
use super::ast::Module;
use super::SyntaxError;
pub fn parse(_source: &str) -> Result<Module, SyntaxError> { Ok(Module { body: vec![] }) }
