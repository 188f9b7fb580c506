//! `SourceFile`: the text of a cell or script with its name, kept for line numbers and
//! traceback lines.
//!
//! Code objects point at the `SourceFile` they were compiled from, so a traceback can show the
//! source line of every frame even after the cell that defined a function has been replaced, as
//! IPython's `linecache` entries do. Positions come from the parser's `LineIndex`.

use std::rc::Rc;

use crate::syntax::LineIndex;

pub struct SourceFile {
    name: Rc<str>,
    index: LineIndex,
}

impl SourceFile {
    pub fn new(name: &str, text: &str) -> Rc<SourceFile> {
        Rc::new(SourceFile {
            name: Rc::from(name),
            index: LineIndex::new(text),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        self.index.source()
    }

    pub fn index(&self) -> &LineIndex {
        &self.index
    }

    /// The 1-based line containing a byte offset.
    pub fn line_of(&self, offset: usize) -> u32 {
        self.index.line_of(offset)
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: u32) -> usize {
        self.index.line_start(line)
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: u32) -> &str {
        self.index.line_text(line)
    }

    /// The line a traceback frame shows, without its line break: `None` for `<string>` (the
    /// name of `-c` text), whose source cannot be read back, and for a line past the end.
    pub fn traceback_line(&self, line: u32) -> Option<&str> {
        if &*self.name == "<string>" || line == 0 || self.line_start(line) >= self.text().len() {
            None
        } else {
            Some(self.line_text(line))
        }
    }

    /// The line a traceback or warning shows, as CPython's `linecache` finds it: nothing for
    /// `<string>` (the name of `-c` text), whose source cannot be read back.
    pub fn display_line(&self, line: u32) -> &str {
        if &*self.name == "<string>" {
            ""
        } else {
            self.line_text(line)
        }
    }
}
