//! Source text to syntax tree: tokens, the lexer, the AST and the parser.
//!
//! The entry point is [`parse`]. Parsing stops at the first error, as CPython does, and reports
//! it as a [`SyntaxError`] value that the VM turns into a Python `SyntaxError` or
//! `IndentationError`.

pub mod ast;
mod parse_stub;
pub use parse_stub::parse;

/// Which exception class a syntax error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    Syntax,
    Indentation,
    Tab,
}

impl SyntaxErrorKind {
    /// The Python exception class name.
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
            SyntaxErrorKind::Tab => "TabError",
        }
    }
}

/// The first error found in a source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// The message, word for word as CPython 3.11 gives it (`invalid syntax`,
    /// `'(' was never closed`, `expected ':'`, ...).
    pub msg: String,
    /// Where the error is, in bytes; `start == end` for a point.
    pub span: ast::Span,
    /// True when the error is only that the input ended too soon, so more lines could make
    /// it valid (an open bracket, a block header with no body, an unterminated triple-quoted
    /// string). The console's `is_complete` answers `incomplete` for these.
    pub incomplete: bool,
}
