//! A ZeroMQ client for the kernel tests: spawns `coro kernel` with a fresh connection file
//! and talks to it the way jupyter_client does (DEALER shell/control/stdin sharing one
//! identity, SUB iopub subscribed to everything, REQ heartbeat).
//!
//! Every message received is checked against the protocol's header rules (see
//! [`check_header`]); tests then look at contents.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use bytes::Bytes;
use coro_kernel::wire::{Codec, Signer, DELIMITER};
use serde_json::{json, Value};
use tokio::time::timeout;
use zeromq::{
    DealerSocket, ReqSocket, Socket, SocketOptions, SocketRecv, SocketSend, SubSocket, ZmqMessage,
};

/// Which socket to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chan {
    Shell,
    Control,
    Stdin,
}

/// A received message, parsed.
#[derive(Clone, Debug)]
pub struct Msg {
    pub msg_type: String,
    pub header: Value,
    pub parent: Value,
    pub content: Value,
}

impl Msg {
    pub fn parent_id(&self) -> &str {
        self.parent["msg_id"].as_str().unwrap_or("")
    }
}

/// The outcome of one execute request as a client sees it.
#[derive(Debug)]
pub struct Executed {
    pub reply: Msg,
    /// Every iopub message with the request as parent, from busy to idle inclusive.
    pub iopub: Vec<Msg>,
}

impl Executed {
    /// The message types on iopub, in order.
    pub fn types(&self) -> Vec<&str> {
        self.iopub.iter().map(|m| m.msg_type.as_str()).collect()
    }

    /// All stream text of one stream, concatenated.
    pub fn stream(&self, name: &str) -> String {
        self.iopub
            .iter()
            .filter(|m| m.msg_type == "stream" && m.content["name"] == name)
            .map(|m| m.content["text"].as_str().unwrap_or("").to_string())
            .collect()
    }

    /// The text/plain of the execute_result, if any.
    pub fn result(&self) -> Option<String> {
        self.iopub
            .iter()
            .find(|m| m.msg_type == "execute_result")
            .map(|m| {
                m.content["data"]["text/plain"]
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            })
    }
}

pub struct TestKernel {
    pub child: Child,
    pub codec: Codec,
    pub key: String,
    pub shell: DealerSocket,
    pub control: DealerSocket,
    pub stdin: DealerSocket,
    pub iopub: SubSocket,
    pub hb: ReqSocket,
    dir: PathBuf,
    /// The kernel's session id, learnt from the first message.
    pub kernel_session: Option<String>,
    /// Iopub messages read while looking for another request's, kept for later.
    pending_iopub: Vec<Msg>,
}

/// A port nobody listens on right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

async fn connect<S: Socket>(mut socket: S, endpoint: &str) -> S {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match socket.connect(endpoint).await {
            Ok(()) => return socket,
            Err(e) if Instant::now() > deadline => panic!("cannot connect to {endpoint}: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
}

impl TestKernel {
    /// Starts a kernel with a random key.
    pub async fn start() -> TestKernel {
        TestKernel::start_with_key(&uuid::Uuid::new_v4().to_string()).await
    }

    pub async fn start_with_key(key: &str) -> TestKernel {
        TestKernel::start_on(key, "tcp").await
    }

    /// Starts a kernel listening on Unix domain sockets, as jupyter_client's `ipc` transport
    /// asks.
    pub async fn start_ipc() -> TestKernel {
        TestKernel::start_on(&uuid::Uuid::new_v4().to_string(), "ipc").await
    }

    async fn start_on(key: &str, transport: &str) -> TestKernel {
        let dir = std::env::temp_dir().join(format!("coro-test-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let ipc_base = dir.join("kernel").display().to_string();
        let (ip, ports): (&str, Vec<u16>) = match transport {
            "ipc" => (&ipc_base, (1..=5).collect()),
            _ => ("127.0.0.1", (0..5).map(|_| free_port()).collect()),
        };
        let info = json!({
            "shell_port": ports[0], "iopub_port": ports[1], "stdin_port": ports[2],
            "control_port": ports[3], "hb_port": ports[4], "ip": ip,
            "key": key, "transport": transport, "signature_scheme": "hmac-sha256", "kernel_name": "coro",
        });
        let file = dir.join("connection.json");
        std::fs::write(&file, info.to_string()).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_coro"))
            .args(["kernel", "-f", file.to_str().unwrap()])
            .stdin(Stdio::null())
            .env("CORO_DEBUG_PANIC", "1")
            .spawn()
            .expect("spawn coro kernel");
        let endpoint = |i: usize| match transport {
            "ipc" => format!("ipc://{ip}-{}", ports[i]),
            _ => format!("tcp://127.0.0.1:{}", ports[i]),
        };
        let identity = uuid::Uuid::new_v4().to_string();
        let dealer = || {
            let mut options = SocketOptions::default();
            options.peer_identity(identity.parse().unwrap());
            DealerSocket::with_options(options)
        };
        let shell = connect(dealer(), &endpoint(0)).await;
        let stdin = connect(dealer(), &endpoint(2)).await;
        let control = connect(DealerSocket::new(), &endpoint(3)).await;
        let mut iopub = connect(SubSocket::new(), &endpoint(1)).await;
        iopub.subscribe("").await.unwrap();
        let hb = connect(ReqSocket::new(), &endpoint(4)).await;
        let mut kernel = TestKernel {
            child,
            codec: Codec::new(key.as_bytes()),
            key: key.to_string(),
            shell,
            control,
            stdin,
            iopub,
            hb,
            dir,
            kernel_session: None,
            pending_iopub: Vec::new(),
        };
        // The kernel greets each new subscription; after that nothing on iopub is lost.
        let welcome = kernel
            .recv_iopub(Duration::from_secs(10))
            .await
            .expect("iopub_welcome");
        assert_eq!(welcome.msg_type, "iopub_welcome");
        assert_eq!(welcome.content, json!({"subscription": ""}));
        kernel
    }

    /// The frames of a request, signed with the test's key.
    pub fn request(&self, msg_type: &str, content: &Value) -> (String, Vec<Bytes>) {
        let frames = self
            .codec
            .encode(msg_type, None, b"{}", serde_json::to_vec(content).unwrap());
        let header: Value = serde_json::from_slice(&frames[2]).unwrap();
        (header["msg_id"].as_str().unwrap().to_string(), frames)
    }

    fn socket(&mut self, chan: Chan) -> &mut DealerSocket {
        match chan {
            Chan::Shell => &mut self.shell,
            Chan::Control => &mut self.control,
            Chan::Stdin => &mut self.stdin,
        }
    }

    pub async fn send_frames(&mut self, chan: Chan, frames: Vec<Bytes>) {
        let message = ZmqMessage::try_from(frames).unwrap();
        self.socket(chan).send(message).await.unwrap();
    }

    /// Sends a request; returns its msg_id.
    pub async fn send(&mut self, chan: Chan, msg_type: &str, content: Value) -> String {
        let (id, frames) = self.request(msg_type, &content);
        self.send_frames(chan, frames).await;
        id
    }

    fn parse(&mut self, frames: Vec<Bytes>) -> Msg {
        let request = self
            .codec
            .decode(frames)
            .expect("a well-formed, well-signed message");
        let header: Value = serde_json::from_slice(&request.parent.header).unwrap();
        let parent: Value = serde_json::from_slice(&request.parent_header).unwrap();
        let msg = Msg {
            msg_type: request.header.msg_type.clone(),
            header,
            parent,
            content: request.content,
        };
        check_header(&msg.header);
        check_content(&msg.msg_type, &msg.content);
        let session = msg.header["session"].as_str().unwrap().to_string();
        match &self.kernel_session {
            Some(known) => assert_eq!(*known, session, "the kernel session id changed"),
            None => self.kernel_session = Some(session),
        }
        assert_ne!(
            msg.header["session"],
            self.codec.session(),
            "kernel reused the client's session id"
        );
        msg
    }

    /// The next message on a request channel, or None after `wait`.
    pub async fn recv(&mut self, chan: Chan, wait: Duration) -> Option<Msg> {
        let frames = match timeout(wait, self.socket(chan).recv()).await {
            Ok(Ok(message)) => message.into_vec(),
            Ok(Err(e)) => panic!("{chan:?} receive failed: {e}"),
            Err(_) => return None,
        };
        Some(self.parse(frames))
    }

    pub async fn recv_iopub(&mut self, wait: Duration) -> Option<Msg> {
        let frames = match timeout(wait, self.iopub.recv()).await {
            Ok(Ok(message)) => message.into_vec(),
            Ok(Err(e)) => panic!("iopub receive failed: {e}"),
            Err(_) => return None,
        };
        Some(self.parse(frames))
    }

    /// The reply to `msg_id` on `chan`; panics after `wait`.
    pub async fn reply(&mut self, chan: Chan, msg_id: &str, wait: Duration) -> Msg {
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = self
                .recv(chan, left)
                .await
                .unwrap_or_else(|| panic!("no reply to {msg_id} on {chan:?} within {wait:?}"));
            if msg.parent_id() == msg_id {
                return msg;
            }
        }
    }

    /// The next iopub message with `msg_id` as parent; messages of other requests read on the
    /// way are kept for later calls.
    pub async fn next_iopub_for(&mut self, msg_id: &str, wait: Duration) -> Option<Msg> {
        if let Some(i) = self
            .pending_iopub
            .iter()
            .position(|m| m.parent_id() == msg_id)
        {
            return Some(self.pending_iopub.remove(i));
        }
        let deadline = Instant::now() + wait;
        loop {
            let msg = self
                .recv_iopub(deadline.saturating_duration_since(Instant::now()))
                .await?;
            if msg.parent_id() == msg_id {
                return Some(msg);
            }
            self.pending_iopub.push(msg);
        }
    }

    /// The iopub messages of `msg_id` from its busy to its idle.
    pub async fn iopub_until_idle(&mut self, msg_id: &str, wait: Duration) -> Vec<Msg> {
        let deadline = Instant::now() + wait;
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = self
                .next_iopub_for(msg_id, left)
                .await
                .unwrap_or_else(|| panic!("no idle for {msg_id} within {wait:?}; saw {seen:?}"));
            let idle = msg.msg_type == "status" && msg.content["execution_state"] == "idle";
            seen.push(msg);
            if idle {
                assert_eq!(
                    seen[0].msg_type, "status",
                    "first message of a request must be busy"
                );
                assert_eq!(seen[0].content["execution_state"], "busy");
                return seen;
            }
        }
    }

    /// Sends a request on `chan`, returns its reply and its iopub messages.
    pub async fn roundtrip(
        &mut self,
        chan: Chan,
        msg_type: &str,
        content: Value,
    ) -> (Msg, Vec<Msg>) {
        let id = self.send(chan, msg_type, content).await;
        let reply = self.reply(chan, &id, Duration::from_secs(20)).await;
        let iopub = self.iopub_until_idle(&id, Duration::from_secs(20)).await;
        (reply, iopub)
    }

    /// Runs `code` with the defaults a notebook uses.
    pub async fn execute(&mut self, code: &str) -> Executed {
        self.execute_with(code, json!({})).await
    }

    /// Runs `code` with extra execute_request fields.
    pub async fn execute_with(&mut self, code: &str, extra: Value) -> Executed {
        let (reply, iopub) = self
            .roundtrip(Chan::Shell, "execute_request", execute_content(code, extra))
            .await;
        assert_eq!(reply.msg_type, "execute_reply");
        Executed { reply, iopub }
    }

    /// Sends an execute_request for `code` (notebook defaults plus `extra`) without waiting;
    /// returns its message id.
    pub async fn send_execute(&mut self, code: &str, extra: Value) -> String {
        self.send(Chan::Shell, "execute_request", execute_content(code, extra))
            .await
    }

    /// Waits for the process to exit; its status, or None after `wait`.
    pub fn wait_exit(&mut self, wait: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + wait;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for TestKernel {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The header rules every kernel message obeys: the six fields, version 5.3, a date with
/// six fractional digits and `Z`.
pub fn check_header(header: &Value) {
    for field in [
        "msg_id", "username", "session", "date", "msg_type", "version",
    ] {
        assert!(header[field].is_string(), "header lacks {field}: {header}");
    }
    assert_eq!(header["version"], "5.3");
    let date = header["date"].as_str().unwrap();
    let shape = date.len() == 27
        && date.ends_with('Z')
        && date.as_bytes()[10] == b'T'
        && date.as_bytes()[19] == b'.'
        && date[20..26].bytes().all(|b| b.is_ascii_digit());
    assert!(shape, "date {date:?} is not YYYY-MM-DDTHH:MM:SS.ffffffZ");
}

/// The JSON type a field must have.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Str,
    Int,
    Bool,
    Obj,
    StrList,
    List,
    /// An integer or null (the execution count of an aborted execute).
    IntOrNull,
}

fn has_kind(value: &Value, kind: Kind) -> bool {
    match kind {
        Kind::Str => value.is_string(),
        Kind::Int => value.is_u64(),
        Kind::Bool => value.is_boolean(),
        Kind::Obj => value.is_object(),
        Kind::StrList => value
            .as_array()
            .is_some_and(|a| a.iter().all(Value::is_string)),
        Kind::List => value.is_array(),
        Kind::IntOrNull => value.is_u64() || value.is_null(),
    }
}

/// The required fields of every message type the kernel sends, after the `Reference`
/// classes of ipykernel's `test_message_spec.py`. Replies with `status: error` have their own
/// shape, checked in [`check_content`].
const SCHEMAS: &[(&str, &[(&str, Kind)])] = &[
    ("status", &[("execution_state", Kind::Str)]),
    ("iopub_welcome", &[("subscription", Kind::Str)]),
    ("stream", &[("name", Kind::Str), ("text", Kind::Str)]),
    (
        "execute_input",
        &[("code", Kind::Str), ("execution_count", Kind::Int)],
    ),
    (
        "execute_result",
        &[
            ("execution_count", Kind::Int),
            ("data", Kind::Obj),
            ("metadata", Kind::Obj),
        ],
    ),
    (
        "display_data",
        &[("data", Kind::Obj), ("metadata", Kind::Obj)],
    ),
    (
        "error",
        &[
            ("ename", Kind::Str),
            ("evalue", Kind::Str),
            ("traceback", Kind::StrList),
        ],
    ),
    ("comm_close", &[("comm_id", Kind::Str), ("data", Kind::Obj)]),
    (
        "execute_reply",
        &[("status", Kind::Str), ("execution_count", Kind::IntOrNull)],
    ),
    (
        "kernel_info_reply",
        &[
            ("status", Kind::Str),
            ("protocol_version", Kind::Str),
            ("implementation", Kind::Str),
            ("implementation_version", Kind::Str),
            ("language_info", Kind::Obj),
            ("banner", Kind::Str),
            ("help_links", Kind::List),
        ],
    ),
    (
        "complete_reply",
        &[
            ("status", Kind::Str),
            ("matches", Kind::StrList),
            ("cursor_start", Kind::Int),
            ("cursor_end", Kind::Int),
            ("metadata", Kind::Obj),
        ],
    ),
    (
        "inspect_reply",
        &[
            ("status", Kind::Str),
            ("found", Kind::Bool),
            ("data", Kind::Obj),
            ("metadata", Kind::Obj),
        ],
    ),
    ("is_complete_reply", &[("status", Kind::Str)]),
    (
        "history_reply",
        &[("status", Kind::Str), ("history", Kind::List)],
    ),
    (
        "comm_info_reply",
        &[("status", Kind::Str), ("comms", Kind::Obj)],
    ),
    (
        "shutdown_reply",
        &[("status", Kind::Str), ("restart", Kind::Bool)],
    ),
    ("interrupt_reply", &[("status", Kind::Str)]),
    (
        "input_request",
        &[("prompt", Kind::Str), ("password", Kind::Bool)],
    ),
];

/// Checks a message's content against [`SCHEMAS`]; an unknown type is an error, as in
/// jupyter_kernel_test.
pub fn check_content(msg_type: &str, content: &Value) {
    let Some((_, fields)) = SCHEMAS.iter().find(|(name, _)| *name == msg_type) else {
        panic!("the kernel sent a message of unknown type {msg_type:?}: {content}");
    };
    let fields: &[(&str, Kind)] = if msg_type.ends_with("_reply") && content["status"] == "error" {
        &[
            ("status", Kind::Str),
            ("ename", Kind::Str),
            ("evalue", Kind::Str),
            ("traceback", Kind::StrList),
        ]
    } else {
        fields
    };
    for (field, kind) in fields {
        assert!(
            has_kind(&content[*field], *kind),
            "{msg_type}.{field} is not {kind:?}: {content}"
        );
    }
    let status = &content["status"];
    if msg_type.ends_with("_reply") && msg_type != "is_complete_reply" {
        assert!(
            ["ok", "error", "aborted"].contains(&status.as_str().unwrap_or("")),
            "{msg_type} status {status}"
        );
    }
    match msg_type {
        "status" => {
            assert!(["busy", "idle", "starting"]
                .contains(&content["execution_state"].as_str().unwrap()))
        }
        "stream" => assert!(["stdout", "stderr"].contains(&content["name"].as_str().unwrap())),
        "execute_result" => assert!(
            content["data"]["text/plain"].is_string(),
            "execute_result without text/plain"
        ),
        "execute_reply" if status == "ok" => {
            assert!(
                content["user_expressions"].is_object() && content["payload"].is_array(),
                "{content}"
            )
        }
        "is_complete_reply" => {
            let incomplete = status == "incomplete";
            assert_eq!(
                content["indent"].is_string(),
                incomplete,
                "indent only when incomplete: {content}"
            );
            assert!(["complete", "incomplete", "invalid", "unknown"]
                .contains(&status.as_str().unwrap()));
        }
        _ => {}
    }
}

/// A correctly framed message signed with the wrong key.
pub fn forged(kernel: &TestKernel, msg_type: &str) -> (String, Vec<Bytes>) {
    let (id, mut frames) = kernel.request(msg_type, &json!({}));
    let wrong = Signer::new(b"not the key").sign([&frames[2], &frames[3], &frames[4], &frames[5]]);
    frames[1] = Bytes::from(wrong);
    assert_eq!(frames[0].as_ref(), DELIMITER);
    (id, frames)
}

/// The content of an execute_request with the defaults a notebook uses, overridden by `extra`.
pub fn execute_content(code: &str, extra: Value) -> Value {
    let mut content = json!({
        "code": code, "silent": false, "store_history": true,
        "user_expressions": {}, "allow_stdin": false, "stop_on_error": true,
    });
    for (k, v) in extra.as_object().unwrap() {
        content[k] = v.clone();
    }
    content
}
