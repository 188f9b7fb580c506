//! The shared helper of the parser's unit tests (each file has its own `check`): source text
//! to the S-expression dump of its AST, or to `Class: message @ line:offset`, plus `!` when
//! the error is marked incomplete.

use super::super::dump::dump;
use super::parse;

pub(super) fn render(source: &str) -> String {
    match parse(source) {
        Ok(module) => dump(&module).trim_end().to_string(),
        Err(e) => format!(
            "{}: {} @ {}:{}{}",
            e.class_name(),
            e.msg,
            e.location.lineno,
            e.location.offset,
            if e.incomplete { " !" } else { "" }
        ),
    }
}
