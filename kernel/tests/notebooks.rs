//! `coro check` and `coro execute` on notebooks.
//!
//! The course notebooks in `notebooks/` store outputs recorded from CPython by ipykernel;
//! `coro check` on each of them is how CI proves Coro prints what CPython prints. The
//! mechanics are tested on `data/check_demo.ipynb`, recorded the same way by
//! `tests/jupyter/record_notebook.py`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use coro_kernel::notebook;
use serde_json::{json, Value};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/check_demo.ipynb")
}

fn coro(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coro"))
        .args(args)
        .output()
        .expect("run coro")
}

fn text(output: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn temp_copy(source: &Path, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("coro-nb-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join(name);
    std::fs::copy(source, &target).unwrap();
    target
}

#[test]
fn course_notebooks_match_cpython() {
    let dir = repo_root().join("notebooks");
    let mut notebooks: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ipynb"))
                .collect()
        })
        .unwrap_or_default();
    notebooks.sort();
    assert!(
        !notebooks.is_empty(),
        "no course notebooks found in {}: nothing was checked against CPython \
         (the notebooks belong in notebooks/*.ipynb at the repository root)",
        dir.display()
    );
    // A cell that never ends fails the check instead of hanging CI.
    let mut args = vec![
        "check".to_string(),
        "--timeout".to_string(),
        "120".to_string(),
    ];
    args.extend(notebooks.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = coro(&args);
    assert!(output.status.success(), "{}", text(&output));
}

#[test]
fn check_passes_on_a_notebook_recorded_from_cpython() {
    let output = coro(&["check", demo().to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output));
    assert!(
        String::from_utf8_lossy(&output.stdout).contains(": ok (9 cells match CPython)"),
        "{}",
        text(&output)
    );
}

#[test]
fn check_reports_a_changed_output_readably() {
    let path = temp_copy(&demo(), "tampered.ipynb");
    let mut nb: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    // Cell 3 (In [3]) stores CPython's `15`; pretend CPython had printed `16`.
    let cell = &mut nb["cells"][3];
    assert_eq!(cell["execution_count"], 3);
    cell["outputs"][0]["data"]["text/plain"] = json!(["16"]);
    std::fs::write(&path, nb.to_string()).unwrap();
    let output = coro(&["check", path.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&output.stdout).to_string();
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(out.contains("1 cell(s) differ from CPython"), "{out}");
    assert!(
        out.contains("cell 3 (In [3]):\n    | c.send(10)\n    | c.send(5)\n"),
        "{out}"
    );
    assert!(
        out.contains("    - execute_result: 16\n    + execute_result: 15\n"),
        "{out}"
    );
}

#[test]
fn execute_writes_outputs_back_as_nbclient_does() {
    let path = temp_copy(&demo(), "executed.ipynb");
    let out_path = path.with_file_name("out.ipynb");
    let output = coro(&[
        "execute",
        path.to_str().unwrap(),
        "--output",
        out_path.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output));
    let stored = notebook::load(&demo()).unwrap();
    let produced = notebook::load(&out_path).unwrap();
    assert_eq!(notebook::compare(&stored, &produced), Vec::<String>::new());
    let counts: Vec<Value> = produced["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["cell_type"] == "code")
        .map(|c| c["execution_count"].clone())
        .collect();
    assert_eq!(counts, (1..=9).map(|n| json!(n)).collect::<Vec<_>>());
    assert_eq!(produced["metadata"]["kernelspec"]["name"], "coro");
    assert_eq!(produced["metadata"]["language_info"]["name"], "python");
    // Stream outputs keep the order the text was written in.
    let names: Vec<&Value> = produced["cells"][4]["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| &o["name"])
        .collect();
    assert_eq!(names, [&json!("stderr"), &json!("stdout")]);
}

fn notebook_of(cells: &[(&str, &[&str])]) -> Value {
    let cells: Vec<Value> = cells
        .iter()
        .map(|(source, tags)| {
            json!({"cell_type": "code", "execution_count": null, "id": format!("c{}", source.len()),
                   "metadata": {"tags": tags}, "outputs": [], "source": source})
        })
        .collect();
    json!({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
}

#[test]
fn execute_stops_at_the_first_untagged_error_unless_errors_are_allowed() {
    let nb = notebook_of(&[
        ("print('one')", &[]),
        ("1/0", &["raises-exception"]),
        ("print('three')", &[]),
        ("[][0]", &[]),
        ("print('five')", &[]),
    ]);
    let dir = std::env::temp_dir().join(format!("coro-nb-{}-stop", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("stop.ipynb");
    std::fs::write(&path, nb.to_string()).unwrap();

    let output = coro(&["execute", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(
            "An error occurred while executing the following cell:\n------------------\n[][0]\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("IndexError: list index out of range"),
        "{stderr}"
    );
    let ran = notebook::load(&path).unwrap();
    assert_eq!(ran["cells"][1]["outputs"][0]["ename"], "ZeroDivisionError");
    assert_eq!(ran["cells"][2]["outputs"][0]["text"], "three\n");
    assert_eq!(
        ran["cells"][4]["outputs"],
        json!([]),
        "cells after the error do not run"
    );

    let output = coro(&["execute", path.to_str().unwrap(), "--allow-errors"]);
    assert!(output.status.success(), "{}", text(&output));
    let ran = notebook::load(&path).unwrap();
    assert_eq!(ran["cells"][4]["outputs"][0]["text"], "five\n");
    assert_eq!(ran["cells"][4]["execution_count"], 5);
}

#[test]
fn execute_times_out_a_runaway_cell() {
    let nb = notebook_of(&[("while True:\n    pass", &[]), ("print('after')", &[])]);
    let dir = std::env::temp_dir().join(format!("coro-nb-{}-timeout", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("loop.ipynb");
    std::fs::write(&path, nb.to_string()).unwrap();
    let output = coro(&["execute", path.to_str().unwrap(), "--timeout", "0.5"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("A cell timed out while it was being executed, after 0.5 seconds."),
        "{stderr}"
    );
}

#[test]
fn notebooks_round_trip_byte_for_byte_in_nbformat_layout() {
    let original = std::fs::read_to_string(demo()).unwrap();
    let path = temp_copy(&demo(), "roundtrip.ipynb");
    let nb = notebook::load(&path).unwrap();
    notebook::save(&path, &nb).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}

#[test]
fn unreadable_notebooks_are_reported() {
    let output = coro(&["check", "/nonexistent/x.ipynb"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("coro: /nonexistent/x.ipynb: "));
}
