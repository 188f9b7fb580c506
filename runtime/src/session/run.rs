//! Running cells and scripts in a session, and ending it.
//!
//! `execute` parses and compiles a cell (a final expression statement's value is returned),
//! runs it in the session's `__main__` globals with the host's output, closes the generators
//! dropped meanwhile, and turns an uncaught exception into an `ErrorReport`. Nothing a program
//! does can end the session: every error, including `SystemExit` and `KeyboardInterrupt`,
//! comes back as a report.

use std::rc::Rc;

use crate::compile::{compile, CompileError, Mode};
use crate::error::{PyErr, PyResult};
use crate::host::{Interrupt, Output};
use crate::object::dict::PyDict;
use crate::object::value::Value;
use crate::source::SourceFile;
use crate::syntax;
use crate::vm::eval::FrameExit;
use crate::vm::generator::Entry;
use crate::vm::Vm;

use super::{Completeness, Completion, ErrorReport, GeneratorInfo, Outcome};

/// One persistent program: globals, modules and live generators.
pub struct Session {
    pub(super) vm: Vm,
    pub(super) globals: Rc<PyDict>,
    interrupt: Interrupt,
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

impl Session {
    /// A fresh session with empty globals.
    pub fn new() -> Session {
        let interrupt = Interrupt::new();
        let vm = Vm::new(interrupt.clone());
        let globals = Rc::new(PyDict::new());
        globals.set_item_str("__name__", Value::str("__main__"));
        globals.set_item_str("__doc__", Value::None);
        globals.set_item_str("__builtins__", Value::Dict(vm.builtins.clone()));
        Session {
            vm,
            globals,
            interrupt,
        }
    }

    /// The handle another thread uses to interrupt a running cell.
    pub fn interrupt_handle(&self) -> Interrupt {
        self.interrupt.clone()
    }

    /// Runs one cell. Output is streamed through `out` while it runs. The value of a final
    /// expression statement comes back as its repr. Clears any interrupt pending from before.
    pub fn execute(&mut self, name: &str, cell: &str, out: &mut dyn Output) -> Outcome {
        self.run(name, cell, Mode::Cell, out)
    }

    /// Runs a whole script as `__main__` (the command line's `coro FILE.py`): like `execute`,
    /// but a final expression's value is not shown, `path` names the file in tracebacks, and
    /// tracebacks from then on are printed as the interpreter prints them, not as the
    /// `traceback` module formats them.
    pub fn run_script(&mut self, path: &str, source: &str, out: &mut dyn Output) -> Outcome {
        self.globals.set_item_str("__file__", Value::str(path));
        self.vm.printer = crate::vm::traceback::Printer::Interpreter;
        self.run(path, source, Mode::Module, out)
    }

    fn run(&mut self, name: &str, text: &str, mode: Mode, out: &mut dyn Output) -> Outcome {
        self.interrupt.clear();
        let globals = self.globals.clone();
        self.vm.with_output(out, |vm| {
            vm.reset_for_cell();
            let result = vm.run_code_text(name, text, &globals, mode);
            vm.run_finalizers();
            // As in IPython, a cell ending with `;` shows no result.
            let result = match result {
                Ok(_) if mode == Mode::Cell && ends_with_semicolon(text) => Ok(Value::None),
                other => other,
            };
            match result {
                Ok(Value::None) => Outcome::Ok { repr: None },
                Ok(v) => match vm.repr(&v) {
                    Ok(r) => Outcome::Ok {
                        repr: Some(r.as_str().to_string()),
                    },
                    Err(e) => Outcome::Error(vm.report(&e.0)),
                },
                Err(e) => Outcome::Error(vm.report(&e.0)),
            }
        })
    }

    /// Evaluates one expression in the session's globals without printing anything (for
    /// `user_expressions`): its repr, or the error.
    pub fn evaluate(&mut self, expr: &str) -> Result<String, ErrorReport> {
        let globals = self.globals.clone();
        let mut sink = crate::host::Captured::default();
        self.vm.with_output(&mut sink, |vm| {
            let r = vm.run_code_text("<expression>", expr, &globals, Mode::Cell);
            let r = r.and_then(|v| vm.repr(&v));
            r.map(|s| s.as_str().to_string())
                .map_err(|e| vm.report(&e.0))
        })
    }

    /// Completion candidates at byte offset `cursor` of `code`.
    pub fn complete(&mut self, code: &str, cursor: usize) -> Completion {
        super::assist::complete(self, code, cursor)
    }

    /// Plain-text help (signature and docstring) for the name at byte offset `cursor`, if any.
    pub fn inspect(&mut self, code: &str, cursor: usize) -> Option<String> {
        super::assist::inspect(self, code, cursor)
    }

    /// Whether `code` is a complete statement, needs more lines, or can never parse.
    pub fn is_complete(&self, code: &str) -> Completeness {
        super::assist::is_complete(code)
    }

    /// The generators and coroutines reachable from the session's globals.
    pub fn live_generators(&mut self) -> Vec<GeneratorInfo> {
        super::assist::live_generators(self)
    }

    /// Ends the session as CPython ends a program: every suspended generator is closed in
    /// creation order while the globals are still bound (their `finally` blocks print to
    /// `out`), coroutines never awaited are reported, then the globals are cleared as
    /// `__main__`'s are (names starting with an underscore first, then the rest).
    pub fn shutdown(&mut self, out: &mut dyn Output) {
        self.interrupt.clear();
        let globals = self.globals.clone();
        self.vm.with_output(out, |vm| {
            vm.reset_for_cell();
            vm.finalize_all();
            let keys = globals.keys();
            for pass in 0..2 {
                for k in &keys {
                    let Value::Str(name) = k else { continue };
                    if name.as_str() == "__builtins__" {
                        continue;
                    }
                    let underscore = name.starts_with('_');
                    if (pass == 0) == underscore {
                        let old = globals.get_str(name);
                        if old.is_some() {
                            globals.set_str(name.clone(), Value::None);
                            drop(old);
                            vm.run_finalizers();
                        }
                    }
                }
            }
            vm.run_finalizers();
        });
    }
}

impl Vm {
    /// Prepares the VM for a new top-level run: no exception is being handled.
    pub fn reset_for_cell(&mut self) {
        self.finalize_site = crate::vm::FinalizeSite::Top;
        self.exc_stack.clear();
        self.exc_stack.push(Value::None);
        self.depth = 0;
        self.repr_guard.clear();
    }

    /// Parses, compiles and runs source text in `globals`. In `Mode::Cell` the value of a final
    /// expression statement is returned; otherwise `None`.
    pub fn run_code_text(
        &mut self,
        name: &str,
        text: &str,
        globals: &Rc<PyDict>,
        mode: Mode,
    ) -> PyResult<Value> {
        let source = SourceFile::new(name, text);
        let module = match syntax::parse(text) {
            Ok(m) => m,
            Err(e) => return Err(self.syntax_error(&source, &e)),
        };
        let code = match compile(&module, source.clone(), mode) {
            Ok((c, warnings)) => {
                for w in warnings {
                    let line = source.line_of(w.span.start as usize);
                    let text = source.display_line(line).trim().to_string();
                    self.warn_at("SyntaxWarning", &w.msg, source.name(), line, &text);
                }
                c
            }
            Err(CompileError::Syntax { msg, span }) => {
                let e = syntax::SyntaxError::at_span(
                    syntax::SyntaxErrorKind::Syntax,
                    msg,
                    span,
                    source.index(),
                );
                return Err(self.syntax_error(&source, &e));
            }
            Err(CompileError::NotImplemented { msg, span }) => {
                let line = source.line_of(span.start as usize);
                let col = span.start as usize - source.line_start(line);
                return Err(PyErr::not_implemented(format!(
                    "{msg} (line {line}, column {})",
                    col + 1
                )));
            }
        };
        let mut frame = self.module_frame(&code, globals);
        let r = self.run_frame(&mut frame, Entry::Start);
        self.slot_pool.give(std::mem::take(&mut frame.slots));
        if crate::vm::generator::finalizers_pending() {
            self.finalize_in(&frame);
        }
        match r? {
            FrameExit::Return(v) if mode == Mode::Cell => Ok(v),
            _ => Ok(Value::None),
        }
    }

    /// Runs Python source as the body of a module (the embedded standard library).
    pub fn run_source(&mut self, name: &str, text: &str, globals: &Rc<PyDict>) -> PyResult<()> {
        self.run_code_text(name, text, globals, Mode::Module)
            .map(|_| ())
    }

    /// A `SyntaxError` (or `IndentationError`, `TabError`) exception for a parse error, with
    /// CPython's attributes.
    fn syntax_error(&mut self, source: &SourceFile, e: &syntax::SyntaxError) -> PyErr {
        let t = crate::object::types::types();
        let class = match e.kind {
            syntax::SyntaxErrorKind::Syntax => t.syntax_error.clone(),
            syntax::SyntaxErrorKind::Indentation => t.indentation_error.clone(),
            syntax::SyntaxErrorKind::Tab => t.tab_error.clone(),
        };
        let loc = e.location;
        let text = e.text(source.index());
        let details = Value::tuple(vec![
            Value::str(source.name()),
            Value::Int(loc.lineno as i64),
            Value::Int(loc.offset as i64),
            Value::from_string(text.clone()),
            Value::Int(loc.end_lineno as i64),
            Value::Int(loc.end_offset as i64),
        ]);
        let err = PyErr::new(class, vec![Value::str(&e.msg), details]);
        let exc = &err.0;
        exc.set_attr("msg", Value::str(&e.msg));
        exc.set_attr("filename", Value::str(source.name()));
        exc.set_attr("lineno", Value::Int(loc.lineno as i64));
        exc.set_attr("offset", Value::Int(loc.offset as i64));
        exc.set_attr("text", Value::from_string(text));
        exc.set_attr("end_lineno", Value::Int(loc.end_lineno as i64));
        exc.set_attr("end_offset", Value::Int(loc.end_offset as i64));
        exc.set_attr("print_file_and_line", Value::None);
        err
    }
}

/// Whether the last line of a cell, without its comment, ends with a semicolon.
fn ends_with_semicolon(text: &str) -> bool {
    let last = text.trim_end().rsplit('\n').next().unwrap_or("");
    let code = match last.find('#') {
        Some(i) if !last[..i].contains(['\'', '"']) => &last[..i],
        _ => last,
    };
    code.trim_end().ends_with(';')
}
