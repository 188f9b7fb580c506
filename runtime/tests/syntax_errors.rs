//! Syntax errors, compared with CPython 3.11.
//!
//! `syntax/errors.txt` holds snippets; `syntax/errors.expected` holds what CPython 3.11 said
//! about each (recorded by `tests/record_syntax.py`, never written by hand): the exception
//! class, message, `lineno`, `offset`, `end_lineno`, `end_offset`, whether the parser or the
//! compiler raised it, and what `codeop.compile_command` says (Jupyter's `is_complete`).
//!
//! - A parser error must match in class, message, line, offset, end line and end offset, and
//!   Coro's `incomplete` must be true exactly when codeop says "incomplete".
//! - A compiler error (the text parses, `compile()` rejects it) is the compiler's job: the
//!   parser may accept the text, or report the same error (Coro reports `keyword argument
//!   repeated` and `duplicate argument` itself).
//! - A snippet flagged `[unsupported]` is accepted by CPython and rejected by Coro on purpose;
//!   the message must say "not supported by Coro".
//! - Snippets listed in `syntax/known_failures.txt` are expected to differ (a name alone: in
//!   anything; `name end`: only in the end position). A listed snippet that now matches fails
//!   the test, so the list stays true.

mod common;

use std::collections::HashMap;

use coro_runtime::syntax::parse;

struct Expected {
    class: String,
    msg: String,
    location: [String; 4],
    stage: String,
    completeness: String,
}

fn expected() -> HashMap<String, Expected> {
    let text = common::read_file("errors.expected");
    let mut map = HashMap::new();
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 9, "bad line in errors.expected: {line:?}");
        map.insert(
            f[0].to_string(),
            Expected {
                class: f[1].to_string(),
                msg: f[2].to_string(),
                location: [f[3], f[4], f[5], f[6]].map(String::from),
                stage: f[7].to_string(),
                completeness: f[8].to_string(),
            },
        );
    }
    map
}

/// `name` or `name end` lines, with `#` comments.
fn known_failures() -> HashMap<String, String> {
    let text = common::read_file("known_failures.txt");
    let mut map = HashMap::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split_whitespace();
        let name = parts.next().unwrap_or("").to_string();
        let what = parts.next().unwrap_or("all").to_string();
        map.insert(name, what);
    }
    map
}

#[test]
fn syntax_errors_match_cpython() {
    let snippets = common::snippets(&common::read_file("errors.txt"));
    let expected = expected();
    let known = known_failures();
    assert!(
        snippets.len() >= 120,
        "the corpus should hold at least 120 snippets"
    );
    let mut failures = Vec::new();
    let mut end_mismatches = Vec::new();
    let mut unexpected_passes = Vec::new();
    let mut checked = 0;
    for s in &snippets {
        let Some(exp) = expected.get(&s.name) else {
            failures.push(format!(
                "{}: not recorded; run tests/record_syntax.py",
                s.name
            ));
            continue;
        };
        checked += 1;
        let result = parse(&s.source);
        let (problem, end_problem) = judge(s, exp, &result);
        match known.get(&s.name).map(String::as_str) {
            Some("end") => {
                if problem.is_some() {
                    failures.extend(problem);
                } else if end_problem.is_none() {
                    unexpected_passes.push(format!("{} end", s.name));
                }
            }
            Some(_) => {
                if problem.is_none() && end_problem.is_none() {
                    unexpected_passes.push(s.name.clone());
                }
            }
            None => {
                failures.extend(problem);
                end_mismatches.extend(end_problem);
            }
        }
    }
    let mut report = String::new();
    for f in failures.iter().chain(&end_mismatches) {
        report.push_str(f);
        report.push('\n');
    }
    for name in &unexpected_passes {
        report.push_str(&format!(
            "{name}: listed in known_failures.txt but matches now\n"
        ));
    }
    println!("checked {checked} snippets against CPython");
    assert!(report.is_empty(), "\n{report}");
}

/// What is wrong with Coro's result, if anything: (a difference in class, message, start or
/// completeness; a difference in the end position only).
fn judge(
    s: &common::Snippet,
    exp: &Expected,
    result: &Result<coro_runtime::syntax::ast::Module, coro_runtime::syntax::SyntaxError>,
) -> (Option<String>, Option<String>) {
    let name = &s.name;
    if s.flags.iter().any(|f| f == "unsupported") {
        return match result {
            Err(e) if e.msg.contains("not supported by Coro") => (None, None),
            Err(e) => (
                Some(format!(
                    "{name}: unsupported feature reported as {:?}",
                    e.msg
                )),
                None,
            ),
            Ok(_) => (
                Some(format!("{name}: unsupported feature was accepted")),
                None,
            ),
        };
    }
    match (exp.stage.as_str(), result) {
        ("ok", Ok(_)) => (None, None),
        ("ok", Err(e)) => (
            Some(format!(
                "{name}: CPython accepts it, Coro says {}: {}",
                e.class_name(),
                e.msg
            )),
            None,
        ),
        ("compiler", Ok(_)) => (None, None),
        (_, Ok(_)) => (
            Some(format!(
                "{name}: Coro accepts it, CPython says {}: {}",
                exp.class, exp.msg
            )),
            None,
        ),
        (stage, Err(e)) => {
            let l = e.location;
            let got_start = format!(
                "{} {}: {} @ {}:{}",
                e.class_name(),
                e.msg,
                "",
                l.lineno,
                l.offset
            );
            let want_start = format!(
                "{} {}: {} @ {}:{}",
                exp.class, exp.msg, "", exp.location[0], exp.location[1]
            );
            if got_start != want_start {
                return (
                    Some(format!(
                        "{name}:\n    coro:    {} {} @ {}:{}-{}:{}\n    cpython: {} {} @ {}:{}-{}:{}",
                        e.class_name(),
                        e.msg,
                        l.lineno,
                        l.offset,
                        l.end_lineno,
                        l.end_offset,
                        exp.class,
                        exp.msg,
                        exp.location[0],
                        exp.location[1],
                        exp.location[2],
                        exp.location[3]
                    )),
                    None,
                );
            }
            if stage == "parser" {
                let want_incomplete = exp.completeness == "incomplete";
                if e.incomplete != want_incomplete {
                    return (
                        Some(format!(
                            "{name}: incomplete is {}, codeop says {}",
                            e.incomplete, exp.completeness
                        )),
                        None,
                    );
                }
            }
            let got_end = format!("{}:{}", l.end_lineno, l.end_offset);
            let want_end = format!("{}:{}", exp.location[2], exp.location[3]);
            if got_end != want_end {
                return (
                    None,
                    Some(format!(
                        "{name}: end {got_end}, CPython {want_end} ({})",
                        e.msg
                    )),
                );
            }
            (None, None)
        }
    }
}
