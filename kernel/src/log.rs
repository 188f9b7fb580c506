//! A few lines of logging to stderr, where Jupyter servers collect a kernel's log.
//!
//! The level comes from the `CORO_LOG` environment variable (`error`, `warn`, `info` or
//! `debug`; `warn` when unset). Use the [`log_warn!`](crate::log_warn) family of macros.
//! This is deliberately not a logging framework: no targets, no formatting options.

use std::sync::OnceLock;

/// How much to log, from least to most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Error,
    Warn,
    Info,
    Debug,
}

impl Level {
    fn name(self) -> &'static str {
        match self {
            Level::Error => "ERROR",
            Level::Warn => "WARN",
            Level::Info => "INFO",
            Level::Debug => "DEBUG",
        }
    }

    fn parse(text: &str) -> Option<Level> {
        match text.trim().to_ascii_lowercase().as_str() {
            "error" => Some(Level::Error),
            "warn" | "warning" => Some(Level::Warn),
            "info" => Some(Level::Info),
            "debug" => Some(Level::Debug),
            _ => None,
        }
    }
}

fn max_level() -> Level {
    static LEVEL: OnceLock<Level> = OnceLock::new();
    *LEVEL.get_or_init(|| {
        std::env::var("CORO_LOG")
            .ok()
            .and_then(|v| Level::parse(&v))
            .unwrap_or(Level::Warn)
    })
}

/// Whether messages at `level` are written.
pub fn enabled(level: Level) -> bool {
    level <= max_level()
}

/// Writes one log line if `level` is enabled. Errors writing to stderr are ignored: a kernel
/// whose log is closed must keep serving.
pub fn write(level: Level, args: std::fmt::Arguments<'_>) {
    if enabled(level) {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "[coro {}] {}", level.name(), args);
    }
}

/// Logs at error level.
#[macro_export]
macro_rules! log_error {
    ($($arg:tt)*) => { $crate::log::write($crate::log::Level::Error, format_args!($($arg)*)) };
}

/// Logs at warn level.
#[macro_export]
macro_rules! log_warn {
    ($($arg:tt)*) => { $crate::log::write($crate::log::Level::Warn, format_args!($($arg)*)) };
}

/// Logs at info level.
#[macro_export]
macro_rules! log_info {
    ($($arg:tt)*) => { $crate::log::write($crate::log::Level::Info, format_args!($($arg)*)) };
}

/// Logs at debug level.
#[macro_export]
macro_rules! log_debug {
    ($($arg:tt)*) => { $crate::log::write($crate::log::Level::Debug, format_args!($($arg)*)) };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: Option<Level>) {
        assert_eq!(Level::parse(input), expect, "parsing {input:?}");
    }

    #[test]
    fn levels_parse_case_insensitively() {
        check("debug", Some(Level::Debug));
        check(" WARN ", Some(Level::Warn));
        check("warning", Some(Level::Warn));
        check("Info", Some(Level::Info));
        check("error", Some(Level::Error));
        check("loud", None);
    }
}
