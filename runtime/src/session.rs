//! `Session`: the only type the kernel touches.
//!
//! A session is one Python-like program that lives across many `execute` calls: its globals,
//! and the generators suspended in them, persist between cells. It is `!Send` and stays on the
//! thread that created it; other threads reach it only through [`Interrupt`].
//!
//! What a session deliberately does not know: JSON, ZeroMQ, message ids, execution counts. The
//! host names each cell (`name`, for example `<cell 3>`), and tracebacks use that name.

use crate::host::{Interrupt, Output};

/// What became of one `execute` call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The cell ran to the end. `repr` is the `repr()` of the value of a final expression
    /// statement, or `None` when there was none or the value was `None` (as in Jupyter).
    Ok { repr: Option<String> },
    /// The cell raised an exception that nothing caught; the session is intact.
    Error(ErrorReport),
}

/// An uncaught exception, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorReport {
    /// The exception class name, e.g. `ValueError`.
    pub ename: String,
    /// `str()` of the exception.
    pub evalue: String,
    /// The traceback in CPython's format, one entry per block (the header line, each frame with
    /// its source line, chaining messages, and the final `ename: evalue` line). Joined with `\n`
    /// it is exactly what CPython prints to stderr.
    pub traceback: Vec<String>,
}

impl ErrorReport {
    /// The whole report as CPython prints it, ending with a newline.
    pub fn render(&self) -> String {
        let mut text = self.traceback.join("\n");
        text.push('\n');
        text
    }
}

/// Completion candidates for the text before a cursor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Completion {
    pub matches: Vec<String>,
    /// Byte offsets of the text the matches replace.
    pub cursor_start: usize,
    pub cursor_end: usize,
}

/// Whether a piece of code is ready to run (the console's Enter key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Completeness {
    Complete,
    /// More lines are needed; `indent` is the suggested indentation of the next one.
    Incomplete {
        indent: String,
    },
    Invalid,
}

/// A generator or coroutine that is still alive in the session, for teaching views.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratorInfo {
    /// `__qualname__` of the generator.
    pub name: String,
    /// `GEN_CREATED`, `GEN_RUNNING`, `GEN_SUSPENDED` or `GEN_CLOSED`.
    pub state: &'static str,
    /// The line it is suspended at, if suspended.
    pub line: Option<u32>,
    /// Its local variables with their reprs.
    pub locals: Vec<(String, String)>,
}

/// One persistent program: globals, modules and live generators.
pub struct Session {
    interrupt: Interrupt,
    /// Keeps the session on its thread (`!Send`), as the real VM will.
    _not_send: std::marker::PhantomData<std::rc::Rc<()>>,
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

impl Session {
    /// A fresh session with empty globals.
    pub fn new() -> Session {
        Session {
            interrupt: Interrupt::new(),
            _not_send: std::marker::PhantomData,
        }
    }

    /// The handle another thread uses to interrupt a running cell.
    pub fn interrupt_handle(&self) -> Interrupt {
        self.interrupt.clone()
    }

    /// Runs one cell. Output is streamed through `out` while it runs. The value of a final
    /// expression statement comes back as its repr. Clears any interrupt pending from before.
    pub fn execute(&mut self, name: &str, cell: &str, out: &mut dyn Output) -> Outcome {
        // PLACEHOLDER until the VM lands: reports that nothing runs yet.
        let _ = (name, cell, out);
        self.interrupt.clear();
        Outcome::Error(ErrorReport {
            ename: "NotImplementedError".into(),
            evalue: "the runtime is under construction".into(),
            traceback: vec!["NotImplementedError: the runtime is under construction".into()],
        })
    }

    /// Runs a whole script as `__main__` (the command line's `coro FILE.py`): like `execute`,
    /// but a final expression's value is not shown, and `path` names the file in tracebacks.
    pub fn run_script(&mut self, path: &str, source: &str, out: &mut dyn Output) -> Outcome {
        match self.execute(path, source, out) {
            Outcome::Ok { .. } => Outcome::Ok { repr: None },
            error => error,
        }
    }

    /// Evaluates one expression in the session's globals without printing anything (for
    /// `user_expressions`): its repr, or the error.
    pub fn evaluate(&mut self, expr: &str) -> Result<String, ErrorReport> {
        let _ = expr;
        Err(ErrorReport {
            ename: "NotImplementedError".into(),
            evalue: "the runtime is under construction".into(),
            traceback: vec![],
        })
    }

    /// Completion candidates at byte offset `cursor` of `code`.
    pub fn complete(&self, code: &str, cursor: usize) -> Completion {
        Completion {
            matches: vec![],
            cursor_start: cursor.min(code.len()),
            cursor_end: cursor.min(code.len()),
        }
    }

    /// Plain-text help (signature and docstring) for the name at byte offset `cursor`, if any.
    pub fn inspect(&self, code: &str, cursor: usize) -> Option<String> {
        let _ = (code, cursor);
        None
    }

    /// Whether `code` is a complete statement, needs more lines, or can never parse.
    pub fn is_complete(&self, code: &str) -> Completeness {
        let _ = code;
        Completeness::Complete
    }

    /// The generators and coroutines alive in the session.
    pub fn live_generators(&self) -> Vec<GeneratorInfo> {
        vec![]
    }

    /// Ends the session: finalizes every suspended generator (their `finally` blocks run, with
    /// output going to `out`) and drops the globals.
    pub fn shutdown(&mut self, out: &mut dyn Output) {
        let _ = out;
    }
}
