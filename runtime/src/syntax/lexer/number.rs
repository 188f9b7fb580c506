//! Number literals for the lexer: CPython's rules for `_` separators, `0x`/`0o`/`0b`
//! prefixes, legacy octal (`0777` is an error, `00` is not), exponents, `j` suffixes, and a
//! letter glued to the end of a number (`1if x else y` is accepted, `1abc` is an error).
//! Only the extent of the literal is found here; the parser computes its value.

use super::super::ast::Span;
use super::super::token::TokenKind;
use super::super::{PyLocation, SyntaxErrorKind};
use super::{Lexer, Stop};

impl<'s> Lexer<'s> {
    /// A number literal starting at `start` (a digit, or `.` followed by a digit).
    pub(super) fn number(&mut self, start: usize) -> Result<(), Stop> {
        self.pos = start;
        let first = self.b[start];
        if first == b'.' {
            self.pos += 1;
            return self.fraction(start);
        }
        if first == b'0' {
            self.pos += 1;
            match self.peek() {
                Some(b'x' | b'X') => {
                    self.pos += 1;
                    return self.radix(start, 16, "hexadecimal");
                }
                Some(b'o' | b'O') => {
                    self.pos += 1;
                    return self.radix(start, 8, "octal");
                }
                Some(b'b' | b'B') => {
                    self.pos += 1;
                    return self.radix(start, 2, "binary");
                }
                _ => {}
            }
            // Zeros, possibly legacy octal: `0`, `00`, `0_0` are fine, `07` is not.
            let mut nonzero = false;
            loop {
                if self.peek() == Some(b'_') {
                    self.pos += 1;
                    if !self.peek().is_some_and(|d| d.is_ascii_digit()) {
                        return Err(
                            self.error_at_cursor(self.pos, "invalid decimal literal".to_string())
                        );
                    }
                }
                if self.peek() != Some(b'0') {
                    break;
                }
                self.pos += 1;
            }
            // CPython's cursor has read one character past the zeros.
            let zeros_end = self.pos + 1;
            if self.peek().is_some_and(|d| d.is_ascii_digit()) {
                nonzero = true;
                self.decimal_tail()?;
            }
            match self.peek() {
                Some(b'.') => {
                    self.pos += 1;
                    return self.fraction(start);
                }
                Some(b'e' | b'E') => return self.exponent(start),
                Some(b'j' | b'J') => return self.imaginary(start),
                _ => {}
            }
            if nonzero {
                let col = start - self.line_start;
                let location = PyLocation {
                    lineno: self.line,
                    offset: col as i32 + 1,
                    end_lineno: self.line,
                    end_offset: (zeros_end - self.line_start) as i32,
                };
                let error = self.make(
                    SyntaxErrorKind::Syntax,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".to_string(),
                    Span::new(start, self.pos),
                    location,
                );
                return Err(self.fail(error, true, false));
            }
            self.verify_end(start, "decimal")?;
            return self.finish_number(start);
        }
        self.decimal_tail()?;
        match self.peek() {
            Some(b'.') => {
                self.pos += 1;
                self.fraction(start)
            }
            Some(b'e' | b'E') => self.exponent(start),
            Some(b'j' | b'J') => self.imaginary(start),
            _ => {
                self.verify_end(start, "decimal")?;
                self.finish_number(start)
            }
        }
    }

    /// Digits with single `_` separators; the cursor is on the first digit.
    fn decimal_tail(&mut self) -> Result<(), Stop> {
        loop {
            while self.peek().is_some_and(|d| d.is_ascii_digit()) {
                self.pos += 1;
            }
            if self.peek() != Some(b'_') {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_some_and(|d| d.is_ascii_digit()) {
                return Err(self.error_at_cursor(self.pos, "invalid decimal literal".to_string()));
            }
        }
    }

    /// After the `.` of a float: optional digits, exponent, `j`.
    fn fraction(&mut self, start: usize) -> Result<(), Stop> {
        if self.peek().is_some_and(|d| d.is_ascii_digit()) {
            self.decimal_tail()?;
        }
        match self.peek() {
            Some(b'e' | b'E') => self.exponent(start),
            Some(b'j' | b'J') => self.imaginary(start),
            _ => {
                self.verify_end(start, "decimal")?;
                self.finish_number(start)
            }
        }
    }

    /// The cursor is on `e` or `E`.
    fn exponent(&mut self, start: usize) -> Result<(), Stop> {
        let e_pos = self.pos;
        self.pos += 1;
        match self.peek() {
            Some(b'+' | b'-') => {
                self.pos += 1;
                if !self.peek().is_some_and(|d| d.is_ascii_digit()) {
                    return Err(
                        self.error_at_cursor(self.pos, "invalid decimal literal".to_string())
                    );
                }
            }
            Some(d) if d.is_ascii_digit() => {}
            _ => {
                // Not an exponent: the number ends before the `e`, unless the `e` starts a
                // word glued to the number.
                self.pos = e_pos;
                self.verify_end(start, "decimal")?;
                self.pos = e_pos;
                return self.finish_number(start);
            }
        }
        self.decimal_tail()?;
        match self.peek() {
            Some(b'j' | b'J') => self.imaginary(start),
            _ => {
                self.verify_end(start, "decimal")?;
                self.finish_number(start)
            }
        }
    }

    /// The cursor is on `j` or `J`.
    fn imaginary(&mut self, start: usize) -> Result<(), Stop> {
        self.pos += 1;
        self.verify_end(start, "imaginary")?;
        self.finish_number(start)
    }

    /// `0x`, `0o`, `0b` literals; the cursor is after the prefix.
    fn radix(&mut self, start: usize, radix: u32, kind: &str) -> Result<(), Stop> {
        let is_digit = |d: u8| (d as char).is_digit(radix);
        loop {
            if self.peek() == Some(b'_') {
                self.pos += 1;
            }
            match self.peek() {
                Some(d) if is_digit(d) => {}
                Some(d) if radix < 10 && d.is_ascii_digit() => {
                    self.pos += 1;
                    return Err(self.error_at_cursor(
                        self.pos,
                        format!("invalid digit '{}' in {kind} literal", d as char),
                    ));
                }
                _ => {
                    return Err(self.error_at_cursor(self.pos, format!("invalid {kind} literal")));
                }
            }
            while self.peek().is_some_and(is_digit) {
                self.pos += 1;
            }
            if self.peek() != Some(b'_') {
                break;
            }
        }
        if radix < 10 {
            if let Some(d) = self.peek().filter(|d| d.is_ascii_digit()) {
                self.pos += 1;
                return Err(self.error_at_cursor(
                    self.pos,
                    format!("invalid digit '{}' in {kind} literal", d as char),
                ));
            }
        }
        self.verify_end(start, kind)?;
        self.finish_number(start)
    }

    /// CPython's `verify_end_of_number`: a letter glued to a number is an error, except the
    /// keywords that may follow a number in valid code (`1if x else y`), which CPython
    /// accepts with a warning.
    fn verify_end(&mut self, _start: usize, kind: &str) -> Result<(), Stop> {
        let rest = &self.b[self.pos..];
        let followed_by = |word: &[u8]| {
            rest.starts_with(word)
                && !rest
                    .get(word.len())
                    .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80)
        };
        let keyword = match rest.first() {
            Some(b'a') => followed_by(b"and"),
            Some(b'e') => followed_by(b"else"),
            Some(b'f') => followed_by(b"for"),
            Some(b'i') => matches!(rest.get(1), Some(b'f' | b'n' | b's')),
            Some(b'o') => followed_by(b"or"),
            Some(b'n') => followed_by(b"not"),
            _ => false,
        };
        if keyword {
            return Ok(());
        }
        if let Some(&c) = rest.first() {
            if c < 0x80 && (c.is_ascii_alphanumeric() || c == b'_') {
                return Err(self.error_at_cursor(self.pos, format!("invalid {kind} literal")));
            }
        }
        Ok(())
    }

    fn finish_number(&mut self, start: usize) -> Result<(), Stop> {
        self.push(TokenKind::Number, start, self.pos);
        Ok(())
    }
}
