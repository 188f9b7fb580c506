//! `coro kernel -f FILE`: binds the five sockets and runs the tasks that serve them.
//!
//! Threads and tasks, and why:
//! - The tokio runtime (two workers) runs the socket tasks: the shell reader and dispatcher,
//!   the control loop, the iopub publisher (`iopub.rs`) and the stdin task (`stdin.rs`).
//! - The shell reader only moves raw messages into a queue, numbering them; the dispatcher
//!   serves them one at a time, so executes run in order, and after an error with
//!   `stop_on_error` the executes received before the error reply are answered `aborted`
//!   (as ipykernel's `_abort_queues` does).
//! - Control has its own task that never waits for a running cell, so `kernel_info` and
//!   `interrupt_request` are answered at once while shell is busy.
//! - The heartbeat REP echoes on its own OS thread with its own small runtime: nothing the
//!   kernel does can delay it.
//! - The session runs on the engine thread (`engine.rs`).
//!
//! The kernel ends after answering `shutdown_request`; the process exits from `main`.
//! Malformed or badly signed messages are logged and dropped; no socket error ends the
//! kernel once it is serving.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use tokio::sync::mpsc;
use zeromq::{RepSocket, RouterRecvHalf, RouterSocket, Socket, SocketRecv, SocketSend, XPubSocket};

use crate::connection::ConnectionInfo;
use crate::dispatch::{Channel, Kernel};
use crate::engine::Engine;
use crate::iopub::{self, Publisher};
use crate::stdin::{self, StdinClient};
use crate::wire::Codec;
use crate::{log_debug, log_info, log_warn, signals, KernelError};

/// How long to let queued messages reach the wire after the shutdown reply.
const EXIT_GRACE: Duration = Duration::from_millis(50);

/// Runs the kernel described by the connection file at `path` until it is shut down.
pub fn run(path: &str) -> Result<(), KernelError> {
    let info = ConnectionInfo::from_file(path)?;
    signals::install();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("coro-io")
        .enable_all()
        .build()?;
    runtime.block_on(serve(info))
}

async fn bind<S: Socket>(mut socket: S, endpoint: &str) -> Result<S, KernelError> {
    socket
        .bind(endpoint)
        .await
        .map_err(|e| KernelError::Socket(format!("cannot bind {endpoint}: {e}")))?;
    Ok(socket)
}

async fn serve(info: ConnectionInfo) -> Result<(), KernelError> {
    let codec = Arc::new(Codec::new(&info.key));
    spawn_heartbeat(info.endpoint(info.hb_port))?;
    let iopub = bind(XPubSocket::new(), &info.endpoint(info.iopub_port)).await?;
    let shell = bind(RouterSocket::new(), &info.endpoint(info.shell_port)).await?;
    let control = bind(RouterSocket::new(), &info.endpoint(info.control_port)).await?;
    let stdin = bind(RouterSocket::new(), &info.endpoint(info.stdin_port)).await?;
    log_info!("kernel session {} listening", codec.session());

    let (publisher, iopub_queue) = Publisher::channel();
    tokio::spawn(iopub::run(iopub, iopub_queue, codec.clone()));
    // Usually lost (nobody has subscribed yet), which is harmless; sent because the spec
    // asks for it.
    publisher.status("starting", None);

    let (stdin_client, asks) = StdinClient::channel();
    tokio::spawn(stdin::run(stdin, asks, codec.clone()));
    let engine = Engine::spawn(publisher.clone(), stdin_client)?;

    let (shell_send, shell_recv) = shell.split();
    let (control_send, control_recv) = control.split();
    let shell_received = Arc::new(AtomicU64::new(0));
    let kernel = Arc::new(Kernel::new(
        codec,
        publisher,
        engine,
        shell_send,
        control_send,
        shell_received.clone(),
    ));

    let (shell_queue_tx, shell_queue) = mpsc::unbounded_channel();
    tokio::spawn(read_shell(shell_recv, shell_queue_tx, shell_received));
    tokio::spawn(shell_dispatcher(kernel.clone(), shell_queue));
    tokio::spawn(control_loop(kernel.clone(), control_recv));

    kernel.exit_requested().await;
    kernel.publisher().flush().await;
    tokio::time::sleep(EXIT_GRACE).await;
    Ok(())
}

/// Moves every message received on the shell ROUTER into `queue`, numbered in order of
/// arrival (`received` counts them), so the socket is drained while the dispatcher is busy.
async fn read_shell(
    mut socket: RouterRecvHalf,
    queue: mpsc::UnboundedSender<(u64, Vec<Bytes>)>,
    received: Arc<AtomicU64>,
) {
    loop {
        match socket.recv().await {
            Ok(message) => {
                let seq = received.fetch_add(1, Ordering::SeqCst);
                if queue.send((seq, message.into_vec())).is_err() {
                    return;
                }
            }
            Err(e) => {
                log_debug!("shell receive: {e}");
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        }
    }
}

async fn shell_dispatcher(
    kernel: Arc<Kernel>,
    mut queue: mpsc::UnboundedReceiver<(u64, Vec<Bytes>)>,
) {
    while let Some((seq, frames)) = queue.recv().await {
        match kernel.codec().decode(frames) {
            Ok(request) => kernel.serve_shell(seq, request).await,
            Err(e) => log_warn!("shell: dropped a message: {e}"),
        }
    }
}

async fn control_loop(kernel: Arc<Kernel>, mut socket: RouterRecvHalf) {
    loop {
        let frames = match socket.recv().await {
            Ok(message) => message.into_vec(),
            Err(e) => {
                log_debug!("control receive: {e}");
                tokio::time::sleep(Duration::from_millis(1)).await;
                continue;
            }
        };
        match kernel.codec().decode(frames) {
            Ok(request) => kernel.serve(request, Channel::Control).await,
            Err(e) => log_warn!("control: dropped a message: {e}"),
        }
    }
}

/// Binds the heartbeat REP on a thread of its own and echoes every ping from there. Returns
/// once the socket is bound (or could not be).
fn spawn_heartbeat(endpoint: String) -> Result<(), KernelError> {
    let (bound_tx, bound_rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("coro-heartbeat".into())
        .spawn(move || {
            let runtime = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime,
                Err(e) => {
                    let _ = bound_tx.send(Err(KernelError::Io(e)));
                    return;
                }
            };
            runtime.block_on(async move {
                let mut socket = match bind(RepSocket::new(), &endpoint).await {
                    Ok(socket) => {
                        let _ = bound_tx.send(Ok(()));
                        socket
                    }
                    Err(e) => {
                        let _ = bound_tx.send(Err(e));
                        return;
                    }
                };
                loop {
                    match socket.recv().await {
                        Ok(ping) => {
                            if let Err(e) = socket.send(ping).await {
                                log_debug!("heartbeat send: {e}");
                            }
                        }
                        Err(e) => {
                            log_debug!("heartbeat receive: {e}");
                            tokio::time::sleep(Duration::from_millis(1)).await;
                        }
                    }
                }
            });
        })?;
    bound_rx
        .recv()
        .map_err(|_| KernelError::Socket("heartbeat thread ended before binding".into()))?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(endpoint: &str, expect_ok: bool) {
        let got = spawn_heartbeat(endpoint.to_string());
        assert_eq!(got.is_ok(), expect_ok, "{endpoint}: {got:?}");
    }

    #[test]
    fn heartbeat_binds_or_reports_why_not() {
        check("tcp://127.0.0.1:0", true);
        check("nonsense://x", false);
    }

    #[test]
    fn missing_connection_file_is_an_error() {
        let err = run("/nonexistent/connection.json").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("connection file /nonexistent/connection.json"),
            "{err}"
        );
    }
}
