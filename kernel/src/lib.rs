//! The `coro` command's library: the Jupyter kernel, the kernelspec installer, the headless
//! notebook runner and the script runner, all around one [`coro_runtime::Session`].
//!
//! # Code map
//!
//! - [`connection`]: the connection file a frontend writes, turned into endpoints and a key.
//! - [`wire`]: the multipart framing around `<IDS|MSG>`, HMAC-SHA256 signing and checking,
//!   headers with fresh ids and microsecond dates.
//! - [`messages`]: typed contents of every request we read and every reply or iopub message
//!   we send.
//! - [`server`]: binds the five sockets and runs the tasks that serve them.
//! - [`dispatch`]: the table from `msg_type` to handler, per channel, and the busy/idle
//!   bracket around every request.
//! - [`iopub`]: the one ordered publisher of iopub messages; it coalesces stream text.
//! - [`stdin`]: `input()` round trips on the stdin channel.
//! - [`engine`]: the thread that owns the `Session`; jobs in, outcomes out.
//! - [`history`]: the in-memory execution history behind `history_request`.
//! - [`install`]: writes and removes the kernelspec in the Jupyter data directories.
//! - [`notebook`]: runs an `.ipynb` headlessly and compares outputs (`coro execute`, `coro check`).
//! - [`script`]: runs a `.py` file or a `-c` string like `python3` does.
//! - [`signals`]: SIGINT becomes an interrupt of the running cell instead of killing us.
//!
//! What this crate deliberately does not do: run Python code (that is the runtime's job), keep
//! history on disk, or implement the debugger protocol.

pub mod connection;
pub mod dispatch;
pub mod engine;
pub mod history;
pub mod install;
pub mod iopub;
pub mod log;
pub mod messages;
pub mod notebook;
pub mod script;
pub mod server;
pub mod signals;
pub mod stdin;
pub mod wire;

/// The stack size of every thread that runs a `Session`: the VM recurses on the Rust stack
/// for Python-level calls, so the default 8 MiB would overflow long before CPython's recursion
/// limit does. The memory is reserved, not committed, until it is used.
pub const SESSION_STACK_BYTES: usize = 256 * 1024 * 1024;

/// The kernel's version, reported as `implementation_version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Errors of the kernel's own machinery (never of the user's program).
#[derive(Debug, thiserror::Error)]
pub enum KernelError {
    /// The connection file is missing, unreadable or not what jupyter_client writes.
    #[error("connection file {path}: {reason}")]
    ConnectionFile { path: String, reason: String },
    /// A message's signature is missing, wrong, or was seen before.
    #[error("signature rejected: {0}")]
    Signature(&'static str),
    /// A message does not have the multipart shape of the Jupyter wire protocol.
    #[error("malformed message: {0}")]
    Malformed(String),
    /// A socket could not be bound, or a send or receive failed.
    #[error("socket: {0}")]
    Socket(String),
    /// A frame that should hold JSON does not.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// A file could not be read or written.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl From<zeromq::ZmqError> for KernelError {
    fn from(error: zeromq::ZmqError) -> Self {
        KernelError::Socket(error.to_string())
    }
}
