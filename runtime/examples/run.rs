//! Runs a file (or stdin) through a session, printing output and errors: a development aid.
use coro_runtime::{Captured, InputError, Outcome, Output, Session, Stream};

struct Term;
impl Output for Term {
    fn stream(&mut self, which: Stream, text: &str) {
        use std::io::Write;
        match which {
            Stream::Stdout => {
                let _ = std::io::stdout().write_all(text.as_bytes());
            }
            Stream::Stderr => {
                let _ = std::io::stderr().write_all(text.as_bytes());
            }
        }
    }
    fn input(&mut self, _p: &str, _pw: bool) -> Result<String, InputError> {
        Err(InputError::Eof)
    }
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let _ = Captured::default();
    let mut s = Session::new();
    let mut out = Term;
    let code = match s.run_script(&path, &text, &mut out) {
        Outcome::Ok { .. } => 0,
        Outcome::Error(e) => {
            eprint!("{}", e.render());
            1
        }
    };
    s.shutdown(&mut out);
    std::process::exit(code);
}
