//! What the kernel does with each request: a table from `msg_type` to handler, per channel.
//!
//! [`Kernel::serve`] brackets every request, on shell and control alike, with `status: busy`
//! and `status: idle` on iopub (errors and unknown types included), looks the handler up in
//! [`SHELL_HANDLERS`] or [`CONTROL_HANDLERS`], and runs it. Handlers reply on the channel the
//! request came in on, with the request's header as `parent_header`.
//!
//! The execute handler follows ipykernel: `execute_input` (unless silent), the cell's output
//! (published by the engine while it runs), `execute_result` or `error`, every queued output
//! flushed, then the reply; the counter and `stop_on_error` behave as in ipykernel (see
//! [`Kernel::execute_request`]).
//!
//! What this module does not do: read sockets (see `server.rs`) or run code (see `engine.rs`).

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use coro_runtime::{Completeness, Completion, ErrorReport, Outcome};
use serde::Serialize;
use serde_json::{json, Value};
use tokio::sync::Notify;
use zeromq::{RouterSendHalf, SocketSend, ZmqMessage};

use crate::engine::{Engine, ExecuteJob, Executed};
use crate::history::{History, Query};
use crate::iopub::Publisher;
use crate::messages::{
    self, parse, to_frame, CommOpen, CompleteReply, CursorRequest, ErrorContent, ExecuteInput,
    ExecuteReply, ExecuteRequest, ExecuteResult, HistoryReply, HistoryRequest, InspectReply,
    IsCompleteReply, IsCompleteRequest, ShutdownReply, ShutdownRequest,
};
use crate::wire::{Codec, Request};
use crate::{log_debug, log_warn};

/// How long a shutdown waits for the session's finalizers before exiting anyway.
const SHUTDOWN_PATIENCE: Duration = Duration::from_secs(3);

/// How long after its start a failed cell's error reply waits, with `stop_on_error`, for
/// requests already on their way (a cell that ran longer waits no more).
const ABORT_GRACE: Duration = Duration::from_millis(10);

/// The two request channels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Shell,
    Control,
}

/// A request handler: borrows the kernel and the request for as long as it runs.
pub type Handler =
    for<'a> fn(&'a Kernel, &'a Request, Channel) -> Pin<Box<dyn Future<Output = ()> + Send + 'a>>;

/// Requests served on the shell channel.
pub const SHELL_HANDLERS: &[(&str, Handler)] = &[
    ("execute_request", |k, r, c| {
        Box::pin(k.execute_request(r, c))
    }),
    ("kernel_info_request", |k, r, c| {
        Box::pin(k.kernel_info_request(r, c))
    }),
    ("complete_request", |k, r, c| {
        Box::pin(k.complete_request(r, c))
    }),
    ("inspect_request", |k, r, c| {
        Box::pin(k.inspect_request(r, c))
    }),
    ("is_complete_request", |k, r, c| {
        Box::pin(k.is_complete_request(r, c))
    }),
    ("history_request", |k, r, c| {
        Box::pin(k.history_request(r, c))
    }),
    ("comm_info_request", |k, r, c| {
        Box::pin(k.comm_info_request(r, c))
    }),
    ("comm_open", |k, r, c| Box::pin(k.comm_open(r, c))),
    ("comm_msg", |k, r, c| Box::pin(k.comm_ignore(r, c))),
    ("comm_close", |k, r, c| Box::pin(k.comm_ignore(r, c))),
    ("shutdown_request", |k, r, c| {
        Box::pin(k.shutdown_request(r, c))
    }),
];

/// Requests served on the control channel: only those that never wait for a running cell.
pub const CONTROL_HANDLERS: &[(&str, Handler)] = &[
    ("kernel_info_request", |k, r, c| {
        Box::pin(k.kernel_info_request(r, c))
    }),
    ("shutdown_request", |k, r, c| {
        Box::pin(k.shutdown_request(r, c))
    }),
    ("interrupt_request", |k, r, c| {
        Box::pin(k.interrupt_request(r, c))
    }),
    ("history_request", |k, r, c| {
        Box::pin(k.history_request(r, c))
    }),
    ("comm_info_request", |k, r, c| {
        Box::pin(k.comm_info_request(r, c))
    }),
];

/// The handler for `msg_type` on `channel`, if we serve it there.
pub fn lookup(channel: Channel, msg_type: &str) -> Option<Handler> {
    let table = match channel {
        Channel::Shell => SHELL_HANDLERS,
        Channel::Control => CONTROL_HANDLERS,
    };
    table
        .iter()
        .find(|(name, _)| *name == msg_type)
        .map(|(_, h)| *h)
}

/// The state only the shell's execute handler changes.
#[derive(Default)]
struct ShellState {
    /// The count the next stored cell gets (IPython's `shell.execution_count`).
    next_count: u64,
    history: History,
}

/// Everything a handler needs; shared by the shell and control tasks.
pub struct Kernel {
    codec: Arc<Codec>,
    publisher: Publisher,
    engine: Engine,
    shell: RouterSendHalf,
    control: RouterSendHalf,
    state: Mutex<ShellState>,
    /// How many messages the shell reader has received so far; each shell message carries
    /// its number in that sequence.
    shell_received: Arc<AtomicU64>,
    /// The number of the shell message being served.
    current: AtomicU64,
    /// After an error with `stop_on_error`, executes numbered below this are answered
    /// `aborted`: they arrived before the failing cell's reply went out, so they were sent
    /// without knowing of the error (Run All). Requests sent after the client saw the
    /// error run normally.
    abort_below: AtomicU64,
    /// Set once a shutdown request arrives; later requests are dropped.
    shutting_down: AtomicBool,
    /// Notified after the shutdown reply and its `idle` have been queued.
    exit: Notify,
}

impl Kernel {
    pub fn new(
        codec: Arc<Codec>,
        publisher: Publisher,
        engine: Engine,
        shell: RouterSendHalf,
        control: RouterSendHalf,
        shell_received: Arc<AtomicU64>,
    ) -> Kernel {
        Kernel {
            codec,
            publisher,
            engine,
            shell,
            control,
            state: Mutex::new(ShellState {
                next_count: 1,
                history: History::default(),
            }),
            shell_received,
            current: AtomicU64::new(0),
            abort_below: AtomicU64::new(0),
            shutting_down: AtomicBool::new(false),
            exit: Notify::new(),
        }
    }

    pub fn codec(&self) -> &Arc<Codec> {
        &self.codec
    }

    pub fn publisher(&self) -> &Publisher {
        &self.publisher
    }

    /// Waits until a shutdown request has been answered.
    pub async fn exit_requested(&self) {
        self.exit.notified().await;
    }

    /// Serves shell message number `seq` (see [`Kernel::serve`]).
    pub async fn serve_shell(&self, seq: u64, request: Request) {
        self.current.store(seq, Ordering::SeqCst);
        self.serve(request, Channel::Shell).await;
    }

    /// Whether the execute being served was queued before an error that aborts it.
    fn is_aborted(&self) -> bool {
        self.current.load(Ordering::SeqCst) < self.abort_below.load(Ordering::SeqCst)
    }

    /// Interrupts the running cell (SIGINT and `interrupt_request` end up here).
    pub fn interrupt(&self) {
        self.engine.interrupt();
    }

    fn state(&self) -> std::sync::MutexGuard<'_, ShellState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Serves one request: busy, the handler, idle.
    pub async fn serve(&self, request: Request, channel: Channel) {
        if self.shutting_down.load(Ordering::SeqCst) {
            log_debug!("dropped {} after shutdown began", request.msg_type());
            return;
        }
        let parent = request.parent.clone();
        self.publisher.status("busy", Some(&parent));
        match lookup(channel, request.msg_type()) {
            Some(handler) => handler(self, &request, channel).await,
            None => log_warn!("{channel:?}: unknown message type {:?}", request.msg_type()),
        }
        self.publisher.status("idle", Some(&parent));
        if request.msg_type() == "shutdown_request" && self.shutting_down.load(Ordering::SeqCst) {
            self.exit.notify_one();
        }
    }

    /// Sends a reply on `channel` to the request's identities.
    async fn reply<T: Serialize>(&self, channel: Channel, request: &Request, content: &T) {
        let msg_type = reply_type(request.msg_type());
        let mut frames: Vec<Bytes> = request.parent.identities.clone();
        frames.extend(self.codec.encode(
            &msg_type,
            Some(&request.parent),
            b"{}",
            to_frame(content),
        ));
        let mut socket = match channel {
            Channel::Shell => self.shell.clone(),
            Channel::Control => self.control.clone(),
        };
        match ZmqMessage::try_from(frames) {
            Ok(message) => {
                if let Err(e) = socket.send(message).await {
                    log_warn!("{channel:?}: {msg_type} not delivered: {e}");
                }
            }
            Err(e) => log_warn!("{channel:?}: {msg_type} not built: {e}"),
        }
    }

    async fn kernel_info_request(&self, request: &Request, channel: Channel) {
        self.reply(channel, request, &messages::kernel_info_reply())
            .await;
    }

    /// Runs a cell. The counter follows IPython: a cell gets the number `next_count` (shown
    /// in `execute_input` and `execute_result`), and only a stored cell (not silent,
    /// `store_history` true) advances it; the reply carries `next_count - 1` after that, so
    /// a stored cell's reply repeats its own number.
    async fn execute_request(&self, request: &Request, channel: Channel) {
        let content: ExecuteRequest = match parse(&request.content) {
            Ok(content) => content,
            Err(e) => {
                log_warn!("execute_request with bad content ignored: {e}");
                return;
            }
        };
        if self.is_aborted() {
            let reply = ExecuteReply::Aborted {
                execution_count: None,
            };
            self.reply(channel, request, &reply).await;
            return;
        }
        let started = std::time::Instant::now();
        let parent = &request.parent;
        let count = self.state().next_count;
        let stores = content.stores_history();
        if !content.silent {
            self.publisher.send(
                "execute_input",
                Some(parent),
                &ExecuteInput {
                    code: &content.code,
                    execution_count: count,
                },
            );
        }
        let job = ExecuteJob {
            name: format!("<cell {count}>"),
            code: content.code.clone(),
            user_expressions: content.user_expressions.clone(),
            parent: parent.clone(),
            silent: content.silent,
            allow_stdin: content.allow_stdin,
        };
        let executed = self.engine.execute(job).await;
        let reply_count = {
            let mut state = self.state();
            if stores {
                state.next_count += 1;
            }
            state.next_count - 1
        };
        // The engine only stops during shutdown; answer rather than leave the client waiting.
        let executed = executed.unwrap_or_else(|| Executed {
            outcome: Outcome::Error(ErrorReport {
                ename: "InternalError".into(),
                evalue: "the kernel is shutting down; the cell was not run".into(),
                traceback: vec![
                    "InternalError: the kernel is shutting down; the cell was not run".into(),
                ],
            }),
            user_expressions: Default::default(),
        });
        match executed.outcome {
            Outcome::Ok { repr } => {
                if let (Some(text), false) = (&repr, content.silent) {
                    let mut data = std::collections::BTreeMap::new();
                    data.insert("text/plain".to_string(), Value::String(text.clone()));
                    self.publisher.send(
                        "execute_result",
                        Some(parent),
                        &ExecuteResult {
                            execution_count: count,
                            data,
                            metadata: json!({}),
                        },
                    );
                }
                if stores {
                    self.state().history.record(count, &content.code, repr);
                }
                let user_expressions = executed
                    .user_expressions
                    .into_iter()
                    .map(|(key, value)| (key, user_expression(value)))
                    .collect();
                self.publisher.flush().await;
                let reply = ExecuteReply::Ok {
                    execution_count: reply_count,
                    user_expressions,
                    payload: vec![],
                };
                self.reply(channel, request, &reply).await;
            }
            Outcome::Error(report) => {
                let error = ErrorContent {
                    ename: report.ename,
                    evalue: report.evalue,
                    traceback: report.traceback,
                };
                if !content.silent {
                    self.publisher.send("error", Some(parent), &error);
                }
                if stores {
                    self.state().history.record(count, &content.code, None);
                }
                self.publisher.flush().await;
                if !content.silent && content.stop_on_error {
                    // Everything received before the reply goes out was sent before the
                    // client could know of the error, so it is aborted; whatever the client
                    // sends after seeing the reply runs. When the cell failed at once, a
                    // short wait lets the rest of a Run All batch arrive first.
                    tokio::time::sleep(ABORT_GRACE.saturating_sub(started.elapsed())).await;
                    let received = self.shell_received.load(Ordering::SeqCst);
                    self.abort_below.store(received, Ordering::SeqCst);
                }
                let reply = ExecuteReply::Error {
                    execution_count: reply_count,
                    error,
                };
                self.reply(channel, request, &reply).await;
            }
        }
    }

    async fn complete_request(&self, request: &Request, channel: Channel) {
        let content: CursorRequest = parse(&request.content).unwrap_or_default();
        let code = content.code;
        let cursor = byte_offset(&code, content.cursor_pos);
        let completion = self
            .engine
            .complete(code.clone(), cursor)
            .await
            .unwrap_or(Completion {
                matches: vec![],
                cursor_start: cursor,
                cursor_end: cursor,
            });
        let reply = CompleteReply {
            status: "ok",
            matches: completion.matches,
            cursor_start: char_offset(&code, completion.cursor_start),
            cursor_end: char_offset(&code, completion.cursor_end),
            metadata: json!({}),
        };
        self.reply(channel, request, &reply).await;
    }

    async fn inspect_request(&self, request: &Request, channel: Channel) {
        let content: CursorRequest = parse(&request.content).unwrap_or_default();
        let cursor = byte_offset(&content.code, content.cursor_pos);
        let help = self.engine.inspect(content.code, cursor).await.flatten();
        let mut data = std::collections::BTreeMap::new();
        if let Some(text) = &help {
            data.insert("text/plain".to_string(), Value::String(text.clone()));
        }
        let reply = InspectReply {
            status: "ok",
            found: help.is_some(),
            data,
            metadata: json!({}),
        };
        self.reply(channel, request, &reply).await;
    }

    async fn is_complete_request(&self, request: &Request, channel: Channel) {
        let content: IsCompleteRequest = parse(&request.content).unwrap_or_default();
        let reply = match self.engine.is_complete(content.code).await {
            Some(Completeness::Complete) => IsCompleteReply {
                status: "complete",
                indent: None,
            },
            Some(Completeness::Incomplete { indent }) => IsCompleteReply {
                status: "incomplete",
                indent: Some(indent),
            },
            Some(Completeness::Invalid) => IsCompleteReply {
                status: "invalid",
                indent: None,
            },
            None => IsCompleteReply {
                status: "unknown",
                indent: None,
            },
        };
        self.reply(channel, request, &reply).await;
    }

    async fn history_request(&self, request: &Request, channel: Channel) {
        let content: HistoryRequest = parse(&request.content).unwrap_or_default();
        let query = Query::from_request(&content);
        let history = self.state().history.reply(&query, content.output);
        let reply = HistoryReply {
            status: "ok",
            history,
        };
        self.reply(channel, request, &reply).await;
    }

    async fn comm_info_request(&self, request: &Request, channel: Channel) {
        self.reply(channel, request, &messages::comm_info_reply())
            .await;
    }

    /// We register no comm targets, so every `comm_open` is refused with `comm_close`, as
    /// ipykernel does for an unknown target.
    async fn comm_open(&self, request: &Request, _channel: Channel) {
        let content: CommOpen = parse(&request.content).unwrap_or_default();
        log_debug!(
            "comm_open for unknown target {:?} closed",
            content.target_name
        );
        self.publisher.send(
            "comm_close",
            Some(&request.parent),
            &json!({"comm_id": content.comm_id, "data": {}}),
        );
    }

    /// `comm_msg` and `comm_close` for comms we never opened: nothing to do.
    async fn comm_ignore(&self, _request: &Request, _channel: Channel) {}

    async fn interrupt_request(&self, request: &Request, channel: Channel) {
        self.engine.interrupt();
        self.reply(channel, request, &messages::status_ok()).await;
    }

    /// Replies, then lets the server exit. The session's `finally` blocks run first, with
    /// their output published under this request.
    async fn shutdown_request(&self, request: &Request, channel: Channel) {
        let content: ShutdownRequest = parse(&request.content).unwrap_or_default();
        self.shutting_down.store(true, Ordering::SeqCst);
        self.engine
            .shutdown(request.parent.clone(), SHUTDOWN_PATIENCE)
            .await;
        let reply = ShutdownReply {
            status: "ok",
            restart: content.restart,
        };
        self.publisher.flush().await;
        self.reply(channel, request, &reply).await;
        // Other clients learn of the shutdown on iopub, as ipykernel broadcasts it.
        self.publisher
            .send("shutdown_reply", Some(&request.parent), &reply);
    }
}

/// `foo_request` → `foo_reply`.
fn reply_type(msg_type: &str) -> String {
    match msg_type.strip_suffix("_request") {
        Some(stem) => format!("{stem}_reply"),
        None => format!("{msg_type}_reply"),
    }
}

/// One entry of `user_expressions` in an execute reply.
fn user_expression(value: Result<String, coro_runtime::ErrorReport>) -> Value {
    match value {
        Ok(repr) => json!({"status": "ok", "data": {"text/plain": repr}, "metadata": {}}),
        Err(report) => json!({
            "status": "error",
            "ename": report.ename,
            "evalue": report.evalue,
            "traceback": report.traceback,
        }),
    }
}

/// The byte offset of code point `cursor` (the end when absent or past the end).
pub fn byte_offset(code: &str, cursor: Option<u64>) -> usize {
    match cursor {
        Some(n) => code
            .char_indices()
            .nth(n as usize)
            .map_or(code.len(), |(i, _)| i),
        None => code.len(),
    }
}

/// The code point offset of byte offset `byte` (clamped, and floored to a character).
pub fn char_offset(code: &str, byte: usize) -> usize {
    let mut byte = byte.min(code.len());
    while !code.is_char_boundary(byte) {
        byte -= 1;
    }
    code[..byte].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(code: &str, cursor: Option<u64>, expect_byte: usize) {
        let byte = byte_offset(code, cursor);
        assert_eq!(byte, expect_byte, "{code:?} at {cursor:?}");
        let back = char_offset(code, byte);
        assert_eq!(
            back as u64,
            cursor
                .unwrap_or(code.chars().count() as u64)
                .min(code.chars().count() as u64)
        );
    }

    #[test]
    fn cursor_offsets_convert_between_code_points_and_bytes() {
        check("abc", Some(2), 2);
        check("abc", None, 3);
        check("abc", Some(99), 3);
        check("é = 1", Some(1), 2);
        check("x = '日本'; x.", Some(12), 16);
        check("", Some(0), 0);
    }

    #[test]
    fn char_offset_floors_inside_a_character() {
        assert_eq!(char_offset("é", 1), 0);
        assert_eq!(char_offset("aé", 99), 2);
    }

    #[test]
    fn reply_types() {
        assert_eq!(reply_type("execute_request"), "execute_reply");
        assert_eq!(reply_type("odd"), "odd_reply");
    }

    #[test]
    fn tables_route_by_channel() {
        assert!(lookup(Channel::Shell, "execute_request").is_some());
        assert!(lookup(Channel::Control, "execute_request").is_none());
        assert!(lookup(Channel::Control, "interrupt_request").is_some());
        assert!(lookup(Channel::Shell, "interrupt_request").is_none());
        assert!(lookup(Channel::Control, "kernel_info_request").is_some());
        assert!(lookup(Channel::Shell, "debug_request").is_none());
    }
}
