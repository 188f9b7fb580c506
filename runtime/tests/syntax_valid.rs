//! Valid programs: Coro's parser must accept them and build CPython's tree.
//!
//! - `syntax/valid.txt` snippets are parsed and dumped with `coro_runtime::syntax::dump`; the
//!   dump must equal `syntax/valid.expected`, which `tests/record_syntax.py` renders from
//!   CPython 3.11's `ast` module in the same S-expression format.
//! - Every Python example of the course material (`/work/shared/seeds/*.txt`) and every
//!   benchmark program (`/work/shared/bench/programs/*.py`) must parse.

mod common;

use coro_runtime::syntax::{dump, parse};

/// `### name` headers followed by the dump lines, as written by the recorder.
fn expected_dumps() -> Vec<(String, String)> {
    let text = common::read_file("valid.expected");
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with("# ") {
            continue;
        }
        if let Some(name) = line.strip_prefix("### ") {
            out.push((name.to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    out
}

#[test]
fn valid_snippets_build_cpythons_tree() {
    let snippets = common::snippets(&common::read_file("valid.txt"));
    let expected = expected_dumps();
    assert_eq!(
        snippets.len(),
        expected.len(),
        "valid.expected is out of date; run tests/record_syntax.py"
    );
    let mut report = String::new();
    for (s, (name, want)) in snippets.iter().zip(&expected) {
        assert_eq!(&s.name, name, "valid.expected is out of date");
        match parse(&s.source) {
            Ok(module) => {
                let got = dump(&module);
                if got != *want {
                    report.push_str(&format!("--- {name}\n{}", diff(want, &got)));
                }
            }
            Err(e) => report.push_str(&format!(
                "--- {name}: {}: {} at {}:{}\n",
                e.class_name(),
                e.msg,
                e.location.lineno,
                e.location.offset
            )),
        }
    }
    assert!(report.is_empty(), "\n{report}");
}

/// The lines that differ, CPython's first.
fn diff(want: &str, got: &str) -> String {
    let mut out = String::new();
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i).copied(), g.get(i).copied());
        if a != b {
            out.push_str(&format!(
                "  cpython: {}\n  coro:    {}\n",
                a.unwrap_or("<none>"),
                b.unwrap_or("<none>")
            ));
        }
    }
    out
}

#[test]
fn course_examples_parse() {
    let examples = common::seed_examples();
    assert!(
        !examples.is_empty(),
        "no examples found in /work/shared/seeds"
    );
    for (name, source) in examples {
        if let Err(e) = parse(&source) {
            panic!(
                "{name}: {}: {} at {}:{}",
                e.class_name(),
                e.msg,
                e.location.lineno,
                e.location.offset
            );
        }
    }
}

#[test]
fn bench_programs_parse() {
    let programs = common::bench_programs();
    assert!(
        !programs.is_empty(),
        "no programs found in /work/shared/bench/programs"
    );
    for (name, source) in programs {
        if let Err(e) = parse(&source) {
            panic!(
                "{name}: {}: {} at {}:{}",
                e.class_name(),
                e.msg,
                e.location.lineno,
                e.location.offset
            );
        }
    }
}
