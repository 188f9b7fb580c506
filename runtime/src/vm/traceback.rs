//! Rendering exceptions in CPython's traceback format.
//!
//! `report` turns an exception into an `ErrorReport`: the chained exceptions first (with
//! "The above exception was the direct cause of the following exception:" or "During handling
//! of the above exception, another exception occurred:"), each traceback outermost frame
//! first with its source line, runs of more than three identical frames collapsed into
//! "[Previous line repeated N more times]", and the `Type: message` line.
//!
//! Caret lines (`^^^^`) under source lines are not produced; the conformance harness
//! normalises them away on both sides.

use std::rc::Rc;

use crate::host::Stream;
use crate::object::exception::PyException;
use crate::object::value::Value;
use crate::session::ErrorReport;

use super::Vm;

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
                "  File \"{}\", line {}, in {}",
                code.filename(),
                line,
                code.name.as_str()
            );
            let text = code.source.display_line(line).trim();
            if !text.is_empty() {
                block.push_str("\n    ");
                block.push_str(text);
            }
            blocks.push(block);
        }
        flush_repeats(blocks, repeats);
        blocks.push(self.exception_only(exc));
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

    /// The `File ..., line N` block, source line and caret of a `SyntaxError`.
    fn syntax_error_text(&mut self, exc: &Rc<PyException>, name: &str) -> String {
        let msg = match exc.get_attr("msg") {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => self.exception_message(exc),
        };
        let mut out = String::new();
        let filename = exc.get_attr("filename");
        let lineno = exc.get_attr("lineno");
        if let (Some(Value::Str(f)), Some(Value::Int(l))) = (&filename, &lineno) {
            out.push_str(&format!("  File \"{}\", line {}\n", f.as_str(), l));
            if let Some(Value::Str(text)) = exc.get_attr("text") {
                let raw = text.as_str().trim_end_matches(['\n', '\r']);
                let stripped = raw.trim_start();
                let lead = raw.chars().count() - stripped.chars().count();
                out.push_str(&format!("    {stripped}\n"));
                if let Some(Value::Int(offset)) = exc.get_attr("offset") {
                    let end = match exc.get_attr("end_offset") {
                        Some(Value::Int(e))
                            if exc
                                .get_attr("end_lineno")
                                .map(|v| matches!(v, Value::Int(el) if el == *l))
                                .unwrap_or(false) =>
                        {
                            e
                        }
                        _ => offset,
                    };
                    let start = (offset - 1 - lead as i64).max(0);
                    let width = (end - offset).max(1);
                    let width = width.min((stripped.chars().count() as i64 - start).max(1));
                    out.push_str(&format!(
                        "    {}{}\n",
                        " ".repeat(start as usize),
                        "^".repeat(width as usize)
                    ));
                }
            }
        }
        out.push_str(&format!("{name}: {msg}"));
        out
    }

    /// Writes `Exception ignored in: <obj>` and the traceback to stderr, as CPython's
    /// `PyErr_WriteUnraisable` does for errors in finalizers: only this exception (no chain),
    /// and when it has no traceback of its own, the frame that triggered the finalizer. At exit
    /// there are no frames and no source lines.
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
                let src = code.source.display_line(line).trim();
                if !at_exit && !src.is_empty() {
                    text.push_str(&format!("    {src}\n"));
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
