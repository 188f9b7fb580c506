//! The codecs behind `str.encode` and `bytes.decode`: UTF-8, ASCII and Latin-1, with the
//! `strict`, `ignore`, `replace`, `backslashreplace` and `xmlcharrefreplace` error handlers and
//! CPython's error messages (`'ascii' codec can't encode character '\xe9' in position 0:
//! ordinal not in range(128)`).
//!
//! Encoding names are normalised and resolved through CPython's aliases (`UTF8`, `latin1`,
//! `us-ascii` ...).
//!
//! What this module does not do: other codecs (the standard ones raise `NotImplementedError`,
//! unknown names `LookupError`), and the `namereplace` and `surrogateescape` handlers. Coro
//! strings cannot hold lone surrogates, so UTF-8 encoding never fails.

use crate::error::{PyErr, PyResult};

/// The codecs Coro implements, after CPython's name normalisation and aliases.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name CPython's messages use (`'ascii' codec can't encode ...`).
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// Looks an encoding name up: a codec, or `LookupError`/`NotImplementedError`.
    pub fn lookup(name: &str) -> PyResult<Codec> {
        let norm: String = name
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        Ok(match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
            "ascii" | "us_ascii" | "646" | "us" | "cp367" | "csascii" | "ibm367" | "iso646_us"
            | "iso_ir_6" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
            | "iso_646.irv_1991" => Codec::Ascii,
            "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859"
            | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso_8859_1_1987"
            | "iso_ir_100" => Codec::Latin1,
            n if n.starts_with("utf_16")
                || n.starts_with("utf16")
                || n.starts_with("utf_32")
                || n.starts_with("utf32")
                || n.starts_with("utf_7")
                || n.starts_with("cp")
                || n.starts_with("iso8859")
                || n.starts_with("iso_8859")
                || n.starts_with("latin")
                || n.starts_with("mac")
                || n.starts_with("koi8")
                || n.starts_with("windows")
                || matches!(
                    n,
                    "big5" | "shift_jis" | "euc_jp" | "euc_kr" | "gb2312" | "gbk" | "gb18030"
                        | "idna" | "punycode" | "unicode_escape" | "raw_unicode_escape"
                        | "utf_8_sig" | "hz" | "johab"
                ) =>
            {
                return Err(PyErr::not_implemented(format!(
                    "the '{name}' codec is not supported by Coro (only utf-8, ascii and latin-1)"
                )))
            }
            "rot13" | "rot_13" | "base64" | "base_64" | "base64_codec" | "hex" | "hex_codec"
            | "zlib" | "zip" | "zlib_codec" | "bz2" | "bz2_codec" | "uu" | "uu_codec"
            | "quopri" | "quotedprintable" | "quoted_printable" | "quopri_codec" => {
                return Err(PyErr::lookup_error(format!(
                    "'{name}' is not a text encoding; use codecs.encode() to handle arbitrary codecs"
                )))
            }
            _ => return Err(PyErr::lookup_error(format!("unknown encoding: {name}"))),
        })
    }

    /// The largest code point the codec encodes, plus one.
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x110000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

/// How CPython shows one character in a codec error (`'\xe9'`, `'\u20ac'`).
pub fn escaped_char(c: char) -> String {
    let u = c as u32;
    if u < 0x100 {
        format!("'\\x{u:02x}'")
    } else if u < 0x10000 {
        format!("'\\u{u:04x}'")
    } else {
        format!("'\\U{u:08x}'")
    }
}

/// `s.encode(codec, errors)`.
pub fn encode(s: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 || s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match errors {
            "strict" => {
                let range = format!("ordinal not in range({limit})");
                let msg = if end - i == 1 {
                    format!(
                        "'{}' codec can't encode character {} in position {i}: {range}",
                        codec.name(),
                        escaped_char(c)
                    )
                } else {
                    format!(
                        "'{}' codec can't encode characters in position {i}-{}: {range}",
                        codec.name(),
                        end - 1
                    )
                };
                return Err(PyErr::with_class(|t| &t.unicode_encode_error, &msg));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    let e = escaped_char(c);
                    out.extend_from_slice(&e.as_bytes()[1..e.len() - 1]);
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            "namereplace" => {
                return Err(PyErr::not_implemented(
                    "the 'namereplace' error handler is not supported by Coro",
                ))
            }
            other => {
                return Err(PyErr::lookup_error(format!(
                    "unknown error handler name '{other}'"
                )))
            }
        }
        i = end;
    }
    Ok(out)
}

/// The message of a `UnicodeDecodeError` for the bytes `start..end`.
fn decode_error(codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let msg = if end - start == 1 {
        format!(
            "'{}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            codec.name(),
            data[start]
        )
    } else {
        format!(
            "'{}' codec can't decode bytes in position {start}-{}: {reason}",
            codec.name(),
            end - 1
        )
    };
    PyErr::with_class(|t| &t.unicode_decode_error, &msg)
}

/// Applies a decoding error handler to the bytes `start..end`.
fn handle_decode_error(
    out: &mut String,
    codec: Codec,
    data: &[u8],
    (start, end): (usize, usize),
    reason: &str,
    errors: &str,
) -> PyResult<()> {
    match errors {
        "strict" => Err(decode_error(codec, data, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        "surrogateescape" | "surrogatepass" => Err(PyErr::not_implemented(format!(
            "the '{errors}' error handler is not supported by Coro"
        ))),
        other => Err(PyErr::lookup_error(format!(
            "unknown error handler name '{other}'"
        ))),
    }
}

/// `data.decode(codec, errors)`.
pub fn decode(data: &[u8], codec: Codec, errors: &str) -> PyResult<String> {
    match codec {
        Codec::Latin1 => return Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    let reason = "ordinal not in range(128)";
                    handle_decode_error(&mut out, codec, data, (i, i + 1), reason, errors)?;
                }
            }
            return Ok(out);
        }
        Codec::Utf8 => {}
    }
    let mut out = String::with_capacity(data.len());
    let mut rest = data;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                let start = offset + good;
                let (end, reason) = match e.error_len() {
                    None => (data.len(), "unexpected end of data"),
                    Some(n) => {
                        let lead = data[start];
                        let bad_start = (0x80..=0xc1).contains(&lead) || lead >= 0xf5;
                        let reason = if n == 1 && bad_start {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        (start + n, reason)
                    }
                };
                handle_decode_error(&mut out, codec, data, (start, end), reason, errors)?;
                if end >= data.len() {
                    return Ok(out);
                }
                rest = &data[end..];
                offset = end;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render<T: std::fmt::Debug>(r: PyResult<T>) -> String {
        match r {
            Ok(v) => format!("{v:?}"),
            Err(e) => format!("{}: {}", e.class_name(), e.message()),
        }
    }

    fn check(got: String, expect: &str) {
        assert_eq!(got, expect);
    }

    #[test]
    fn encoding() {
        let ascii = Codec::lookup("US-ASCII").unwrap();
        check(render(encode("aé€", ascii, "strict")), "UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)");
        check(render(encode("é", ascii, "strict")), "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)");
        check(
            render(encode("é€x", ascii, "backslashreplace")),
            "[92, 120, 101, 57, 92, 117, 50, 48, 97, 99, 120]",
        );
        check(render(encode("é", Codec::Latin1, "strict")), "[233]");
        check(
            render(encode("€", ascii, "xmlcharrefreplace")),
            "[38, 35, 56, 51, 54, 52, 59]",
        );
        check(
            render(encode("€", ascii, "bogus")),
            "LookupError: unknown error handler name 'bogus'",
        );
        check(
            render(Codec::lookup("foo").map(|c| c.name())),
            "LookupError: unknown encoding: foo",
        );
        check(render(Codec::lookup("UTF8").map(|c| c.name())), "\"utf-8\"");
    }

    #[test]
    fn decoding() {
        check(render(decode(b"\xff", Codec::Utf8, "strict")), "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
        check(render(decode(b"a\xe2\x82", Codec::Utf8, "strict")), "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 1-2: unexpected end of data");
        check(render(decode(b"\xe2\x82(", Codec::Utf8, "strict")), "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte");
        check(
            render(decode(b"a\xffb\xe2\x82", Codec::Utf8, "replace")),
            "\"a\u{fffd}b\u{fffd}\"",
        );
        check(
            render(decode(b"a\xffb", Codec::Utf8, "backslashreplace")),
            "\"a\\\\xffb\"",
        );
        check(render(decode(b"\xe9", Codec::Ascii, "strict")), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)");
        check(render(decode(b"\xe9", Codec::Latin1, "strict")), "\"é\"");
    }
}
