//! The engine: the one thread that owns the [`Session`].
//!
//! A `Session` is `!Send` and holds the suspended generators between cells, so it lives on a
//! dedicated thread with a large stack ([`crate::SESSION_STACK_BYTES`]). The tokio side talks
//! to it only through [`Engine`]: each [`Job`] carries a oneshot sender for its answer, jobs run
//! one at a time in the order they were submitted, and output produced while a cell runs goes
//! straight to the iopub [`Publisher`] (stream text, rich displays) or to the stdin task
//! (`input()`). The only state shared with other threads is the session's [`Interrupt`].
//!
//! A Rust panic inside the runtime is a bug in Coro, never in the user's program: every call
//! into the session is wrapped in `catch_unwind`, a panicking execute becomes an
//! `InternalError` report, and the engine keeps serving.
//!
//! What this module does not do: count executions, build replies, or publish
//! `execute_result`/`error` (the dispatcher does, after the job returns).

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, OnceLock};
use std::time::Duration;

use coro_runtime::{
    Completeness, Completion, ErrorReport, InputError, Interrupt, MimeBundle, Outcome, Output,
    Session, Stream,
};
use serde_json::Value;
use tokio::sync::oneshot;

use crate::iopub::Publisher;
use crate::messages::DisplayData;
use crate::stdin::{Ask, StdinClient};
use crate::wire::Parent;
use crate::{log_error, signals};

/// A cell that panics inside the engine's `catch_unwind` when the environment variable
/// `CORO_DEBUG_PANIC` is `1`, so that the tests can check a panic's path end to end; with
/// the variable unset it is an ordinary (undefined) name.
pub const DEBUG_PANIC_CELL: &str = "__coro_debug_panic__";

/// How often a blocked `input()` checks for an interrupt.
const INPUT_POLL: Duration = Duration::from_millis(5);

/// What an execute job produced.
#[derive(Debug)]
pub struct Executed {
    pub outcome: Outcome,
    /// Each user expression's repr or error, evaluated after a successful cell.
    pub user_expressions: BTreeMap<String, Result<String, ErrorReport>>,
}

/// One cell to run.
pub struct ExecuteJob {
    /// The name tracebacks give the cell, e.g. `<cell 3>`.
    pub name: String,
    pub code: String,
    pub user_expressions: BTreeMap<String, String>,
    /// The execute request: parent of every output, and where `input_request` is routed.
    pub parent: Arc<Parent>,
    /// Silent cells publish nothing on iopub.
    pub silent: bool,
    pub allow_stdin: bool,
}

/// Work for the engine thread, each with the channel its answer goes back on.
pub enum Job {
    Execute(ExecuteJob, oneshot::Sender<Executed>),
    /// Completion at a byte offset.
    Complete(String, usize, oneshot::Sender<Completion>),
    /// Help for the name at a byte offset.
    Inspect(String, usize, oneshot::Sender<Option<String>>),
    IsComplete(String, oneshot::Sender<Completeness>),
    /// Finalize the session (suspended generators run their `finally` blocks, with output
    /// going to the shutdown request) and stop the thread.
    Shutdown(Arc<Parent>, oneshot::Sender<()>),
}

/// The tokio side's handle on the engine thread.
pub struct Engine {
    jobs: mpsc::Sender<Job>,
    /// Filled in by the engine thread once its session exists.
    interrupt: Arc<OnceLock<Interrupt>>,
    /// True while a cell runs.
    executing: Arc<AtomicBool>,
}

impl Engine {
    /// Starts the engine thread. The session is built on that thread, so this returns at once.
    pub fn spawn(publisher: Publisher, stdin: StdinClient) -> std::io::Result<Engine> {
        let (jobs, queue) = mpsc::channel();
        let interrupt = Arc::new(OnceLock::new());
        let executing = Arc::new(AtomicBool::new(false));
        let worker = Worker {
            publisher,
            stdin,
            interrupt: interrupt.clone(),
            executing: executing.clone(),
            debug_panic: std::env::var("CORO_DEBUG_PANIC").is_ok_and(|v| v == "1"),
        };
        std::thread::Builder::new()
            .name("coro-engine".into())
            .stack_size(crate::SESSION_STACK_BYTES)
            .spawn(move || worker.run(queue))?;
        Ok(Engine {
            jobs,
            interrupt,
            executing,
        })
    }

    /// Runs a cell; `None` if the engine has stopped.
    pub async fn execute(&self, job: ExecuteJob) -> Option<Executed> {
        let (tx, rx) = oneshot::channel();
        self.jobs.send(Job::Execute(job, tx)).ok()?;
        rx.await.ok()
    }

    pub async fn complete(&self, code: String, cursor: usize) -> Option<Completion> {
        let (tx, rx) = oneshot::channel();
        self.jobs.send(Job::Complete(code, cursor, tx)).ok()?;
        rx.await.ok()
    }

    pub async fn inspect(&self, code: String, cursor: usize) -> Option<Option<String>> {
        let (tx, rx) = oneshot::channel();
        self.jobs.send(Job::Inspect(code, cursor, tx)).ok()?;
        rx.await.ok()
    }

    pub async fn is_complete(&self, code: String) -> Option<Completeness> {
        let (tx, rx) = oneshot::channel();
        self.jobs.send(Job::IsComplete(code, tx)).ok()?;
        rx.await.ok()
    }

    /// Finalizes the session and stops the engine; waits at most `patience`. A running cell
    /// is interrupted first so that the shutdown job gets its turn.
    pub async fn shutdown(&self, parent: Arc<Parent>, patience: Duration) {
        if self.executing.load(Ordering::SeqCst) {
            self.interrupt();
        }
        let (tx, rx) = oneshot::channel();
        if self.jobs.send(Job::Shutdown(parent, tx)).is_ok() {
            let _ = tokio::time::timeout(patience, rx).await;
        }
    }

    /// Interrupts the running cell, if any (`interrupt_request`).
    pub fn interrupt(&self) {
        if let Some(interrupt) = self.interrupt.get() {
            interrupt.trigger();
        }
    }
}

/// The state of the engine thread, apart from the session itself.
struct Worker {
    publisher: Publisher,
    stdin: StdinClient,
    interrupt: Arc<OnceLock<Interrupt>>,
    executing: Arc<AtomicBool>,
    /// Whether [`DEBUG_PANIC_CELL`] panics.
    debug_panic: bool,
}

/// The message of a panic payload.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}

/// The report that stands in for a cell whose execution panicked in the runtime.
pub fn internal_error(payload: &(dyn std::any::Any + Send)) -> ErrorReport {
    let evalue = format!(
        "Coro hit an internal error (a bug in Coro, not in your code): {}. \
         Please report it, with the code that triggered it, at the Coro issue tracker.",
        panic_message(payload)
    );
    ErrorReport {
        ename: "InternalError".into(),
        traceback: vec![format!("InternalError: {evalue}")],
        evalue,
    }
}

impl Worker {
    fn run(self, queue: mpsc::Receiver<Job>) {
        let mut session = match catch_unwind(Session::new) {
            Ok(session) => session,
            Err(payload) => {
                let report = internal_error(payload.as_ref());
                log_error!("the session could not be created: {}", report.evalue);
                return self.run_without_session(queue, report);
            }
        };
        let interrupt = session.interrupt_handle();
        signals::set_target(interrupt.clone());
        let _ = self.interrupt.set(interrupt.clone());
        while let Ok(job) = queue.recv() {
            match job {
                Job::Execute(job, done) => {
                    let executed = self.execute(&mut session, &interrupt, job);
                    let _ = done.send(executed);
                }
                Job::Complete(code, cursor, done) => {
                    let completion =
                        catch_unwind(AssertUnwindSafe(|| session.complete(&code, cursor)))
                            .unwrap_or_else(|_| Completion {
                                matches: vec![],
                                cursor_start: cursor,
                                cursor_end: cursor,
                            });
                    let _ = done.send(completion);
                }
                Job::Inspect(code, cursor, done) => {
                    let help = catch_unwind(AssertUnwindSafe(|| session.inspect(&code, cursor)))
                        .unwrap_or(None);
                    let _ = done.send(help);
                }
                Job::IsComplete(code, done) => {
                    let status = catch_unwind(AssertUnwindSafe(|| session.is_complete(&code)))
                        .unwrap_or(Completeness::Invalid);
                    let _ = done.send(status);
                }
                Job::Shutdown(parent, done) => {
                    // An interrupt aimed at the last cell must not hit the finalizers.
                    interrupt.clear();
                    let mut out = KernelOutput::new(&self, parent, false, false, interrupt.clone());
                    let _ = catch_unwind(AssertUnwindSafe(|| session.shutdown(&mut out)));
                    self.publisher.flush_blocking();
                    let _ = done.send(());
                    return;
                }
            }
        }
    }

    fn execute(&self, session: &mut Session, interrupt: &Interrupt, job: ExecuteJob) -> Executed {
        let mut out = KernelOutput::new(
            self,
            job.parent,
            job.silent,
            job.allow_stdin,
            interrupt.clone(),
        );
        self.executing.store(true, Ordering::SeqCst);
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            if self.debug_panic && job.code == DEBUG_PANIC_CELL {
                panic!("deliberate panic for the tests ({DEBUG_PANIC_CELL})");
            }
            session.execute(&job.name, &job.code, &mut out)
        }))
        .unwrap_or_else(|payload| Outcome::Error(internal_error(payload.as_ref())));
        self.executing.store(false, Ordering::SeqCst);
        let mut user_expressions = BTreeMap::new();
        if matches!(outcome, Outcome::Ok { .. }) {
            for (key, expr) in job.user_expressions {
                let value = catch_unwind(AssertUnwindSafe(|| session.evaluate(&expr)))
                    .unwrap_or_else(|payload| Err(internal_error(payload.as_ref())));
                user_expressions.insert(key, value);
            }
        }
        Executed {
            outcome,
            user_expressions,
        }
    }

    /// Serves jobs when no session could be built: every cell reports the internal error.
    fn run_without_session(self, queue: mpsc::Receiver<Job>, report: ErrorReport) {
        while let Ok(job) = queue.recv() {
            match job {
                Job::Execute(_, done) => {
                    let _ = done.send(Executed {
                        outcome: Outcome::Error(report.clone()),
                        user_expressions: BTreeMap::new(),
                    });
                }
                Job::Complete(_, cursor, done) => {
                    let _ = done.send(Completion {
                        matches: vec![],
                        cursor_start: cursor,
                        cursor_end: cursor,
                    });
                }
                Job::Inspect(_, _, done) => {
                    let _ = done.send(None);
                }
                Job::IsComplete(_, done) => {
                    let _ = done.send(Completeness::Invalid);
                }
                Job::Shutdown(_, done) => {
                    let _ = done.send(());
                    return;
                }
            }
        }
    }
}

/// The `Output` a cell writes to while it runs in the kernel.
struct KernelOutput {
    publisher: Publisher,
    stdin: StdinClient,
    parent: Arc<Parent>,
    silent: bool,
    allow_stdin: bool,
    interrupt: Interrupt,
}

impl KernelOutput {
    fn new(
        worker: &Worker,
        parent: Arc<Parent>,
        silent: bool,
        allow_stdin: bool,
        interrupt: Interrupt,
    ) -> KernelOutput {
        KernelOutput {
            publisher: worker.publisher.clone(),
            stdin: worker.stdin.clone(),
            parent,
            silent,
            allow_stdin,
            interrupt,
        }
    }
}

impl Output for KernelOutput {
    fn stream(&mut self, which: Stream, text: &str) {
        if !self.silent {
            self.publisher.stream(&self.parent, which, text);
        }
    }

    fn input(&mut self, prompt: &str, password: bool) -> Result<String, InputError> {
        if !self.allow_stdin {
            return Err(InputError::NotSupported);
        }
        // What the cell printed before asking should be on screen before the prompt.
        self.publisher.flush_blocking();
        let (answer, value) = mpsc::channel();
        let asked = self.stdin.ask(Ask {
            parent: self.parent.clone(),
            prompt: prompt.to_owned(),
            password,
            answer,
        });
        if !asked {
            return Err(InputError::NotSupported);
        }
        loop {
            match value.recv_timeout(INPUT_POLL) {
                Ok(Ok(text)) => return Ok(text),
                Ok(Err(_)) => return Err(InputError::NotSupported),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if self.interrupt.take() {
                        return Err(InputError::Interrupted);
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Err(InputError::Eof),
            }
        }
    }

    fn display(&mut self, data: &MimeBundle) {
        if self.silent {
            return;
        }
        let data = mime_map(data);
        self.publisher.send(
            "display_data",
            Some(&self.parent),
            &DisplayData {
                data,
                metadata: Value::Object(Default::default()),
                transient: Value::Object(Default::default()),
            },
        );
    }
}

/// A MIME bundle as the `data` of a display message: JSON types are unpacked, everything
/// else is text.
pub fn mime_map(bundle: &MimeBundle) -> BTreeMap<String, Value> {
    bundle
        .iter()
        .map(|(mime, text)| {
            let value = if mime == "application/json" || mime.ends_with("+json") {
                serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.clone()))
            } else {
                Value::String(text.clone())
            };
            (mime.clone(), value)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(payload: Box<dyn std::any::Any + Send>, expect: &str) {
        let report = internal_error(payload.as_ref());
        assert_eq!(report.ename, "InternalError");
        assert!(report.evalue.contains(expect), "{}", report.evalue);
        assert!(report.evalue.contains("Please report it"));
        assert_eq!(
            report.traceback,
            vec![format!("InternalError: {}", report.evalue)]
        );
    }

    #[test]
    fn panics_become_internal_errors_that_ask_for_a_report() {
        check(Box::new("index out of bounds"), "index out of bounds");
        check(Box::new(String::from("boom")), "boom");
        check(Box::new(42), "unknown panic");
    }

    #[test]
    fn json_mime_types_are_unpacked() {
        let bundle = vec![
            ("text/plain".to_string(), "[1]".to_string()),
            ("application/json".to_string(), "[1]".to_string()),
            ("application/vnd.x+json".to_string(), "not json".to_string()),
        ];
        let map = mime_map(&bundle);
        assert_eq!(map["text/plain"], Value::String("[1]".into()));
        assert_eq!(map["application/json"], serde_json::json!([1]));
        assert_eq!(
            map["application/vnd.x+json"],
            Value::String("not json".into())
        );
    }
}
