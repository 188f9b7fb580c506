//! `coro FILE.py` and `coro -c CODE`: run a program the way `python3` does.
//!
//! The program's stdout is buffered as CPython buffers it (by line on a terminal, in blocks
//! otherwise) and flushed before anything goes to stderr, before `input()` reads, and at
//! exit. The exit status follows CPython: 0 on success, 1 with the traceback on stderr for an
//! uncaught exception, 2 when the file cannot be opened, death by SIGINT after an uncaught
//! `KeyboardInterrupt`. At exit the session is shut down, so suspended generators are
//! finalized and their `finally` blocks print. Ctrl-C raises `KeyboardInterrupt` in the
//! running code, including while `input()` waits for a line.
//!
//! SEAM: `SystemExit` does not yet carry its code through the runtime's `ErrorReport`;
//! [`exit_status`] derives it from `evalue` as CPython's `handle_system_exit` would, until the
//! runtime reports it directly.
//!
//! What this does not do: `sys.argv` (the runtime has no way to receive it yet), `-m`, or an
//! interactive prompt.

use std::io::{BufRead, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use coro_runtime::{ErrorReport, InputError, Interrupt, Outcome, Output, Session, Stream};

use crate::engine::internal_error;
use crate::signals;

/// What to run.
pub enum Program {
    /// A file, named as on the command line (tracebacks use this name, as CPython's do).
    File(String),
    /// The text of `-c`, named `<string>`.
    Code(String),
}

/// How the process should end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Status(i32),
    /// Die by SIGINT, as CPython does after an uncaught KeyboardInterrupt.
    Sigint,
}

/// Runs `program` on a thread with a large stack; the exit the process should take.
pub fn run(program: Program) -> Exit {
    let (name, source) = match program {
        Program::Code(code) => ("<string>".to_string(), code),
        Program::File(path) => match read_source(&path) {
            Ok(source) => (main_path(&path), source),
            Err((message, status)) => {
                eprintln!("{message}");
                return Exit::Status(status);
            }
        },
    };
    let worker = std::thread::Builder::new()
        .name("coro-main".into())
        .stack_size(crate::SESSION_STACK_BYTES)
        .spawn(move || run_on_this_thread(&name, &source));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(exit)) => exit,
        _ => Exit::Status(1),
    }
}

/// The name CPython 3.11 gives the main script (in tracebacks and `__file__`): the path made
/// absolute by joining it to the working directory, without normalizing `.` or `..`.
fn main_path(path: &str) -> String {
    if Path::new(path).is_absolute() {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{path}", cwd.display()),
        Err(_) => path.to_string(),
    }
}

/// Reads a script as UTF-8, or says why not in python3's words, with python3's exit status
/// (2 for a file that cannot be opened, 1 for one that is not UTF-8).
fn read_source(path: &str) -> Result<String, (String, i32)> {
    let shown = main_path(path);
    let bytes = std::fs::read(path).map_err(|e| {
        let errno = e.raw_os_error().unwrap_or(0);
        let reason = strerror(&e);
        (
            format!("coro: can't open file '{shown}': [Errno {errno}] {reason}"),
            2,
        )
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        let byte = e.as_bytes()[e.utf8_error().valid_up_to()];
        let message = format!(
            "SyntaxError: Non-UTF-8 code starting with '\\x{byte:02x}' in file {shown} on line {line}, \
             but no encoding declared; see https://peps.python.org/pep-0263/ for details"
        );
        (message, 1)
    })
}

/// The C library's wording of an OS error, without Rust's " (os error N)" suffix.
fn strerror(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

fn run_on_this_thread(name: &str, source: &str) -> Exit {
    let mut out = Terminal::new();
    let mut session = match catch_unwind(Session::new) {
        Ok(session) => session,
        Err(payload) => {
            out.error(&internal_error(payload.as_ref()).render());
            return Exit::Status(1);
        }
    };
    signals::set_target(session.interrupt_handle());
    signals::install();
    out.interrupt = Some(session.interrupt_handle());
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        session.run_script(name, source, &mut out)
    }))
    .unwrap_or_else(|payload| Outcome::Error(internal_error(payload.as_ref())));
    let exit = match outcome {
        Outcome::Ok { .. } => Exit::Status(0),
        Outcome::Error(report) => exit_status(&report, &mut out),
    };
    session.interrupt_handle().clear();
    let _ = catch_unwind(AssertUnwindSafe(|| session.shutdown(&mut out)));
    out.flush();
    exit
}

/// The exit for an uncaught exception, printing what CPython prints.
pub fn exit_status(report: &ErrorReport, out: &mut Terminal) -> Exit {
    match report.ename.as_str() {
        "SystemExit" => {
            // SEAM: see the module documentation.
            let code = report.evalue.trim();
            if code.is_empty() || code == "None" {
                Exit::Status(0)
            } else if let Ok(n) = code.parse::<i64>() {
                Exit::Status(n as i32)
            } else {
                out.error(&format!("{code}\n"));
                Exit::Status(1)
            }
        }
        "KeyboardInterrupt" => {
            out.error(&report.render());
            Exit::Sigint
        }
        _ => {
            out.error(&report.render());
            Exit::Status(1)
        }
    }
}

/// The process's standard streams as a running program sees them.
pub struct Terminal {
    stdout: std::io::BufWriter<std::io::Stdout>,
    /// Flush at every newline, as CPython does when stdout is a terminal.
    line_buffered: bool,
    /// Ends a wait in `input()` with `KeyboardInterrupt` (Ctrl-C), as in CPython.
    pub interrupt: Option<Interrupt>,
    stdin: Option<LineReader>,
}

/// Reads stdin lines on a helper thread, so that a blocked `input()` can still notice an
/// interrupt. A line asked for and then abandoned is kept for the next `input()`.
struct LineReader {
    ask: mpsc::Sender<()>,
    lines: mpsc::Receiver<Option<String>>,
    /// Whether a line has been asked for and not yet received.
    outstanding: bool,
}

impl LineReader {
    fn start() -> Option<LineReader> {
        let (ask, asks) = mpsc::channel::<()>();
        let (send, lines) = mpsc::channel();
        std::thread::Builder::new()
            .name("coro-stdin".into())
            .spawn(move || {
                let stdin = std::io::stdin();
                while asks.recv().is_ok() {
                    let mut line = String::new();
                    let got = match stdin.lock().read_line(&mut line) {
                        Ok(0) | Err(_) => None,
                        Ok(_) => Some(line),
                    };
                    if send.send(got).is_err() {
                        return;
                    }
                }
            })
            .ok()?;
        Some(LineReader {
            ask,
            lines,
            outstanding: false,
        })
    }

    /// The next line with its ending, `Ok(None)` at end of input, `Err` when interrupted.
    fn read(&mut self, interrupt: Option<&Interrupt>) -> Result<Option<String>, InputError> {
        if !self.outstanding {
            self.ask.send(()).map_err(|_| InputError::Eof)?;
            self.outstanding = true;
        }
        loop {
            match self.lines.recv_timeout(Duration::from_millis(5)) {
                Ok(line) => {
                    self.outstanding = false;
                    return Ok(line);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if interrupt.is_some_and(Interrupt::take) {
                        return Err(InputError::Interrupted);
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(None),
            }
        }
    }
}

impl Default for Terminal {
    fn default() -> Self {
        Terminal::new()
    }
}

impl Terminal {
    pub fn new() -> Terminal {
        let stdout = std::io::stdout();
        Terminal {
            line_buffered: stdout.is_terminal(),
            stdout: std::io::BufWriter::with_capacity(64 * 1024, stdout),
            interrupt: None,
            stdin: None,
        }
    }

    /// Writes to stderr after everything already written to stdout.
    pub fn error(&mut self, text: &str) {
        self.flush();
        let _ = std::io::stderr().write_all(text.as_bytes());
    }

    pub fn flush(&mut self) {
        let _ = self.stdout.flush();
    }
}

impl Output for Terminal {
    fn stream(&mut self, which: Stream, text: &str) {
        match which {
            Stream::Stdout => {
                // Write errors (a closed pipe) are ignored, as there is nowhere to report them.
                let _ = self.stdout.write_all(text.as_bytes());
                if self.line_buffered && text.contains('\n') {
                    self.flush();
                }
            }
            Stream::Stderr => self.error(text),
        }
    }

    fn input(&mut self, prompt: &str, _password: bool) -> Result<String, InputError> {
        let _ = self.stdout.write_all(prompt.as_bytes());
        self.flush();
        if self.stdin.is_none() {
            self.stdin = LineReader::start();
        }
        let reader = self.stdin.as_mut().ok_or(InputError::Eof)?;
        let mut line = reader
            .read(self.interrupt.as_ref())?
            .ok_or(InputError::Eof)?;
        if line.ends_with('\n') {
            line.pop();
            if line.ends_with('\r') {
                line.pop();
            }
        }
        Ok(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(ename: &str, evalue: &str, expect: Exit) {
        let report = ErrorReport {
            ename: ename.into(),
            evalue: evalue.into(),
            traceback: vec![],
        };
        assert_eq!(
            exit_status(&report, &mut Terminal::new()),
            expect,
            "{ename}: {evalue}"
        );
    }

    #[test]
    fn exit_statuses_follow_cpython() {
        check("ValueError", "x", Exit::Status(1));
        check("KeyboardInterrupt", "", Exit::Sigint);
        check("SystemExit", "", Exit::Status(0));
        check("SystemExit", "None", Exit::Status(0));
        check("SystemExit", "3", Exit::Status(3));
        check("SystemExit", "bye", Exit::Status(1));
    }

    #[test]
    fn main_paths_are_joined_to_the_working_directory_as_written() {
        let cwd = std::env::current_dir().unwrap().display().to_string();
        assert_eq!(main_path("/abs/x.py"), "/abs/x.py");
        assert_eq!(main_path("./../x.py"), format!("{cwd}/./../x.py"));
        assert_eq!(main_path("x.py"), format!("{cwd}/x.py"));
    }

    #[test]
    fn missing_files_are_reported_in_python3_words() {
        let (err, status) = read_source("surely/not/here.py").unwrap_err();
        assert_eq!(status, 2);
        assert!(err.starts_with("coro: can't open file '/"), "{err}");
        assert!(
            err.ends_with("surely/not/here.py': [Errno 2] No such file or directory"),
            "{err}"
        );
    }

    #[test]
    fn non_utf8_files_are_a_syntax_error() {
        let path = std::env::temp_dir().join(format!("coro-latin1-{}.py", std::process::id()));
        std::fs::write(&path, b"x = 1\ny = '\xe9'\n").unwrap();
        let (err, status) = read_source(path.to_str().unwrap()).unwrap_err();
        let _ = std::fs::remove_file(&path);
        assert_eq!(status, 1);
        assert!(
            err.starts_with("SyntaxError: Non-UTF-8 code starting with '\\xe9'"),
            "{err}"
        );
        assert!(err.contains("on line 2"), "{err}");
    }
}
