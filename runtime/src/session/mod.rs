//! `Session`: the only type the kernel touches.
//!
//! A session is one Python-like program that lives across many `execute` calls: its globals,
//! and the generators suspended in them, persist between cells. It is `!Send` and stays on the
//! thread that created it; other threads reach it only through [`Interrupt`].
//!
//! What a session deliberately does not know: JSON, ZeroMQ, message ids, execution counts. The
//! host names each cell (`name`, for example `<cell 3>`), and tracebacks use that name.

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

mod assist;
mod run;

pub use run::Session;
