//! The lexer: source text to tokens, following CPython 3.11's tokenizer (`Parser/tokenizer.c`).
//!
//! [`tokenize`] turns a whole text into a vector of [`Token`]s ending in `EndMarker`, or, when
//! the text has an error the tokenizer finds, in an `Error` token together with a [`LexError`].
//! It produces INDENT/DEDENT from the indentation stack (tabs to multiples of eight, checked
//! against a one-column "alternative" stack for TabError), NEWLINE only at the end of logical
//! lines (blank lines, comment lines and line breaks inside brackets are skipped, as are
//! backslash continuations), and keeps the bracket stack for CPython's bracket messages.
//!
//! Numbers and strings are only delimited here; the parser reads their values from the text.
//! Numbers follow CPython's rules for `_` separators, legacy octal and a letter glued to the
//! end of a literal (`1if x else y` is accepted, `1abc` is "invalid decimal literal").
//!
//! What it deliberately does not do: decode string escapes or f-strings (the parser does), NFKC
//! normalisation of non-ASCII identifiers, or source encodings other than UTF-8.

mod number;

use super::ast::Span;
use super::token::{Token, TokenKind};
use super::{PyLocation, SyntaxError, SyntaxErrorKind};

/// CPython's `MAXINDENT`: the deepest indentation stack.
pub const MAX_INDENT: usize = 100;
/// CPython's `MAXLEVEL`: the deepest bracket nesting.
pub const MAX_LEVEL: usize = 200;

/// A bracket that is open at some point of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenBracket {
    pub ch: char,
    pub line: u32,
    /// Byte offset of the bracket in the text.
    pub pos: usize,
    /// Byte column of the bracket in its line.
    pub col: usize,
}

/// An error the tokenizer found, and how it ranks against parser errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    pub error: SyntaxError,
    /// CPython raises these at once (unterminated strings, bad numbers, stray brackets,
    /// invalid characters). Because CPython tokenizes the rest of the text after a parser
    /// error, an eager error wins over any parser error. The others (inconsistent dedent,
    /// tabs, too deep, a character after a backslash, the end of input after a backslash or
    /// inside brackets) only count if the parser reaches them.
    pub eager: bool,
    /// The error is that the input ended (inside brackets, a triple-quoted string or after a
    /// backslash), so more input could fix it.
    pub at_eof: bool,
    /// The innermost bracket open where the tokenizer stopped, if any.
    pub open_bracket: Option<OpenBracket>,
}

/// The result of lexing a text.
#[derive(Clone, Debug)]
pub struct Lexed {
    /// The tokens; the last one is `EndMarker` or, if `error` is set, `Error`.
    pub tokens: Vec<Token>,
    pub error: Option<LexError>,
}

/// The text CPython tokenizes: the source with a final newline added if it has none (as
/// CPython's `translate_newlines` does). Spans into it are valid spans into the source, except
/// for the added newline, which sits at the source's end.
pub fn padded(source: &str) -> std::borrow::Cow<'_, str> {
    if source.is_empty() || source.ends_with('\n') || source.ends_with('\r') {
        std::borrow::Cow::Borrowed(source)
    } else {
        let mut text = String::with_capacity(source.len() + 1);
        text.push_str(source);
        text.push('\n');
        std::borrow::Cow::Owned(text)
    }
}

/// Tokenizes `text`, which should end with a line break (see [`padded`]).
pub fn tokenize(text: &str) -> Lexed {
    Lexer::new(text).run()
}

/// Why a token could not be produced; the error is already stored.
struct Stop;

struct Lexer<'s> {
    text: &'s str,
    b: &'s [u8],
    pos: usize,
    /// The line of `pos`, counted lazily like CPython: a line break moves to the next line
    /// only if some text follows it.
    line: u32,
    line_start: usize,
    /// Where CPython's line buffer starts: the current line, or the first line of a token
    /// that went on over several lines. One message counts its column from here.
    buf_start: usize,
    atbol: bool,
    /// Indentation columns (tabs to multiples of 8) and alternative columns (tabs as 1).
    indstack: Vec<(u32, u32)>,
    pendin: i32,
    brackets: Vec<OpenBracket>,
    tokens: Vec<Token>,
    error: Option<LexError>,
}

impl<'s> Lexer<'s> {
    fn new(text: &'s str) -> Lexer<'s> {
        Lexer {
            text,
            b: text.as_bytes(),
            pos: 0,
            line: 1,
            line_start: 0,
            buf_start: 0,
            atbol: true,
            indstack: vec![(0, 0)],
            pendin: 0,
            brackets: Vec::new(),
            tokens: Vec::with_capacity(text.len() / 4 + 8),
            error: None,
        }
    }

    fn run(mut self) -> Lexed {
        let _ = self.lex_all();
        Lexed {
            tokens: self.tokens,
            error: self.error,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn peek_at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    /// The length of the line break at `i` (`\n`, `\r\n` or `\r`), or 0.
    fn newline_len(&self, i: usize) -> usize {
        match self.peek_at(i) {
            Some(b'\n') => 1,
            Some(b'\r') => {
                if self.peek_at(i + 1) == Some(b'\n') {
                    2
                } else {
                    1
                }
            }
            _ => 0,
        }
    }

    /// Steps over the line break at `pos`.
    fn consume_newline(&mut self) {
        self.consume_newline_in_token();
        self.buf_start = self.line_start;
    }

    /// Steps over a line break inside a token (a string, a backslash continuation):
    /// CPython's buffer then keeps the token's first line.
    fn consume_newline_in_token(&mut self) {
        self.pos += self.newline_len(self.pos).max(1);
        if self.pos < self.b.len() {
            self.line += 1;
            self.line_start = self.pos;
        }
    }

    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.tokens.push(Token::new(kind, start, end, self.line));
    }

    /// Characters from the start of the current line up to byte `pos`.
    fn chars_to(&self, pos: usize) -> i32 {
        let start = self.line_start.min(pos);
        self.text
            .get(start..pos)
            .map_or((pos - start) as i32, |s| s.chars().count() as i32)
    }

    /// Stops with an error; pushes the `Error` token.
    fn fail(&mut self, error: SyntaxError, eager: bool, at_eof: bool) -> Stop {
        let open_bracket = self.brackets.last().copied();
        self.error = Some(LexError {
            error,
            eager,
            at_eof,
            open_bracket,
        });
        let pos = self.pos.min(self.b.len());
        self.push(TokenKind::Error, pos, pos);
        Stop
    }

    fn make(
        &self,
        kind: SyntaxErrorKind,
        msg: String,
        span: Span,
        location: PyLocation,
    ) -> SyntaxError {
        SyntaxError {
            kind,
            msg,
            span,
            incomplete: false,
            location,
        }
    }

    /// CPython's `syntaxerror()`: located at the tokenizer's cursor `cur`, with the offset
    /// counting characters up to it.
    fn error_at_cursor(&mut self, cur: usize, msg: String) -> Stop {
        let offset = self.chars_to(cur);
        let location = PyLocation {
            lineno: self.line,
            offset,
            end_lineno: self.line,
            end_offset: offset,
        };
        let error = self.make(
            SyntaxErrorKind::Syntax,
            msg,
            Span::new(cur.saturating_sub(1), cur),
            location,
        );
        self.fail(error, true, false)
    }

    /// Errors CPython reports through `_Pypegen_tokenizer_error` at column 0 of the current
    /// line (TabError, too many indentation levels).
    fn error_line_start(&mut self, kind: SyntaxErrorKind, msg: &str) -> Stop {
        let location = PyLocation {
            lineno: self.line,
            offset: 1,
            end_lineno: self.line,
            end_offset: 0,
        };
        let span = Span::new(self.line_start, self.line_start);
        let error = self.make(kind, msg.to_string(), span, location);
        self.fail(error, false, false)
    }

    /// The end of the current line, after its line break.
    fn end_of_line(&self) -> usize {
        let mut i = self.pos;
        while i < self.b.len() && self.newline_len(i) == 0 {
            i += 1;
        }
        i + self.newline_len(i)
    }

    fn lex_all(&mut self) -> Result<(), Stop> {
        loop {
            // nextline: measure the indentation of a new line.
            let mut blankline = false;
            if self.atbol {
                self.atbol = false;
                let (mut col, mut altcol) = (0u32, 0u32);
                // A backslash in the indentation continues the line; the first one found
                // fixes the indentation of what follows (CPython's `cont_line_col`).
                let mut cont_line_col = 0u32;
                loop {
                    match self.peek() {
                        Some(b' ') => {
                            col += 1;
                            altcol += 1;
                        }
                        Some(b'\t') => {
                            col = (col / 8 + 1) * 8;
                            altcol += 1;
                        }
                        Some(0x0c) => {
                            col = 0;
                            altcol = 0;
                        }
                        Some(b'\\') => {
                            if cont_line_col == 0 {
                                cont_line_col = col;
                            }
                            self.continuation(true)?;
                            continue;
                        }
                        _ => break,
                    }
                    self.pos += 1;
                }
                if matches!(self.peek(), Some(b'#' | b'\n' | b'\r')) {
                    blankline = true;
                }
                if !blankline && self.brackets.is_empty() {
                    if cont_line_col != 0 {
                        col = cont_line_col;
                        altcol = cont_line_col;
                    }
                    self.indent_to(col, altcol)?;
                }
            }
            let indent_pos = self.pos;
            while self.pendin != 0 {
                if self.pendin < 0 {
                    self.pendin += 1;
                    self.push(TokenKind::Dedent, indent_pos, indent_pos);
                } else {
                    self.pendin -= 1;
                    self.push(TokenKind::Indent, indent_pos, indent_pos);
                }
            }
            // again: the tokens of one physical line.
            loop {
                while matches!(self.peek(), Some(b' ' | b'\t' | 0x0c)) {
                    self.pos += 1;
                }
                let start = self.pos;
                let Some(mut c) = self.peek() else {
                    return self.end_of_input();
                };
                if c == b'#' {
                    while self.pos < self.b.len() && self.newline_len(self.pos) == 0 {
                        self.pos += 1;
                    }
                    match self.peek() {
                        Some(next) => c = next,
                        None => return self.end_of_input(),
                    }
                }
                if c == b'\n' || c == b'\r' {
                    self.atbol = true;
                    if !blankline && self.brackets.is_empty() {
                        // CPython's NEWLINE starts where the token did: at a comment before
                        // the line break, if there is one.
                        self.push(TokenKind::Newline, start, self.pos);
                    }
                    self.consume_newline();
                    break;
                }
                if c == b'\\' {
                    self.continuation(false)?;
                    continue;
                }
                self.token(start, c)?;
            }
        }
    }

    /// Compares a new line's indentation with the stack; queues INDENT or DEDENTs.
    fn indent_to(&mut self, col: u32, altcol: u32) -> Result<(), Stop> {
        let (top, alttop) = *self.indstack.last().unwrap_or(&(0, 0));
        if col == top {
            if altcol != alttop {
                return Err(self.tab_error());
            }
        } else if col > top {
            if self.indstack.len() >= MAX_INDENT {
                return Err(self.error_line_start(
                    SyntaxErrorKind::Indentation,
                    "too many levels of indentation",
                ));
            }
            if altcol <= alttop {
                return Err(self.tab_error());
            }
            self.pendin += 1;
            self.indstack.push((col, altcol));
        } else {
            while self.indstack.len() > 1 && col < self.indstack[self.indstack.len() - 1].0 {
                self.pendin -= 1;
                self.indstack.pop();
            }
            let (top, alttop) = self.indstack[self.indstack.len() - 1];
            if col != top {
                // CPython moves its cursor to the end of the line and reports there.
                let end = self.end_of_line();
                let offset = self.chars_to(end);
                let location = PyLocation {
                    lineno: self.line,
                    offset: self.clamp_offset(offset),
                    end_lineno: self.line,
                    end_offset: -1,
                };
                let error = self.make(
                    SyntaxErrorKind::Indentation,
                    "unindent does not match any outer indentation level".to_string(),
                    Span::new(self.pos, self.pos),
                    location,
                );
                return Err(self.fail(error, false, false));
            }
            if altcol != alttop {
                return Err(self.tab_error());
            }
        }
        Ok(())
    }

    /// CPython counts a cursor past the line break as one more character at most.
    fn clamp_offset(&self, offset: i32) -> i32 {
        let line_len = self.text[self.line_start..]
            .split(['\n', '\r'])
            .next()
            .map_or(0, |l| l.chars().count()) as i32;
        offset.min(line_len + 1)
    }

    fn tab_error(&mut self) -> Stop {
        self.error_line_start(
            SyntaxErrorKind::Tab,
            "inconsistent use of tabs and spaces in indentation",
        )
    }

    /// The end of the text: dedents were queued at the start of this (empty) line.
    fn end_of_input(&mut self) -> Result<(), Stop> {
        let pos = self.b.len();
        if let Some(&open) = self.brackets.last() {
            return Err(self.unclosed(open, pos));
        }
        self.push(TokenKind::EndMarker, pos, pos);
        Ok(())
    }

    /// `'(' was never closed`, located at the bracket.
    fn unclosed(&mut self, open: OpenBracket, pos: usize) -> Stop {
        self.pos = pos;
        let offset = self.text[open.pos - open.col..open.pos].chars().count() as i32 + 1;
        let location = PyLocation {
            lineno: open.line,
            offset,
            end_lineno: open.line,
            end_offset: 0,
        };
        let error = self.make(
            SyntaxErrorKind::Syntax,
            format!("'{}' was never closed", open.ch),
            Span::new(open.pos, open.pos + 1),
            location,
        );
        self.fail(error, false, true)
    }

    /// A backslash outside a string: the line must end right after it.
    fn continuation(&mut self, at_line_start: bool) -> Result<(), Stop> {
        let after = self.pos + 1;
        if self.newline_len(after) == 0 {
            // CPython reads the character after the backslash and reports the column of
            // that character, plus one, counted from the start of its line buffer.
            let bytes = after + 1 - self.buf_start;
            let mut end = after;
            while end < self.b.len() && self.newline_len(end) == 0 {
                end += 1;
            }
            let offset = char_count_prefix(&self.text[self.buf_start..end], bytes);
            let location = PyLocation {
                lineno: self.line,
                offset,
                end_lineno: self.line,
                end_offset: 0,
            };
            let error = self.make(
                SyntaxErrorKind::Syntax,
                "unexpected character after line continuation character".to_string(),
                Span::new(self.pos, after),
                location,
            );
            self.pos = after;
            return Err(self.fail(error, false, false));
        }
        self.pos = after;
        if at_line_start {
            self.consume_newline();
        } else {
            self.consume_newline_in_token();
        }
        if self.pos >= self.b.len() {
            let pos = self.b.len();
            if let Some(&open) = self.brackets.last() {
                return Err(self.unclosed(open, pos));
            }
            // "unexpected EOF while parsing", at the end of the last line.
            let offset = self.chars_to(pos);
            let location = PyLocation {
                lineno: self.line,
                offset: self.clamp_offset(offset),
                end_lineno: self.line,
                end_offset: -1,
            };
            let error = self.make(
                SyntaxErrorKind::Syntax,
                "unexpected EOF while parsing".to_string(),
                Span::new(pos, pos),
                location,
            );
            self.pos = pos;
            return Err(self.fail(error, false, true));
        }
        Ok(())
    }

    /// One token starting with byte `c` at `start` (not a space, comment or line break).
    fn token(&mut self, start: usize, c: u8) -> Result<(), Stop> {
        if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            return self.name_or_string(start);
        }
        if c == b'.' {
            if self.peek_at(start + 1).is_some_and(|d| d.is_ascii_digit()) {
                return self.number(start);
            }
            if self.peek_at(start + 1) == Some(b'.') && self.peek_at(start + 2) == Some(b'.') {
                self.pos = start + 3;
                self.push(TokenKind::Ellipsis, start, start + 3);
                return Ok(());
            }
            self.pos = start + 1;
            self.push(TokenKind::Dot, start, start + 1);
            return Ok(());
        }
        if c.is_ascii_digit() {
            return self.number(start);
        }
        if c == b'"' || c == b'\'' {
            return self.string(start, start);
        }
        self.operator(start, c)
    }

    fn operator(&mut self, start: usize, c: u8) -> Result<(), Stop> {
        let c2 = self.peek_at(start + 1).unwrap_or(0);
        let c3 = self.peek_at(start + 2).unwrap_or(0);
        if let Some((kind, len)) = multi_char_operator(c, c2, c3) {
            self.pos = start + len;
            self.push(kind, start, start + len);
            return Ok(());
        }
        self.pos = start + 1;
        match c {
            b'(' | b'[' | b'{' => {
                if self.brackets.len() >= MAX_LEVEL {
                    return Err(
                        self.error_at_cursor(self.pos, "too many nested parentheses".to_string())
                    );
                }
                self.brackets.push(OpenBracket {
                    ch: c as char,
                    line: self.line,
                    pos: start,
                    col: start - self.line_start,
                });
            }
            b')' | b']' | b'}' => {
                let Some(open) = self.brackets.pop() else {
                    return Err(
                        self.error_at_cursor(self.pos, format!("unmatched '{}'", c as char))
                    );
                };
                let matching = matches!((open.ch, c), ('(', b')') | ('[', b']') | ('{', b'}'));
                if !matching {
                    let msg = if open.line != self.line {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            c as char, open.ch, open.line
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open.ch
                        )
                    };
                    self.brackets.push(open);
                    return Err(self.error_at_cursor(self.pos, msg));
                }
            }
            _ => {}
        }
        let kind = match TokenKind::operator(&self.text[start..start + 1]) {
            Some(kind) => kind,
            None => {
                if c < 0x20 || c == 0x7f {
                    if c == 0 {
                        return Err(self.error_at_cursor(
                            self.pos,
                            "source code cannot contain null bytes".to_string(),
                        ));
                    }
                    return Err(self.error_at_cursor(
                        self.pos,
                        format!("invalid non-printable character U+{:04X}", c),
                    ));
                }
                TokenKind::Unknown
            }
        };
        self.push(kind, start, start + 1);
        Ok(())
    }

    /// A name, a keyword, or a string with a prefix (`b`, `r`, `u`, `f` and their mixes).
    fn name_or_string(&mut self, start: usize) -> Result<(), Stop> {
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        let mut i = start;
        while let Some(c) = self.peek_at(i) {
            match c {
                b'b' | b'B' if !(saw_b || saw_u || saw_f) => saw_b = true,
                b'u' | b'U' if !(saw_b || saw_u || saw_r || saw_f) => saw_u = true,
                b'r' | b'R' if !(saw_r || saw_u) => saw_r = true,
                b'f' | b'F' if !(saw_f || saw_b || saw_u) => saw_f = true,
                _ => break,
            }
            i += 1;
            if matches!(self.peek_at(i), Some(b'"' | b'\'')) {
                return self.string(start, i);
            }
        }
        let mut i = start;
        let mut nonascii = false;
        while let Some(c) = self.peek_at(i) {
            if c.is_ascii_alphanumeric() || c == b'_' {
                i += 1;
            } else if c >= 0x80 {
                nonascii = true;
                i += 1;
            } else {
                break;
            }
        }
        self.pos = i;
        if nonascii {
            self.verify_identifier(start, i)?;
        }
        let text = &self.text[start..i];
        let kind = TokenKind::keyword(text).unwrap_or(TokenKind::Name);
        self.push(kind, start, i);
        Ok(())
    }

    /// PEP 3131: a name must be XID_Start (or `_`) followed by XID_Continue characters.
    fn verify_identifier(&mut self, start: usize, end: usize) -> Result<(), Stop> {
        let text = &self.text[start..end];
        for (n, (i, ch)) in text.char_indices().enumerate() {
            let ok = if n == 0 {
                ch == '_' || unicode_ident::is_xid_start(ch)
            } else {
                unicode_ident::is_xid_continue(ch)
            };
            if !ok {
                let cur = start + i + ch.len_utf8();
                let msg = if is_printable(ch) {
                    format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", ch as u32)
                };
                return Err(self.error_at_cursor(cur, msg));
            }
        }
        Ok(())
    }

    /// A string literal whose prefix starts at `start` and whose opening quote is at `quote_at`.
    fn string(&mut self, start: usize, quote_at: usize) -> Result<(), Stop> {
        let first_line = self.line;
        let first_line_start = self.line_start;
        let quote = self.b[quote_at];
        self.pos = quote_at + 1;
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        if self.peek() == Some(quote) {
            self.pos += 1;
            if self.peek() == Some(quote) {
                self.pos += 1;
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
        }
        while end_quote_size != quote_size {
            let Some(c) = self.peek() else {
                return Err(self.unterminated(start, first_line, first_line_start, quote_size));
            };
            if c == b'\n' || c == b'\r' {
                if quote_size == 1 {
                    return Err(self.unterminated(start, first_line, first_line_start, quote_size));
                }
                self.consume_newline_in_token();
                end_quote_size = 0;
                continue;
            }
            self.pos += 1;
            if c == quote {
                end_quote_size += 1;
                continue;
            }
            end_quote_size = 0;
            if c == b'\\' {
                match self.peek() {
                    Some(b'\n' | b'\r') => self.consume_newline_in_token(),
                    Some(_) => self.pos += 1,
                    None => {}
                }
            }
        }
        let end = self.pos;
        self.tokens
            .push(Token::new(TokenKind::String, start, end, first_line));
        Ok(())
    }

    fn unterminated(
        &mut self,
        start: usize,
        first_line: u32,
        first_line_start: usize,
        quote_size: usize,
    ) -> Stop {
        let detected = self.line;
        let at_eof = self.peek().is_none();
        let offset = self.text[first_line_start..start].chars().count() as i32 + 1;
        let location = PyLocation {
            lineno: first_line,
            offset,
            end_lineno: first_line,
            end_offset: offset,
        };
        let msg = if quote_size == 3 {
            format!("unterminated triple-quoted string literal (detected at line {detected})")
        } else {
            format!("unterminated string literal (detected at line {detected})")
        };
        let error = self.make(
            SyntaxErrorKind::Syntax,
            msg,
            Span::new(start, start + 1),
            location,
        );
        self.fail(error, true, at_eof)
    }
}

/// Two- and three-character operators (CPython's `PyToken_TwoChars`/`ThreeChars`).
fn multi_char_operator(c1: u8, c2: u8, c3: u8) -> Option<(TokenKind, usize)> {
    use TokenKind as T;
    let three = match (c1, c2, c3) {
        (b'*', b'*', b'=') => Some(T::DoubleStarEqual),
        (b'/', b'/', b'=') => Some(T::DoubleSlashEqual),
        (b'<', b'<', b'=') => Some(T::LeftShiftEqual),
        (b'>', b'>', b'=') => Some(T::RightShiftEqual),
        _ => None,
    };
    if let Some(kind) = three {
        return Some((kind, 3));
    }
    let two = match (c1, c2) {
        (b'=', b'=') => T::EqEqual,
        (b'!', b'=') => T::NotEqual,
        (b'<', b'=') => T::LessEqual,
        (b'>', b'=') => T::GreaterEqual,
        (b'<', b'>') => T::NotEqualAlt,
        (b'<', b'<') => T::LeftShift,
        (b'>', b'>') => T::RightShift,
        (b'*', b'*') => T::DoubleStar,
        (b'/', b'/') => T::DoubleSlash,
        (b'+', b'=') => T::PlusEqual,
        (b'-', b'=') => T::MinEqual,
        (b'*', b'=') => T::StarEqual,
        (b'/', b'=') => T::SlashEqual,
        (b'%', b'=') => T::PercentEqual,
        (b'&', b'=') => T::AmperEqual,
        (b'|', b'=') => T::VBarEqual,
        (b'^', b'=') => T::CircumflexEqual,
        (b'@', b'=') => T::AtEqual,
        (b'-', b'>') => T::RArrow,
        (b':', b'=') => T::ColonEqual,
        _ => return None,
    };
    Some((two, 2))
}

/// Characters in the first `bytes` bytes of `line` (without its line break), counting a cut
/// character and one position past the end as CPython does.
fn char_count_prefix(line: &str, bytes: usize) -> i32 {
    if bytes > line.len() {
        return line.chars().count() as i32 + (bytes - line.len()).min(2) as i32;
    }
    line.char_indices().take_while(|&(i, _)| i < bytes).count() as i32
}

/// Python's `str.isprintable` for one character, closely enough for error messages: not a
/// control, format, separator (other than space), surrogate or private-use character.
pub fn is_printable(ch: char) -> bool {
    let c = ch as u32;
    if ch == ' ' {
        return true;
    }
    if ch.is_control() || ch.is_whitespace() {
        return false;
    }
    let format = matches!(
        c,
        0xAD | 0x600..=0x605
            | 0x61C
            | 0x6DD
            | 0x70F
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0xE0001
            | 0xE0020..=0xE007F
    );
    let private = matches!(c, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF);
    !(format || private)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dumps tokens as `KIND` or `KIND:text`, one line per source line, then the error.
    fn dump(source: &str) -> String {
        let text = padded(source);
        let lexed = tokenize(&text);
        let mut out = String::new();
        let mut line = 0;
        for t in &lexed.tokens {
            if t.line != line {
                if line != 0 {
                    out.push('\n');
                }
                out.push_str(&format!("{}:", t.line));
                line = t.line;
            }
            out.push(' ');
            match t.kind {
                TokenKind::Name | TokenKind::Number | TokenKind::String => {
                    out.push_str(t.text(&text));
                }
                kind => out.push_str(kind.describe()),
            }
        }
        if let Some(e) = &lexed.error {
            let l = e.error.location;
            out.push_str(&format!(
                "\n{}: {} @ {}:{}-{}:{}{}{}",
                e.error.kind.class_name(),
                e.error.msg,
                l.lineno,
                l.offset,
                l.end_lineno,
                l.end_offset,
                if e.eager { " eager" } else { "" },
                if e.at_eof { " eof" } else { "" },
            ));
        }
        out
    }

    fn check(source: &str, expect: &str) {
        let got = dump(source);
        assert_eq!(got.trim(), expect.trim(), "tokens of {source:?}");
    }

    #[test]
    fn simple_lines() {
        check("x = 1", "1: x = 1 NEWLINE ENDMARKER");
        check("a.b(c, d)\n", "1: a . b ( c , d ) NEWLINE ENDMARKER");
        check(
            "x **= 2 // 3 -> ... :=",
            "1: x **= 2 // 3 -> ... := NEWLINE ENDMARKER",
        );
        check("if x: pass", "1: if x : pass NEWLINE ENDMARKER");
        check("", "1: ENDMARKER");
    }

    #[test]
    fn indentation() {
        check(
            "if x:\n    y\n    z\nw",
            "1: if x : NEWLINE\n2: INDENT y NEWLINE\n3: z NEWLINE\n4: DEDENT w NEWLINE ENDMARKER",
        );
        check(
            "def f():\n  if a:\n    b\n\n  # c\nd\n",
            "1: def f ( ) : NEWLINE\n2: INDENT if a : NEWLINE\n3: INDENT b NEWLINE\n6: DEDENT DEDENT d NEWLINE ENDMARKER",
        );
        check(
            "if x:\n    y",
            "1: if x : NEWLINE\n2: INDENT y NEWLINE DEDENT ENDMARKER",
        );
    }

    #[test]
    fn line_joining() {
        check(
            "x = (1,\n     2)\ny = [\n]",
            "1: x = ( 1 ,\n2: 2 ) NEWLINE\n3: y = [\n4: ] NEWLINE ENDMARKER",
        );
        check("x = 1 + \\\n  2", "1: x = 1 +\n2: 2 NEWLINE ENDMARKER");
        check(
            "x = 1 # comment\n# only\n",
            "1: x = 1 NEWLINE\n2: ENDMARKER",
        );
    }

    #[test]
    fn strings() {
        check(
            r#"s = 'a' "b" rb'c' F"{x}" '''x
y''' u"z""#,
            "1: s = 'a' \"b\" rb'c' F\"{x}\" '''x\ny'''\n2: u\"z\" NEWLINE ENDMARKER",
        );
        check(
            r#"x = "a\"b" 'it\'s'"#,
            r#"1: x = "a\"b" 'it\'s' NEWLINE ENDMARKER"#,
        );
        check("bar = br'x' + ur", "1: bar = br'x' + ur NEWLINE ENDMARKER");
    }

    #[test]
    fn numbers() {
        check(
            "1 1_000 0x_ff 0o17 0b1 1.5 .5 5. 1e5 1E-5 1_0.5_0e+1_0 3j 1.5J 00 0_0 012.5",
            "1: 1 1_000 0x_ff 0o17 0b1 1.5 .5 5. 1e5 1E-5 1_0.5_0e+1_0 3j 1.5J 00 0_0 012.5 NEWLINE ENDMARKER",
        );
        check("1if x else 2", "1: 1 if x else 2 NEWLINE ENDMARKER");
        check("0x1for", "1: 0x1f or NEWLINE ENDMARKER");
        check("1else", "1: 1 else NEWLINE ENDMARKER");
    }

    #[test]
    fn number_errors() {
        check(
            "x = 0777",
            "1: x = ERRORTOKEN\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @ 1:5-1:6 eager",
        );
        check(
            "1__0",
            "1: ERRORTOKEN\nSyntaxError: invalid decimal literal @ 1:2-1:2 eager",
        );
        check(
            "x = 1_",
            "1: x = ERRORTOKEN\nSyntaxError: invalid decimal literal @ 1:6-1:6 eager",
        );
        check(
            "x = 1abc",
            "1: x = ERRORTOKEN\nSyntaxError: invalid decimal literal @ 1:5-1:5 eager",
        );
        check(
            "x = 0b2",
            "1: x = ERRORTOKEN\nSyntaxError: invalid digit '2' in binary literal @ 1:7-1:7 eager",
        );
        check(
            "x = 0o8",
            "1: x = ERRORTOKEN\nSyntaxError: invalid digit '8' in octal literal @ 1:7-1:7 eager",
        );
        check(
            "x = 0x",
            "1: x = ERRORTOKEN\nSyntaxError: invalid hexadecimal literal @ 1:6-1:6 eager",
        );
        check(
            "x = 1e+",
            "1: x = ERRORTOKEN\nSyntaxError: invalid decimal literal @ 1:7-1:7 eager",
        );
        check(
            "x = 1e",
            "1: x = ERRORTOKEN\nSyntaxError: invalid decimal literal @ 1:5-1:5 eager",
        );
        check(
            "x = 1jx",
            "1: x = ERRORTOKEN\nSyntaxError: invalid imaginary literal @ 1:6-1:6 eager",
        );
    }

    #[test]
    fn string_errors() {
        check(
            "x = 'abc\ny = 2",
            "1: x = ERRORTOKEN\nSyntaxError: unterminated string literal (detected at line 1) @ 1:5-1:5 eager",
        );
        check(
            "s = \"\"\"abc\ndef",
            "1: s =\n2: ERRORTOKEN\nSyntaxError: unterminated triple-quoted string literal (detected at line 2) @ 1:5-1:5 eager eof",
        );
        check(
            "x = f'a\\\nb",
            "1: x =\n2: ERRORTOKEN\nSyntaxError: unterminated string literal (detected at line 2) @ 1:5-1:5 eager",
        );
    }

    #[test]
    fn bracket_errors() {
        check(
            "x = )",
            "1: x = ERRORTOKEN\nSyntaxError: unmatched ')' @ 1:5-1:5 eager",
        );
        check(
            "x = (1, 2]",
            "1: x = ( 1 , 2 ERRORTOKEN\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @ 1:10-1:10 eager",
        );
        check(
            "x = (1,\n2]",
            "1: x = ( 1 ,\n2: 2 ERRORTOKEN\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @ 2:2-2:2 eager",
        );
        check(
            "x = (1,",
            "1: x = ( 1 , ERRORTOKEN\nSyntaxError: '(' was never closed @ 1:5-1:0 eof",
        );
        let deep = "(".repeat(201);
        let got = dump(&deep);
        assert!(got.ends_with("SyntaxError: too many nested parentheses @ 1:201-1:201 eager"));
    }

    #[test]
    fn indentation_errors() {
        check(
            "if x:\n        a\n    b",
            "1: if x : NEWLINE\n2: INDENT a NEWLINE\n3: ERRORTOKEN\nIndentationError: unindent does not match any outer indentation level @ 3:6-3:-1",
        );
        check(
            "if x:\n\ta\n        b",
            "1: if x : NEWLINE\n2: INDENT a NEWLINE\n3: ERRORTOKEN\nTabError: inconsistent use of tabs and spaces in indentation @ 3:1-3:0",
        );
        check(
            "x = 1 + \\",
            "1: x = 1 + ERRORTOKEN\nSyntaxError: unexpected EOF while parsing @ 1:10-1:-1 eof",
        );
        check(
            "x = 1 \\ y",
            "1: x = 1 ERRORTOKEN\nSyntaxError: unexpected character after line continuation character @ 1:8-1:0",
        );
    }

    #[test]
    fn characters() {
        check(
            "x = 5 € 3",
            "1: x = 5 ERRORTOKEN\nSyntaxError: invalid character '€' (U+20AC) @ 1:7-1:7 eager",
        );
        check("x = a $ b", "1: x = a OP b NEWLINE ENDMARKER");
        check("π = 3", "1: π = 3 NEWLINE ENDMARKER");
        check(
            "x = a\u{a0}b",
            "1: x = ERRORTOKEN\nSyntaxError: invalid non-printable character U+00A0 @ 1:6-1:6 eager",
        );
    }
}
