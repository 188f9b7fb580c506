//! Character classification and case mapping with CPython 3.11's rules.
//!
//! The predicates behind `str.isalpha`, `isdecimal`, `isdigit`, `isnumeric`, `isprintable` and
//! `isidentifier` use tables generated from CPython's `unicodedata` (`unicode_tables.rs`), so
//! they agree with CPython on every code point. White space and line boundaries are CPython's
//! short fixed lists. Upper- and lower-case mappings and the `Lowercase`/`Uppercase` properties
//! come from Rust's `char` methods (full mappings, as CPython uses); title case and case folding
//! use Rust's mappings except for the characters the generated tables list.
//!
//! Every function has an ASCII fast path.
//!
//! What this module does not do: it has no notion of Python strings or values; the `str`
//! methods in `str_methods.rs` and `str_case.rs` call it per character.

use super::unicode_tables as t;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let u = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < u {
                std::cmp::Ordering::Less
            } else if lo > u {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn special(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// `Py_UNICODE_ISSPACE`: what `str.split()` and `str.strip()` treat as white space.
pub fn is_space(c: char) -> bool {
    match c {
        ' ' | '\t'..='\r' | '\x1c'..='\x1f' => true,
        _ if c.is_ascii() => false,
        '\u{85}'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}' => true,
        _ => false,
    }
}

/// `Py_UNICODE_ISLINEBREAK`: the line boundaries of `str.splitlines()`.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(t::ALPHA, c)
}

pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::DECIMAL, c)
}

/// The value of a decimal digit (`Py_UNICODE_TODECIMAL`), for `str.format` field numbers.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let u = c as u32;
    let i = t::DECIMAL.partition_point(|&(_, hi)| hi < u);
    match t::DECIMAL.get(i) {
        Some(&(lo, _)) if lo <= u => Some((u - lo) % 10),
        _ => None,
    }
}

pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::DIGIT, c)
}

pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::NUMERIC, c)
}

/// `str.isalnum` per character: alpha, decimal, digit or numeric.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alpha(c) || is_numeric(c)
}

pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_ranges(t::PRINTABLE, c)
}

/// Whether `unicodedata.east_asian_width(c)` is `W` or `F`: the characters CPython's
/// tracebacks count as two columns when they place carets (unassigned code points included,
/// as CPython 3.11 reports them as `F`).
pub fn is_wide(c: char) -> bool {
    !c.is_ascii() && in_ranges(t::WIDE, c)
}

pub fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_ranges(t::ID_START, c)
}

pub fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(t::ID_CONTINUE, c)
}

pub fn is_lower(c: char) -> bool {
    c.is_lowercase()
}

pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

/// Category Lt (`ǅ`, `ᾈ` ...).
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(t::TITLECASE, c)
}

/// The Unicode `Cased` property.
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_lowercase() || c.is_uppercase() || is_title(c)
}

pub fn is_case_ignorable(c: char) -> bool {
    in_ranges(t::CASE_IGNORABLE, c)
}

/// Appends the upper-case mapping of `c` (possibly several characters: `ß` gives `SS`).
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        out.extend(c.to_uppercase());
    }
}

/// Appends the title-case mapping of `c` (`ǆ` gives `ǅ`, `ß` gives `Ss`).
pub fn push_title(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if let Some(s) = special(t::TITLE_SPECIAL, c) {
        out.push_str(s);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// Appends the case folding of `c` (`ß` gives `ss`).
pub fn push_casefold(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(s) = special(t::CASEFOLD_SPECIAL, c) {
        out.push_str(s);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Appends the lower-case mapping of `chars[i]`, applying the final-sigma rule to a capital
/// sigma as CPython's `lower_ucs4` does: `Σ` becomes `ς` at the end of a word.
pub fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == '\u{3a3}' {
        out.push(final_sigma(chars, i));
    } else {
        out.extend(c.to_lowercase());
    }
}

/// CPython's `handle_capital_sigma`: a cased letter (skipping case-ignorable ones) before, and
/// no cased letter (skipping case-ignorable ones) after.
fn final_sigma(chars: &[char], i: usize) -> char {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let mut final_ = before.is_some_and(|&c| is_cased(c));
    if final_ {
        let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
        final_ = after.is_none_or(|&c| !is_cased(c));
    }
    if final_ {
        '\u{3c2}'
    } else {
        '\u{3c3}'
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(c: char, expect: &str) {
        let flags = [
            is_space(c),
            is_alpha(c),
            is_decimal(c),
            is_digit(c),
            is_numeric(c),
            is_printable(c),
            is_id_start(c),
            is_cased(c),
        ];
        let got: String = flags.iter().map(|&f| if f { '1' } else { '0' }).collect();
        assert_eq!(got, expect, "{c:?}");
    }

    #[test]
    fn classes() {
        // space alpha decimal digit numeric printable id_start cased
        check('a', "01000111");
        check('7', "00111100");
        check('\x1f', "10000000");
        check('\u{a0}', "10000000");
        check('²', "00011100");
        check('½', "00001100");
        check('٣', "00111100");
        check('ǅ', "01000111");
        check('\u{200b}', "00000000");
        check('中', "01000110");
        check('_', "00000110");
    }

    #[test]
    fn mappings() {
        let mut s = String::new();
        push_title(&mut s, 'ß');
        push_title(&mut s, 'ǆ');
        push_casefold(&mut s, 'ß');
        push_upper(&mut s, 'ß');
        assert_eq!(s, "SsǅssSS");
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('x'), None);
        let word: Vec<char> = "ΟΔΟΣ ΣΑ".chars().collect();
        let mut lower = String::new();
        for i in 0..word.len() {
            push_lower_at(&mut lower, &word, i);
        }
        assert_eq!(lower, "οδος σα");
    }
}
