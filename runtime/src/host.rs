//! The host interface: everything the runtime needs from the program that embeds it.
//!
//! The runtime does no IO of its own. Text printed by the program, `input()` and rich display
//! all go through an [`Output`] that the host hands to [`crate::Session::execute`]. The kernel
//! turns these calls into Jupyter messages; the command line writes them to the terminal.
//!
//! [`Interrupt`] is the one thing shared across threads: the host sets it from a signal handler
//! or the control channel, and the VM polls it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Which standard stream a piece of text was written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

impl Stream {
    /// The Jupyter name of the stream (`stdout` or `stderr`).
    pub fn name(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        }
    }
}

/// Why `input()` could not read a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// The frontend cannot answer input requests (`allow_stdin` is false); the runtime raises
    /// `StdinNotImplementedError` as ipykernel does.
    NotSupported,
    /// The wait was interrupted; the runtime raises `KeyboardInterrupt`.
    Interrupted,
    /// End of input (the terminal was closed); the runtime raises `EOFError`.
    Eof,
}

/// A MIME bundle for rich display: pairs of (mime type, text), `text/plain` first.
pub type MimeBundle = Vec<(String, String)>;

/// The callbacks through which a running cell talks to the outside world.
///
/// Every method is called synchronously from the VM, on the thread that runs the session, while
/// a cell executes. None of them is called outside `Session::execute`.
pub trait Output {
    /// Called whenever the program writes text to `sys.stdout` or `sys.stderr` (including
    /// through `print`). The text arrives in order and unbuffered; the host may coalesce it.
    fn stream(&mut self, which: Stream, text: &str);

    /// Called by `input(prompt)`. Returns the line without its trailing newline, or the reason
    /// none could be read. The host should return `Err(InputError::Interrupted)` promptly when
    /// the session's [`Interrupt`] fires while it waits.
    fn input(&mut self, prompt: &str, password: bool) -> Result<String, InputError>;

    /// Called to show a rich value (`display(...)`). The default drops the richer mime types and
    /// prints the `text/plain` form, as a terminal would.
    fn display(&mut self, data: &MimeBundle) {
        if let Some((_, text)) = data.iter().find(|(mime, _)| mime == "text/plain") {
            self.stream(Stream::Stdout, text);
            self.stream(Stream::Stdout, "\n");
        }
    }
}

/// An `Output` that collects everything into strings; for tests and for evaluating
/// `user_expressions`, where nothing may reach the frontend.
#[derive(Debug, Default)]
pub struct Captured {
    pub stdout: String,
    pub stderr: String,
    /// Every rich display, in order.
    pub displays: Vec<MimeBundle>,
    /// Lines handed out to `input()`, front first; when empty, `input()` sees end of file.
    pub stdin: std::collections::VecDeque<String>,
}

impl Output for Captured {
    fn stream(&mut self, which: Stream, text: &str) {
        match which {
            Stream::Stdout => self.stdout.push_str(text),
            Stream::Stderr => self.stderr.push_str(text),
        }
    }

    fn input(&mut self, prompt: &str, _password: bool) -> Result<String, InputError> {
        self.stdout.push_str(prompt);
        self.stdin.pop_front().ok_or(InputError::Eof)
    }

    fn display(&mut self, data: &MimeBundle) {
        self.displays.push(data.clone());
    }
}

/// A handle that interrupts the running cell from another thread.
///
/// Triggering it makes the VM raise `KeyboardInterrupt` in the running frame at the next backward
/// jump, call or blocking wait (`time.sleep`, `input`), so `finally` blocks run and suspended
/// generators stay usable. A trigger while no cell runs is forgotten when the next cell starts.
#[derive(Clone, Debug, Default)]
pub struct Interrupt {
    flag: Arc<AtomicBool>,
}

impl Interrupt {
    pub fn new() -> Interrupt {
        Interrupt::default()
    }

    /// Asks the running cell to stop with `KeyboardInterrupt`.
    pub fn trigger(&self) {
        self.flag.store(true, Ordering::SeqCst);
    }

    /// Whether an interrupt is pending.
    pub fn is_set(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }

    /// Consumes a pending interrupt: returns true if one was pending.
    pub fn take(&self) -> bool {
        self.flag.swap(false, Ordering::SeqCst)
    }

    /// Forgets any pending interrupt.
    pub fn clear(&self) {
        self.flag.store(false, Ordering::SeqCst);
    }
}
