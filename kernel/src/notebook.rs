//! `coro execute` and `coro check`: a notebook run headlessly, in-process, through one
//! [`Session`] (no Python, no ZeroMQ).
//!
//! [`execute`] runs the code cells in order as nbclient would with the Coro kernel: blank
//! cells are skipped, each executed cell gets the next execution count, its outputs are
//! replaced by what it produces (consecutive text on the same stream merged into one
//! `stream` output, an `execute_result` with `text/plain` for a final expression, an `error`
//! output with the traceback), `input()` fails as with nbclient's `allow_stdin = False`, and
//! the run stops at the first error unless errors are allowed or the cell is tagged
//! `raises-exception`. `metadata.kernelspec` and `metadata.language_info` are set as the
//! kernel would set them.
//!
//! [`check`] compares what a run produced with the outputs stored in the notebook (recorded
//! from CPython by ipykernel): stdout and stderr text, and in order the `text/plain` of
//! results and displays and the `ename`/`evalue` of errors. Tracebacks are not compared,
//! since IPython formats them differently. Both sides go through [`normalize`] first.
//!
//! Notebooks are written as nbformat writes them (indent 1, sorted keys, multi-line strings
//! as lists of lines), so a diff of an executed notebook is readable.
//!
//! What this does not do: widgets, `clear_output`, or any notebook format before 4.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use coro_runtime::{
    ErrorReport, InputError, Interrupt, MimeBundle, Outcome, Output, Session, Stream,
};
use serde_json::{json, Map, Value};

use crate::engine::{internal_error, mime_map};

/// How a notebook is run.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Keep going after an error in any cell (nbclient's `allow_errors`).
    pub allow_errors: bool,
    /// Interrupt a cell that runs longer than this and fail the run.
    pub timeout: Option<Duration>,
}

/// Why a run stopped early.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// A cell raised and errors were not allowed for it.
    Error {
        cell: usize,
        source: String,
        report: ErrorReport,
    },
    /// A cell ran past the timeout and was interrupted.
    Timeout {
        cell: usize,
        source: String,
        seconds: f64,
    },
}

impl Failure {
    /// nbclient's `CellExecutionError`/`CellTimeoutError` wording.
    pub fn message(&self) -> String {
        match self {
            Failure::Error { source, report, .. } => format!(
                "An error occurred while executing the following cell:\n------------------\n{source}\n------------------\n\n{}",
                report.render()
            ),
            Failure::Timeout { source, seconds, .. } => format!(
                "A cell timed out while it was being executed, after {seconds} seconds.\n\
                 Here is a preview of the cell contents:\n-------------------\n{source}\n-------------------\n"
            ),
        }
    }
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Code cells executed.
    pub executed: usize,
    pub failure: Option<Failure>,
}

/// Errors reading or writing a notebook file.
#[derive(Debug, thiserror::Error)]
pub enum NotebookError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a notebook: {reason}")]
    Format { path: String, reason: String },
}

/// Reads a notebook, joining multi-line strings.
pub fn load(path: &Path) -> Result<Value, NotebookError> {
    let text = std::fs::read_to_string(path).map_err(|source| NotebookError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let format = |reason: String| NotebookError::Format {
        path: path.display().to_string(),
        reason,
    };
    let mut nb: Value = serde_json::from_str(&text).map_err(|e| format(e.to_string()))?;
    if nb.get("nbformat").and_then(Value::as_u64) != Some(4) {
        return Err(format("only nbformat 4 is supported".into()));
    }
    if !nb.get("cells").is_some_and(Value::is_array) {
        return Err(format("no cells list".into()));
    }
    rejoin_lines(&mut nb);
    Ok(nb)
}

/// Writes a notebook as nbformat does.
pub fn save(path: &Path, nb: &Value) -> Result<(), NotebookError> {
    let mut nb = nb.clone();
    split_lines(&mut nb);
    let mut text = to_json_text(&nb);
    text.push('\n');
    std::fs::write(path, text).map_err(|source| NotebookError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Mime types whose strings nbformat stores as lists of lines, besides `text/*`.
fn splits_mime(mime: &str) -> bool {
    mime.starts_with("text/") || mime == "application/javascript" || mime == "image/svg+xml"
}

/// Applies `f` to every multi-line string field nbformat splits into lines.
fn for_each_text(nb: &mut Value, f: &dyn Fn(&mut Value)) {
    let Some(cells) = nb.get_mut("cells").and_then(Value::as_array_mut) else {
        return;
    };
    for cell in cells {
        if let Some(source) = cell.get_mut("source") {
            f(source);
        }
        let Some(outputs) = cell.get_mut("outputs").and_then(Value::as_array_mut) else {
            continue;
        };
        for output in outputs {
            if let Some(text) = output.get_mut("text") {
                f(text);
            }
            if let Some(data) = output.get_mut("data").and_then(Value::as_object_mut) {
                for (mime, value) in data.iter_mut() {
                    if splits_mime(mime) {
                        f(value);
                    }
                }
            }
        }
    }
}

fn rejoin_lines(nb: &mut Value) {
    for_each_text(nb, &|value| {
        if let Value::Array(parts) = value {
            if parts.iter().all(Value::is_string) {
                *value = Value::String(parts.iter().filter_map(Value::as_str).collect());
            }
        }
    });
}

fn split_lines(nb: &mut Value) {
    for_each_text(nb, &|value| {
        if let Value::String(text) = value {
            *value = Value::Array(
                splitlines_keepends(text)
                    .into_iter()
                    .map(Value::String)
                    .collect(),
            );
        }
    });
}

/// Python's `str.splitlines(True)`.
pub fn splitlines_keepends(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\r' => match chars.peek() {
                Some(&(j, '\n')) => {
                    chars.next();
                    j + 1
                }
                _ => i + 1,
            },
            '\n' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}'
            | '\u{2029}' => i + c.len_utf8(),
            _ => continue,
        };
        lines.push(text[start..end].to_string());
        start = end;
    }
    if start < text.len() {
        lines.push(text[start..].to_string());
    }
    lines
}

/// JSON as Python's `json.dumps(indent=1, sort_keys=True, ensure_ascii=False)` writes it.
pub fn to_json_text(value: &Value) -> String {
    let mut out = String::new();
    write_json(&mut out, value, 0);
    out
}

fn write_json(out: &mut String, value: &Value, depth: usize) {
    let pad = |out: &mut String, depth: usize| out.extend(std::iter::repeat_n(' ', depth));
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_json_string(out, s),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                pad(out, depth + 1);
                write_json(out, item, depth + 1);
            }
            out.push('\n');
            pad(out, depth);
            out.push(']');
        }
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push_str("{\n");
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                pad(out, depth + 1);
                write_json_string(out, key);
                out.push_str(": ");
                write_json(out, &map[key], depth + 1);
            }
            out.push('\n');
            pad(out, depth);
            out.push('}');
        }
    }
}

fn write_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The text of a string field that may still be a list of lines.
fn text_of(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(parts)) => parts.iter().filter_map(Value::as_str).collect(),
        _ => String::new(),
    }
}

/// Collects one cell's outputs in nbformat shape.
#[derive(Default)]
struct CellOutputs {
    outputs: Vec<Value>,
}

impl Output for CellOutputs {
    fn stream(&mut self, which: Stream, text: &str) {
        if let Some(last) = self.outputs.last_mut() {
            if last["output_type"] == "stream" && last["name"] == which.name() {
                if let Some(Value::String(existing)) = last.get_mut("text") {
                    existing.push_str(text);
                    return;
                }
            }
        }
        self.outputs
            .push(json!({"output_type": "stream", "name": which.name(), "text": text}));
    }

    fn input(&mut self, _prompt: &str, _password: bool) -> Result<String, InputError> {
        Err(InputError::NotSupported)
    }

    fn display(&mut self, data: &MimeBundle) {
        self.outputs
            .push(json!({"output_type": "display_data", "data": mime_map(data), "metadata": {}}));
    }
}

/// Runs every code cell of `nb` and writes the outputs back into it.
pub fn execute(nb: Value, options: RunOptions) -> (Value, Summary) {
    let fallback = nb.clone();
    let worker = std::thread::Builder::new()
        .name("coro-notebook".into())
        .stack_size(crate::SESSION_STACK_BYTES)
        .spawn(move || execute_here(nb, &options));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(done)) => done,
        _ => {
            let report = internal_error(&"the notebook runner thread failed");
            let failure = Failure::Error {
                cell: 0,
                source: String::new(),
                report,
            };
            (
                fallback,
                Summary {
                    executed: 0,
                    failure: Some(failure),
                },
            )
        }
    }
}

/// Interrupts a cell that outlives its deadline.
struct Watchdog {
    deadlines: mpsc::Sender<Option<Instant>>,
    fired: Arc<AtomicBool>,
}

impl Watchdog {
    fn start(interrupt: Interrupt) -> Watchdog {
        let (deadlines, rx) = mpsc::channel::<Option<Instant>>();
        let fired = Arc::new(AtomicBool::new(false));
        let flag = fired.clone();
        std::thread::spawn(move || {
            let mut deadline: Option<Instant> = None;
            loop {
                let message = match deadline {
                    Some(at) => rx.recv_timeout(at.saturating_duration_since(Instant::now())),
                    None => rx.recv().map_err(|_| mpsc::RecvTimeoutError::Disconnected),
                };
                match message {
                    Ok(next) => deadline = next,
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        flag.store(true, Ordering::SeqCst);
                        interrupt.trigger();
                        deadline = None;
                    }
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
            }
        });
        Watchdog { deadlines, fired }
    }
}

fn execute_here(mut nb: Value, options: &RunOptions) -> (Value, Summary) {
    let mut summary = Summary::default();
    let mut session = match std::panic::catch_unwind(Session::new) {
        Ok(session) => session,
        Err(payload) => {
            summary.failure = Some(Failure::Error {
                cell: 0,
                source: String::new(),
                report: internal_error(payload.as_ref()),
            });
            return (nb, summary);
        }
    };
    let watchdog = options
        .timeout
        .map(|_| Watchdog::start(session.interrupt_handle()));
    let mut count = 0u64;
    let cells = nb.get_mut("cells").and_then(Value::as_array_mut);
    for (index, cell) in cells.into_iter().flatten().enumerate() {
        if cell.get("cell_type").and_then(Value::as_str) != Some("code") {
            continue;
        }
        let source = text_of(cell.get("source"));
        if source.trim().is_empty() {
            continue;
        }
        count += 1;
        let mut out = CellOutputs::default();
        if let (Some(dog), Some(limit)) = (&watchdog, options.timeout) {
            let _ = dog.deadlines.send(Some(Instant::now() + limit));
        }
        let name = format!("<cell {count}>");
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            session.execute(&name, &source, &mut out)
        }))
        .unwrap_or_else(|payload| Outcome::Error(internal_error(payload.as_ref())));
        let timed_out = match &watchdog {
            Some(dog) => {
                let _ = dog.deadlines.send(None);
                dog.fired.swap(false, Ordering::SeqCst)
            }
            None => false,
        };
        summary.executed += 1;
        let mut failure = None;
        match outcome {
            Outcome::Ok { repr } => {
                if let Some(text) = repr {
                    out.outputs.push(json!({
                        "output_type": "execute_result",
                        "execution_count": count,
                        "data": {"text/plain": text},
                        "metadata": {},
                    }));
                }
            }
            Outcome::Error(report) => {
                out.outputs.push(json!({
                    "output_type": "error",
                    "ename": report.ename,
                    "evalue": report.evalue,
                    "traceback": report.traceback,
                }));
                let tagged = cell
                    .pointer("/metadata/tags")
                    .and_then(Value::as_array)
                    .is_some_and(|tags| tags.iter().any(|t| t == "raises-exception"));
                if !options.allow_errors && !tagged {
                    failure = Some(Failure::Error {
                        cell: index,
                        source: source.clone(),
                        report,
                    });
                }
            }
        }
        if timed_out {
            failure = Some(Failure::Timeout {
                cell: index,
                source: source.clone(),
                seconds: options.timeout.map_or(0.0, |t| t.as_secs_f64()),
            });
        }
        cell["outputs"] = Value::Array(out.outputs);
        cell["execution_count"] = json!(count);
        if failure.is_some() {
            summary.failure = failure;
            break;
        }
    }
    session.interrupt_handle().clear();
    let mut sink = CellOutputs::default();
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| session.shutdown(&mut sink)));
    set_kernel_metadata(&mut nb);
    (nb, summary)
}

/// `metadata.kernelspec` and `metadata.language_info` as a run with the Coro kernel sets them.
fn set_kernel_metadata(nb: &mut Value) {
    if !nb.get("metadata").is_some_and(Value::is_object) {
        nb["metadata"] = Value::Object(Map::new());
    }
    nb["metadata"]["kernelspec"] =
        json!({"display_name": "Coro", "language": "python", "name": "coro"});
    nb["metadata"]["language_info"] = crate::messages::language_info();
}

/// The comparable part of one cell's outputs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellView {
    pub stdout: String,
    pub stderr: String,
    /// In order: `execute_result: TEXT`, `display_data: TEXT`, `error: ENAME: EVALUE`.
    pub results: Vec<String>,
}

/// Makes text that legitimately differs between runs comparable: object addresses
/// (`0x7f3a5c2b1e80`) become `0x...`. The conformance harness applies the same rule.
pub fn normalize(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'0' && bytes.get(i + 1) == Some(&b'x') {
            let digits = bytes[i + 2..]
                .iter()
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            if digits >= 6 {
                out.push_str("0x...");
                i += 2 + digits;
                continue;
            }
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// The comparable view of a code cell's outputs.
pub fn view(cell: &Value) -> CellView {
    let mut view = CellView::default();
    for output in cell
        .get("outputs")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        match output.get("output_type").and_then(Value::as_str) {
            Some("stream") => {
                let text = normalize(&text_of(output.get("text")));
                match output.get("name").and_then(Value::as_str) {
                    Some("stderr") => view.stderr.push_str(&text),
                    _ => view.stdout.push_str(&text),
                }
            }
            Some(kind @ ("execute_result" | "display_data")) => {
                let text = text_of(output.pointer("/data/text~1plain"));
                view.results.push(format!("{kind}: {}", normalize(&text)));
            }
            Some("error") => {
                let ename = output.get("ename").and_then(Value::as_str).unwrap_or("");
                let evalue = output.get("evalue").and_then(Value::as_str).unwrap_or("");
                view.results
                    .push(format!("error: {ename}: {}", normalize(evalue)));
            }
            _ => {}
        }
    }
    view
}

/// Compares the code cells of a stored notebook with a run of it; one readable paragraph per
/// cell that differs. Cells never executed in the stored notebook (no `execution_count`)
/// have nothing to compare against and are skipped.
pub fn compare(stored: &Value, produced: &Value) -> Vec<String> {
    let cells = |nb: &Value| {
        nb.get("cells")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let (stored, produced) = (cells(stored), cells(produced));
    let mut report = Vec::new();
    for (index, (want, got)) in stored.iter().zip(produced.iter()).enumerate() {
        if want.get("cell_type").and_then(Value::as_str) != Some("code")
            || want.get("execution_count").is_none_or(Value::is_null)
        {
            continue;
        }
        let (want_view, got_view) = (view(want), view(got));
        if want_view == got_view {
            continue;
        }
        let mut paragraph = format!(
            "cell {index} (In [{}]):\n{}\n",
            want["execution_count"],
            indent(&text_of(want.get("source")), "    | ")
        );
        let fields = [
            ("stdout", &want_view.stdout, &got_view.stdout),
            ("stderr", &want_view.stderr, &got_view.stderr),
        ];
        for (name, a, b) in fields {
            if a != b {
                paragraph.push_str(&format!(
                    "  {name} differs (- CPython, + Coro):\n{}",
                    line_diff(a, b)
                ));
            }
        }
        if want_view.results != got_view.results {
            paragraph.push_str(&format!(
                "  results differ (- CPython, + Coro):\n{}",
                line_diff(&want_view.results.join("\n"), &got_view.results.join("\n"))
            ));
        }
        report.push(paragraph);
    }
    report
}

fn indent(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| format!("{prefix}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A line diff: common lines with two spaces, removed with `-`, added with `+`.
pub fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let mut out = String::new();
    let mut line = |mark: char, text: &str| out.push_str(&format!("    {mark} {text}\n"));
    if a.len() * b.len() > 4_000_000 {
        // Too large for the quadratic table: show both sides whole.
        a.iter().for_each(|l| line('-', l));
        b.iter().for_each(|l| line('+', l));
    } else {
        // Longest common subsequence, then walk it.
        let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lcs[i][j] = if a[i] == b[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                line(' ', a[i]);
                i += 1;
                j += 1;
            } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
                line('-', a[i]);
                i += 1;
            } else {
                line('+', b[j]);
                j += 1;
            }
        }
    }
    if a == b && expected.ends_with('\n') != actual.ends_with('\n') {
        out.push_str("    (the texts differ in their final newline)\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[&str]) {
        assert_eq!(splitlines_keepends(input), expect, "{input:?}");
    }

    #[test]
    fn splitlines_matches_python() {
        check("", &[]);
        check("a", &["a"]);
        check("a\nb", &["a\n", "b"]);
        check("a\n", &["a\n"]);
        check(
            "a\r\nb\rc\x0bd\x0ce\u{2028}f",
            &["a\r\n", "b\r", "c\x0b", "d\x0c", "e\u{2028}", "f"],
        );
        check("\n\n", &["\n", "\n"]);
    }

    #[test]
    fn json_text_matches_nbformat() {
        let value =
            json!({"b": [1, "x\n\"\\\u{1}é"], "a": {}, "c": [], "d": {"z": null, "y": true}});
        let want = "{\n \"a\": {},\n \"b\": [\n  1,\n  \"x\\n\\\"\\\\\\u0001é\"\n ],\n \"c\": [],\n \"d\": {\n  \"y\": true,\n  \"z\": null\n }\n}";
        assert_eq!(to_json_text(&value), want);
    }

    #[test]
    fn lines_split_and_rejoin() {
        let mut nb = json!({"cells": [{"cell_type": "code", "source": "a\nb", "outputs": [
            {"output_type": "stream", "name": "stdout", "text": "1\n2\n"},
            {"output_type": "execute_result", "data": {"text/plain": "x\ny", "application/json": {"k": "a\nb"}}}
        ]}]});
        let original = nb.clone();
        split_lines(&mut nb);
        assert_eq!(nb["cells"][0]["source"], json!(["a\n", "b"]));
        assert_eq!(nb["cells"][0]["outputs"][0]["text"], json!(["1\n", "2\n"]));
        assert_eq!(
            nb["cells"][0]["outputs"][1]["data"]["text/plain"],
            json!(["x\n", "y"])
        );
        assert_eq!(
            nb["cells"][0]["outputs"][1]["data"]["application/json"],
            json!({"k": "a\nb"})
        );
        rejoin_lines(&mut nb);
        assert_eq!(nb, original);
    }

    #[test]
    fn normalize_hides_addresses_only() {
        assert_eq!(
            normalize("<generator object g at 0x7f3a5c2b1e80>"),
            "<generator object g at 0x...>"
        );
        assert_eq!(normalize("0x10 and 0xff"), "0x10 and 0xff");
        assert_eq!(normalize("é0x123456"), "é0x...");
    }

    #[test]
    fn views_collect_streams_and_results() {
        let cell = json!({"outputs": [
            {"output_type": "stream", "name": "stdout", "text": ["a\n"]},
            {"output_type": "stream", "name": "stderr", "text": "w\n"},
            {"output_type": "stream", "name": "stdout", "text": "b\n"},
            {"output_type": "execute_result", "data": {"text/plain": ["4", "2"]}, "execution_count": 1, "metadata": {}},
            {"output_type": "error", "ename": "E", "evalue": "v", "traceback": []}
        ]});
        assert_eq!(
            view(&cell),
            CellView {
                stdout: "a\nb\n".into(),
                stderr: "w\n".into(),
                results: vec!["execute_result: 42".into(), "error: E: v".into()],
            }
        );
    }

    #[test]
    fn diffs_mark_changed_lines() {
        assert_eq!(
            line_diff("a\nb\nc\n", "a\nx\nc\n"),
            "      a\n    - b\n    + x\n      c\n"
        );
        assert!(line_diff("a\n", "a").contains("final newline"));
    }

    #[test]
    fn compare_skips_unexecuted_and_reports_mismatches() {
        let stored = json!({"cells": [
            {"cell_type": "markdown", "source": "# t"},
            {"cell_type": "code", "source": "print(1)", "execution_count": 1, "outputs": [
                {"output_type": "stream", "name": "stdout", "text": "1\n"}]},
            {"cell_type": "code", "source": "x", "execution_count": null, "outputs": []},
        ]});
        let mut produced = stored.clone();
        assert!(compare(&stored, &produced).is_empty());
        produced["cells"][2]["outputs"] =
            json!([{"output_type": "stream", "name": "stdout", "text": "noise"}]);
        assert!(compare(&stored, &produced).is_empty());
        produced["cells"][1]["outputs"][0]["text"] = json!("2\n");
        let report = compare(&stored, &produced);
        assert_eq!(report.len(), 1);
        assert!(
            report[0].starts_with("cell 1 (In [1]):\n    | print(1)\n  stdout differs"),
            "{}",
            report[0]
        );
        assert!(report[0].contains("    - 1\n    + 2\n"), "{}", report[0]);
    }
}
