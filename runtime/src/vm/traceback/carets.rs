//! The source line under a traceback's `File "...", line N, in name` line, and the caret line
//! CPython 3.11 prints under it (`^^^^^`, `~~~^~~~`, `~^^^^^`).
//!
//! CPython 3.11 has two printers that disagree in details, and Coro reproduces both
//! ([`Printer`]):
//!
//! - the interpreter's own display of an uncaught exception (`PyErr_Display`, C code in
//!   `Python/traceback.c`: `tb_displayline`, `display_source_line_with_margin`,
//!   `extract_anchors_from_line`, `print_error_location_carets`), which is what `python3
//!   FILE.py` prints;
//! - the `traceback` module (`Lib/traceback.py`: `StackSummary.format_frame_summary`,
//!   `_extract_caret_anchors_from_line_segment`), which is what IPython-style cells print.
//!
//! Both print the line the instruction starts on, then, unless the marked range covers the
//! whole line, a caret line under the range: `^` everywhere, or, when the range parses as a
//! binary operation or a subscript, `~` with `^` under the operator or the brackets. A range
//! that spans lines is marked to the end of its first line. Columns arrive as UTF-8 byte
//! offsets; they are turned into characters, and characters into display columns (East Asian
//! wide characters count two), exactly as each printer does, including their quirks: the
//! module miscounts the indentation of a line with trailing white space and the operator of
//! `(a)+b`; the interpreter measures a multi-line range with a byte index.
//!
//! What this module does not do: find the source line or the position (the caller passes
//! the raw line and the instruction's [`Position`]) or print the `File` line.

use crate::builtins::chars::{is_space, is_wide};
use crate::syntax::ast::{ExprKind, Span, StmtKind};

/// Which of CPython's two traceback printers to imitate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Printer {
    /// The `traceback` module: what a notebook cell's error shows.
    #[default]
    Module,
    /// The interpreter's C display of an uncaught exception: what `python3 FILE.py` prints.
    Interpreter,
}

/// Where an instruction is, as CPython's `co_positions()` gives it: 1-based lines and 0-based
/// UTF-8 byte columns. The columns are `None` when the instruction has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub cols: Option<(u32, u32)>,
}

impl Position {
    /// The position of an instruction's span in a source text. An empty span has no columns.
    pub fn of(index: &crate::syntax::LineIndex, span: Span) -> Position {
        let line = index.line_of(span.start as usize);
        if span.start >= span.end {
            return Position {
                line,
                end_line: line,
                cols: None,
            };
        }
        let end_line = index.line_of(span.end as usize);
        let col = span.start as usize - index.line_start(line);
        let end_col = span.end as usize - index.line_start(end_line);
        Position {
            line,
            end_line,
            cols: Some((col as u32, end_col as u32)),
        }
    }
}

/// The lines printed under a frame's `File` line for source line `raw` (without its line
/// break): the source line and, if the printer shows one, the caret line, each ending with a
/// newline. Empty when the module printer finds nothing but white space.
pub fn frame_source(printer: Printer, raw: &str, pos: Position) -> String {
    match printer {
        Printer::Module => module_lines(raw, pos),
        Printer::Interpreter => interpreter_lines(raw, pos),
    }
}

/// The marked sub-range of a segment: `[left_end, right_start)` gets `secondary`, the rest of
/// the segment `primary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Anchors {
    left_end: i64,
    right_start: i64,
    primary: char,
    secondary: char,
}

/// The spans of the parts that anchor the carets, when a segment parses as one expression
/// statement that is a binary operation or a subscript.
enum Shape {
    /// `left op right`: the end of `left` and the start of `right`.
    BinOp { left_end: usize, right_start: usize },
    /// `value[slice]`: the end of `value` and the end of `slice`.
    Subscript { value_end: usize, slice_end: usize },
}

fn shape_of(segment: &str) -> Option<Shape> {
    let module = crate::syntax::parse(segment).ok()?;
    let [stmt] = module.body.as_slice() else {
        return None;
    };
    let StmtKind::Expr(e) = &stmt.kind else {
        return None;
    };
    match &e.kind {
        ExprKind::BinOp { left, right, .. } => Some(Shape::BinOp {
            left_end: left.span.end as usize,
            right_start: right.span.start as usize,
        }),
        ExprKind::Subscript { value, slice } => Some(Shape::Subscript {
            value_end: value.span.end as usize,
            slice_end: slice.span.end as usize,
        }),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// The traceback module (Lib/traceback.py).

/// `StackSummary.format_frame_summary` for the source line and carets. The line is read as
/// `linecache` gives it, with a final newline.
fn module_lines(raw: &str, pos: Position) -> String {
    let mut line: Vec<char> = raw.chars().collect();
    line.push('\n');
    let stripped = py_strip(&line);
    if stripped.is_empty() {
        return String::new();
    }
    let mut out = String::from("    ");
    out.extend(stripped.iter());
    out.push('\n');
    let Some((col, end_col)) = pos.cols else {
        return out;
    };
    let line_text: String = line.iter().collect();
    let stripped_characters = line.len() as i64 - stripped.len() as i64;
    let start = py_byte_to_char(&line_text, col as usize);
    let mut end = py_byte_to_char(&line_text, end_col as usize);
    let segment: Vec<char> =
        line[start.min(line.len())..end.clamp(start.min(line.len()), line.len())].to_vec();
    let anchors = if pos.line == pos.end_line {
        module_anchors(&segment)
    } else {
        end = py_rstrip_len(&line);
        None
    };
    let shows_anchors = anchors.is_some_and(|a| a.right_start - a.left_end > 0);
    if (end as i64 - start as i64) < stripped.len() as i64 || shows_anchors {
        let dp_start = py_display_width(&line, start as i64) + 1;
        let dp_end = py_display_width(&line, end as i64) + 1;
        out.push_str("    ");
        push_n(&mut out, ' ', dp_start - stripped_characters);
        match anchors {
            Some(a) => {
                let dp_left_end = py_display_width(&segment, a.left_end);
                let dp_right_start = py_display_width(&segment, a.right_start);
                push_n(&mut out, a.primary, dp_left_end);
                push_n(&mut out, a.secondary, dp_right_start - dp_left_end);
                push_n(&mut out, a.primary, dp_end - dp_start - dp_right_start);
            }
            None => push_n(&mut out, '^', dp_end - dp_start),
        }
        out.push('\n');
    }
    out
}

/// `_extract_caret_anchors_from_line_segment`, with its mix of byte offsets (from the parser)
/// and character indices (into the segment) kept as it is.
fn module_anchors(segment: &[char]) -> Option<Anchors> {
    let text: String = segment.iter().collect();
    let normalize = |offset: i64| py_byte_to_char(&text, offset.max(0) as usize) as i64;
    let len = segment.len() as i64;
    let at = |i: i64| segment[i as usize];
    match shape_of(&text)? {
        Shape::BinOp {
            left_end,
            right_start,
        } => {
            let op_start = normalize(left_end as i64) as usize;
            let op_end = normalize(right_start as i64) as usize;
            let operator: &[char] = segment
                .get(
                    op_start.min(segment.len())
                        ..op_end.clamp(op_start.min(segment.len()), segment.len()),
                )
                .unwrap_or(&[]);
            let offset = operator.iter().take_while(|c| is_space(**c)).count();
            let mut left = left_end as i64 + offset as i64;
            let mut right = left + 1;
            if offset + 1 < operator.len() && !is_space(operator[offset + 1]) {
                right += 1;
            }
            while left < len && (is_space(at(left)) || matches!(at(left), ')' | '#')) {
                left += 1;
                right += 1;
            }
            Some(Anchors {
                left_end: normalize(left),
                right_start: normalize(right),
                primary: '~',
                secondary: '^',
            })
        }
        Shape::Subscript {
            value_end,
            slice_end,
        } => {
            let mut left = normalize(value_end as i64);
            let mut right = normalize(slice_end as i64 + 1);
            while left < len && (is_space(at(left)) || at(left) != '[') {
                left += 1;
            }
            while right < len && (is_space(at(right)) || at(right) != ']') {
                right += 1;
            }
            if right < len {
                right += 1;
            }
            Some(Anchors {
                left_end: left,
                right_start: right,
                primary: '~',
                secondary: '^',
            })
        }
    }
}

/// `_byte_offset_to_character_offset`: the length of `str.encode()[:offset].decode(errors=
/// "replace")`; a cut through a character still counts it (as one replacement character).
fn py_byte_to_char(text: &str, offset: usize) -> usize {
    text.char_indices().take_while(|(i, _)| *i < offset).count()
}

/// `_display_width(line, offset)`: the columns of `line[:offset]`, wide characters counting
/// two; an ASCII line answers `offset` itself.
fn py_display_width(line: &[char], offset: i64) -> i64 {
    if line.iter().all(char::is_ascii) {
        return offset;
    }
    let n = offset.clamp(0, line.len() as i64) as usize;
    line[..n]
        .iter()
        .map(|&c| if is_wide(c) { 2 } else { 1 })
        .sum()
}

/// `str.strip()`.
fn py_strip(line: &[char]) -> &[char] {
    let start = line.iter().take_while(|c| is_space(**c)).count();
    let end = line.len()
        - line[start..]
            .iter()
            .rev()
            .take_while(|c| is_space(**c))
            .count();
    &line[start..end]
}

/// `len(str.rstrip())`.
fn py_rstrip_len(line: &[char]) -> usize {
    line.len() - line.iter().rev().take_while(|c| is_space(**c)).count()
}

/// Appends `n` copies of `c`; nothing when `n` is not positive (Python's `c * n`).
fn push_n(out: &mut String, c: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

// ---------------------------------------------------------------------------------------------
// The interpreter's display (Python/traceback.c).

/// `IS_WHITESPACE` in `traceback.c`.
fn c_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0c')
}

/// `tb_displayline` after the `File` line: `display_source_line_with_margin` prints the line
/// without its indentation (but with any trailing white space), then the carets.
fn interpreter_lines(raw: &str, pos: Position) -> String {
    let lead = raw.bytes().take_while(|b| c_whitespace(*b)).count();
    let mut out = String::from("    ");
    out.push_str(&raw[lead..]);
    out.push('\n');
    let Some((col, end_col)) = pos.cols else {
        return out;
    };
    // The indentation is ASCII, so its byte count is its character count.
    let truncation = lead as i64 - 4;
    let line_len = raw.chars().count() as i64;
    let start = c_byte_to_char(raw, col as i64);
    let mut end = c_byte_to_char(raw, end_col as i64);
    let mut anchors = None;
    if pos.line == pos.end_line {
        anchors = interpreter_anchors(raw, start, end);
    } else {
        // The last non-blank character, found by indexing the UTF-8 bytes with a character
        // count, as the C code does.
        let bytes = raw.as_bytes();
        let mut i = line_len;
        loop {
            i -= 1;
            if i < 0 || !c_whitespace(bytes[i as usize]) {
                break;
            }
        }
        end = i + 1;
    }
    let stripped_line_len = line_len - lead as i64;
    if end - start == stripped_line_len && anchors.is_none() {
        return out;
    }
    let dp_start = c_display_width(raw, start);
    let dp_end = c_display_width(raw, end);
    let (dp_left_end, dp_right_start, primary, secondary) = match anchors {
        Some(a) => (
            c_display_width(raw, a.left_end),
            c_display_width(raw, a.right_start),
            a.primary,
            a.secondary,
        ),
        None => (-1, -1, '^', '^'),
    };
    // `print_error_location_carets`.
    let special = dp_left_end != -1 || dp_right_start != -1;
    let mut offset = truncation;
    loop {
        offset += 1;
        if offset > dp_end {
            break;
        }
        out.push(if offset <= dp_start {
            ' '
        } else if special && dp_left_end < offset && offset <= dp_right_start {
            secondary
        } else {
            primary
        });
    }
    out.push('\n');
    out
}

/// `extract_anchors_from_line`: the anchors of the segment `[start, end)` (characters) of the
/// line, as character offsets in the line.
fn interpreter_anchors(line: &str, start: i64, end: i64) -> Option<Anchors> {
    let chars: Vec<char> = line.chars().collect();
    let from = start.clamp(0, chars.len() as i64) as usize;
    let to = end.clamp(from as i64, chars.len() as i64) as usize;
    let segment: String = chars[from..to].iter().collect();
    let bytes = segment.as_bytes();
    let (left, right, primary, secondary) = match shape_of(&segment)? {
        Shape::BinOp {
            left_end,
            right_start,
        } => {
            let (mut left, mut right) = (-1i64, -1i64);
            let (mut primary, mut secondary) = ('^', '^');
            let mut i = left_end;
            while i < right_start {
                let b = bytes.get(i).copied().unwrap_or(0);
                if c_whitespace(b) {
                    i += 1;
                    continue;
                }
                left = i as i64;
                right = i as i64 + 1;
                let next = bytes.get(i + 1).copied().unwrap_or(0);
                if i + 1 < right_start && !c_whitespace(next) {
                    right += 1;
                }
                // Keep going past a closing parenthesis of the left operand.
                if i + 1 < right_start && b == b')' {
                    i += 1;
                    continue;
                }
                primary = '~';
                secondary = '^';
                break;
            }
            (left, right, primary, secondary)
        }
        Shape::Subscript {
            value_end,
            slice_end,
        } => {
            let len = bytes.len();
            let mut left = value_end;
            let mut right = slice_end + 1;
            while left < len && (c_whitespace(bytes[left]) || bytes[left] != b'[') {
                left += 1;
            }
            while right < len && (c_whitespace(bytes[right]) || bytes[right] != b']') {
                right += 1;
            }
            if right < len {
                right += 1;
            }
            (left as i64, right as i64, '~', '^')
        }
    };
    Some(Anchors {
        left_end: c_byte_to_char(&segment, left) + start,
        right_start: c_byte_to_char(&segment, right) + start,
        primary,
        secondary,
    })
}

/// `_PyPegen_byte_offset_to_character_offset`: the characters in the first `offset` bytes,
/// where an offset one past the end also counts the terminating NUL.
fn c_byte_to_char(text: &str, offset: i64) -> i64 {
    let len = text.len() as i64;
    let offset = offset.clamp(0, len + 1);
    let within = text
        .char_indices()
        .take_while(|(i, _)| (*i as i64) < offset)
        .count() as i64;
    within + i64::from(offset == len + 1)
}

/// `_PyPegen_calculate_display_width`: the columns of the first `offset` characters, wide
/// characters counting two; an ASCII prefix answers `offset` itself.
fn c_display_width(line: &str, offset: i64) -> i64 {
    let n = offset.max(0) as usize;
    let prefix: Vec<char> = line.chars().take(n).collect();
    if prefix.iter().all(char::is_ascii) {
        return offset;
    }
    prefix.iter().map(|&c| if is_wide(c) { 2 } else { 1 }).sum()
}

#[cfg(test)]
mod tests {
    use super::Printer::{Interpreter, Module};
    use super::*;

    /// Renders the lines under a frame's `File` line; the expected texts were printed by
    /// CPython 3.11.7 (`runtime/tools/gen_caret_cases.py`).
    fn check(printer: Printer, raw: &str, pos: (u32, u32, Option<(u32, u32)>), expect: &str) {
        let pos = Position {
            line: pos.0,
            end_line: pos.1,
            cols: pos.2,
        };
        assert_eq!(
            frame_source(printer, raw, pos),
            expect,
            "{printer:?} {raw:?} {pos:?}"
        );
    }

    #[test]
    #[rustfmt::skip]
    fn carets_as_cpython_prints_them() {
        check(Interpreter, "x = a + 1", (2, 2, Some((4, 9))), "    x = a + 1\n        ~~^~~\n");
        check(Module, "x = a + 1", (2, 2, Some((4, 9))), "    x = a + 1\n        ~~^~~\n");
        check(Interpreter, "x = a+1", (2, 2, Some((4, 7))), "    x = a+1\n        ~^~\n");
        check(Module, "x = a+1", (2, 2, Some((4, 7))), "    x = a+1\n        ~^~\n");
        check(Interpreter, "a + 1", (2, 2, Some((0, 5))), "    a + 1\n    ~~^~~\n");
        check(Module, "a + 1", (2, 2, Some((0, 5))), "    a + 1\n    ~~^~~\n");
        check(Interpreter, "x = a // 2", (2, 2, Some((4, 10))), "    x = a // 2\n        ~~^^~~\n");
        check(Module, "x = a // 2", (2, 2, Some((4, 10))), "    x = a // 2\n        ~~^^~~\n");
        check(Interpreter, "x = a ** 2", (2, 2, Some((4, 10))), "    x = a ** 2\n        ~~^^~~\n");
        check(Module, "x = a ** 2", (2, 2, Some((4, 10))), "    x = a ** 2\n        ~~^^~~\n");
        check(Interpreter, "x = (a) + 1", (2, 2, Some((4, 11))), "    x = (a) + 1\n        ~~~~^~~\n");
        check(Module, "x = (a) + 1", (2, 2, Some((4, 11))), "    x = (a) + 1\n        ~~~~^~~\n");
        check(Interpreter, "x = (a)+1", (2, 2, Some((4, 9))), "    x = (a)+1\n        ~~~^~\n");
        check(Module, "x = (a)+1", (2, 2, Some((4, 9))), "    x = (a)+1\n        ~~~^^\n");
        check(Interpreter, "x = (a)//1", (2, 2, Some((4, 10))), "    x = (a)//1\n        ~~~^^~\n");
        check(Module, "x = (a)//1", (2, 2, Some((4, 10))), "    x = (a)//1\n        ~~~^^~\n");
        check(Interpreter, "x = (a) //1", (2, 2, Some((4, 11))), "    x = (a) //1\n        ~~~~^^~\n");
        check(Module, "x = (a) //1", (2, 2, Some((4, 11))), "    x = (a) //1\n        ~~~~^~~\n");
        check(Interpreter, "x = ((a)) + ((a))", (2, 2, Some((4, 17))), "    x = ((a)) + ((a))\n        ~~~~~~^~~~~~~\n");
        check(Module, "x = ((a)) + ((a))", (2, 2, Some((4, 17))), "    x = ((a)) + ((a))\n        ~~~~~~^^~~~~~\n");
        check(Interpreter, "x = 1 + (a)  *  2", (2, 2, Some((8, 17))), "    x = 1 + (a)  *  2\n            ~~~~~^~~~\n");
        check(Module, "x = 1 + (a)  *  2", (2, 2, Some((8, 17))), "    x = 1 + (a)  *  2\n            ~~~~~^~~~\n");
        check(Interpreter, "x = (a)\t+1", (2, 2, Some((4, 10))), "    x = (a)\t+1\n        ~~~~^~\n");
        check(Module, "x = (a)\t+1", (2, 2, Some((4, 10))), "    x = (a)\t+1\n        ~~~~^~\n");
        check(Interpreter, "x = a\t+ 1", (2, 2, Some((4, 9))), "    x = a\t+ 1\n        ~~^~~\n");
        check(Module, "x = a\t+ 1", (2, 2, Some((4, 9))), "    x = a\t+ 1\n        ~~^~~\n");
        check(Interpreter, "x = a + 1 + 2", (2, 2, Some((4, 9))), "    x = a + 1 + 2\n        ~~^~~\n");
        check(Module, "x = a + 1 + 2", (2, 2, Some((4, 9))), "    x = a + 1 + 2\n        ~~^~~\n");
        check(Interpreter, "x = f'{a + 1}'", (2, 2, Some((7, 12))), "    x = f'{a + 1}'\n           ~~^~~\n");
        check(Module, "x = f'{a + 1}'", (2, 2, Some((7, 12))), "    x = f'{a + 1}'\n           ~~^~~\n");
        check(Interpreter, "x = a[1]", (2, 2, Some((4, 8))), "    x = a[1]\n        ~^^^\n");
        check(Module, "x = a[1]", (2, 2, Some((4, 8))), "    x = a[1]\n        ~^^^\n");
        check(Interpreter, "x = a [1]", (2, 2, Some((4, 9))), "    x = a [1]\n        ~~^^^\n");
        check(Module, "x = a [1]", (2, 2, Some((4, 9))), "    x = a [1]\n        ~~^^^\n");
        check(Interpreter, "x = a[1 ]", (2, 2, Some((4, 9))), "    x = a[1 ]\n        ~^^^^\n");
        check(Module, "x = a[1 ]", (2, 2, Some((4, 9))), "    x = a[1 ]\n        ~^^^^\n");
        check(Interpreter, "x = (a)[1]", (2, 2, Some((4, 10))), "    x = (a)[1]\n        ~~~^^^\n");
        check(Module, "x = (a)[1]", (2, 2, Some((4, 10))), "    x = (a)[1]\n        ~~~^^^\n");
        check(Interpreter, "x = a[(1)]", (2, 2, Some((4, 10))), "    x = a[(1)]\n        ~^^^^^\n");
        check(Module, "x = a[(1)]", (2, 2, Some((4, 10))), "    x = a[(1)]\n        ~^^^^^\n");
        check(Interpreter, "x = a[1:2, 3]", (2, 2, Some((4, 13))), "    x = a[1:2, 3]\n        ~^^^^^^^^\n");
        check(Module, "x = a[1:2, 3]", (2, 2, Some((4, 13))), "    x = a[1:2, 3]\n        ~^^^^^^^^\n");
        check(Interpreter, "b = a[ 1 : 2 ] ; c = 1", (2, 2, Some((4, 14))), "    b = a[ 1 : 2 ] ; c = 1\n        ~^^^^^^^^^\n");
        check(Module, "b = a[ 1 : 2 ] ; c = 1", (2, 2, Some((4, 14))), "    b = a[ 1 : 2 ] ; c = 1\n        ~^^^^^^^^^\n");
        check(Interpreter, "a[1]", (2, 2, Some((0, 4))), "    a[1]\n    ~^^^\n");
        check(Module, "a[1]", (2, 2, Some((0, 4))), "    a[1]\n    ~^^^\n");
        check(Interpreter, "x = d['key']", (2, 2, Some((4, 12))), "    x = d['key']\n        ~^^^^^^^\n");
        check(Module, "x = d['key']", (2, 2, Some((4, 12))), "    x = d['key']\n        ~^^^^^^^\n");
        check(Interpreter, "x = d[[1][0]]", (2, 2, Some((4, 13))), "    x = d[[1][0]]\n        ~^^^^^^^^\n");
        check(Module, "x = d[[1][0]]", (2, 2, Some((4, 13))), "    x = d[[1][0]]\n        ~^^^^^^^^\n");
        check(Interpreter, "del a[1]", (2, 2, Some((4, 8))), "    del a[1]\n        ~^^^\n");
        check(Module, "del a[1]", (2, 2, Some((4, 8))), "    del a[1]\n        ~^^^\n");
        check(Interpreter, "a[1] = 2", (2, 2, Some((0, 4))), "    a[1] = 2\n    ~^^^\n");
        check(Module, "a[1] = 2", (2, 2, Some((0, 4))), "    a[1] = 2\n    ~^^^\n");
        check(Interpreter, "x = \"日本\" + y", (2, 2, Some((4, 16))), "    x = \"日本\" + y\n        ~~~~~~~^~~\n");
        check(Module, "x = \"日本\" + y", (2, 2, Some((4, 16))), "    x = \"日本\" + y\n        ~~~~~~~^~~\n");
        check(Interpreter, "x = \"éé\" + y; w = 1", (2, 2, Some((4, 14))), "    x = \"éé\" + y; w = 1\n        ~~~~~^~~\n");
        check(Module, "x = \"éé\" + y; w = 1", (2, 2, Some((4, 14))), "    x = \"éé\" + y; w = 1\n        ~~~~~^~~\n");
        check(Interpreter, "x = '日本語' + y[0]", (2, 2, Some((18, 22))), "    x = '日本語' + y[0]\n                   ~^^^\n");
        check(Module, "x = '日本語' + y[0]", (2, 2, Some((18, 22))), "    x = '日本語' + y[0]\n                   ~^^^\n");
        check(Interpreter, "x = \"é\" + a[\"é\"]", (2, 2, Some((11, 18))), "    x = \"é\" + a[\"é\"]\n              ~^^^^^\n");
        check(Module, "x = \"é\" + a[\"é\"]", (2, 2, Some((11, 18))), "    x = \"é\" + a[\"é\"]\n              ~^^^^^\n");
        check(Interpreter, "z = (\"日本語日本語\" +", (2, 3, Some((5, 3))), "    z = (\"日本語日本語\" +\n         ^^^^^^^^^^^^^^^^\n");
        check(Module, "z = (\"日本語日本語\" +", (2, 3, Some((5, 3))), "    z = (\"日本語日本語\" +\n         ^^^^^^^^^^^^^^^^\n");
        check(Interpreter, "z = (\"éééé\" +", (2, 3, Some((5, 3))), "    z = (\"éééé\" +\n         ^^^^^^^^\n");
        check(Module, "z = (\"éééé\" +", (2, 3, Some((5, 3))), "    z = (\"éééé\" +\n         ^^^^^^^^\n");
        check(Interpreter, "x = f(\"日本\")", (3, 3, Some((4, 15))), "    x = f(\"日本\")\n        ^^^^^^^^^\n");
        check(Interpreter, "    raise ValueError", (2, 2, Some((4, 20))), "    raise ValueError\n");
        check(Module, "x = f(\"日本\")", (3, 3, Some((4, 15))), "    x = f(\"日本\")\n        ^^^^^^^^^\n");
        check(Module, "    raise ValueError", (2, 2, Some((4, 20))), "    raise ValueError\n");
        check(Interpreter, "f()", (3, 3, Some((0, 3))), "    f()\n");
        check(Module, "f()", (3, 3, Some((0, 3))), "    f()\n");
        check(Interpreter, "x = f()", (3, 3, Some((4, 7))), "    x = f()\n        ^^^\n");
        check(Module, "x = f()", (3, 3, Some((4, 7))), "    x = f()\n        ^^^\n");
        check(Interpreter, "x = f(1,", (3, 4, Some((4, 8))), "    x = f(1,\n        ^^^^\n");
        check(Module, "x = f(1,", (3, 4, Some((4, 8))), "    x = f(1,\n        ^^^^\n");
        check(Interpreter, "x = f(1,   ", (3, 4, Some((4, 8))), "    x = f(1,   \n        ^^^^\n");
        check(Module, "x = f(1,   ", (3, 4, Some((4, 8))), "    x = f(1,\n     ^^^^\n");
        check(Interpreter, "x = f(\"é\",          ", (3, 4, Some((4, 4))), "    x = f(\"é\",          \n        ^^^^^^^\n");
        check(Module, "x = f(\"é\",          ", (3, 4, Some((4, 4))), "    x = f(\"é\",\n    ^^^^^^\n");
        check(Interpreter, "x = c.m()", (5, 5, Some((4, 9))), "    x = c.m()\n        ^^^^^\n");
        check(Interpreter, "        raise ValueError", (3, 3, Some((8, 24))), "    raise ValueError\n");
        check(Module, "x = c.m()", (5, 5, Some((4, 9))), "    x = c.m()\n        ^^^^^\n");
        check(Module, "        raise ValueError", (3, 3, Some((8, 24))), "    raise ValueError\n");
        check(Interpreter, "  .m())", (6, 6, Some((3, 6))), "    .m())\n     ^^^\n");
        check(Module, "  .m())", (6, 6, Some((3, 6))), "    .m())\n     ^^^\n");
        check(Interpreter, "  .b)", (3, 3, Some((3, 4))), "    .b)\n     ^\n");
        check(Module, "  .b)", (3, 3, Some((3, 4))), "    .b)\n     ^\n");
        check(Interpreter, "x = a.b", (2, 2, Some((4, 7))), "    x = a.b\n        ^^^\n");
        check(Module, "x = a.b", (2, 2, Some((4, 7))), "    x = a.b\n        ^^^\n");
        check(Interpreter, "x = (", (2, 5, Some((4, 2))), "    x = (\n        ^\n");
        check(Module, "x = (", (2, 5, Some((4, 2))), "    x = (\n        ^\n");
        check(Interpreter, "x = (a  # c", (2, 3, Some((5, 5))), "    x = (a  # c\n         ^^^^^^\n");
        check(Module, "x = (a  # c", (2, 3, Some((5, 5))), "    x = (a  # c\n         ^^^^^^\n");
        check(Interpreter, "f(None)", (4, 4, Some((0, 7))), "    f(None)\n");
        check(Interpreter, "\t\treturn a[0] + 1", (3, 3, Some((9, 13))), "    return a[0] + 1\n           ~^^^\n");
        check(Module, "f(None)", (4, 4, Some((0, 7))), "    f(None)\n");
        check(Module, "\t\treturn a[0] + 1", (3, 3, Some((9, 13))), "    return a[0] + 1\n           ~^^^\n");
        check(Interpreter, "f(None)", (3, 3, Some((0, 7))), "    f(None)\n");
        check(Interpreter, "    return a\t+ 1", (2, 2, Some((11, 16))), "    return a\t+ 1\n           ~~^~~\n");
        check(Module, "f(None)", (3, 3, Some((0, 7))), "    f(None)\n");
        check(Module, "    return a\t+ 1", (2, 2, Some((11, 16))), "    return a\t+ 1\n           ~~^~~\n");
        check(Interpreter, "\u{c}    return a + 1", (2, 2, Some((12, 17))), "    return a + 1\n           ~~^~~\n");
        check(Module, "\u{c}    return a + 1", (2, 2, Some((12, 17))), "    return a + 1\n           ~~^~~\n");
        check(Interpreter, "f(None, 1)", (3, 3, Some((0, 10))), "    f(None, 1)\n");
        check(Interpreter, "    return (a) + b   ", (2, 2, Some((11, 18))), "    return (a) + b   \n           ~~~~^~~\n");
        check(Module, "f(None, 1)", (3, 3, Some((0, 10))), "    f(None, 1)\n");
        check(Module, "    return (a) + b   ", (2, 2, Some((11, 18))), "    return (a) + b\n        ~~~~^~~\n");
        check(Interpreter, "    raise ValueError   ", (2, 2, Some((4, 20))), "    raise ValueError   \n    ^^^^^^^^^^^^^^^^\n");
        check(Module, "    raise ValueError   ", (2, 2, Some((4, 20))), "    raise ValueError\n");
        check(Interpreter, "    return a + 1", (2, 2, Some((11, 16))), "    return a + 1\n           ~~^~~\n");
        check(Module, "    return a + 1", (2, 2, Some((11, 16))), "    return a + 1\n           ~~^~~\n");
        check(Interpreter, "x = a < b", (2, 2, Some((4, 9))), "    x = a < b\n        ^^^^^\n");
        check(Module, "x = a < b", (2, 2, Some((4, 9))), "    x = a < b\n        ^^^^^\n");
        check(Interpreter, "assert x == 1", (2, 2, Some((7, 13))), "    assert x == 1\n           ^^^^^^\n");
        check(Module, "assert x == 1", (2, 2, Some((7, 13))), "    assert x == 1\n           ^^^^^^\n");
        check(Interpreter, "for i in 5:", (1, 2, Some((0, 8))), "    for i in 5:\n");
        check(Module, "for i in 5:", (1, 2, Some((0, 8))), "    for i in 5:\n");
        check(Interpreter, "x = math.nope", (2, 2, Some((4, 13))), "    x = math.nope\n        ^^^^^^^^^\n");
        check(Module, "x = math.nope", (2, 2, Some((4, 13))), "    x = math.nope\n        ^^^^^^^^^\n");
        check(Interpreter, "x = undefined_name", (1, 1, Some((4, 18))), "    x = undefined_name\n        ^^^^^^^^^^^^^^\n");
        check(Module, "x = undefined_name", (1, 1, Some((4, 18))), "    x = undefined_name\n        ^^^^^^^^^^^^^^\n");
        check(Interpreter, "it.throw(ValueError)", (4, 4, Some((0, 20))), "    it.throw(ValueError)\n");
        check(Interpreter, "def g():", (1, 1, None), "    def g():\n");
        check(Module, "it.throw(ValueError)", (4, 4, Some((0, 20))), "    it.throw(ValueError)\n");
        check(Module, "def g():", (1, 1, None), "    def g():\n");
        check(Interpreter, "it.throw(ValueError)", (5, 5, Some((0, 20))), "    it.throw(ValueError)\n");
        check(Interpreter, "    x = yield 1", (2, 2, Some((8, 15))), "    x = yield 1\n        ^^^^^^^\n");
        check(Module, "it.throw(ValueError)", (5, 5, Some((0, 20))), "    it.throw(ValueError)\n");
        check(Module, "    x = yield 1", (2, 2, Some((8, 15))), "    x = yield 1\n        ^^^^^^^\n");
    }

    #[test]
    fn position_of_a_span() {
        let index = crate::syntax::LineIndex::new("x = 1\ny = (a\n  .b)\n");
        let pos = |start: usize, end: usize| Position::of(&index, Span::new(start, end));
        assert_eq!(
            pos(10, 18),
            Position {
                line: 2,
                end_line: 3,
                cols: Some((4, 5))
            }
        );
        assert_eq!(
            pos(4, 4),
            Position {
                line: 1,
                end_line: 1,
                cols: None
            }
        );
    }
}
