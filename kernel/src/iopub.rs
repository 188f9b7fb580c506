//! The iopub publisher: one task owns the XPUB socket and sends everything, in order.
//!
//! Every part of the kernel (the dispatchers on the tokio side, the engine thread) publishes
//! through a cloned [`Publisher`], which only pushes an [`IopubItem`] onto one unbounded
//! channel. The task in [`run`] takes items in channel order, so a side effect published
//! before another reaches clients before it (PROTOCOL.md pitfall 2).
//!
//! Stream text is coalesced: consecutive `stream` items with the same parent and stream name
//! are joined and sent as one message when [`FLUSH_AFTER`] has passed since the first of them,
//! when [`FLUSH_BYTES`] have gathered, or as soon as anything else is published. So 20,000
//! printed lines become a handful of messages, output still appears while a long cell runs,
//! and a cell's text always precedes its `execute_result`, `error`, reply and `idle`
//! ([`Publisher::flush`] waits until everything before it has been written).
//!
//! The socket is an XPUB, so we see subscriptions and answer each with `iopub_welcome`
//! (JEP 65), and sends wait for slow subscribers instead of dropping messages.
//!
//! What this module does not do: decide what to publish, or serve any other socket.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use coro_runtime::Stream;
use serde::Serialize;
use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;
use zeromq::{SocketRecv, SocketSend, XPubSocket, ZmqMessage};

use crate::messages::{to_frame, Status, StreamContent};
use crate::wire::{Codec, Parent};
use crate::{log_debug, log_warn};

/// The longest that stream text waits before it is sent.
pub const FLUSH_AFTER: Duration = Duration::from_millis(50);

/// Stream text is sent as soon as this much has gathered.
pub const FLUSH_BYTES: usize = 256 * 1024;

/// One thing to publish.
pub enum IopubItem {
    /// Text written to stdout or stderr by the cell that `parent` runs.
    Stream {
        parent: Arc<Parent>,
        which: Stream,
        text: String,
    },
    /// A complete message; `content` is its JSON frame.
    Message {
        parent: Option<Arc<Parent>>,
        msg_type: &'static str,
        content: Vec<u8>,
    },
    /// Send everything queued so far, then signal.
    Flush(oneshot::Sender<()>),
}

/// A handle for publishing on iopub; cheap to clone, usable from any thread.
#[derive(Clone)]
pub struct Publisher {
    tx: mpsc::UnboundedSender<IopubItem>,
}

impl Publisher {
    /// A publisher and the receiving end that [`run`] consumes.
    pub fn channel() -> (Publisher, mpsc::UnboundedReceiver<IopubItem>) {
        let (tx, rx) = mpsc::unbounded_channel();
        (Publisher { tx }, rx)
    }

    fn push(&self, item: IopubItem) {
        // The receiver only goes away when the kernel is exiting; nothing is lost that
        // anyone could still read.
        let _ = self.tx.send(item);
    }

    /// Queues stream text.
    pub fn stream(&self, parent: &Arc<Parent>, which: Stream, text: &str) {
        if !text.is_empty() {
            self.push(IopubItem::Stream {
                parent: parent.clone(),
                which,
                text: text.to_owned(),
            });
        }
    }

    /// Queues a message with the given content.
    pub fn send<T: Serialize>(
        &self,
        msg_type: &'static str,
        parent: Option<&Arc<Parent>>,
        content: &T,
    ) {
        self.push(IopubItem::Message {
            parent: parent.cloned(),
            msg_type,
            content: to_frame(content),
        });
    }

    /// Queues a `status` message.
    pub fn status(&self, state: &'static str, parent: Option<&Arc<Parent>>) {
        self.send(
            "status",
            parent,
            &Status {
                execution_state: state,
            },
        );
    }

    /// Waits until everything queued before this call has been handed to the socket.
    pub async fn flush(&self) {
        let (tx, rx) = oneshot::channel();
        self.push(IopubItem::Flush(tx));
        let _ = rx.await;
    }

    /// [`Publisher::flush`] for a thread outside the tokio runtime (the engine).
    pub fn flush_blocking(&self) {
        let (tx, rx) = oneshot::channel();
        self.push(IopubItem::Flush(tx));
        let _ = rx.blocking_recv();
    }
}

/// Stream text waiting to be sent.
struct Pending {
    parent: Arc<Parent>,
    which: Stream,
    text: String,
    deadline: Instant,
}

/// The publishing task: runs until every [`Publisher`] is dropped.
pub async fn run(
    mut socket: XPubSocket,
    mut rx: mpsc::UnboundedReceiver<IopubItem>,
    codec: Arc<Codec>,
) {
    let mut pending: Option<Pending> = None;
    let mut recv_errors = 0u32;
    loop {
        let deadline = pending.as_ref().map(|p| p.deadline);
        let listening = recv_errors < 100;
        let event = tokio::select! {
            biased;
            item = rx.recv() => Event::Item(item),
            _ = sleep_until(deadline) => Event::Deadline,
            sub = socket.recv(), if listening => Event::Subscription(sub),
        };
        // The socket is free again once `select!` has dropped the receive future.
        let mut out = Sender {
            socket: &mut socket,
            codec: &codec,
        };
        match event {
            Event::Item(None) => {
                out.flush_pending(&mut pending).await;
                return;
            }
            Event::Item(Some(IopubItem::Stream {
                parent,
                which,
                text,
            })) => {
                let joins = pending
                    .as_ref()
                    .is_some_and(|p| p.which == which && Arc::ptr_eq(&p.parent, &parent));
                if !joins {
                    out.flush_pending(&mut pending).await;
                }
                let entry = pending.get_or_insert_with(|| Pending {
                    parent,
                    which,
                    text: String::new(),
                    deadline: Instant::now() + FLUSH_AFTER,
                });
                entry.text.push_str(&text);
                if entry.text.len() >= FLUSH_BYTES || Instant::now() >= entry.deadline {
                    out.flush_pending(&mut pending).await;
                }
            }
            Event::Item(Some(IopubItem::Message {
                parent,
                msg_type,
                content,
            })) => {
                out.flush_pending(&mut pending).await;
                out.publish(msg_type, parent.as_deref(), content).await;
            }
            Event::Item(Some(IopubItem::Flush(done))) => {
                out.flush_pending(&mut pending).await;
                let _ = done.send(());
            }
            Event::Deadline => out.flush_pending(&mut pending).await,
            Event::Subscription(Ok(frames)) => {
                recv_errors = 0;
                if let Some(topic) = subscribed_topic(&frames.into_vec()) {
                    log_debug!("iopub subscription {:?}", String::from_utf8_lossy(&topic));
                    out.welcome(topic).await;
                }
            }
            Event::Subscription(Err(e)) => {
                recv_errors += 1;
                log_debug!("iopub receive: {e}");
            }
        }
    }
}

enum Event {
    Item(Option<IopubItem>),
    Deadline,
    Subscription(Result<ZmqMessage, zeromq::ZmqError>),
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// The topic of a subscribe frame (`\x01` + topic); `None` for unsubscriptions and noise.
fn subscribed_topic(frames: &[Bytes]) -> Option<Bytes> {
    match frames {
        [frame] if frame.first() == Some(&1) => Some(frame.slice(1..)),
        _ => None,
    }
}

/// Writes messages to the socket while the task holds it.
struct Sender<'s> {
    socket: &'s mut XPubSocket,
    codec: &'s Codec,
}

impl Sender<'_> {
    async fn write(&mut self, frames: Vec<Bytes>) {
        match ZmqMessage::try_from(frames) {
            Ok(message) => {
                if let Err(e) = self.socket.send(message).await {
                    log_warn!("iopub send failed: {e}");
                }
            }
            Err(e) => log_warn!("iopub message not built: {e}"),
        }
    }

    async fn publish(&mut self, msg_type: &str, parent: Option<&Parent>, content: Vec<u8>) {
        let topic = format!("kernel.{}.{msg_type}", self.codec.session());
        let mut frames = vec![Bytes::from(topic)];
        frames.extend(self.codec.encode(msg_type, parent, b"{}", content));
        self.write(frames).await;
    }

    async fn flush_pending(&mut self, pending: &mut Option<Pending>) {
        if let Some(p) = pending.take() {
            let content = to_frame(&StreamContent {
                name: p.which.name(),
                text: &p.text,
            });
            self.publish("stream", Some(&p.parent), content).await;
        }
    }

    /// `iopub_welcome`, sent as ipykernel sends it: to the subscribed topic, or with no topic
    /// frame at all for the usual empty subscription.
    async fn welcome(&mut self, topic: Bytes) {
        let content = to_frame(&serde_json::json!({
            "subscription": String::from_utf8_lossy(&topic),
        }));
        let mut frames = Vec::new();
        if !topic.is_empty() {
            frames.push(topic);
        }
        frames.extend(self.codec.encode("iopub_welcome", None, b"{}", content));
        self.write(frames).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(frames: &[&[u8]], expect: Option<&[u8]>) {
        let frames: Vec<Bytes> = frames.iter().map(|f| Bytes::copy_from_slice(f)).collect();
        assert_eq!(subscribed_topic(&frames).as_deref(), expect);
    }

    #[test]
    fn subscription_frames() {
        check(&[b"\x01"], Some(b""));
        check(&[b"\x01kernel"], Some(b"kernel"));
        check(&[b"\x00"], None);
        check(&[b""], None);
        check(&[b"\x01", b"extra"], None);
    }
}
