//! `PyBytes`: an immutable byte string. Coro supports bytes literals, their repr, comparison,
//! hashing, indexing, `len`, and `str.encode`/`bytes.decode` for UTF-8; the rest of the bytes API
//! raises `NotImplementedError` naming the method.

pub struct PyBytes {
    pub data: Box<[u8]>,
}

impl PyBytes {
    pub fn new(data: Vec<u8>) -> PyBytes {
        PyBytes {
            data: data.into_boxed_slice(),
        }
    }

    /// `repr(b)`: `b'...'` with CPython's choice of quotes and escapes.
    pub fn repr(&self) -> String {
        let data = &self.data;
        let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
            '"'
        } else {
            '\''
        };
        let mut out = String::with_capacity(data.len() + 3);
        out.push('b');
        out.push(quote);
        for &b in data.iter() {
            match b {
                b'\\' => out.push_str("\\\\"),
                b'\t' => out.push_str("\\t"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                _ if b as char == quote => {
                    out.push('\\');
                    out.push(quote);
                }
                0x20..=0x7e => out.push(b as char),
                _ => out.push_str(&format!("\\x{b:02x}")),
            }
        }
        out.push(quote);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(data: &[u8], expect: &str) {
        assert_eq!(PyBytes::new(data.to_vec()).repr(), expect);
    }

    #[test]
    fn reprs() {
        check(b"abc", "b'abc'");
        check(b"it's", "b\"it's\"");
        check(b"\x00\xff\n", "b'\\x00\\xff\\n'");
        check(b"'\"", "b'\\'\"'");
    }
}
