//! Rendering exceptions in CPython's traceback format.
//!
//! `report` turns an exception into an `ErrorReport`: the chained exceptions first (with
//! "The above exception was the direct cause of the following exception:" or "During handling
//! of the above exception, another exception occurred:"), each traceback outermost frame
//! first with its source line and CPython 3.11's caret line under the instruction that raised
//! (`carets.rs`), runs of more than three identical frames collapsed into "[Previous line
//! repeated N more times]", and the `Type: message` line. `write_unraisable` prints
//! "Exception ignored in" reports the same way; warnings show their line without carets.
//!
//! Positions are computed here, from the byte span the compiler recorded for the instruction
//! (`Code::spans`), only when a traceback is rendered. `Vm::printer` says which of CPython's two
//! printers to imitate: the `traceback` module for cells, the interpreter's own display for
//! scripts.

mod carets;
mod syntax_error;

use std::rc::Rc;

use crate::host::Stream;
use crate::object::exception::PyException;
use crate::object::value::Value;
use crate::session::ErrorReport;

use super::Vm;

pub use carets::Printer;
use carets::{frame_source, Position};
use syntax_error::SyntaxDetails;

/// CPython's `_RECURSIVE_CUTOFF`.
const RECURSIVE_CUTOFF: usize = 3;

impl Vm {
    /// The report of an uncaught exception.
    pub fn report(&mut self, exc: &Rc<PyException>) -> ErrorReport {
        let mut blocks = Vec::new();
        let mut seen = Vec::new();
        self.format_chain(exc, &mut blocks, &mut seen);
        ErrorReport {
            ename: exc.class_name().to_string(),
            evalue: self.exception_message(exc),
            traceback: blocks,
        }
    }

    fn format_chain(
        &mut self,
        exc: &Rc<PyException>,
        blocks: &mut Vec<String>,
        seen: &mut Vec<usize>,
    ) {
        seen.push(Rc::as_ptr(exc) as usize);
        let cause = exc.cause.borrow().clone();
        let context = exc.context();
        if let Value::Exception(c) = &cause {
            if !seen.contains(&(Rc::as_ptr(c) as usize)) {
                self.format_chain(c, blocks, seen);
                blocks.push(
                    "\nThe above exception was the direct cause of the following exception:\n"
                        .to_string(),
                );
            }
        } else if let Some(c) = context {
            if !exc.suppress_context.get() && !seen.contains(&(Rc::as_ptr(&c) as usize)) {
                self.format_chain(&c, blocks, seen);
                blocks.push(
                    "\nDuring handling of the above exception, another exception occurred:\n"
                        .to_string(),
                );
            }
        }
        self.format_one(exc, blocks);
    }

    fn format_one(&mut self, exc: &Rc<PyException>, blocks: &mut Vec<String>) {
        let entries = exc.traceback.borrow().clone();
        if !entries.is_empty() {
            blocks.push("Traceback (most recent call last):".to_string());
        }
        let mut last: Option<(String, u32, String)> = None;
        let mut repeats = 0usize;
        for entry in entries.iter().rev() {
            let code = &entry.code;
            let line = code.line_of(entry.ip as usize);
            let key = (
                code.filename().to_string(),
                line,
                code.name.as_str().to_string(),
            );
            if last.as_ref() == Some(&key) {
                repeats += 1;
                if repeats >= RECURSIVE_CUTOFF {
                    continue;
                }
            } else {
                flush_repeats(blocks, repeats);
                repeats = 0;
            }
            last = Some(key);
            let mut block = format!(
                "  File \"{}\", line {}, in {}\n",
                code.filename(),
                line,
                code.name.as_str()
            );
            block.push_str(&self.frame_source(code, entry.ip));
            block.pop();
            blocks.push(block);
        }
        flush_repeats(blocks, repeats);
        blocks.push(self.exception_only(exc));
    }

    /// The source line and caret line of a frame stopped at instruction `ip`, each ending with a
    /// newline; empty when the source is not known.
    fn frame_source(&self, code: &crate::bytecode::Code, ip: u32) -> String {
        let pos = match code.spans.get(ip as usize) {
            Some(span) => Position::of(code.source.index(), *span),
            None => Position {
                line: code.first_line,
                end_line: code.first_line,
                cols: None,
            },
        };
        match code.source.traceback_line(pos.line) {
            Some(raw) => frame_source(self.printer, raw, pos),
            None => String::new(),
        }
    }

    /// The last line of a traceback: `ValueError: message`, or just the name.
    pub fn exception_only(&mut self, exc: &Rc<PyException>) -> String {
        let name = exception_display_name(exc);
        if exc.is_instance(&crate::object::types::types().syntax_error) {
            return self.syntax_error_text(exc, &name);
        }
        let mut msg = self.exception_message(exc);
        if let Some(s) = self.suggestion(exc) {
            msg.push_str(&format!(". Did you mean: '{s}'?"));
        }
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// `str(exc)`, or CPython's placeholder when that fails.
    pub fn exception_message(&mut self, exc: &Rc<PyException>) -> String {
        match self.str(&Value::Exception(exc.clone())) {
            Ok(s) => s.as_str().to_string(),
            Err(_) => "<exception str() failed>".to_string(),
        }
    }

    /// The `File ..., line N` block, source line and caret of a `SyntaxError`, then its
    /// `Type: msg` line. A syntax error raised by running code in a cell is printed as the
    /// `traceback` module prints it; every other one (a cell or script that does not compile,
    /// anything in a script) as the interpreter's display prints it.
    fn syntax_error_text(&mut self, exc: &Rc<PyException>, name: &str) -> String {
        let int = |attr: &str| match exc.get_attr(attr) {
            Some(Value::Int(i)) => Some(i),
            Some(Value::Bool(b)) => Some(i64::from(b)),
            _ => None,
        };
        let string = |attr: &str| match exc.get_attr(attr) {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            _ => None,
        };
        let details = SyntaxDetails {
            filename: string("filename"),
            lineno: int("lineno"),
            offset: int("offset"),
            end_lineno: int("end_lineno"),
            end_offset: int("end_offset"),
            text: string("text"),
            exact: Rc::ptr_eq(&exc.class, &crate::object::types::types().syntax_error),
        };
        let msg = match exc.get_attr("msg") {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            Some(Value::None) => None,
            Some(v) => Some(match self.str(&v) {
                Ok(s) => s.as_str().to_string(),
                Err(_) => "<exception str() failed>".to_string(),
            }),
            None => Some(self.exception_message(exc)),
        };
        let from_running_cell =
            self.printer == Printer::Module && !exc.traceback.borrow().is_empty();
        if from_running_cell {
            let (mut out, suffix) = syntax_error::module_text(&details);
            let msg = msg.filter(|m| !m.is_empty());
            let msg = msg.as_deref().unwrap_or("<no detail available>");
            out.push_str(&format!("{name}: {msg}{suffix}"));
            return out;
        }
        let Some(mut out) = syntax_error::interpreter_text(&details) else {
            // Without a line number the display prints the exception as any other.
            let text = self.exception_message(exc);
            return if text.is_empty() {
                name.to_string()
            } else {
                format!("{name}: {text}")
            };
        };
        out.push_str(name);
        if let Some(msg) = msg {
            if !msg.is_empty() {
                out.push_str(": ");
                out.push_str(&msg);
            }
        }
        out
    }

    /// Writes `Exception ignored in: <obj>` and the traceback to stderr, as CPython's
    /// `PyErr_WriteUnraisable` does for errors in finalizers: only this exception (no chain),
    /// and when it has no traceback of its own, the frame that triggered the finalizer, each
    /// frame with its source and caret lines. At exit there are no source lines.
    pub fn write_unraisable(&mut self, err: &crate::error::PyErr, obj: &Value) {
        let repr = match self.repr(obj) {
            Ok(r) => r.as_str().to_string(),
            Err(_) => "<object repr() failed>".to_string(),
        };
        let at_exit = matches!(self.finalize_site, super::FinalizeSite::Exit);
        let mut entries: Vec<(Rc<crate::bytecode::Code>, u32)> = err
            .0
            .traceback
            .borrow()
            .iter()
            .rev()
            .map(|e| (e.code.clone(), e.ip))
            .collect();
        if entries.is_empty() {
            if let super::FinalizeSite::Frame(code, ip) = &self.finalize_site {
                entries.push((code.clone(), *ip));
            }
        }
        let mut text = format!("Exception ignored in: {repr}\n");
        if !entries.is_empty() {
            text.push_str("Traceback (most recent call last):\n");
            for (code, ip) in entries {
                let line = code.line_of(ip as usize);
                text.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    code.filename(),
                    line,
                    code.name.as_str()
                ));
                if !at_exit {
                    text.push_str(&self.frame_source(&code, ip));
                }
            }
        }
        text.push_str(&self.exception_only(&err.0));
        text.push('\n');
        self.write(Stream::Stderr, &text);
    }

    /// Writes a warning as the `warnings` module shows it, once per location and message.
    pub fn warn(
        &mut self,
        category: &str,
        msg: &str,
        location: Option<(&crate::bytecode::Code, u32)>,
    ) {
        match location {
            Some((code, ip)) => {
                let line = code.line_of(ip as usize);
                let source = code.source.display_line(line).trim().to_string();
                let file = code.filename().to_string();
                self.warn_at(category, msg, &file, line, &source);
            }
            None => self.warn_at(category, msg, "sys", 1, ""),
        }
    }

    /// Writes a warning at an explicit location (`file:line: Category: msg` and the line).
    pub fn warn_at(&mut self, category: &str, msg: &str, file: &str, line: u32, source: &str) {
        if !self
            .warned
            .insert((file.to_string(), line, msg.to_string()))
        {
            return;
        }
        let mut text = format!("{file}:{line}: {category}: {msg}\n");
        if !source.is_empty() {
            text.push_str(&format!("  {source}\n"));
        }
        self.write(Stream::Stderr, &text);
    }

    /// "coroutine 'f' was never awaited", where the coroutine was dropped.
    pub fn warn_never_awaited(&mut self, qualname: &crate::object::str::PyStr) {
        let msg = format!("coroutine '{}' was never awaited", qualname.as_str());
        match self.finalize_site.clone() {
            super::FinalizeSite::Frame(code, ip) => {
                let before = self.warned.len();
                self.warn("RuntimeWarning", &msg, Some((&code, ip)));
                if self.warned.len() > before {
                    self.write(
                        Stream::Stderr,
                        "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
                    );
                }
            }
            _ => self.warn("RuntimeWarning", &msg, None),
        }
    }
}

fn flush_repeats(blocks: &mut Vec<String>, repeats: usize) {
    if repeats >= RECURSIVE_CUTOFF {
        let n = repeats - (RECURSIVE_CUTOFF - 1);
        let plural = if n == 1 { "" } else { "s" };
        blocks.push(format!("  [Previous line repeated {n} more time{plural}]"));
    }
}

/// The exception's class as tracebacks name it: qualified with its module unless that is
/// `__main__` or `builtins`.
fn exception_display_name(exc: &PyException) -> String {
    let qual = exc.class.qualname.borrow().clone();
    match exc.class.dict.get_item_str("__module__") {
        Some(Value::Str(m)) if m.as_str() != "__main__" && m.as_str() != "builtins" => {
            format!("{}.{}", m.as_str(), qual.as_str())
        }
        _ => qual.as_str().to_string(),
    }
}
