//! The parser never panics and never overflows the stack, whatever the input.
//!
//! Inputs: every prefix of the course examples and benchmark programs (the shapes a
//! notebook cell has while it is being typed), deterministic pseudo-random sequences of
//! Python fragments, and pathological nesting. Each must give `Ok` or a `SyntaxError`.
//! The nesting cases also pin down which side of Coro's limits they fall.

mod common;

use coro_runtime::syntax::parse;

/// Parses on a thread with a 2 MiB stack (a typical worker thread) and reports the outcome:
/// `Ok(())` or the error message.
fn outcome(source: &str) -> Result<(), String> {
    let source = source.to_string();
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || parse(&source).map(|_| ()).map_err(|e| e.msg))
        .expect("spawn")
        .join()
        .expect("the parser panicked")
}

#[test]
fn prefixes_of_real_programs() {
    let mut sources = common::bench_programs();
    sources.extend(common::seed_examples());
    assert!(!sources.is_empty());
    let mut count = 0;
    for (name, text) in &sources {
        let text = text.clone();
        let name = name.clone();
        let handle = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                let mut n = 0;
                for (i, _) in text
                    .char_indices()
                    .chain(std::iter::once((text.len(), ' ')))
                {
                    let _ = parse(&text[..i]);
                    n += 1;
                }
                n
            })
            .expect("spawn");
        count += handle
            .join()
            .unwrap_or_else(|_| panic!("the parser panicked on a prefix of {name}"));
    }
    assert!(count > 1000);
}

/// A small deterministic generator (a linear congruential one).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", "'", "\"", "'''", "f'", "f\"{", "{x}", "!r", ":>", "\\", "\n",
    "\n", "    ", "\t", "  ", "if", "elif", "else", "for", "in", "while", "lambda", ":", ",", ";",
    "*", "**", "=", "==", ":=", "+=", "->", "yield", "from", "await", "async", "def", "class", "x",
    "y", "_", "1", "0x", "1e", "1_", "07", "1.5j", "#", ".", "...", "@", "-", "~", "not", "and",
    "or", "is", "print", " ", " ", "match", "case", "try", "except", "finally", "with", "as",
    "import", "return", "del", "global", "pass", "b'", "é", "€", "\u{a0}", "\r\n", "/", "%", "<",
    ">", "!", "$", "?", "None", "True",
];

#[test]
fn random_fragment_soup() {
    let mut rng = Lcg(0x5eed);
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            for _ in 0..20_000 {
                let len = 1 + rng.next() % 60;
                let mut text = String::new();
                for _ in 0..len {
                    text.push_str(FRAGMENTS[rng.next() % FRAGMENTS.len()]);
                }
                let _ = parse(&text);
            }
        })
        .expect("spawn");
    handle.join().expect("the parser panicked on random input");
}

#[test]
fn random_bytes() {
    let mut rng = Lcg(42);
    for _ in 0..5_000 {
        let len = rng.next() % 80;
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() % 128) as u8).collect();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let _ = outcome(&text);
    }
}

#[test]
fn mutated_programs() {
    let mut rng = Lcg(7);
    let programs = common::bench_programs();
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            for (_, text) in &programs {
                let chars: Vec<char> = text.chars().collect();
                for _ in 0..300 {
                    let mut mutated = chars.clone();
                    for _ in 0..1 + rng.next() % 3 {
                        let at = rng.next() % mutated.len().max(1);
                        match rng.next() % 3 {
                            0 => {
                                mutated.remove(at.min(mutated.len().saturating_sub(1)));
                            }
                            1 => {
                                let frag = FRAGMENTS[rng.next() % FRAGMENTS.len()];
                                for (k, c) in frag.chars().enumerate() {
                                    mutated.insert((at + k).min(mutated.len()), c);
                                }
                            }
                            _ => {
                                let a = at.min(mutated.len());
                                let b = (a + rng.next() % 20).min(mutated.len());
                                mutated.drain(a..b);
                            }
                        }
                    }
                    let s: String = mutated.into_iter().collect();
                    let _ = parse(&s);
                }
            }
        })
        .expect("spawn");
    handle
        .join()
        .expect("the parser panicked on a mutated program");
}

fn check(source: String, expect: Result<(), &str>) {
    let got = outcome(&source);
    let shown: String = source.chars().take(40).collect();
    assert_eq!(got, expect.map_err(String::from), "parsing {shown:?}...");
}

#[test]
fn deep_nesting() {
    let deep = "expression too deeply nested";
    check(format!("{}1", "-".repeat(100_000)), Err(deep));
    check(format!("{}x", "not ".repeat(100_000)), Err(deep));
    check(
        format!("{}x", "await ".repeat(50_000)),
        Err("invalid syntax"),
    );
    check(format!("x{}", ".a".repeat(100_000)), Err(deep));
    check(format!("x{}", "[0]".repeat(100_000)), Err(deep));
    check(format!("f{}", "()".repeat(100_000)), Err(deep));
    check(format!("{}1", "1+".repeat(100_000)), Err(deep));
    check(format!("{}1", "2**".repeat(100_000)), Err(deep));
    check(format!("{}c", "a if b else ".repeat(20_000)), Err(deep));
    check(format!("{}1", "lambda: ".repeat(20_000)), Err(deep));
    check(
        format!("{}1", "x := ".repeat(20_000)),
        Err("invalid syntax"),
    );
    check(
        format!("{}1", "yield ".repeat(20_000)),
        Err("invalid syntax"),
    );
    check(format!("{}x", "*".repeat(20_000)), Err("invalid syntax"));
    check(
        format!("{}1{}", "(".repeat(300), ")".repeat(300)),
        Err("too many nested parentheses"),
    );
    check(format!("{}1{}", "(".repeat(199), ")".repeat(199)), Ok(()));
    check(format!("{}{}", "[".repeat(199), "]".repeat(199)), Ok(()));
    check(format!("{}{}", "{".repeat(199), "}".repeat(199)), Ok(()));
    check(format!("{}1", "-".repeat(500)), Ok(()));
    check(format!("x{}", ".a".repeat(500)), Ok(()));
    check(format!("{}1", "1+".repeat(500)), Ok(()));
    check(format!("x = {}1", "a < ".repeat(50_000)), Ok(()));
    check(format!("x = {}1", "a and ".repeat(50_000)), Ok(()));
    check(format!("x = {}1", "1, ".repeat(50_000)), Ok(()));
    check(format!("x = {}", "'s' ".repeat(50_000)), Ok(()));
    check(format!("{}x = 1", "a = ".repeat(50_000)), Ok(()));
    check(
        format!("{}{}", "f'{".repeat(3), "}'".repeat(3)),
        Err("f-string: expecting '}'"),
    );
    // Statements nest through indentation, which the lexer limits to 100 levels.
    let mut nested = String::new();
    for i in 0..120 {
        nested.push_str(&" ".repeat(i));
        nested.push_str("if x:\n");
    }
    nested.push_str(&" ".repeat(120));
    nested.push_str("pass\n");
    check(nested, Err("too many levels of indentation"));
    let mut nested = String::new();
    for i in 0..90 {
        nested.push_str(&" ".repeat(i));
        nested.push_str("if x:\n");
    }
    nested.push_str(&" ".repeat(90));
    nested.push_str("pass\n");
    check(nested, Ok(()));
}
