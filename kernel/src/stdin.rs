//! `input()` over the stdin channel.
//!
//! When a cell calls `input()`, the engine thread hands an [`Ask`] to [`StdinClient::ask`].
//! The task in [`run`] sends `input_request` on the stdin ROUTER to the identities of the
//! shell request that runs the cell (clients give their shell and stdin sockets the same
//! identity), then forwards the value of the matching `input_reply` to the engine.
//!
//! The engine waits for the answer itself, polling the interrupt flag, so an interrupt ends
//! the wait promptly; a late reply to an abandoned request is dropped because its parent id
//! no longer matches.
//!
//! What this module does not do: decide whether input is allowed (`allow_stdin` is checked by
//! the engine), or echo the value anywhere.

use std::sync::Arc;

use tokio::sync::mpsc;
use zeromq::{RouterSocket, SocketRecv, SocketSend, ZmqMessage};

use crate::messages::{parse, to_frame, InputReply, InputRequest};
use crate::wire::{Codec, Parent};
use crate::{log_debug, log_warn};

/// Why no value came back for an [`Ask`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoAnswer {
    /// The `input_request` could not be delivered (no stdin peer with that identity).
    Undeliverable,
}

/// One `input()` call waiting for a value.
pub struct Ask {
    /// The execute request whose cell asks; `input_request` goes to its identities.
    pub parent: Arc<Parent>,
    pub prompt: String,
    pub password: bool,
    /// Where the value (or the reason there is none) goes.
    pub answer: std::sync::mpsc::Sender<Result<String, NoAnswer>>,
}

/// The engine's handle on the stdin task.
#[derive(Clone)]
pub struct StdinClient {
    tx: mpsc::UnboundedSender<Ask>,
}

impl StdinClient {
    pub fn channel() -> (StdinClient, mpsc::UnboundedReceiver<Ask>) {
        let (tx, rx) = mpsc::unbounded_channel();
        (StdinClient { tx }, rx)
    }

    /// Queues `ask`; false if the stdin task is gone.
    pub fn ask(&self, ask: Ask) -> bool {
        self.tx.send(ask).is_ok()
    }
}

/// The request currently waiting for its reply.
struct Waiting {
    /// The `msg_id` of our `input_request`, which the reply names as its parent.
    request_id: String,
    answer: std::sync::mpsc::Sender<Result<String, NoAnswer>>,
}

/// Serves the stdin socket until the kernel exits.
pub async fn run(
    mut socket: RouterSocket,
    mut asks: mpsc::UnboundedReceiver<Ask>,
    codec: Arc<Codec>,
) {
    let mut waiting: Option<Waiting> = None;
    loop {
        tokio::select! {
            ask = asks.recv() => {
                let Some(ask) = ask else { return };
                waiting = send_request(&mut socket, &codec, ask).await;
            }
            frames = socket.recv() => {
                let frames = match frames {
                    Ok(frames) => frames.into_vec(),
                    Err(e) => {
                        log_debug!("stdin receive: {e}");
                        continue;
                    }
                };
                let request = match codec.decode(frames) {
                    Ok(request) => request,
                    Err(e) => {
                        log_warn!("stdin: dropped a message: {e}");
                        continue;
                    }
                };
                if request.msg_type() != "input_reply" {
                    log_warn!("stdin: ignored unexpected {}", request.msg_type());
                    continue;
                }
                let parent_id = serde_json::from_slice::<serde_json::Value>(&request.parent_header)
                    .ok()
                    .and_then(|v| v.get("msg_id").and_then(|id| id.as_str()).map(String::from));
                if !answers(waiting.as_ref().map(|w| w.request_id.as_str()), parent_id.as_deref()) {
                    log_debug!("stdin: dropped a reply to an abandoned input_request");
                    continue;
                }
                let value = parse::<InputReply>(&request.content).map(|r| r.value).unwrap_or_default();
                if let Some(w) = waiting.take() {
                    let _ = w.answer.send(Ok(value));
                }
            }
        }
    }
}

/// Whether an `input_reply` whose parent is `parent_id` answers the request waiting with id
/// `waiting`. A client that leaves out the parent header still answers the one question.
fn answers(waiting: Option<&str>, parent_id: Option<&str>) -> bool {
    match (waiting, parent_id) {
        (Some(w), Some(id)) => w == id,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

async fn send_request(socket: &mut RouterSocket, codec: &Codec, ask: Ask) -> Option<Waiting> {
    let content = to_frame(&InputRequest {
        prompt: &ask.prompt,
        password: ask.password,
    });
    let body = codec.encode("input_request", Some(&ask.parent), b"{}", content);
    let request_id = serde_json::from_slice::<serde_json::Value>(&body[2])
        .ok()
        .and_then(|h| h.get("msg_id").and_then(|id| id.as_str()).map(String::from))
        .unwrap_or_default();
    let mut frames = ask.parent.identities.clone();
    frames.extend(body);
    let sent = match ZmqMessage::try_from(frames) {
        Ok(message) => socket.send(message).await.map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    match sent {
        Ok(()) => Some(Waiting {
            request_id,
            answer: ask.answer,
        }),
        Err(e) => {
            log_warn!("stdin: input_request not delivered: {e}");
            let _ = ask.answer.send(Err(NoAnswer::Undeliverable));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(waiting: Option<&str>, parent_id: Option<&str>, expect: bool) {
        assert_eq!(
            answers(waiting, parent_id),
            expect,
            "{waiting:?} {parent_id:?}"
        );
    }

    #[test]
    fn replies_answer_only_the_request_waiting() {
        check(Some("a"), Some("a"), true);
        check(Some("a"), Some("b"), false);
        check(Some("a"), None, true);
        check(None, Some("a"), false);
        check(None, None, false);
    }
}
