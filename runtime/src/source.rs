//! `SourceFile`: the text of a cell or script, kept for line numbers and traceback lines.
//!
//! Code objects point at the `SourceFile` they were compiled from, so a traceback can show the
//! source line of every frame even after the cell that defined a function has been replaced, as
//! IPython's `linecache` entries do.

use std::rc::Rc;

pub struct SourceFile {
    name: Rc<str>,
    text: Rc<str>,
    /// The byte offset where each line starts.
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(name: &str, text: &str) -> Rc<SourceFile> {
        let mut line_starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        Rc::new(SourceFile {
            name: Rc::from(name),
            text: Rc::from(text),
            line_starts,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The 1-based line containing a byte offset.
    pub fn line_of(&self, offset: usize) -> u32 {
        match self.line_starts.binary_search(&(offset as u32)) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: u32) -> usize {
        self.line_starts
            .get(line.saturating_sub(1) as usize)
            .map(|&s| s as usize)
            .unwrap_or(self.text.len())
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: u32) -> &str {
        let start = self.line_start(line);
        let end = self
            .line_starts
            .get(line as usize)
            .map(|&s| s as usize)
            .unwrap_or(self.text.len());
        let text = self.text.get(start..end).unwrap_or("");
        text.trim_end_matches(['\n', '\r'])
    }

    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, offset: usize, expect: (u32, &str)) {
        let f = SourceFile::new("<t>", text);
        let line = f.line_of(offset);
        assert_eq!((line, f.line_text(line)), expect);
    }

    #[test]
    fn lines() {
        check("a\nbc\nd", 0, (1, "a"));
        check("a\nbc\nd", 2, (2, "bc"));
        check("a\nbc\nd", 4, (2, "bc"));
        check("a\nbc\nd", 5, (3, "d"));
        check("x\r\ny", 0, (1, "x"));
    }
}
