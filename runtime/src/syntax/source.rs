//! Source text positions: from byte offsets to the lines and columns people read.
//!
//! [`LineIndex`] is built once from a source text. It maps a byte offset to a 1-based line, a
//! 0-based byte column and a 1-based character column (CPython's `SyntaxError.offset` counts
//! characters from 1), and it hands out the text of a line for tracebacks.
//!
//! Line breaks are `\n`, `\r\n` and a lone `\r`, as CPython's tokenizer reads them. What this
//! module deliberately does not do: tab expansion or display-width reckoning (CPython counts a
//! tab and a wide character as one column each, and so do we).

use std::rc::Rc;

/// A position in a source text, in every unit a caller may need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    /// The line, counted from 1.
    pub line: u32,
    /// Bytes from the start of the line, counted from 0.
    pub col: u32,
    /// Characters from the start of the line, counted from 1 (CPython's `offset`).
    pub char_col: u32,
}

/// Line starts of one source text, with the text itself.
#[derive(Clone, Debug)]
pub struct LineIndex {
    text: Rc<str>,
    /// Byte offset of the first character of every line; always starts with 0.
    starts: Vec<u32>,
}

impl LineIndex {
    /// Indexes `text`. This is one pass over the bytes.
    pub fn new(text: impl Into<Rc<str>>) -> LineIndex {
        let text: Rc<str> = text.into();
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { text, starts }
    }

    /// The whole source text.
    pub fn source(&self) -> &str {
        &self.text
    }

    /// The number of lines. A text that ends with a line break has an empty last line, which
    /// is counted here but which CPython does not report errors on.
    pub fn line_count(&self) -> u32 {
        self.starts.len() as u32
    }

    /// The byte offset where `line` (1-based) starts; the end of the text past the last line.
    pub fn line_start(&self, line: u32) -> usize {
        match line.checked_sub(1) {
            Some(i) => self
                .starts
                .get(i as usize)
                .map_or(self.text.len(), |&s| s as usize),
            None => 0,
        }
    }

    /// The 1-based line that contains byte `offset`. Offsets past the end belong to the last
    /// line.
    pub fn line_of(&self, offset: usize) -> u32 {
        let offset = offset.min(self.text.len()) as u32;
        match self.starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// Line, byte column and character column of byte `offset`.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let col = offset - start;
        LineCol {
            line,
            col: col as u32,
            char_col: self.text[start..offset].chars().count() as u32 + 1,
        }
    }

    /// The text of `line` (1-based) without its line break; empty past the end.
    pub fn line_text(&self, line: u32) -> &str {
        let start = self.line_start(line);
        if line == 0 || start >= self.text.len() {
            return "";
        }
        let end = self.line_start(line + 1);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The text of `line` with a `\n` ending, as CPython stores `SyntaxError.text` for errors
    /// the parser finds (the tokenizer adds a final newline when the source lacks one).
    pub fn line_text_with_newline(&self, line: u32) -> String {
        let mut text = self.line_text(line).to_string();
        text.push('\n');
        text
    }

    /// The number of characters in the first `bytes` bytes of `line`, as CPython's
    /// `byte_offset_to_character_offset` counts them: a cut through a multi-byte character
    /// counts that character, and offsets past the line end are clamped one past its newline.
    pub fn chars_before(&self, line: u32, bytes: usize) -> u32 {
        let text = self.line_text(line);
        // CPython decodes the line including its newline; one byte further reads the
        // terminating NUL, which also counts as a character.
        let full = text.len() + 1;
        let bytes = bytes.min(full + 1);
        if bytes > text.len() {
            return text.chars().count() as u32 + (bytes - text.len()) as u32;
        }
        let mut count = 0;
        for (i, c) in text.char_indices() {
            if i >= bytes {
                break;
            }
            let _ = c;
            count += 1;
        }
        count
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the position of every given offset as `line:col:char_col`.
    fn check(text: &str, offsets: &[usize], expect: &str) {
        let index = LineIndex::new(text);
        let got: Vec<String> = offsets
            .iter()
            .map(|&o| {
                let lc = index.line_col(o);
                format!("{}:{}:{}", lc.line, lc.col, lc.char_col)
            })
            .collect();
        assert_eq!(got.join(" "), expect, "positions in {text:?}");
    }

    #[test]
    fn positions() {
        check("abc", &[0, 2, 3], "1:0:1 1:2:3 1:3:4");
        check("a\nbc\n", &[0, 1, 2, 4, 5], "1:0:1 1:1:2 2:0:1 2:2:3 3:0:1");
        check("a\r\nb\rc", &[1, 3, 5], "1:1:2 2:0:1 3:0:1");
        check("é = 1\nπ", &[0, 2, 3, 7], "1:0:1 1:2:2 1:3:3 2:0:1");
        check("", &[0, 9], "1:0:1 1:0:1");
    }

    #[test]
    fn line_texts() {
        let index = LineIndex::new("one\r\ntwo\nthree");
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.line_text(1), "one");
        assert_eq!(index.line_text(2), "two");
        assert_eq!(index.line_text(3), "three");
        assert_eq!(index.line_text(4), "");
        assert_eq!(index.line_text_with_newline(3), "three\n");
        assert_eq!(index.line_of(4), 1);
        assert_eq!(index.line_of(5), 2);
    }

    #[test]
    fn char_counts() {
        let index = LineIndex::new("é = x\n");
        assert_eq!(index.chars_before(1, 0), 0);
        assert_eq!(index.chars_before(1, 1), 1);
        assert_eq!(index.chars_before(1, 2), 1);
        assert_eq!(index.chars_before(1, 3), 2);
        assert_eq!(index.chars_before(1, 6), 5);
        assert_eq!(index.chars_before(1, 7), 6);
        assert_eq!(index.chars_before(1, 50), 7);
    }
}
