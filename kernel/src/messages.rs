//! Typed contents of the messages the kernel reads and writes.
//!
//! Requests are parsed leniently: every field has the default the spec (or ipykernel) gives
//! it, so a client that omits `silent` or `cursor_pos` is still served. What we send is
//! strict: every field the spec and `jupyter_kernel_test`'s schemas require is present, and
//! objects are never `null` (PROTOCOL.md pitfalls 3, 4 and 23).
//!
//! This module only describes shapes; what the kernel does with them is in `dispatch.rs`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

// ---------------------------------------------------------------- requests

fn yes() -> bool {
    true
}

/// `execute_request`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ExecuteRequest {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub silent: bool,
    /// Defaults to `!silent`, as in ipykernel.
    #[serde(default)]
    pub store_history: Option<bool>,
    #[serde(default)]
    pub user_expressions: BTreeMap<String, String>,
    #[serde(default)]
    pub allow_stdin: bool,
    #[serde(default = "yes")]
    pub stop_on_error: bool,
}

impl ExecuteRequest {
    /// Whether the cell counts in the history and the execution counter.
    pub fn stores_history(&self) -> bool {
        // IPython forces store_history off for silent cells.
        !self.silent && self.store_history.unwrap_or(true)
    }
}

/// `complete_request` and `inspect_request` (which adds `detail_level`, ignored here).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct CursorRequest {
    #[serde(default)]
    pub code: String,
    /// A position in Unicode code points; the end of the code when absent.
    #[serde(default)]
    pub cursor_pos: Option<u64>,
}

/// `is_complete_request`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct IsCompleteRequest {
    #[serde(default)]
    pub code: String,
}

/// `history_request`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct HistoryRequest {
    #[serde(default)]
    pub output: bool,
    #[serde(default)]
    pub raw: bool,
    #[serde(default)]
    pub hist_access_type: String,
    #[serde(default)]
    pub session: Option<i64>,
    #[serde(default)]
    pub start: Option<i64>,
    #[serde(default)]
    pub stop: Option<i64>,
    #[serde(default)]
    pub n: Option<i64>,
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub unique: bool,
}

/// `shutdown_request`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ShutdownRequest {
    #[serde(default)]
    pub restart: bool,
}

/// `input_reply` on stdin.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct InputReply {
    #[serde(default)]
    pub value: String,
}

/// `comm_open` (the fields we need to refuse it politely).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct CommOpen {
    #[serde(default)]
    pub comm_id: String,
    #[serde(default)]
    pub target_name: String,
}

/// Parses a request's content, using every default when it does not fit the shape.
pub fn parse<T: for<'de> Deserialize<'de> + Default>(content: &Value) -> Result<T, String> {
    T::deserialize(content).map_err(|e| e.to_string())
}

// ---------------------------------------------------------------- replies and iopub

/// Serializes a content struct to the bytes of its JSON frame.
pub fn to_frame<T: Serialize>(content: &T) -> Vec<u8> {
    // Our content types are maps of strings, numbers and JSON values, so this cannot fail;
    // an empty object is the safe fallback all the same.
    serde_json::to_vec(content).unwrap_or_else(|_| b"{}".to_vec())
}

/// `status` on iopub.
#[derive(Serialize)]
pub struct Status {
    pub execution_state: &'static str,
}

/// `stream` on iopub.
#[derive(Serialize)]
pub struct StreamContent<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// `execute_input` on iopub.
#[derive(Serialize)]
pub struct ExecuteInput<'a> {
    pub code: &'a str,
    pub execution_count: u64,
}

/// `execute_result` on iopub.
#[derive(Serialize)]
pub struct ExecuteResult {
    pub execution_count: u64,
    pub data: BTreeMap<String, Value>,
    pub metadata: Value,
}

/// `display_data` on iopub.
#[derive(Serialize)]
pub struct DisplayData {
    pub data: BTreeMap<String, Value>,
    pub metadata: Value,
    pub transient: Value,
}

/// `error` on iopub, and the error fields of a reply.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorContent {
    pub ename: String,
    pub evalue: String,
    pub traceback: Vec<String>,
}

/// `execute_reply`.
#[derive(Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum ExecuteReply {
    Ok {
        execution_count: u64,
        user_expressions: BTreeMap<String, Value>,
        payload: Vec<Value>,
    },
    Error {
        execution_count: u64,
        #[serde(flatten)]
        error: ErrorContent,
    },
    /// A queued request skipped after an earlier error. `execution_count` is `null` because
    /// the cell never ran; JupyterLab wants the key present (jupyterlab #17686).
    Aborted { execution_count: Option<u64> },
}

/// `complete_reply`.
#[derive(Serialize)]
pub struct CompleteReply {
    pub status: &'static str,
    pub matches: Vec<String>,
    pub cursor_start: usize,
    pub cursor_end: usize,
    pub metadata: Value,
}

/// `inspect_reply`.
#[derive(Serialize)]
pub struct InspectReply {
    pub status: &'static str,
    pub found: bool,
    pub data: BTreeMap<String, Value>,
    pub metadata: Value,
}

/// `is_complete_reply`; `indent` only when incomplete.
#[derive(Serialize)]
pub struct IsCompleteReply {
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indent: Option<String>,
}

/// `history_reply`.
#[derive(Serialize)]
pub struct HistoryReply {
    pub status: &'static str,
    pub history: Vec<Value>,
}

/// `shutdown_reply`.
#[derive(Serialize)]
pub struct ShutdownReply {
    pub status: &'static str,
    pub restart: bool,
}

/// `input_request` on stdin.
#[derive(Serialize)]
pub struct InputRequest<'a> {
    pub prompt: &'a str,
    pub password: bool,
}

/// A bare `{"status": "ok"}` (`interrupt_reply`).
pub fn status_ok() -> Value {
    json!({"status": "ok"})
}

/// `comm_info_reply`: we never have comms open.
pub fn comm_info_reply() -> Value {
    json!({"status": "ok", "comms": {}})
}

/// `kernel_info_reply`. No `debugger` and no `supported_features`: we advertise nothing we
/// do not have (PROTOCOL.md pitfall 25).
pub fn kernel_info_reply() -> Value {
    json!({
        "status": "ok",
        "protocol_version": crate::wire::PROTOCOL_VERSION,
        "implementation": "coro",
        "implementation_version": crate::VERSION,
        "language_info": language_info(),
        "banner": banner(),
        "help_links": [
            {"text": "Python 3.11 reference", "url": "https://docs.python.org/3.11/reference/"},
            {"text": "Generators (Python tutorial)", "url": "https://docs.python.org/3.11/tutorial/classes.html#generators"}
        ],
    })
}

/// `language_info`, shared by `kernel_info_reply` and the notebooks `coro execute` writes.
pub fn language_info() -> Value {
    json!({
        "name": "python",
        "version": "3.11",
        "mimetype": "text/x-python",
        "file_extension": ".py",
        "codemirror_mode": {"name": "ipython", "version": 3},
        "pygments_lexer": "ipython3",
        "nbconvert_exporter": "python",
    })
}

/// The banner a console shows on connect.
pub fn banner() -> String {
    format!(
        "Coro {} -- a coroutine language that runs a strict subset of Python 3.11\n",
        crate::VERSION
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<T: Serialize>(value: &T, expect: &str) {
        assert_eq!(String::from_utf8(to_frame(value)).unwrap(), expect);
    }

    #[test]
    fn execute_replies_have_every_required_field() {
        check(
            &ExecuteReply::Ok {
                execution_count: 3,
                user_expressions: BTreeMap::new(),
                payload: vec![],
            },
            r#"{"status":"ok","execution_count":3,"user_expressions":{},"payload":[]}"#,
        );
        check(
            &ExecuteReply::Error {
                execution_count: 4,
                error: ErrorContent {
                    ename: "ValueError".into(),
                    evalue: "bad".into(),
                    traceback: vec!["ValueError: bad".into()],
                },
            },
            r#"{"status":"error","execution_count":4,"ename":"ValueError","evalue":"bad","traceback":["ValueError: bad"]}"#,
        );
        check(
            &ExecuteReply::Aborted {
                execution_count: None,
            },
            r#"{"status":"aborted","execution_count":null}"#,
        );
    }

    #[test]
    fn is_complete_indent_only_when_incomplete() {
        check(
            &IsCompleteReply {
                status: "complete",
                indent: None,
            },
            r#"{"status":"complete"}"#,
        );
        check(
            &IsCompleteReply {
                status: "incomplete",
                indent: Some("    ".into()),
            },
            r#"{"status":"incomplete","indent":"    "}"#,
        );
    }

    #[test]
    fn requests_take_protocol_defaults() {
        let req: ExecuteRequest = parse(&json!({"code": "1"})).unwrap();
        assert!(!req.silent && req.stores_history() && req.stop_on_error && !req.allow_stdin);
        let silent: ExecuteRequest =
            parse(&json!({"code": "", "silent": true, "store_history": true})).unwrap();
        assert!(!silent.stores_history());
        let cursor: CursorRequest = parse(&json!({"code": "ab"})).unwrap();
        assert_eq!(cursor.cursor_pos, None);
        assert!(parse::<ExecuteRequest>(&json!({"code": 5})).is_err());
    }

    #[test]
    fn kernel_info_names_coro_and_python() {
        let info = kernel_info_reply();
        assert_eq!(info["implementation"], "coro");
        assert_eq!(info["language_info"]["name"], "python");
        assert_eq!(info["language_info"]["codemirror_mode"]["name"], "ipython");
        assert!(info.get("debugger").is_none());
    }
}
