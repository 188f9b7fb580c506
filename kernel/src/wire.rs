//! The Jupyter wire format: multipart framing, HMAC-SHA256 signatures, and headers.
//!
//! A message on a ROUTER socket is routing identities, the delimiter `<IDS|MSG>`, the hex
//! HMAC of the next four frames, then four JSON frames (header, parent header, metadata,
//! content) and any raw buffers. [`Codec::decode`] checks and parses such a message;
//! [`Codec::encode`] builds the frames after the identities for a message we send.
//!
//! Invariants kept here, after jupyter_client's `session.py`:
//! - The signature covers the four JSON frames byte for byte as received or sent; buffers are
//!   not signed. It is compared in constant time.
//! - An empty key means no signing: we send an empty signature and check nothing.
//! - A signature seen before is rejected ("Duplicate Signature"), so a captured message cannot
//!   be replayed.
//! - Every message we send gets a fresh `msg_id`, the kernel's own session id (fresh per
//!   process), protocol `version` 5.3, and a `date` with microseconds and `Z`.
//!
//! What this module does not do: touch sockets, or know what any message type means.

use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::KernelError;

/// The frame that separates routing identities from the message.
pub const DELIMITER: &[u8] = b"<IDS|MSG>";

/// The protocol version we speak (see PROTOCOL.md: 5.0 and 5.1 make clients strict about
/// extra keys).
pub const PROTOCOL_VERSION: &str = "5.3";

/// How many signatures to remember for replay detection; jupyter_client keeps 2^16.
const REPLAY_MEMORY: usize = 1 << 16;

/// Signs and checks messages with the connection file's key.
#[derive(Clone)]
pub struct Signer {
    /// A keyed HMAC ready to be cloned per message; `None` when the key is empty.
    mac: Option<Hmac<Sha256>>,
}

impl Signer {
    pub fn new(key: &[u8]) -> Signer {
        let mac = if key.is_empty() {
            None
        } else {
            // HMAC accepts keys of any length, so this cannot fail.
            <Hmac<Sha256> as KeyInit>::new_from_slice(key).ok()
        };
        Signer { mac }
    }

    /// Whether messages are signed at all.
    pub fn is_signing(&self) -> bool {
        self.mac.is_some()
    }

    fn mac_of(&self, frames: [&[u8]; 4]) -> Option<Hmac<Sha256>> {
        let mut mac = self.mac.clone()?;
        for frame in frames {
            mac.update(frame);
        }
        Some(mac)
    }

    /// The lowercase hex signature of the four JSON frames, or empty when not signing.
    pub fn sign(&self, frames: [&[u8]; 4]) -> String {
        match self.mac_of(frames) {
            Some(mac) => to_hex(&mac.finalize().into_bytes()),
            None => String::new(),
        }
    }

    /// Checks `signature` (hex, as received) against the four frames, in constant time.
    pub fn verify(&self, signature: &[u8], frames: [&[u8]; 4]) -> Result<(), KernelError> {
        let Some(mac) = self.mac_of(frames) else {
            return Ok(());
        };
        if signature.is_empty() {
            return Err(KernelError::Signature("missing signature"));
        }
        let digest = from_hex(signature).ok_or(KernelError::Signature("signature is not hex"))?;
        mac.verify_slice(&digest)
            .map_err(|_| KernelError::Signature("invalid signature"))
    }
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

fn from_hex(text: &[u8]) -> Option<Vec<u8>> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    if !text.len().is_multiple_of(2) {
        return None;
    }
    text.chunks(2)
        .map(|pair| Some(nibble(pair[0])? << 4 | nibble(pair[1])?))
        .collect()
}

/// Remembers recent signatures so that a replayed message is refused.
#[derive(Default)]
struct ReplayGuard {
    seen: HashSet<Bytes>,
    order: VecDeque<Bytes>,
}

impl ReplayGuard {
    /// Records `signature`; false if it was already there.
    fn admit(&mut self, signature: &Bytes) -> bool {
        if !self.seen.insert(signature.clone()) {
            return false;
        }
        self.order.push_back(signature.clone());
        if self.order.len() > REPLAY_MEMORY {
            // Forget the oldest tenth at once, as jupyter_client culls 10% when full.
            for _ in 0..REPLAY_MEMORY / 10 {
                if let Some(old) = self.order.pop_front() {
                    self.seen.remove(&old);
                }
            }
        }
        true
    }
}

/// The header fields we read from a request; everything else in it is kept verbatim in
/// [`Parent::header`].
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Header {
    #[serde(default)]
    pub msg_id: String,
    pub msg_type: String,
    #[serde(default)]
    pub session: String,
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub version: String,
}

/// The request a reply or side effect answers: its header exactly as received (it becomes
/// our `parent_header`) and the routing identities of the socket it came from.
#[derive(Debug)]
pub struct Parent {
    /// The header frame as received (a JSON object).
    pub header: Bytes,
    pub msg_id: String,
    pub msg_type: String,
    /// Routing identities of the sender; replies and `input_request` go back to them.
    pub identities: Vec<Bytes>,
}

/// A checked, parsed incoming message.
#[derive(Debug)]
pub struct Request {
    pub parent: Arc<Parent>,
    pub header: Header,
    /// The request's own parent header frame, as received (`input_reply` names our
    /// `input_request` there).
    pub parent_header: Bytes,
    pub metadata: serde_json::Value,
    pub content: serde_json::Value,
    pub buffers: Vec<Bytes>,
}

impl Request {
    pub fn msg_type(&self) -> &str {
        &self.header.msg_type
    }
}

/// Our outgoing header.
#[derive(Serialize)]
struct OutHeader<'a> {
    msg_id: &'a str,
    session: &'a str,
    username: &'a str,
    date: &'a str,
    msg_type: &'a str,
    version: &'a str,
}

/// Everything needed to read and write messages for one kernel process.
pub struct Codec {
    signer: Signer,
    replay: Mutex<ReplayGuard>,
    /// The kernel session id: fresh per process, so clients can tell a restart happened.
    session: String,
    username: String,
    counter: AtomicU64,
}

impl Codec {
    pub fn new(key: &[u8]) -> Codec {
        Codec {
            signer: Signer::new(key),
            replay: Mutex::new(ReplayGuard::default()),
            session: uuid::Uuid::new_v4().to_string(),
            username: std::env::var("USER").unwrap_or_else(|_| "username".into()),
            counter: AtomicU64::new(0),
        }
    }

    /// The kernel session id.
    pub fn session(&self) -> &str {
        &self.session
    }

    /// Checks and parses the frames of one message received on a ROUTER socket (identities
    /// first) or on any socket (no identities).
    pub fn decode(&self, frames: Vec<Bytes>) -> Result<Request, KernelError> {
        let Some(split) = frames.iter().position(|f| f.as_ref() == DELIMITER) else {
            return Err(KernelError::Malformed("no <IDS|MSG> delimiter".into()));
        };
        if frames.len() < split + 6 {
            return Err(KernelError::Malformed(format!(
                "{} frames after the delimiter, need at least 5",
                frames.len() - split - 1
            )));
        }
        let mut frames = frames;
        let mut rest = frames.split_off(split);
        let identities = frames;
        let buffers = rest.split_off(6);
        let [_, signature, header, parent, metadata, content]: [Bytes; 6] = rest
            .try_into()
            .map_err(|_| KernelError::Malformed("frame count".into()))?;
        let signed = [
            header.as_ref(),
            parent.as_ref(),
            metadata.as_ref(),
            content.as_ref(),
        ];
        self.signer.verify(&signature, signed)?;
        if self.signer.is_signing() {
            let mut replay = self.replay.lock().unwrap_or_else(|e| e.into_inner());
            if !replay.admit(&signature) {
                return Err(KernelError::Signature(
                    "duplicate signature (replayed message)",
                ));
            }
        }
        let parsed: Header = serde_json::from_slice(&header)?;
        // The other three frames must be JSON too.
        let _: serde_json::Value = serde_json::from_slice(&parent)?;
        let metadata: serde_json::Value = serde_json::from_slice(&metadata)?;
        let content: serde_json::Value = serde_json::from_slice(&content)?;
        if !content.is_object() {
            return Err(KernelError::Malformed(
                "content is not a JSON object".into(),
            ));
        }
        Ok(Request {
            parent: Arc::new(Parent {
                header,
                msg_id: parsed.msg_id.clone(),
                msg_type: parsed.msg_type.clone(),
                identities,
            }),
            header: parsed,
            parent_header: parent,
            metadata,
            content,
            buffers,
        })
    }

    /// A fresh header for a message of `msg_type`, as JSON.
    pub fn header(&self, msg_type: &str) -> Vec<u8> {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let msg_id = format!("{}_{}_{n}", self.session, std::process::id());
        let date = format_date(SystemTime::now());
        let header = OutHeader {
            msg_id: &msg_id,
            session: &self.session,
            username: &self.username,
            date: &date,
            msg_type,
            version: PROTOCOL_VERSION,
        };
        // Serializing a struct of strings cannot fail.
        serde_json::to_vec(&header).unwrap_or_default()
    }

    /// The frames of one message from the delimiter on: delimiter, signature, header, parent
    /// header (`{}` without a parent), metadata and content. The caller puts identities or a
    /// topic in front.
    pub fn encode(
        &self,
        msg_type: &str,
        parent: Option<&Parent>,
        metadata: &[u8],
        content: Vec<u8>,
    ) -> Vec<Bytes> {
        let header = Bytes::from(self.header(msg_type));
        let parent = match parent {
            Some(p) => p.header.clone(),
            None => Bytes::from_static(b"{}"),
        };
        let metadata = Bytes::copy_from_slice(metadata);
        let content = Bytes::from(content);
        let signature = self.signer.sign([&header, &parent, &metadata, &content]);
        vec![
            Bytes::from_static(DELIMITER),
            Bytes::from(signature),
            header,
            parent,
            metadata,
            content,
        ]
    }
}

/// `date` as ISO 8601 in UTC with microseconds and `Z`, which jupyter_client parses into a
/// datetime (nine digits or no zone would not be).
pub fn format_date(time: SystemTime) -> String {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs() as i64;
    let micros = since.subsec_micros();
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{micros:06}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Year, month and day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn frames(parts: &[&[u8]]) -> Vec<Bytes> {
        parts.iter().map(|p| Bytes::copy_from_slice(p)).collect()
    }

    /// A signed request from `codec`'s point of view, as a client would send it.
    fn signed(key: &[u8], header: &[u8], content: &[u8]) -> Vec<Bytes> {
        let sig = Signer::new(key).sign([header, b"{}", b"{}", content]);
        frames(&[
            b"client-id",
            DELIMITER,
            sig.as_bytes(),
            header,
            b"{}",
            b"{}",
            content,
        ])
    }

    /// Decodes `input` with a fresh codec keyed by `key`, and compares the outcome with
    /// `expect`: the msg_type, or the start of the error message.
    fn check(key: &[u8], input: Vec<Bytes>, expect: &str) {
        let codec = Codec::new(key);
        let got = match codec.decode(input) {
            Ok(req) => format!("ok {}", req.msg_type()),
            Err(e) => e.to_string(),
        };
        assert!(got.starts_with(expect), "got {got:?}, want {expect:?}");
    }

    const HEADER: &[u8] = br#"{"msg_id":"1","msg_type":"kernel_info_request","session":"s"}"#;

    #[test]
    fn well_signed_message_decodes() {
        check(
            b"key",
            signed(b"key", HEADER, b"{}"),
            "ok kernel_info_request",
        );
    }

    #[test]
    fn bad_missing_or_non_hex_signatures_are_rejected() {
        check(
            b"key",
            signed(b"other", HEADER, b"{}"),
            "signature rejected: invalid",
        );
        let mut missing = signed(b"key", HEADER, b"{}");
        missing[2] = Bytes::new();
        check(b"key", missing, "signature rejected: missing");
        let mut garbage = signed(b"key", HEADER, b"{}");
        garbage[2] = Bytes::from_static(b"zz");
        check(b"key", garbage, "signature rejected: signature is not hex");
    }

    #[test]
    fn empty_key_checks_nothing() {
        let mut unsigned = signed(b"whatever", HEADER, b"{}");
        unsigned[2] = Bytes::new();
        check(b"", unsigned, "ok kernel_info_request");
    }

    #[test]
    fn replayed_signature_is_rejected() {
        let codec = Codec::new(b"key");
        assert!(codec.decode(signed(b"key", HEADER, b"{}")).is_ok());
        let err = codec.decode(signed(b"key", HEADER, b"{}")).unwrap_err();
        assert!(err.to_string().contains("duplicate signature"), "{err}");
    }

    #[test]
    fn malformed_messages_are_errors_not_panics() {
        check(
            b"",
            frames(&[b"id", b"no delimiter"]),
            "malformed message: no <IDS|MSG>",
        );
        check(
            b"",
            frames(&[DELIMITER, b"", b"{}"]),
            "malformed message: 2 frames",
        );
        check(
            b"",
            frames(&[DELIMITER, b"", b"not json", b"{}", b"{}", b"{}"]),
            "json:",
        );
        check(
            b"",
            frames(&[DELIMITER, b"", b"{}", b"{}", b"{}", b"{}"]),
            "json: missing field",
        );
        check(
            b"",
            frames(&[DELIMITER, b"", HEADER, b"{}", b"{}", b"[1]"]),
            "malformed message: content",
        );
        check(
            b"",
            frames(&[DELIMITER, b"", HEADER, b"{", b"{}", b"{}"]),
            "json:",
        );
    }

    #[test]
    fn identities_and_buffers_are_kept_apart() {
        let codec = Codec::new(b"");
        let req = codec
            .decode(frames(&[
                b"a",
                b"b",
                DELIMITER,
                b"",
                HEADER,
                b"{}",
                b"{}",
                br#"{"x":1}"#,
                b"buf",
            ]))
            .unwrap();
        assert_eq!(req.parent.identities, frames(&[b"a", b"b"]));
        assert_eq!(req.buffers, frames(&[b"buf"]));
        assert_eq!(req.content["x"], 1);
        assert_eq!(req.parent.header.as_ref(), HEADER);
    }

    #[test]
    fn encoded_messages_verify_and_have_fresh_headers() {
        let codec = Codec::new(b"secret");
        let parent = codec
            .decode(signed(b"secret", HEADER, b"{}"))
            .unwrap()
            .parent;
        let a = codec.encode(
            "status",
            Some(&parent),
            b"{}",
            b"{\"execution_state\":\"idle\"}".to_vec(),
        );
        let b = codec.encode("status", None, b"{}", b"{}".to_vec());
        let signer = Signer::new(b"secret");
        signer.verify(&a[1], [&a[2], &a[3], &a[4], &a[5]]).unwrap();
        assert_eq!(a[3].as_ref(), HEADER);
        assert_eq!(b[3].as_ref(), b"{}");
        let ha: serde_json::Value = serde_json::from_slice(&a[2]).unwrap();
        let hb: serde_json::Value = serde_json::from_slice(&b[2]).unwrap();
        assert_ne!(ha["msg_id"], hb["msg_id"]);
        assert_eq!(ha["session"], codec.session());
        assert_eq!(ha["version"], "5.3");
        assert_eq!(ha["msg_type"], "status");
    }

    #[test]
    fn dates_have_microseconds_and_z() {
        let cases = [
            (0, 0, "1970-01-01T00:00:00.000000Z"),
            (951_782_400, 5, "2000-02-29T00:00:00.000005Z"),
            (1_700_000_000, 123_456, "2023-11-14T22:13:20.123456Z"),
            (4_102_444_799, 999_999, "2099-12-31T23:59:59.999999Z"),
        ];
        for (secs, micros, want) in cases {
            let t = UNIX_EPOCH + Duration::from_secs(secs) + Duration::from_micros(micros);
            assert_eq!(format_date(t), want);
        }
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(to_hex(&[0, 15, 16, 255]), "000f10ff");
        assert_eq!(from_hex(b"000F10ff"), Some(vec![0, 15, 16, 255]));
        assert_eq!(from_hex(b"abc"), None);
    }
}
