//! The `File` line, source line and caret line of a `SyntaxError` (and its subclasses
//! `IndentationError` and `TabError`), as each of CPython 3.11's printers writes them.
//!
//! - The interpreter's display (`print_exception_file_and_line`, `parse_syntax_error` and
//!   `print_error_text` in `Python/pythonrun.c`) prints every `SyntaxError` a cell or script
//!   fails to compile with, and every one in a script. It ignores `end_offset` for the
//!   subclasses (one caret), prints no caret when the offset falls in the indentation, and
//!   counts a character offset against the line's UTF-8 bytes.
//! - The `traceback` module (`TracebackException._format_syntax_error` in
//!   `Lib/traceback.py`) prints a `SyntaxError` raised by running code in a cell.
//!
//! What this module does not do: read the attributes off the exception (the caller passes
//! them as [`SyntaxDetails`]) or print the final `SyntaxError: msg` line.

use crate::builtins::chars::is_space;

/// The attributes of a `SyntaxError` that locate it; `None` where the attribute is `None` (or
/// not an integer or string).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyntaxDetails {
    pub filename: Option<String>,
    pub lineno: Option<i64>,
    pub offset: Option<i64>,
    pub end_lineno: Option<i64>,
    pub end_offset: Option<i64>,
    pub text: Option<String>,
    /// Whether the exception's class is `SyntaxError` itself, not a subclass.
    pub exact: bool,
}

/// What the interpreter's display prints before `Type: msg`; `None` when it prints no `File`
/// line at all (no line number).
pub fn interpreter_text(d: &SyntaxDetails) -> Option<String> {
    let lineno = d.lineno?;
    let filename = d.filename.as_deref().unwrap_or("<string>");
    let mut out = format!("  File \"{filename}\", line {lineno}\n");
    let offset = d.offset.unwrap_or(-1);
    let (end_lineno, mut end_offset) = if d.exact {
        (d.end_lineno.unwrap_or(lineno), d.end_offset.unwrap_or(-1))
    } else {
        (lineno, -1)
    };
    if let Some(text) = &d.text {
        let line_size = text.len() as i64;
        if end_lineno > lineno {
            end_offset = line_size;
        }
        if end_offset > line_size + 1 {
            end_offset = line_size + 1;
        }
        out.push_str(&print_error_text(offset, end_offset, text));
    }
    Some(out)
}

/// `print_error_text`: the line (without its indentation) and the carets.
fn print_error_text(offset: i64, end_offset: i64, text: &str) -> String {
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let bytes = text.as_bytes();
    let mut offset = offset - 1;
    let mut t = 0;
    while t < bytes.len() && matches!(bytes[t], b' ' | b'\t' | b'\x0c') {
        t += 1;
        offset -= 1;
    }
    let mut len = (bytes.len() - t) as i64;
    if len > 0 && bytes[t + len as usize - 1] == b'\n' {
        len -= 1;
    }
    offset = offset.min(len);
    // Skip past lines before the one the offset is in.
    while let Some(nl) = bytes[t..].iter().position(|&b| b == b'\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        t += nl + 1;
        len -= inl + 1;
        offset -= inl + 1;
    }
    let mut out = String::from("    ");
    out.push_str(&text[t..]);
    if bytes.get(t + len.max(0) as usize) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return out;
    }
    out.push_str("    ");
    out.extend(std::iter::repeat_n(' ', offset as usize));
    out.extend(std::iter::repeat_n('^', carets.max(0) as usize));
    out.push('\n');
    out
}

/// What `TracebackException._format_syntax_error` yields before `Type: msg`, and the suffix
/// it puts after the message (` (filename)` when there is no line number).
pub fn module_text(d: &SyntaxDetails) -> (String, String) {
    let mut out = String::new();
    let mut suffix = String::new();
    match (d.lineno, &d.filename) {
        (Some(lineno), filename) => {
            let filename = filename.as_deref().filter(|f| !f.is_empty());
            let filename = filename.unwrap_or("<string>");
            out.push_str(&format!("  File \"{filename}\", line {lineno}\n"));
        }
        (None, Some(filename)) => suffix = format!(" ({filename})"),
        (None, None) => {}
    }
    let Some(text) = &d.text else {
        return (out, suffix);
    };
    let rtext: Vec<char> = text.trim_end_matches('\n').chars().collect();
    let lead = rtext
        .iter()
        .take_while(|c| matches!(c, ' ' | '\n' | '\x0c'))
        .count();
    let ltext = &rtext[lead..];
    out.push_str("    ");
    out.extend(ltext.iter());
    out.push('\n');
    if let Some(offset) = d.offset {
        let mut end_offset = match d.end_offset {
            None | Some(0) => offset,
            Some(e) => e,
        };
        if offset == end_offset || end_offset == -1 {
            end_offset = offset + 1;
        }
        let colno = offset - 1 - lead as i64;
        let end_colno = end_offset - 1 - lead as i64;
        if colno >= 0 {
            out.push_str("    ");
            let n = (colno as usize).min(ltext.len());
            out.extend(
                ltext[..n]
                    .iter()
                    .map(|&c| if is_space(c) { c } else { ' ' }),
            );
            out.extend(std::iter::repeat_n(
                '^',
                (end_colno - colno).max(0) as usize,
            ));
            out.push('\n');
        }
    }
    (out, suffix)
}

#[cfg(test)]
mod tests {
    use super::super::carets::Printer::{self, Interpreter, Module};
    use super::*;

    fn d(
        filename: Option<&str>,
        lineno: Option<i64>,
        offset: Option<i64>,
        end_lineno: Option<i64>,
        end_offset: Option<i64>,
        text: Option<&str>,
        exact: bool,
    ) -> SyntaxDetails {
        SyntaxDetails {
            filename: filename.map(str::to_string),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text: text.map(str::to_string),
            exact,
        }
    }

    /// What a printer writes before `Type: msg`; the expected texts were printed by CPython
    /// 3.11.7 (`runtime/tools/gen_caret_cases.py syntax`).
    fn check(printer: Printer, details: SyntaxDetails, expect: &str) {
        let got = match printer {
            Interpreter => interpreter_text(&details).unwrap_or_default(),
            Module => module_text(&details).0,
        };
        assert_eq!(got, expect, "{printer:?} {details:?}");
    }

    #[test]
    #[rustfmt::skip]
    fn syntax_errors_as_cpython_prints_them() {
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(6), Some("x = $\n"), true), "  File \"<cell 1>\", line 1\n    x = $\n        ^\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(6), Some("x = $\n"), true), "  File \"<cell 1>\", line 1\n    x = $\n        ^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(0), Some("x = (1,\n"), true), "  File \"<cell 1>\", line 1\n    x = (1,\n        ^\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(0), Some("x = (1,\n"), true), "  File \"<cell 1>\", line 1\n    x = (1,\n        ^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(2), Some(9), Some(2), Some(12), Some("    y = 1 +\n"), true), "  File \"<cell 1>\", line 2\n    y = 1 +\n        ^^^\n");
        check(Module, d(Some("<cell 1>"), Some(2), Some(9), Some(2), Some(12), Some("    y = 1 +\n"), true), "  File \"<cell 1>\", line 2\n    y = 1 +\n        ^^^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(1), Some(1), Some(10), Some("print 'x'\n"), true), "  File \"<cell 1>\", line 1\n    print 'x'\n    ^^^^^^^^^\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(1), Some(1), Some(10), Some("print 'x'\n"), true), "  File \"<cell 1>\", line 1\n    print 'x'\n    ^^^^^^^^^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(6), Some("x = $"), true), "  File \"<cell 1>\", line 1\n    x = $\n        ^\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(6), Some("x = $"), true), "  File \"<cell 1>\", line 1\n    x = $\n        ^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(6), Some("x = 'é' $\n"), true), "  File \"<cell 1>\", line 1\n    x = 'é' $\n        ^\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(6), Some("x = 'é' $\n"), true), "  File \"<cell 1>\", line 1\n    x = 'é' $\n        ^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(9), Some(1), Some(10), Some("x = 'é' $\n"), true), "  File \"<cell 1>\", line 1\n    x = 'é' $\n            ^\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(9), Some(1), Some(10), Some("x = 'é' $\n"), true), "  File \"<cell 1>\", line 1\n    x = 'é' $\n            ^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(3), Some(1), Some(7), Some("\tx = $\n"), true), "  File \"<cell 1>\", line 1\n    x = $\n     ^^^^\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(3), Some(1), Some(7), Some("\tx = $\n"), true), "  File \"<cell 1>\", line 1\n    \tx = $\n    \t ^^^^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(2), Some(1), Some(3), Some("\u{c} x = $\n"), true), "  File \"<cell 1>\", line 1\n    x = $\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(2), Some(1), Some(3), Some("\u{c} x = $\n"), true), "  File \"<cell 1>\", line 1\n    x = $\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(5), Some(3), Some(1), Some("x = (\n"), true), "  File \"<cell 1>\", line 1\n    x = (\n        ^\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(5), Some(3), Some(1), Some("x = (\n"), true), "  File \"<cell 1>\", line 1\n    x = (\n        \n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(99), Some("x = y\n"), true), "  File \"<cell 1>\", line 1\n    x = y\n        ^^\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(99), Some("x = y\n"), true), "  File \"<cell 1>\", line 1\n    x = y\n        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(-1), Some("x = y\n"), true), "  File \"<cell 1>\", line 1\n    x = y\n        ^\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(-1), Some("x = y\n"), true), "  File \"<cell 1>\", line 1\n    x = y\n        ^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(3), Some("x = y\n"), true), "  File \"<cell 1>\", line 1\n    x = y\n        ^\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(5), Some(1), Some(3), Some("x = y\n"), true), "  File \"<cell 1>\", line 1\n    x = y\n        \n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(2), Some(1), Some(4), Some("    x\n"), true), "  File \"<cell 1>\", line 1\n    x\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(2), Some(1), Some(4), Some("    x\n"), true), "  File \"<cell 1>\", line 1\n    x\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(99), Some(1), Some(100), Some("x = y\n"), true), "  File \"<cell 1>\", line 1\n    x = y\n         ^\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(99), Some(1), Some(100), Some("x = y\n"), true), "  File \"<cell 1>\", line 1\n    x = y\n         ^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), None, Some(1), None, Some("x = y\n"), true), "  File \"<cell 1>\", line 1\n    x = y\n");
        check(Module, d(Some("<cell 1>"), Some(1), None, Some(1), None, Some("x = y\n"), true), "  File \"<cell 1>\", line 1\n    x = y\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(3), Some(1), Some(4), None, true), "  File \"<cell 1>\", line 1\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(3), Some(1), Some(4), None, true), "  File \"<cell 1>\", line 1\n");
        check(Interpreter, d(None, Some(1), Some(3), Some(1), Some(4), Some("x = y\n"), true), "  File \"<string>\", line 1\n    x = y\n      ^\n");
        check(Module, d(None, Some(1), Some(3), Some(1), Some(4), Some("x = y\n"), true), "  File \"<string>\", line 1\n    x = y\n      ^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(2), Some(8), Some(2), Some(9), Some("x = 1\ny = 2 $\n"), true), "  File \"<cell 1>\", line 2\n    y = 2 $\n     ^\n");
        check(Module, d(Some("<cell 1>"), Some(2), Some(8), Some(2), Some(9), Some("x = 1\ny = 2 $\n"), true), "  File \"<cell 1>\", line 2\n    x = 1\ny = 2 $\n         \n ^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(2), Some(1), Some(2), Some(6), Some("yield 1\n"), false), "  File \"<cell 1>\", line 2\n    yield 1\n    ^\n");
        check(Module, d(Some("<cell 1>"), Some(2), Some(1), Some(2), Some(6), Some("yield 1\n"), false), "  File \"<cell 1>\", line 2\n    yield 1\n    ^^^^^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(2), Some(4), Some(2), Some(-1), Some("    y = 2\n"), false), "  File \"<cell 1>\", line 2\n    y = 2\n");
        check(Module, d(Some("<cell 1>"), Some(2), Some(4), Some(2), Some(-1), Some("    y = 2\n"), false), "  File \"<cell 1>\", line 2\n    y = 2\n");
        check(Interpreter, d(Some("<cell 1>"), Some(1), Some(9), Some(1), Some(-1), Some("if True:\n"), false), "  File \"<cell 1>\", line 1\n    if True:\n            ^\n");
        check(Module, d(Some("<cell 1>"), Some(1), Some(9), Some(1), Some(-1), Some("if True:\n"), false), "  File \"<cell 1>\", line 1\n    if True:\n            ^\n");
        check(Interpreter, d(Some("<cell 1>"), Some(3), Some(1), Some(3), Some(0), Some("\treturn x\n"), false), "  File \"<cell 1>\", line 3\n    return x\n");
        check(Module, d(Some("<cell 1>"), Some(3), Some(1), Some(3), Some(0), Some("\treturn x\n"), false), "  File \"<cell 1>\", line 3\n    \treturn x\n    ^\n");
    }
}
