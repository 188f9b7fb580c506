//! `PyStr`: Python's immutable Unicode string.
//!
//! The text is stored as UTF-8 with its length in code points, so indexing an ASCII string is
//! O(1) and a non-ASCII one walks the bytes. The hash is computed once, with CPython's
//! algorithm (SipHash-1-3 over the canonical representation, key zero as under
//! `PYTHONHASHSEED=0`), so sets of strings iterate in the order CPython gives with that seed.
//!
//! Strings used as identifiers are interned: the compiler and the VM hand out one shared
//! `Rc<PyStr>` per distinct name, and dictionary lookups compare pointers before bytes.
//! One-character ASCII strings come from a per-thread cache, so `s[i]` does not allocate.
//!
//! The string methods (`split`, `join`, `format` ...) are in `str_methods.rs`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// An immutable Python string.
pub struct PyStr {
    /// CPython's hash of the string, or `HASH_UNSET` until first needed.
    hash: Cell<i64>,
    /// Length in code points; equal to the byte length exactly when the text is ASCII.
    chars: usize,
    text: Box<str>,
}

const HASH_UNSET: i64 = -1;

thread_local! {
    static INTERNED: RefCell<hashbrown::HashMap<Box<str>, Rc<PyStr>>> = RefCell::new(hashbrown::HashMap::new());
    static ASCII_CHARS: Vec<Rc<PyStr>> = (0u8..128)
        .map(|b| Rc::new(PyStr::build((b as char).to_string().into_boxed_str())))
        .collect();
    static EMPTY: Rc<PyStr> = Rc::new(PyStr::build(Box::from("")));
}

impl PyStr {
    fn build(text: Box<str>) -> PyStr {
        let chars = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            hash: Cell::new(HASH_UNSET),
            chars,
            text,
        }
    }

    /// A new string, shared from the caches when it is empty or a single ASCII character.
    pub fn new(text: &str) -> Rc<PyStr> {
        match text.len() {
            0 => EMPTY.with(Rc::clone),
            1 if text.as_bytes()[0] < 128 => Self::ascii_char(text.as_bytes()[0]),
            _ => Rc::new(PyStr::build(Box::from(text))),
        }
    }

    pub fn from_string(text: String) -> Rc<PyStr> {
        match text.len() {
            0 => EMPTY.with(Rc::clone),
            1 if text.as_bytes()[0] < 128 => Self::ascii_char(text.as_bytes()[0]),
            _ => Rc::new(PyStr::build(text.into_boxed_str())),
        }
    }

    /// The shared one-character string for an ASCII byte.
    pub fn ascii_char(b: u8) -> Rc<PyStr> {
        ASCII_CHARS.with(|cache| cache[b as usize].clone())
    }

    /// The shared string for a character.
    pub fn from_char(c: char) -> Rc<PyStr> {
        if (c as u32) < 128 {
            Self::ascii_char(c as u8)
        } else {
            Rc::new(PyStr::build(c.to_string().into_boxed_str()))
        }
    }

    /// The interned string for an identifier: equal names share one allocation.
    pub fn intern(text: &str) -> Rc<PyStr> {
        INTERNED.with(|table| {
            let mut table = table.borrow_mut();
            if let Some(s) = table.get(text) {
                return s.clone();
            }
            let s = Rc::new(PyStr::build(Box::from(text)));
            table.insert(Box::from(text), s.clone());
            s
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// `needle in self`; a one-byte needle (always ASCII, which never occurs inside a multi-byte
    /// UTF-8 sequence) is a plain byte scan instead of a substring searcher.
    #[inline]
    pub fn contains_str(&self, needle: &PyStr) -> bool {
        match needle.text.as_bytes() {
            [] => true,
            [b] => self.text.as_bytes().contains(b),
            _ => self.text.contains(&*needle.text),
        }
    }

    /// Length in code points (`len(s)`).
    pub fn char_len(&self) -> usize {
        self.chars
    }

    pub fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }

    /// The code point at index `i` (0-based, already range-checked by the caller).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.text.as_bytes()[i] as char
        } else {
            self.text.chars().nth(i).unwrap_or('\0')
        }
    }

    /// `s[i]` as a string, from the cache when ASCII.
    pub fn char_str_at(&self, i: usize) -> Rc<PyStr> {
        if self.is_ascii() {
            Self::ascii_char(self.text.as_bytes()[i])
        } else {
            Self::from_char(self.char_at(i))
        }
    }

    /// The byte offset of code point `i` (`i <= char_len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.text
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.text.len())
        }
    }

    /// The substring between code point indices `start..end` (`start <= end <= char_len`).
    pub fn substring(&self, start: usize, end: usize) -> Rc<PyStr> {
        if self.is_ascii() {
            PyStr::new(&self.text[start..end])
        } else {
            let a = self.byte_offset(start);
            let b = a + self.text[a..]
                .char_indices()
                .nth(end - start)
                .map(|(b, _)| b)
                .unwrap_or(self.text.len() - a);
            PyStr::new(&self.text[a..b])
        }
    }

    /// CPython's `hash(s)` (with `PYTHONHASHSEED=0`).
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != HASH_UNSET {
            return h;
        }
        let h = super::hash::hash_str(&self.text);
        self.hash.set(h);
        h
    }

    /// String equality, pointer first.
    #[inline]
    pub fn eq(self: &Rc<Self>, other: &Rc<PyStr>) -> bool {
        Rc::ptr_eq(self, other) || (self.text.len() == other.text.len() && self.text == other.text)
    }
}

impl std::fmt::Debug for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &*self.text)
    }
}

impl std::fmt::Display for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::ops::Deref for PyStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: (usize, bool, &str)) {
        let s = PyStr::new(text);
        let mid = s.char_len() / 2;
        assert_eq!(
            (
                s.char_len(),
                s.is_ascii(),
                s.substring(mid, s.char_len()).as_str()
            ),
            expect
        );
    }

    #[test]
    fn lengths_and_slices() {
        check("hello", (5, true, "llo"));
        check("héllo", (5, false, "llo"));
        check("", (0, true, ""));
        check("日本語", (3, false, "本語"));
    }

    #[test]
    fn interning_shares() {
        let a = PyStr::intern("name");
        let b = PyStr::intern("name");
        assert!(Rc::ptr_eq(&a, &b));
        assert!(Rc::ptr_eq(&PyStr::new("x"), &PyStr::new("x")));
    }
}
