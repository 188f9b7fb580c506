//! Source text to syntax tree: tokens, the lexer, the AST and the parser.
//!
//! The entry point is [`parse`]. Parsing stops at the first error, as CPython does, and reports
//! it as a [`SyntaxError`] value that the VM turns into a Python `SyntaxError` or
//! `IndentationError`. The error carries CPython 3.11's message and CPython's location numbers
//! ([`PyLocation`]), which follow some odd rules (offsets in characters, sometimes `0` or `-1`)
//! that a byte span alone cannot reproduce.
//!
//! - [`token`]: token kinds with byte spans.
//! - [`lexer`]: source text to tokens (INDENT/DEDENT, implicit line joining, continuations).
//! - [`mod@parser`]: tokens to [`ast::Module`], with CPython's error messages.
//! - [`source`]: [`LineIndex`], byte offsets to lines and columns.
//! - [`mod@dump`]: a compact S-expression rendering of the AST, for tests.

pub mod ast;
pub mod dump;
pub mod lexer;
pub mod parser;
pub mod source;
pub mod token;

pub use dump::dump;
pub use parser::parse;
pub use source::LineIndex;

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

/// The location attributes of a Python `SyntaxError`, exactly as CPython 3.11 sets them.
///
/// `offset` and `end_offset` count characters from 1. CPython reports `0` for a few tokens it
/// keeps without a column (the end of input in some messages) and `-1` as an `end_offset` it
/// does not know; tracebacks treat both as "one caret at `offset`".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PyLocation {
    pub lineno: u32,
    pub offset: i32,
    pub end_lineno: u32,
    pub end_offset: i32,
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
    /// CPython's `lineno`, `offset`, `end_lineno` and `end_offset` for this error.
    pub location: PyLocation,
}

impl SyntaxError {
    /// An error at a node's span, located the way CPython's compiler and symbol table locate
    /// the errors they raise (`'return' outside function` and the like): the span's start and
    /// end, with offsets that count bytes from 1 (CPython does not convert those to
    /// characters).
    pub fn at_span(
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        span: ast::Span,
        index: &LineIndex,
    ) -> SyntaxError {
        let start = index.line_col(span.start as usize);
        let end = index.line_col(span.end as usize);
        SyntaxError {
            kind,
            msg: msg.into(),
            span,
            incomplete: false,
            location: PyLocation {
                lineno: start.line,
                offset: start.col as i32 + 1,
                end_lineno: end.line,
                end_offset: end.col as i32 + 1,
            },
        }
    }

    /// The exception class name (`SyntaxError`, `IndentationError`, `TabError`).
    pub fn class_name(&self) -> &'static str {
        self.kind.class_name()
    }

    /// The `text` attribute: the source line the error is on, with a final newline.
    pub fn text(&self, index: &LineIndex) -> String {
        index.line_text_with_newline(self.location.lineno)
    }
}

impl std::fmt::Display for SyntaxError {
    /// `msg (line N)`, the way `str()` of a Python `SyntaxError` reads without a filename.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (line {})", self.msg, self.location.lineno)
    }
}

impl std::error::Error for SyntaxError {}
