//! Fuzzing the whole pipeline (lexer, parser, compiler, VM, builtins) for panics and hangs.
//!
//! # Brief overview
//!
//! Every input runs through a fresh [`Session`] as the conformance harness runs a program (cells
//! split on `# %%`, then `shutdown`), on a worker thread with a small native stack. A run must
//! end with normal output or a Python exception. A Rust panic, a stack overflow (which aborts
//! the test process) or a run that does not stop is a failure. A run gets a time budget: when it
//! is spent, a watchdog triggers the session's [`Interrupt`], which turns a genuine infinite loop
//! into `KeyboardInterrupt`; a run that still does not stop soon after is a hang.
//!
//! The inputs are:
//! - prefix truncations of every program of `tests/conformance` and of the course examples
//!   (the shapes a cell has while it is being typed);
//! - byte-level mutations of those programs: deletions, duplications, swapped tokens, random
//!   bytes (invalid UTF-8 arrives as the replacement character, as it would from a frontend),
//!   inserted fragments, `\x00`, huge number literals, changed indentation, renamed names;
//! - pathological programs: deep nesting of brackets, `def`s and blocks, very long lines,
//!   huge literals, and runtime abuse (recursion through special methods, deep `yield from`
//!   chains, mutation during iteration, huge allocations).
//!
//! Everything is deterministic: the pseudo-random generator has a fixed seed.
//!
//! # Modes
//!
//! - `cargo test -p coro-runtime --test fuzz` is the quick mode for CI (a few seconds): a sample
//!   of the prefixes and mutations, and every pathological program.
//! - `cargo test --release -p coro-runtime --test fuzz -- --ignored --nocapture` is the long
//!   mode: every prefix of every program, then mutations until `FUZZ_SECONDS` (default 300) have
//!   passed. `FUZZ_SEED` changes the seed. Before each run the input is written to
//!   `target/fuzz-current-<test>.py` (and its description to `.txt`), so when a stack overflow aborts the process that file holds the
//!   culprit; a panic or hang is reported with its input written to `target/fuzz-failure-*.py`.
//!
//! What it deliberately does not do: compare output with CPython (the conformance corpus does
//! that, including for the robustness programs in `tests/conformance/robustness`) or run the
//! `coro` binary (`kernel/tests/cli_fuzz.rs` feeds it raw bytes).

mod common;
#[path = "fuzz/programs.rs"]
mod programs;

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use programs::{pathological, FRAGMENTS, NUMBERS};

use coro_runtime::{InputError, Interrupt, Outcome, Output, Session, Stream};

/// The native stack of the thread a run uses: small, so that unbounded native recursion shows
/// up quickly (the runtime grows its own stack for deep Python recursion).
const RUN_STACK_BYTES: usize = 4 << 20;

/// How long one run may take before the watchdog interrupts it.
const SOFT_LIMIT: Duration = Duration::from_secs(2);

/// Runs longer than this are listed with `FUZZ_VERBOSE=1`.
const SLOW: Duration = Duration::from_millis(30);

/// How long a run may take after the interrupt before it counts as a hang.
const HARD_LIMIT: Duration = Duration::from_secs(20);

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (which must not be zero).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// An `Output` that counts what is printed and keeps only the start of it, so that a program
/// printing in a loop until the watchdog fires does not fill the memory.
#[derive(Default)]
struct Sink {
    bytes: usize,
    head: String,
}

impl Output for Sink {
    fn stream(&mut self, _which: Stream, text: &str) {
        self.bytes += text.len();
        if self.head.len() < 4096 {
            self.head.push_str(text);
        }
    }

    fn input(&mut self, _prompt: &str, _password: bool) -> Result<String, InputError> {
        Err(InputError::Eof)
    }
}

/// How a run ended, when it ended acceptably: every cell and the shutdown completed.
#[derive(Debug)]
struct Ending {
    /// How many cells raised.
    errors: usize,
}

/// Splits a program into cells as the conformance harness does.
fn split_cells(source: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut current = String::new();
    for line in source.split_inclusive('\n') {
        if line.strip_suffix('\n').unwrap_or(line) == "# %%" {
            cells.push(std::mem::take(&mut current));
        } else {
            current.push_str(line);
        }
    }
    cells.push(current);
    cells
}

/// Runs one program in a fresh session on the current thread; checks the shape of every error
/// report. `ready` receives the interrupt handle before anything runs.
fn run_here(source: &str, ready: &mpsc::Sender<Interrupt>) -> Result<Ending, String> {
    let mut session = Session::new();
    let _ = ready.send(session.interrupt_handle());
    let mut out = Sink::default();
    let mut errors = 0;
    for (index, cell) in split_cells(source).iter().enumerate() {
        match session.execute(&format!("<cell {}>", index + 1), cell, &mut out) {
            Outcome::Ok { .. } => {}
            Outcome::Error(report) => {
                errors += 1;
                check_report(&report.ename, &report.render())?;
            }
        }
    }
    session.shutdown(&mut out);
    Ok(Ending { errors })
}

/// An error report must name a Python exception and end with its final line, as CPython's do.
fn check_report(ename: &str, text: &str) -> Result<(), String> {
    let plausible = !ename.is_empty()
        && ename
            .split('.')
            .all(|part| part.chars().all(|c| c.is_alphanumeric() || c == '_'));
    if !plausible || ename == "InternalError" {
        return Err(format!("implausible exception name {ename:?}:\n{text}"));
    }
    if !text.ends_with('\n') || !text.lines().any(|line| line.starts_with(ename)) {
        return Err(format!("a report without its `{ename}` line:\n{text}"));
    }
    Ok(())
}

/// What went wrong with one run.
struct Failure {
    what: String,
    /// Whether the run never stopped (its thread is still running).
    hung: bool,
}

/// Runs one program on a worker thread with a watchdog.
fn run(source: &str) -> Result<Ending, Failure> {
    let failure = |what: String| Failure { what, hung: false };
    let (ready_tx, ready_rx) = mpsc::channel();
    let (done_tx, done_rx) = mpsc::channel();
    let text = source.to_string();
    let spawned = thread::Builder::new()
        .name("fuzz-run".into())
        .stack_size(RUN_STACK_BYTES)
        .spawn(move || {
            let result = panic::catch_unwind(AssertUnwindSafe(|| run_here(&text, &ready_tx)));
            let _ = done_tx.send(result.map_err(|payload| panic_text(payload.as_ref())));
        });
    if let Err(e) = spawned {
        return Err(failure(format!("cannot spawn a thread: {e}")));
    }
    let started = Instant::now();
    let interrupt = ready_rx.recv_timeout(HARD_LIMIT).ok();
    let mut interrupted = false;
    loop {
        match done_rx.recv_timeout(Duration::from_millis(20)) {
            Ok(Ok(Ok(ending))) => return Ok(ending),
            Ok(Ok(Err(bad))) => return Err(failure(bad)),
            Ok(Err(panic)) => return Err(failure(format!("the runtime panicked: {panic}"))),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(failure("the run thread died".into()))
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        let elapsed = started.elapsed();
        if elapsed >= SOFT_LIMIT && !interrupted {
            if let Some(interrupt) = &interrupt {
                interrupt.trigger();
            }
            interrupted = true;
        } else if interrupted && elapsed >= SOFT_LIMIT {
            // Keep interrupting: a program may catch `KeyboardInterrupt` and carry on, and the
            // shutdown step runs finalizers that may loop too.
            if let Some(interrupt) = &interrupt {
                interrupt.trigger();
            }
        }
        if elapsed >= SOFT_LIMIT + HARD_LIMIT {
            return Err(Failure {
                what: format!(
                    "the run did not stop {} s after being interrupted",
                    HARD_LIMIT.as_secs()
                ),
                hung: true,
            });
        }
    }
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(a panic without a message)".into()
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs.

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every program of the conformance corpus, then the course examples, by name.
fn real_programs() -> Vec<(String, String)> {
    let root = repo_root().join("tests/conformance");
    let mut found = Vec::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                if let Ok(text) = fs::read_to_string(&path) {
                    let name = path.strip_prefix(&root).unwrap_or(&path);
                    found.push((name.display().to_string(), text));
                }
            }
        }
    }
    found.sort();
    found.extend(common::seed_examples());
    found
}

/// Splits text into crude tokens: identifier runs, digit runs, whitespace runs, single other
/// characters.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let class = |c: char| {
            if c.is_alphanumeric() || c == '_' {
                0
            } else if c == ' ' || c == '\t' {
                1
            } else {
                2
            }
        };
        let k = class(c);
        let mut j = i + 1;
        if k != 2 {
            while j < chars.len() && class(chars[j].1) == k {
                j += 1;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
        out.push((start, end));
        i = j;
    }
    out
}

/// The byte offset of the character boundary at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One random mutation of `text`; its description and the result as bytes.
fn mutate(rng: &mut Rng, text: &str) -> (String, Vec<u8>) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let at = if len == 0 { 0 } else { rng.below(len + 1) };
    let toks = tokens(text);
    let mut out = bytes.to_vec();
    let what = match rng.below(11) {
        0 => {
            let n = 1 + rng.below(24);
            let end = (at + n).min(len);
            out.drain(at..end);
            format!("delete {at}..{end}")
        }
        1 => {
            let n = 1 + rng.below(80);
            let end = (at + n).min(len);
            let copy = bytes[at..end].to_vec();
            let times = 1 + rng.below(3);
            for _ in 0..times {
                out.splice(end..end, copy.iter().copied());
            }
            format!("duplicate {at}..{end} x{times}")
        }
        2 if toks.len() >= 2 => {
            let a = toks[rng.below(toks.len())];
            let b = toks[rng.below(toks.len())];
            let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
            if first.1 <= second.0 {
                let mut v = Vec::new();
                v.extend_from_slice(&bytes[..first.0]);
                v.extend_from_slice(&bytes[second.0..second.1]);
                v.extend_from_slice(&bytes[first.1..second.0]);
                v.extend_from_slice(&bytes[first.0..first.1]);
                v.extend_from_slice(&bytes[second.1..]);
                out = v;
            }
            format!("swap tokens at {} and {}", first.0, second.0)
        }
        3 => {
            let n = 1 + rng.below(8);
            let noise: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            out.splice(at..at, noise.iter().copied());
            format!("insert {n} random bytes at {at}")
        }
        4 | 5 => {
            let fragment = rng.pick(FRAGMENTS);
            out.splice(at..at, fragment.bytes());
            format!("insert {fragment:?} at {at}")
        }
        6 => {
            let digits: Vec<&(usize, usize)> = toks
                .iter()
                .filter(|&&(s, _)| bytes[s].is_ascii_digit())
                .collect();
            let number = rng.pick(NUMBERS);
            if let Some(&&(s, e)) = digits.get(rng.below(digits.len().max(1))) {
                out.splice(s..e, number.bytes());
                format!("replace the number at {s} by {number}")
            } else {
                "no number to replace".into()
            }
        }
        7 => {
            out.insert(at, 0);
            format!("insert NUL at {at}")
        }
        8 => {
            // Change the indentation of one line.
            let line_start = bytes[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            if rng.below(2) == 0 {
                out.splice(line_start..line_start, b"    ".iter().copied());
                format!("indent the line at {line_start}")
            } else {
                let spaces = bytes[line_start..]
                    .iter()
                    .take_while(|&&b| b == b' ')
                    .count()
                    .min(4);
                out.drain(line_start..line_start + spaces);
                format!("dedent the line at {line_start}")
            }
        }
        9 => {
            let names: Vec<&(usize, usize)> = toks
                .iter()
                .filter(|&&(s, _)| bytes[s].is_ascii_alphabetic() || bytes[s] == b'_')
                .collect();
            if names.len() >= 2 {
                let &(s, e) = names[rng.below(names.len())];
                let &(s2, e2) = names[rng.below(names.len())];
                out.splice(s..e, bytes[s2..e2].iter().copied());
                format!("rename the name at {s} to {}", &text[s2..e2])
            } else {
                "no names to rename".into()
            }
        }
        _ => {
            let cut = floor_boundary(text, at);
            out.truncate(cut);
            format!("truncate at {cut}")
        }
    };
    (what, out)
}

/// The inputs of a campaign, addressable by index, so that a fresh process can resume right
/// after the input that killed its predecessor.
struct Plan {
    programs: Vec<(String, String)>,
    pathological: Vec<(String, String)>,
    /// (program index, byte offset) of every prefix in the plan.
    prefixes: Vec<(usize, usize)>,
    /// How many mutated inputs follow the prefixes.
    mutations: usize,
    /// How many mutations are stacked on one input, at most.
    depth: usize,
    seed: u64,
}

impl Plan {
    /// The quick plan for CI: every pathological program, a sample of the prefixes, and two
    /// single mutations per program.
    fn quick(seed: u64) -> Plan {
        let programs = real_programs();
        let mut rng = Rng(seed);
        let mut prefixes = Vec::new();
        for (index, (_, text)) in programs.iter().enumerate() {
            if index % 4 == 0 {
                prefixes.extend(
                    cut_points(&mut rng, text, Some(2))
                        .into_iter()
                        .map(|c| (index, c)),
                );
            }
        }
        Plan {
            mutations: programs.len() * 2,
            programs,
            pathological: pathological(),
            prefixes,
            depth: 1,
            seed,
        }
    }

    /// The long plan: every prefix of every program, then stacked mutations without end.
    fn long(seed: u64) -> Plan {
        let programs = real_programs();
        let mut rng = Rng(seed);
        let mut prefixes = Vec::new();
        if std::env::var("FUZZ_SKIP_PREFIXES").is_err() {
            for (index, (_, text)) in programs.iter().enumerate() {
                prefixes.extend(
                    cut_points(&mut rng, text, None)
                        .into_iter()
                        .map(|c| (index, c)),
                );
            }
        }
        Plan {
            programs,
            pathological: pathological(),
            prefixes,
            mutations: usize::MAX / 2,
            depth: 4,
            seed,
        }
    }

    fn len(&self) -> usize {
        self.pathological.len() + self.prefixes.len() + self.mutations
    }

    /// The name and text of input number `index`.
    fn case(&self, index: usize) -> (String, String) {
        if let Some((name, text)) = self.pathological.get(index) {
            return (name.clone(), text.clone());
        }
        let index = index - self.pathological.len();
        if let Some(&(program, cut)) = self.prefixes.get(index) {
            let (name, text) = &self.programs[program];
            return (format!("{name} cut at {cut}"), text[..cut].to_string());
        }
        let mut rng = Rng(self.seed ^ (index as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
        let (name, text) = rng.pick(&self.programs);
        let mut bytes = text.as_bytes().to_vec();
        let mut steps = Vec::new();
        for _ in 0..1 + rng.below(self.depth) {
            let current = String::from_utf8_lossy(&bytes).into_owned();
            let (what, next) = mutate(&mut rng, &current);
            steps.push(what);
            bytes = next;
        }
        (
            format!("{name}: {}", steps.join(", ")),
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }
}

/// The character boundaries of `text` at which to cut prefixes: all of them, or `sample` picked
/// at random plus the end of every tenth line.
fn cut_points(rng: &mut Rng, text: &str, sample: Option<usize>) -> Vec<usize> {
    let all: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    match sample {
        None => all,
        Some(n) => {
            let mut cuts: Vec<usize> = (0..n).map(|_| *rng.pick(&all)).collect();
            cuts.extend(text.match_indices('\n').map(|(i, _)| i).step_by(10));
            cuts.sort_unstable();
            cuts.dedup();
            cuts
        }
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn now_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Writes a failing input to `target/fuzz-failure-<n>.py`; the report line.
fn report_failure(index: usize, name: &str, what: &str, source: &str) -> String {
    let dir = repo_root().join("target");
    let _ = fs::create_dir_all(&dir);
    let path = dir.join(format!("fuzz-failure-{index}.py"));
    let _ = fs::write(&path, source);
    format!("case {index} ({name}): {what}\n  input: {}", path.display())
}

/// The body of the child process: runs the plan from `FUZZ_FROM` until its end or until the
/// `FUZZ_DEADLINE` (seconds since the epoch), writing the index of every input to the progress
/// file before running it. A failure is printed as a `FAILURE` line; after a hang the process
/// exits, because the stuck thread would slow every later run.
#[test]
#[ignore = "the child process of `quick` and `long`; not a test on its own"]
fn fuzz_child() {
    let Ok(progress) = std::env::var("FUZZ_PROGRESS") else {
        return;
    };
    let seed = env_number("FUZZ_SEED", DEFAULT_SEED);
    let plan = match std::env::var("FUZZ_PLAN").as_deref() {
        Ok("long") => Plan::long(seed),
        _ => Plan::quick(seed),
    };
    let deadline = env_number("FUZZ_DEADLINE", u64::MAX);
    let mut index = env_number("FUZZ_FROM", 0) as usize;
    let mut log = fs::File::create(&progress).expect("cannot write the progress file");
    let first = index;
    let mut raised = 0;
    while index < plan.len() && now_seconds() < deadline {
        use std::io::Write as _;
        let _ = writeln!(log, "{index}");
        let _ = log.flush();
        let (name, text) = plan.case(index);
        let started = Instant::now();
        let result = run(&text);
        if started.elapsed() > SLOW {
            println!(
                "SLOW case {index} ({name}): {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
        if let Ok(ending) = &result {
            raised += ending.errors;
        }
        if let Err(failure) = result {
            let line = report_failure(index, &name, &failure.what, &text).replace('\n', "\n  ");
            println!("FAILURE {line}");
            if failure.hung {
                std::process::exit(3);
            }
        }
        index += 1;
    }
    println!("RAISED {raised}");
    let _ = fs::write(&progress, format!("done {}\n", index - first));
}

/// Runs a plan in child processes until it is done; how many inputs ran, how many cells raised
/// a Python exception (in children that finished), and the failures. A child that dies (a stack
/// overflow or an abort) is replaced by a fresh one that starts after the input that killed it.
fn supervise(plan_name: &str, plan: &Plan, deadline: u64) -> (usize, usize, Vec<String>) {
    let exe = std::env::current_exe().expect("no test executable");
    let progress = repo_root().join(format!("target/fuzz-progress-{plan_name}.txt"));
    let mut failures = Vec::new();
    let mut from = 0usize;
    let mut runs = 0usize;
    let mut raised = 0usize;
    loop {
        let output = std::process::Command::new(&exe)
            .args([
                "fuzz_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("FUZZ_PROGRESS", &progress)
            .env("FUZZ_PLAN", plan_name)
            .env("FUZZ_FROM", from.to_string())
            .env("FUZZ_DEADLINE", deadline.to_string())
            .env("FUZZ_SEED", plan.seed.to_string())
            .output()
            .expect("cannot start the child process");
        let stdout = String::from_utf8_lossy(&output.stdout);
        for line in stdout.lines() {
            if line.starts_with("SLOW ") && std::env::var("FUZZ_VERBOSE").is_ok() {
                println!("{line}");
            }
            if let Some(count) = line.strip_prefix("RAISED ") {
                raised += count.parse::<usize>().unwrap_or(0);
            }
            if let Some(failure) = line.strip_prefix("FAILURE ") {
                println!("FAILURE {failure}");
                failures.push(failure.to_string());
            }
        }
        let text = fs::read_to_string(&progress).unwrap_or_default();
        let last = text.lines().last().unwrap_or("");
        if let Some(count) = last.strip_prefix("done ") {
            runs += count.parse::<usize>().unwrap_or(0);
            break;
        }
        let Ok(died_at) = last.parse::<usize>() else {
            failures.push(format!(
                "the child process failed before running anything:\n{}",
                String::from_utf8_lossy(&output.stderr)
            ));
            break;
        };
        runs += died_at + 1 - from;
        if output.status.code() != Some(3) {
            // Not a reported hang: the process died while running this input.
            let (name, source) = plan.case(died_at);
            let stderr = String::from_utf8_lossy(&output.stderr);
            let tail: Vec<&str> = stderr.lines().rev().take(3).collect();
            let what = format!(
                "the process died ({}): {}",
                output.status,
                tail.into_iter().rev().collect::<Vec<_>>().join(" / ")
            );
            let line = report_failure(died_at, &name, &what, &source);
            println!("FAILURE {line}");
            failures.push(line);
        }
        if now_seconds() >= deadline {
            break;
        }
        from = died_at + 1;
    }
    (runs, raised, failures)
}

const DEFAULT_SEED: u64 = 0x00c0_ffee;

/// The quick mode, for CI: a few seconds.
#[test]
fn quick() {
    let plan = Plan::quick(env_number("FUZZ_SEED", DEFAULT_SEED));
    assert!(plan.programs.len() > 100, "the corpus was not found");
    let (runs, raised, failures) = supervise("quick", &plan, u64::MAX);
    println!(
        "quick fuzz: {runs} runs, {raised} cells raised, {} failures",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The long mode: every prefix of every program, then stacked mutations until `FUZZ_SECONDS`
/// (default 300) have passed.
#[test]
#[ignore = "minutes long; run with --ignored --nocapture"]
fn long() {
    let seconds = env_number("FUZZ_SECONDS", 300);
    let plan = Plan::long(env_number("FUZZ_SEED", DEFAULT_SEED));
    let (runs, raised, failures) = supervise("long", &plan, now_seconds() + seconds);
    println!(
        "long fuzz: about {runs} runs, {raised} cells raised, {} failures",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[&str]) {
        let got: Vec<&str> = tokens(input).iter().map(|&(s, e)| &input[s..e]).collect();
        assert_eq!(got, expect, "tokens({input:?})");
    }

    #[test]
    fn tokens_split_words_spaces_and_marks() {
        check("def f(x):", &["def", " ", "f", "(", "x", ")", ":"]);
        check("  é1 +=\n", &["  ", "é1", " ", "+", "=", "\n"]);
        check("", &[]);
    }

    #[test]
    fn mutations_are_deterministic() {
        let text = "def g():\n    yield 1\nprint(list(g()))\n";
        let a: Vec<_> = (0..50)
            .map(|_| ())
            .scan(Rng(1), |r, _| Some(mutate(r, text)))
            .collect();
        let b: Vec<_> = (0..50)
            .map(|_| ())
            .scan(Rng(1), |r, _| Some(mutate(r, text)))
            .collect();
        assert_eq!(a, b);
    }
}
