//! Coro's runtime: a compact coroutine language that is a strict subset of Python 3, on a
//! bytecode VM whose generators survive between notebook cells.
//!
//! # Brief overview
//!
//! The only entry point is [`Session`]: `execute` takes the text of a cell and returns an
//! [`Outcome`] (the repr of a final expression, or an [`ErrorReport`] in CPython's traceback
//! format). Everything the program prints goes through the [`Output`] callbacks the host passes
//! in; the runtime does no IO of its own. [`Interrupt`] lets another thread stop a running cell
//! with `KeyboardInterrupt`.
//!
//! # Example
//!
//! ```
//! use coro_runtime::{Captured, Session};
//!
//! let mut session = Session::new();
//! let mut out = Captured::default();
//! session.execute("<cell 1>", "def g():\n    yield 1\nit = g()", &mut out);
//! let outcome = session.execute("<cell 2>", "next(it)", &mut out);
//! # let _ = outcome;
//! ```

mod builtins;
mod bytecode;
mod compile;
mod error;
pub mod host;
mod object;
mod session;
mod source;
mod stdlib;
pub mod syntax;
mod vm;

pub use host::{Captured, InputError, Interrupt, MimeBundle, Output, Stream};
pub use session::{Completeness, Completion, ErrorReport, GeneratorInfo, Outcome, Session};
