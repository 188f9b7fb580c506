//! The execution history behind `history_request`, kept in memory for the kernel's life.
//!
//! Entries are `(session, line, input)` triples as IPython's history manager returns them,
//! or `(session, line, [input, output])` when the output is asked for; `line` is the cell's
//! execution count and `session` is always [`SESSION`] (one per process, since nothing is
//! kept on disk). The three access types follow IPython's `HistoryAccessor`:
//! - `tail`: the last `n` entries (10 by default), oldest first.
//! - `range`: lines `start <= line < stop` of a session; session numbers `<= 0` count back
//!   from the current one, as in IPython.
//! - `search`: entries whose input matches a case-sensitive glob (SQLite `GLOB`: `*`, `?`,
//!   `[...]`, `[^...]`), the last `n` of them if `n` is given, each input once if `unique`.
//!
//! What this does not do: persist anything, or number sessions across restarts.

use serde_json::{json, Value};

/// The number of the only session a kernel process has.
pub const SESSION: i64 = 1;

/// One executed cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub line: u64,
    pub input: String,
    /// The `text/plain` of the cell's result, if it had one.
    pub output: Option<String>,
}

/// A history query, as decoded from `history_request`.
#[derive(Clone, Debug, PartialEq)]
pub enum Query {
    Tail {
        n: usize,
    },
    Range {
        session: i64,
        start: i64,
        stop: Option<i64>,
    },
    Search {
        pattern: String,
        n: Option<usize>,
        unique: bool,
    },
    /// An access type we do not know: the answer is empty.
    Unknown,
}

impl Query {
    /// Builds a query from the request's fields with IPython's defaults.
    pub fn from_request(request: &crate::messages::HistoryRequest) -> Query {
        let count = |n: Option<i64>| n.map(|n| n.max(0) as usize);
        match request.hist_access_type.as_str() {
            "tail" => Query::Tail {
                n: count(request.n).unwrap_or(10),
            },
            "range" => Query::Range {
                session: request.session.unwrap_or(0),
                start: request.start.unwrap_or(1),
                stop: request.stop,
            },
            "search" => Query::Search {
                pattern: request.pattern.clone().unwrap_or_else(|| "*".into()),
                n: count(request.n),
                unique: request.unique,
            },
            _ => Query::Unknown,
        }
    }
}

/// Every stored cell of this kernel, in execution order.
#[derive(Debug, Default)]
pub struct History {
    entries: Vec<Entry>,
}

impl History {
    pub fn record(&mut self, line: u64, input: &str, output: Option<String>) {
        self.entries.push(Entry {
            line,
            input: input.to_owned(),
            output,
        });
    }

    /// The entries a query selects, oldest first.
    pub fn select(&self, query: &Query) -> Vec<&Entry> {
        match query {
            Query::Tail { n } => {
                let skip = self.entries.len().saturating_sub(*n);
                self.entries[skip..].iter().collect()
            }
            Query::Range {
                session,
                start,
                stop,
            } => {
                let session = if *session <= 0 {
                    session + SESSION
                } else {
                    *session
                };
                if session != SESSION {
                    return vec![];
                }
                self.entries
                    .iter()
                    .filter(|e| {
                        e.line as i64 >= *start && stop.is_none_or(|stop| (e.line as i64) < stop)
                    })
                    .collect()
            }
            Query::Search { pattern, n, unique } => {
                let pattern: Vec<char> = pattern.chars().collect();
                let mut found: Vec<&Entry> = Vec::new();
                for entry in self
                    .entries
                    .iter()
                    .filter(|e| glob_match(&pattern, &e.input))
                {
                    if *unique {
                        // Keep the latest occurrence of each input, as SQLite's GROUP BY
                        // does with IPython's query.
                        found.retain(|e| e.input != entry.input);
                    }
                    found.push(entry);
                }
                if let Some(n) = n {
                    let skip = found.len().saturating_sub(*n);
                    found.drain(..skip);
                }
                found
            }
            Query::Unknown => vec![],
        }
    }

    /// The `history` list of a `history_reply`.
    pub fn reply(&self, query: &Query, output: bool) -> Vec<Value> {
        self.select(query)
            .into_iter()
            .map(|e| {
                if output {
                    json!([SESSION, e.line, [e.input, e.output]])
                } else {
                    json!([SESSION, e.line, e.input])
                }
            })
            .collect()
    }
}

/// SQLite's GLOB: `*` any run, `?` one character, `[abc]`, `[a-z]`, `[^...]` classes;
/// case-sensitive, no escapes.
pub fn glob_match(pattern: &[char], text: &str) -> bool {
    let text: Vec<char> = text.chars().collect();
    // Iterative matching with backtracking to the last star, linear in practice.
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        let step = match pattern.get(p) {
            Some('*') => {
                star = Some((p, t));
                p += 1;
                continue;
            }
            Some('?') => Some(p + 1),
            Some('[') => class_match(pattern, p, text[t]),
            Some(&c) if c == text[t] => Some(p + 1),
            _ => None,
        };
        match step {
            Some(next) => {
                p = next;
                t += 1;
            }
            None => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// Matches `c` against the class starting at `pattern[open] == '['`; the index after the
/// class if it matches. An unterminated class matches nothing, as in SQLite.
fn class_match(pattern: &[char], open: usize, c: char) -> Option<usize> {
    let mut i = open + 1;
    let negated = pattern.get(i) == Some(&'^');
    if negated {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    loop {
        let &ch = pattern.get(i)?;
        if ch == ']' && !first {
            break;
        }
        first = false;
        if pattern.get(i + 1) == Some(&'-') && pattern.get(i + 2).is_some_and(|&e| e != ']') {
            let end = pattern[i + 2];
            matched |= ch <= c && c <= end;
            i += 3;
        } else {
            matched |= ch == c;
            i += 1;
        }
    }
    (matched != negated).then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history() -> History {
        let mut h = History::default();
        for (line, input) in [
            (1, "a = 1"),
            (2, "a + 1"),
            (3, "print(a)"),
            (4, "a + 1"),
            (5, "b = [a]"),
        ] {
            h.record(line, input, (input == "a + 1").then(|| "2".to_string()));
        }
        h
    }

    fn check(query: Query, expect: &[u64]) {
        let h = history();
        let got: Vec<u64> = h.select(&query).iter().map(|e| e.line).collect();
        assert_eq!(got, expect, "{query:?}");
    }

    #[test]
    fn tail_range_and_search() {
        check(Query::Tail { n: 2 }, &[4, 5]);
        check(Query::Tail { n: 99 }, &[1, 2, 3, 4, 5]);
        check(
            Query::Range {
                session: 0,
                start: 2,
                stop: Some(4),
            },
            &[2, 3],
        );
        check(
            Query::Range {
                session: 1,
                start: 4,
                stop: None,
            },
            &[4, 5],
        );
        check(
            Query::Range {
                session: -1,
                start: 1,
                stop: None,
            },
            &[],
        );
        check(
            Query::Range {
                session: 7,
                start: 1,
                stop: None,
            },
            &[],
        );
        check(
            Query::Search {
                pattern: "a*".into(),
                n: None,
                unique: false,
            },
            &[1, 2, 4],
        );
        check(
            Query::Search {
                pattern: "a + ?".into(),
                n: None,
                unique: true,
            },
            &[4],
        );
        check(
            Query::Search {
                pattern: "*a*".into(),
                n: Some(2),
                unique: false,
            },
            &[4, 5],
        );
        check(
            Query::Search {
                pattern: "*".into(),
                n: None,
                unique: true,
            },
            &[1, 3, 4, 5],
        );
        check(Query::Unknown, &[]);
    }

    #[test]
    fn replies_carry_output_on_request() {
        let h = history();
        let q = Query::Range {
            session: 0,
            start: 2,
            stop: Some(3),
        };
        assert_eq!(h.reply(&q, false), vec![json!([1, 2, "a + 1"])]);
        assert_eq!(h.reply(&q, true), vec![json!([1, 2, ["a + 1", "2"]])]);
    }

    fn glob(pattern: &str, text: &str) -> bool {
        glob_match(&pattern.chars().collect::<Vec<_>>(), text)
    }

    #[test]
    fn glob_follows_sqlite() {
        let cases = [
            ("*", "", true),
            ("a*", "abc", true),
            ("A*", "abc", false),
            ("*c", "abc", true),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            ("[ab]*", "bcd", true),
            ("[^ab]*", "bcd", false),
            ("[a-c]x", "bx", true),
            ("[]]", "]", true),
            ("[a-]", "-", true),
            ("[abc", "a", false),
            ("*a*b*", "xxaxxbxx", true),
            ("*a*b", "xxaxxbxxc", false),
            ("é?", "éa", true),
        ];
        for (pattern, text, want) in cases {
            assert_eq!(glob(pattern, text), want, "{pattern:?} on {text:?}");
        }
    }
}
