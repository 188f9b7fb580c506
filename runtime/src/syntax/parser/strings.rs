//! String and bytes literals: prefixes, escapes, and the concatenation of adjacent literals
//! (CPython's `_PyPegen_concatenate_strings` and `_PyPegen_parsestr`).
//!
//! Escape errors carry CPython's wording (`(unicode error) 'unicodeescape' codec can't
//! decode bytes in position 0-2: truncated \xXX escape`). Invalid escapes such as `\q` are
//! kept as written, which is what CPython 3.11 does (it only warns).
//!
//! What it deliberately does not do: `\N{...}` named characters (Coro has no Unicode name
//! table; they are a `SyntaxError` naming the limitation) and lone surrogates (`\ud800`),
//! which a Rust string cannot hold.

use std::rc::Rc;

use super::super::ast::*;
use super::super::token::TokenKind as T;
use super::fstring::FStringState;
use super::{PResult, Parser};

/// What a string token's prefix says.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Prefix {
    pub bytes: bool,
    pub raw: bool,
    pub fstring: bool,
}

/// A string token split into prefix and body (the text between the quotes).
pub(super) struct Literal<'a> {
    pub prefix: Prefix,
    pub body: &'a str,
    /// Byte offset of the body in the token text.
    pub body_offset: usize,
}

/// Splits a string token's text into prefix and body.
pub(super) fn split_literal(text: &str) -> Literal<'_> {
    let mut prefix = Prefix::default();
    let mut i = 0;
    for c in text.bytes() {
        match c {
            b'b' | b'B' => prefix.bytes = true,
            b'r' | b'R' => prefix.raw = true,
            b'f' | b'F' => prefix.fstring = true,
            b'u' | b'U' => {}
            _ => break,
        }
        i += 1;
    }
    let rest = &text[i..];
    let quote_len = if rest.len() >= 6 && (rest.starts_with("'''") || rest.starts_with("\"\"\"")) {
        3
    } else {
        1
    };
    let body_end = rest.len().saturating_sub(quote_len).max(quote_len);
    Literal {
        prefix,
        body: &rest[quote_len.min(rest.len())..body_end],
        body_offset: i + quote_len,
    }
}

/// A string body with CPython's newline translation applied (`\r\n` and `\r` become `\n`).
pub(super) fn translate_newlines(body: &str) -> std::borrow::Cow<'_, str> {
    if body.contains('\r') {
        std::borrow::Cow::Owned(body.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(body)
    }
}

impl<'s> Parser<'s> {
    /// strings: STRING+
    pub(super) fn strings(&mut self) -> PResult<Expr> {
        let first = self.cur();
        let mut toks = vec![self.bump()];
        while self.at(T::String) {
            toks.push(self.bump());
        }
        let last = toks[toks.len() - 1];
        let span = Span::new(first.span.start as usize, last.span.end as usize);
        let mut bytes_mode: Option<bool> = None;
        let mut bytes_value: Vec<u8> = Vec::new();
        let mut state = FStringState::default();
        for t in &toks {
            let text = self.text_of(t);
            let lit = split_literal(text);
            let body = translate_newlines(lit.body);
            // Decode first: CPython reports a bad escape before a bytes/str mix.
            let value = if lit.prefix.fstring {
                None
            } else if lit.prefix.bytes {
                if !body.is_ascii() {
                    return Err(
                        self.raise_at("bytes can only contain ASCII literal characters", t.span)
                    );
                }
                let decoded = if lit.prefix.raw {
                    body.as_bytes().to_vec()
                } else {
                    match decode_bytes(&body) {
                        Ok(b) => b,
                        Err(msg) => return Err(self.raise_on_last_token(&msg)),
                    }
                };
                Some(Decoded::Bytes(decoded))
            } else {
                let decoded = if lit.prefix.raw {
                    body.to_string()
                } else {
                    match decode_str(&body) {
                        Ok(s) => s,
                        Err(msg) => return Err(self.raise_on_last_token(&msg)),
                    }
                };
                Some(Decoded::Str(decoded))
            };
            if let Some(mode) = bytes_mode {
                if mode != lit.prefix.bytes {
                    return Err(self.raise_on_last_token("cannot mix bytes and nonbytes literals"));
                }
            }
            bytes_mode = Some(lit.prefix.bytes);
            match value {
                Some(Decoded::Bytes(b)) => bytes_value.extend_from_slice(&b),
                Some(Decoded::Str(s)) => state.push_literal(&s),
                None => self.fstring_token(&mut state, t, &lit, &body, span)?,
            }
        }
        if bytes_mode == Some(true) {
            return Ok(Expr::new(
                ExprKind::Constant(Constant::Bytes(Rc::from(bytes_value))),
                span,
            ));
        }
        Ok(state.finish(span))
    }
}

enum Decoded {
    Bytes(Vec<u8>),
    Str(String),
}

/// The position CPython's decoder reports for byte `i` of `body`: CPython first rewrites
/// every non-ASCII character as a ten-byte `\UXXXXXXXX` escape (and a backslash before one as
/// `\u005c`), and counts positions in the rewritten text.
fn escaped_position(body: &str, i: usize) -> usize {
    let mut pos = 0;
    let mut prev_backslash = false;
    for (j, c) in body.char_indices() {
        if j >= i {
            break;
        }
        if c.is_ascii() {
            pos += 1;
            prev_backslash = c == '\\' && !prev_backslash;
        } else {
            if prev_backslash {
                pos += 5;
            }
            pos += 10;
            prev_backslash = false;
        }
    }
    pos
}

/// CPython's error text for a failed unicode escape spanning bytes `start..end` of `body`.
fn unicode_error(body: &str, start: usize, end: usize, reason: &str) -> String {
    let a = escaped_position(body, start);
    let b = escaped_position(body, end);
    if b - a <= 1 {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {a}: {reason}"
        )
    } else {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {a}-{}: {reason}",
            b - 1
        )
    }
}

fn hex_value(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// Decodes the escapes of a str literal (not raw).
pub(super) fn decode_str(body: &str) -> Result<String, String> {
    if !body.contains('\\') {
        return Ok(body.to_string());
    }
    let bytes = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c != b'\\' {
            // Copy a run of ordinary text (whole characters).
            let next = body[i..].find('\\').map_or(bytes.len(), |k| i + k);
            out.push_str(&body[i..next]);
            i = next;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = bytes.get(i) else {
            // CPython turns a final backslash into `\u005c`, a backslash.
            out.push('\\');
            break;
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut value = (e - b'0') as u32;
                for _ in 0..2 {
                    match bytes.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            b'x' | b'u' | b'U' => {
                let (count, reason) = match e {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value: u32 = 0;
                for _ in 0..count {
                    match bytes.get(i).and_then(|&b| hex_value(b)) {
                        Some(d) => {
                            value = value * 16 + d;
                            i += 1;
                        }
                        None => return Err(unicode_error(body, start, i, reason)),
                    }
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None if value > 0x10FFFF => {
                        return Err(unicode_error(body, start, i, "illegal Unicode character"))
                    }
                    None => return Err(
                        "(unicode error) lone surrogates such as \\ud800 are not supported by Coro"
                            .to_string(),
                    ),
                }
            }
            b'N' => {
                return Err(
                    "(unicode error) \\N{...} escapes are not supported by Coro".to_string()
                );
            }
            _ => {
                // An unknown escape stays as written (CPython only warns). Keep the whole
                // character after the backslash.
                out.push('\\');
                let ch_start = i - 1;
                let ch = body[ch_start..].chars().next().unwrap_or('\\');
                out.push(ch);
                i = ch_start + ch.len_utf8();
            }
        }
    }
    Ok(out)
}

/// Decodes the escapes of a bytes literal (not raw); the body is ASCII.
fn decode_bytes(body: &str) -> Result<Vec<u8>, String> {
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = bytes.get(i) else {
            return Err("(value error) Trailing \\ in string".to_string());
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut value = (e - b'0') as u32;
                for _ in 0..2 {
                    match bytes.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(value as u8);
            }
            b'x' => {
                let hi = bytes.get(i).and_then(|&b| hex_value(b));
                let lo = bytes.get(i + 1).and_then(|&b| hex_value(b));
                match (hi, lo) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(format!(
                            "(value error) invalid \\x escape at position {start}"
                        ))
                    }
                }
            }
            _ => {
                out.push(b'\\');
                out.push(e);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(body: &str, expect: Result<&str, &str>) {
        let got = decode_str(body);
        assert_eq!(
            got.as_deref(),
            expect.map_err(|e| e.to_string()).as_deref(),
            "{body:?}"
        );
    }

    #[test]
    fn escapes() {
        check("abc", Ok("abc"));
        check(
            r"a\nb\tc\\d\'e\x41\u00e9\U0001F600\101\0",
            Ok("a\nb\tc\\d'eAé😀A\0"),
        );
        check(r"\q\d", Ok(r"\q\d"));
        check("a\\\nb", Ok("ab"));
        check(r"\777", Ok("\u{1ff}"));
        check(
            r"\x4",
            Err(
                r"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape",
            ),
        );
        check(
            r"ab\u12",
            Err(
                r"(unicode error) 'unicodeescape' codec can't decode bytes in position 2-5: truncated \uXXXX escape",
            ),
        );
        check(
            r"é\x",
            Err(
                r"(unicode error) 'unicodeescape' codec can't decode bytes in position 10-11: truncated \xXX escape",
            ),
        );
        check(
            r"\U00110000",
            Err(
                r"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character",
            ),
        );
    }

    #[test]
    fn bytes_escapes() {
        assert_eq!(decode_bytes(r"a\x41\777\q").unwrap(), b"aA\xff\\q".to_vec());
        assert_eq!(
            decode_bytes(r"ab\x4").unwrap_err(),
            r"(value error) invalid \x escape at position 2"
        );
    }

    #[test]
    fn prefixes() {
        let lit = split_literal("Rb'''x'''");
        assert!(lit.prefix.raw && lit.prefix.bytes && !lit.prefix.fstring);
        assert_eq!(lit.body, "x");
        let lit = split_literal("f''");
        assert!(lit.prefix.fstring);
        assert_eq!(lit.body, "");
        let lit = split_literal("''''''");
        assert_eq!(lit.body, "");
    }
}
