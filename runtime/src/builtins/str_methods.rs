//! The methods of `str` (searching, splitting, stripping, padding, replacing, translating,
//! encoding) and the method tables of `str` and `bytes`.
//!
//! Indexes are code points. ASCII strings (most strings in programs) index bytes directly; other
//! strings convert between code points and UTF-8 byte offsets with `PyStr::byte_offset` and a
//! character count, once per call. Each method follows the CPython 3.11 algorithm it mirrors
//! (`ADJUST_INDICES`, `tailmatch`, `split_whitespace`, `pad` ...), including CPython's quirks
//! (`center` puts the odd fill character on the left when the width is odd) and its error
//! messages.
//!
//! The case methods and predicates are in `str_case.rs`, splitting in `str_split.rs`,
//! `format`/`format_map` in `str_format.rs`, and the `bytes` methods in `bytes_methods.rs`.
//!
//! The codecs themselves are in `codecs.rs`.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::bytes::PyBytes;
use crate::object::dict::PyDict;
use crate::object::function::KwArgs;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::Vm;

use super::chars;
use super::clinic;
use super::codecs::{self, Codec};
use super::methods::Methods;
use super::str_case as case;
use super::str_format;
use super::str_split as split;

pub use super::bytes_methods::BYTES;

pub const METHODS: Methods = &[
    ("capitalize", case::str_capitalize, "Return a capitalized version of the string."),
    ("casefold", case::str_casefold, "Return a version of the string suitable for caseless comparisons."),
    ("center", str_center, "Return a centered string of length width."),
    ("count", str_count, "Return the number of non-overlapping occurrences of substring sub in string S[start:end]."),
    ("encode", str_encode, "Encode the string using the codec registered for encoding."),
    ("endswith", str_endswith, "Return True if S ends with the specified suffix, False otherwise."),
    ("expandtabs", str_expandtabs, "Return a copy where all tab characters are expanded using spaces."),
    ("find", str_find, "Return the lowest index in S where substring sub is found, such that sub is contained within S[start:end]."),
    ("format", str_format::str_format, "Return a formatted version of S, using substitutions from args and kwargs."),
    ("format_map", str_format::str_format_map, "Return a formatted version of S, using substitutions from mapping."),
    ("index", str_index, "Return the lowest index in S where substring sub is found, such that sub is contained within S[start:end]."),
    ("isalnum", case::str_isalnum, "Return True if the string is an alpha-numeric string, False otherwise."),
    ("isalpha", case::str_isalpha, "Return True if the string is an alphabetic string, False otherwise."),
    ("isascii", case::str_isascii, "Return True if all characters in the string are ASCII, False otherwise."),
    ("isdecimal", case::str_isdecimal, "Return True if the string is a decimal string, False otherwise."),
    ("isdigit", case::str_isdigit, "Return True if the string is a digit string, False otherwise."),
    ("isidentifier", case::str_isidentifier, "Return True if the string is a valid Python identifier, False otherwise."),
    ("islower", case::str_islower, "Return True if the string is a lowercase string, False otherwise."),
    ("isnumeric", case::str_isnumeric, "Return True if the string is a numeric string, False otherwise."),
    ("isprintable", case::str_isprintable, "Return True if the string is printable, False otherwise."),
    ("isspace", case::str_isspace, "Return True if the string is a whitespace string, False otherwise."),
    ("istitle", case::str_istitle, "Return True if the string is a title-cased string, False otherwise."),
    ("isupper", case::str_isupper, "Return True if the string is an uppercase string, False otherwise."),
    ("join", str_join, "Concatenate any number of strings."),
    ("ljust", str_ljust, "Return a left-justified string of length width."),
    ("lower", case::str_lower, "Return a copy of the string converted to lowercase."),
    ("lstrip", str_lstrip, "Return a copy of the string with leading whitespace removed."),
    ("partition", split::str_partition, "Partition the string into three parts using the given separator."),
    ("removeprefix", str_removeprefix, "Return a str with the given prefix string removed if present."),
    ("removesuffix", str_removesuffix, "Return a str with the given suffix string removed if present."),
    ("replace", str_replace, "Return a copy with all occurrences of substring old replaced by new."),
    ("rfind", str_rfind, "Return the highest index in S where substring sub is found, such that sub is contained within S[start:end]."),
    ("rindex", str_rindex, "Return the highest index in S where substring sub is found, such that sub is contained within S[start:end]."),
    ("rjust", str_rjust, "Return a right-justified string of length width."),
    ("rpartition", split::str_rpartition, "Partition the string into three parts using the given separator."),
    ("rsplit", split::str_rsplit, "Return a list of the substrings in the string, using sep as the separator string."),
    ("rstrip", str_rstrip, "Return a copy of the string with trailing whitespace removed."),
    ("split", split::str_split, "Return a list of the substrings in the string, using sep as the separator string."),
    ("splitlines", split::str_splitlines, "Return a list of the lines in the string, breaking at line boundaries."),
    ("startswith", str_startswith, "Return True if S starts with the specified prefix, False otherwise."),
    ("strip", str_strip, "Return a copy of the string with leading and trailing whitespace removed."),
    ("swapcase", case::str_swapcase, "Convert uppercase characters to lowercase and lowercase characters to uppercase."),
    ("title", case::str_title, "Return a version of the string where each word is titlecased."),
    ("translate", str_translate, "Replace each character in the string using the given translation table."),
    ("upper", case::str_upper, "Return a copy of the string converted to uppercase."),
    ("zfill", str_zfill, "Pad a numeric string with zeros on the left, to fill a field of the given width."),
];

pub const STATIC: Methods = &[(
    "maketrans",
    str_maketrans,
    "Return a translation table usable for str.translate().",
)];

pub fn this<'a>(name: &str, a: &'a [Value]) -> PyResult<&'a Rc<PyStr>> {
    match clinic::receiver("str", name, a, |v| matches!(v, Value::Str(_)))? {
        Value::Str(s) => Ok(s),
        _ => unreachable!("receiver checked the type"),
    }
}

/// A `str` argument, or `TypeError: must be str, not int`.
pub fn must_be_str(v: &Value) -> PyResult<&Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(PyErr::type_error(format!(
            "must be str, not {}",
            other.type_name()
        ))),
    }
}

/// A `str` argument checked by Argument Clinic: `replace() argument 1 must be str, not int`.
fn clinic_str<'a>(fname: &str, which: &str, v: &'a Value) -> PyResult<&'a Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(PyErr::type_error(format!(
            "{fname}() argument {which} must be str, not {}",
            other.type_name()
        ))),
    }
}

/// The code point index of byte offset `b` in `text`.
fn char_index(text: &str, ascii: bool, b: usize) -> usize {
    if ascii {
        b
    } else {
        text[..b].chars().count()
    }
}

// ----- find, index, count, startswith, endswith -----

/// The resolved search window of `s[start:end]`: code point bounds and the text between them.
struct Window<'a> {
    start: usize,
    text: &'a str,
}

/// `ADJUST_INDICES` plus the `end - start < sub_len` early exit shared by the searches.
fn window<'a>(
    s: &'a PyStr,
    start: Option<i64>,
    end: Option<i64>,
    sub_len: usize,
) -> Option<Window<'a>> {
    let (start, end) = clinic::adjust_indices(start, end, s.char_len());
    if end - start < sub_len as i64 {
        return None;
    }
    let (start, end) = (start as usize, end as usize);
    let (a, b) = if s.is_ascii() {
        (start, end)
    } else {
        let a = s.byte_offset(start);
        let b = a + s[a..]
            .char_indices()
            .nth(end - start)
            .map_or(s.len() - a, |(i, _)| i);
        (a, b)
    };
    Some(Window {
        start,
        text: &s[a..b],
    })
}

/// A parsed search: the receiver, the substring, and the `start` and `end` bounds.
type Search<'a> = (&'a Rc<PyStr>, &'a Rc<PyStr>, Option<i64>, Option<i64>);

/// The shared argument parsing of `find`, `rfind`, `index`, `rindex` and `count`.
fn search_args<'a>(
    vm: &mut Vm,
    name: &str,
    a: &'a [Value],
    kw: Option<KwArgs<'_>>,
) -> PyResult<Search<'a>> {
    let s = this(name, a)?;
    clinic::varargs(&format!("str.{name}"), name, &a[1..], kw, 1, 3)?;
    let sub = must_be_str(&a[1])?;
    let start = clinic::slice_index(vm, a.get(2))?;
    let end = clinic::slice_index(vm, a.get(3))?;
    Ok((s, sub, start, end))
}

fn find_in(s: &PyStr, sub: &PyStr, start: Option<i64>, end: Option<i64>, rev: bool) -> i64 {
    let Some(w) = window(s, start, end, sub.char_len()) else {
        return -1;
    };
    let found = if rev {
        w.text.rfind(sub.as_str())
    } else {
        w.text.find(sub.as_str())
    };
    match found {
        Some(b) => (w.start + char_index(w.text, s.is_ascii(), b)) as i64,
        None => -1,
    }
}

fn str_find(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, "find", a, kw)?;
    Ok(Value::Int(find_in(s, sub, start, end, false)))
}

fn str_rfind(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, "rfind", a, kw)?;
    Ok(Value::Int(find_in(s, sub, start, end, true)))
}

fn str_index(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, "index", a, kw)?;
    match find_in(s, sub, start, end, false) {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn str_rindex(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, "rindex", a, kw)?;
    match find_in(s, sub, start, end, true) {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn str_count(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, "count", a, kw)?;
    let Some(w) = window(s, start, end, sub.char_len()) else {
        return Ok(Value::Int(0));
    };
    let n = if sub.is_empty() {
        char_index(w.text, s.is_ascii(), w.text.len()) + 1
    } else {
        w.text.matches(sub.as_str()).count()
    };
    Ok(Value::Int(n as i64))
}

/// CPython's `tailmatch`: whether `sub` matches `s[start:end]` at its start or its end.
fn tailmatch(s: &PyStr, sub: &PyStr, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let (start, end) = clinic::adjust_indices(start, end, s.char_len());
    if end - (sub.char_len() as i64) < start {
        return false;
    }
    if sub.is_empty() {
        return true;
    }
    match window(s, Some(start), Some(end), sub.char_len()) {
        Some(w) if at_end => w.text.ends_with(sub.as_str()),
        Some(w) => w.text.starts_with(sub.as_str()),
        None => false,
    }
}

fn starts_or_ends(vm: &mut Vm, name: &str, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this(name, a)?;
    clinic::varargs(&format!("str.{name}"), name, &a[1..], kw, 1, 3)?;
    let start = clinic::slice_index(vm, a.get(2))?;
    let end = clinic::slice_index(vm, a.get(3))?;
    let at_end = name == "endswith";
    match &a[1] {
        Value::Str(sub) => Ok(Value::Bool(tailmatch(s, sub, start, end, at_end))),
        Value::Tuple(t) => {
            for item in t.items() {
                let Value::Str(sub) = item else {
                    return Err(PyErr::type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        item.type_name()
                    )));
                };
                if tailmatch(s, sub, start, end, at_end) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            other.type_name()
        ))),
    }
}

fn str_startswith(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    starts_or_ends(vm, "startswith", a, kw)
}

fn str_endswith(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    starts_or_ends(vm, "endswith", a, kw)
}

// ----- strip, removeprefix, removesuffix -----

fn strip(
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let s = this(name, a)?;
    clinic::positional(&format!("str.{name}"), name, &a[1..], kw, 0, 1)?;
    let text = s.as_str();
    let stripped = match a.get(1) {
        None | Some(Value::None) => {
            let t = if left {
                text.trim_start_matches(chars::is_space)
            } else {
                text
            };
            if right {
                t.trim_end_matches(chars::is_space)
            } else {
                t
            }
        }
        Some(Value::Str(set)) => {
            let set = set.as_str();
            let t = if left {
                text.trim_start_matches(|c| set.contains(c))
            } else {
                text
            };
            if right {
                t.trim_end_matches(|c| set.contains(c))
            } else {
                t
            }
        }
        Some(_) => return Err(PyErr::type_error(format!("{name} arg must be None or str"))),
    };
    Ok(if stripped.len() == text.len() {
        Value::Str(s.clone())
    } else {
        Value::str(stripped)
    })
}

fn str_strip(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    strip(a, kw, "strip", true, true)
}

fn str_lstrip(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    strip(a, kw, "lstrip", true, false)
}

fn str_rstrip(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    strip(a, kw, "rstrip", false, true)
}

fn remove_affix(a: &[Value], kw: Option<KwArgs<'_>>, name: &str) -> PyResult<Value> {
    let s = this(name, a)?;
    let affix = clinic::onearg(&format!("str.{name}"), &a[1..], kw)?;
    let Value::Str(affix) = affix else {
        return Err(PyErr::type_error(format!(
            "{name}() argument must be str, not {}",
            affix.type_name()
        )));
    };
    let rest = if name == "removeprefix" {
        s.strip_prefix(affix.as_str())
    } else {
        s.strip_suffix(affix.as_str())
    };
    Ok(match rest {
        Some(rest) if !affix.is_empty() => Value::str(rest),
        _ => Value::Str(s.clone()),
    })
}

fn str_removeprefix(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    remove_affix(a, kw, "removeprefix")
}

fn str_removesuffix(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    remove_affix(a, kw, "removesuffix")
}

// ----- replace, join, expandtabs -----

fn str_replace(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this("replace", a)?;
    clinic::positional("str.replace", "replace", &a[1..], kw, 2, 3)?;
    let old = clinic_str("replace", "1", &a[1])?;
    let new = clinic_str("replace", "2", &a[2])?;
    let count = match a.get(3) {
        Some(v) => clinic::ssize(vm, v)?,
        None => -1,
    };
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if limit == 0 {
        return Ok(Value::Str(s.clone()));
    }
    if old.is_empty() {
        // Insert `new` before every character and at the end, up to `limit` times.
        clinic::check_len(s.len() + new.len().saturating_mul((s.char_len() + 1).min(limit)))?;
        let mut out = String::with_capacity(s.len() + new.len() * (s.char_len() + 1).min(limit));
        let mut done = 0;
        for c in s.chars() {
            if done < limit {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.push_str(new);
        }
        return Ok(Value::from_string(out));
    }
    let matches = s.matches(old.as_str()).count().min(limit);
    if matches == 0 {
        return Ok(Value::Str(s.clone()));
    }
    if new.len() > old.len() {
        clinic::check_len(s.len() + (new.len() - old.len()).saturating_mul(matches))?;
    }
    Ok(Value::from_string(s.replacen(
        old.as_str(),
        new.as_str(),
        limit,
    )))
}

fn str_join(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let sep = this("join", a)?;
    let iterable = clinic::onearg("str.join", &a[1..], kw)?;
    let items = match iterable {
        Value::List(l) => l.snapshot(),
        Value::Tuple(t) => t.items().to_vec(),
        other => {
            let it = vm.iter(other).map_err(|e| {
                if e.matches(|t| &t.type_error) {
                    PyErr::type_error("can only join an iterable")
                } else {
                    e
                }
            })?;
            let mut items = Vec::new();
            while let Some(v) = vm.next_value(&it)? {
                items.push(v);
            }
            items
        }
    };
    if let [Value::Str(only)] = items.as_slice() {
        return Ok(Value::Str(only.clone()));
    }
    let mut total = sep.len() * items.len().saturating_sub(1);
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(s) => total += s.len(),
            other => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                )))
            }
        }
    }
    let mut out = String::with_capacity(total);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        if let Value::Str(s) = item {
            out.push_str(s);
        }
    }
    Ok(Value::from_string(out))
}

fn str_expandtabs(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this("expandtabs", a)?;
    let opts = clinic::keywords("expandtabs", &a[1..], kw, &["tabsize"], 0, 1)?;
    let tabsize = match &opts[0] {
        None => 8,
        Some(v) => clinic::c_int(vm, v)?,
    };
    if !s.contains('\t') {
        return Ok(Value::Str(s.clone()));
    }
    let mut out = String::with_capacity(s.len());
    let mut column: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - column % tabsize;
                column += incr;
                clinic::check_len(out.len() + incr as usize)?;
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            column += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                column = 0;
            }
        }
    }
    Ok(Value::from_string(out))
}

// ----- center, ljust, rjust, zfill -----

fn fill_char(name: &str, a: &[Value]) -> PyResult<char> {
    match a.get(2) {
        None => Ok(' '),
        Some(Value::Str(f)) if f.char_len() == 1 => Ok(f.chars().next().unwrap_or(' ')),
        Some(Value::Str(_)) => Err(PyErr::type_error(
            "The fill character must be exactly one character long",
        )),
        Some(other) => {
            let _ = name;
            Err(PyErr::type_error(format!(
                "The fill character must be a unicode character, not {}",
                other.type_name()
            )))
        }
    }
}

/// How to pad a string: the width, the number of fill characters, and the fill character.
type Padding = (i64, usize, char);

/// The receiver of `center`, `ljust` or `rjust` and its padding (`None` when the string is
/// already wide enough).
fn justify_args<'a>(
    vm: &mut Vm,
    name: &str,
    a: &'a [Value],
    kw: Option<KwArgs<'_>>,
) -> PyResult<(&'a Rc<PyStr>, Option<Padding>)> {
    let s = this(name, a)?;
    clinic::positional(&format!("str.{name}"), name, &a[1..], kw, 1, 2)?;
    let width = clinic::ssize(vm, &a[1])?;
    let fill = fill_char(name, a)?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok((s, None));
    }
    clinic::check_len((width - len) as usize * fill.len_utf8() + s.len())?;
    Ok((s, Some((width, (width - len) as usize, fill))))
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> Value {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Value::from_string(out)
}

fn str_center(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (s, how) = justify_args(vm, "center", a, kw)?;
    let Some((width, marg, fill)) = how else {
        return Ok(Value::Str(s.clone()));
    };
    // CPython's rounding: the extra fill character goes left when both are odd.
    let left = marg / 2 + (marg as i64 & width & 1) as usize;
    Ok(pad(s, left, marg - left, fill))
}

fn str_ljust(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (s, how) = justify_args(vm, "ljust", a, kw)?;
    Ok(match how {
        Some((_, marg, fill)) => pad(s, 0, marg, fill),
        None => Value::Str(s.clone()),
    })
}

fn str_rjust(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (s, how) = justify_args(vm, "rjust", a, kw)?;
    Ok(match how {
        Some((_, marg, fill)) => pad(s, marg, 0, fill),
        None => Value::Str(s.clone()),
    })
}

fn str_zfill(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this("zfill", a)?;
    let width = clinic::onearg("str.zfill", &a[1..], kw)?;
    let width = clinic::ssize(vm, width)?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(s.clone()));
    }
    let fill = (width - len) as usize;
    clinic::check_len(s.len() + fill)?;
    let mut out = String::with_capacity(s.len() + fill);
    let body = match s.as_bytes().first() {
        Some(&sign @ (b'+' | b'-')) => {
            out.push(sign as char);
            &s[1..]
        }
        _ => s.as_str(),
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(body);
    Ok(Value::from_string(out))
}

// ----- translate, maketrans -----

fn str_translate(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this("translate", a)?;
    let table = clinic::onearg("str.translate", &a[1..], kw)?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = Value::Int(c as i64);
        let mapped = match table {
            Value::Dict(d) => match vm.dict_get(d, &key)? {
                Some(v) => v,
                None => {
                    out.push(c);
                    continue;
                }
            },
            _ => match vm.getitem(table, &key) {
                Ok(v) => v,
                Err(e) if e.matches(|t| &t.lookup_error) => {
                    out.push(c);
                    continue;
                }
                Err(e) => return Err(e),
            },
        };
        match mapped {
            Value::None => {}
            Value::Str(r) => out.push_str(&r),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                let code = match mapped {
                    Value::Int(i) => i,
                    Value::Bool(b) => b as i64,
                    _ => -1,
                };
                if !(0..0x110000).contains(&code) {
                    return Err(PyErr::value_error(
                        "character mapping must be in range(0x110000)",
                    ));
                }
                match char::from_u32(code as u32) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(PyErr::not_implemented(
                            "lone surrogate characters are not supported by Coro",
                        ))
                    }
                }
            }
            _ => {
                return Err(PyErr::type_error(
                    "character mapping must return integer, None or str",
                ))
            }
        }
    }
    Ok(Value::from_string(out))
}

fn str_maketrans(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    clinic::positional("str.maketrans", "maketrans", a, kw, 1, 3)?;
    let y = match a.get(1) {
        Some(v) => Some(clinic_str("maketrans", "2", v)?),
        None => None,
    };
    let z = match a.get(2) {
        Some(v) => Some(clinic_str("maketrans", "3", v)?),
        None => None,
    };
    let out = Rc::new(PyDict::new());
    let Some(y) = y else {
        let Value::Dict(d) = &a[0] else {
            return Err(PyErr::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        for (k, v) in d.items() {
            let key = match &k {
                Value::Str(s) if s.char_len() == 1 => {
                    Value::Int(s.chars().next().map_or(0, |c| c as i64))
                }
                Value::Str(_) => {
                    return Err(PyErr::value_error(
                        "string keys in translate table must be of length 1",
                    ))
                }
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => k.clone(),
                _ => {
                    return Err(PyErr::type_error(
                        "keys in translate table must be strings or integers",
                    ))
                }
            };
            vm.dict_set(&out, key, v)?;
        }
        return Ok(Value::Dict(out));
    };
    let Value::Str(x) = &a[0] else {
        return Err(PyErr::type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    if x.char_len() != y.char_len() {
        return Err(PyErr::value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (from, to) in x.chars().zip(y.chars()) {
        vm.dict_set(&out, Value::Int(from as i64), Value::Int(to as i64))?;
    }
    if let Some(z) = z {
        for c in z.chars() {
            vm.dict_set(&out, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Dict(out))
}

fn str_encode(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this("encode", a)?;
    let opts = clinic::keywords("encode", &a[1..], kw, &["encoding", "errors"], 0, 2)?;
    let mut names = ["utf-8".to_string(), "strict".to_string()];
    for (i, which) in ["encoding", "errors"].iter().enumerate() {
        match &opts[i] {
            None => {}
            Some(Value::Str(v)) => names[i] = v.as_str().to_string(),
            Some(other) => {
                return Err(PyErr::type_error(format!(
                    "encode() argument '{which}' must be str, not {}",
                    other.type_name()
                )))
            }
        }
    }
    let codec = Codec::lookup(&names[0])?;
    let data = codecs::encode(s, codec, &names[1])?;
    Ok(Value::Bytes(Rc::new(PyBytes::new(data))))
}

#[cfg(test)]
mod tests {
    use super::super::method_test::*;
    use crate::object::value::Value;

    fn check(recv: Value, name: &str, args: &[Value], kw: &[(&str, Value)], expect: &str) {
        assert_eq!(call(recv, name, args, kw), expect, "{name}");
    }

    /// Cases recorded from CPython 3.11 by `runtime/tools/gen_method_cases.py`.
    #[test]
    #[rustfmt::skip]
    fn recorded() {
    check(s("hello"), "find", &[s("l")], &[], "2");
    check(s("hello"), "rfind", &[s("l")], &[], "3");
    check(s("hello"), "find", &[s("l"), i(3)], &[], "3");
    check(s("hello"), "find", &[s("l"), i(-2)], &[], "3");
    check(s("hello"), "find", &[s(""), i(5)], &[], "5");
    check(s("hello"), "find", &[s(""), i(6)], &[], "-1");
    check(s("hello"), "rfind", &[s(""), i(2)], &[], "5");
    check(s("h\u{e9}llo w\u{f6}rld"), "find", &[s("\u{f6}")], &[], "7");
    check(s("h\u{e9}llo w\u{f6}rld"), "rfind", &[s("l"), i(0), i(4)], &[], "3");
    check(s("h\u{e9}llo"), "find", &[s("l"), Value::None, Value::None], &[], "2");
    check(s("a"), "find", &[s("a"), s("x")], &[], "TypeError: slice indices must be integers or None or have an __index__ method");
    check(s("a"), "find", &[i(1)], &[], "TypeError: must be str, not int");
    check(s("a"), "find", &[], &[], "TypeError: find() takes at least 1 argument (0 given)");
    check(s("a"), "find", &[s("a"), i(1), i(2), i(3)], &[], "TypeError: find() takes at most 3 arguments (4 given)");
    check(s("a"), "find", &[], &[("sub", s("a"))], "TypeError: str.find() takes no keyword arguments");
    check(s("hello"), "index", &[s("z")], &[], "ValueError: substring not found");
    check(s("hello"), "rindex", &[s("l")], &[], "3");
    check(s("hello"), "count", &[s("l")], &[], "2");
    check(s("hello"), "count", &[s("")], &[], "6");
    check(s("h\u{e9}llo"), "count", &[s(""), i(2)], &[], "4");
    check(s("abc"), "count", &[s(""), i(4)], &[], "0");
    check(s("aaaa"), "count", &[s("aa")], &[], "2");
    check(s("hello"), "startswith", &[s("he")], &[], "True");
    check(s("hello"), "startswith", &[t(vec![s("x"), s("he")])], &[], "True");
    check(s("hello"), "startswith", &[s("lo"), i(3)], &[], "True");
    check(s("hello"), "endswith", &[s("ll"), i(0), i(4)], &[], "True");
    check(s("hello"), "endswith", &[t(vec![s("a"), i(1)])], &[], "TypeError: tuple for endswith must only contain str, not int");
    check(s("hello"), "startswith", &[t(vec![s("he"), i(1)])], &[], "True");
    check(s("hello"), "startswith", &[i(1)], &[], "TypeError: startswith first arg must be str or a tuple of str, not int");
    check(s("abc"), "startswith", &[s(""), i(3)], &[], "True");
    check(s("abc"), "startswith", &[s(""), i(4)], &[], "False");
    check(s("a b  c"), "split", &[], &[], "['a', 'b', 'c']");
    check(s("  a b  c  "), "split", &[Value::None, i(1)], &[], "['a', 'b  c  ']");
    check(s("  a b  c  "), "rsplit", &[Value::None, i(1)], &[], "['  a b', 'c']");
    check(s("a,b,,c,"), "split", &[s(",")], &[], "['a', 'b', '', 'c', '']");
    check(s("a,b,,c,"), "rsplit", &[s(","), i(2)], &[], "['a,b,', 'c', '']");
    check(s("a,b,c"), "split", &[s(",")], &[("maxsplit", i(1))], "['a', 'b,c']");
    check(s("a b"), "split", &[], &[("sep", Value::None)], "['a', 'b']");
    check(s("a"), "split", &[s(",")], &[("sep", s(","))], "TypeError: argument for split() given by name ('sep') and position (1)");
    check(s("a"), "split", &[s("")], &[], "ValueError: empty separator");
    check(s("a"), "split", &[i(1)], &[], "TypeError: must be str or None, not int");
    check(s("a\u{2003}b\u{1c}c"), "split", &[], &[], "['a', 'b', 'c']");
    check(s(""), "split", &[], &[], "[]");
    check(s(""), "split", &[s(",")], &[], "['']");
    check(s("aaa"), "rsplit", &[s("aa")], &[], "['a', '']");
    check(s("a\u{a}b\u{d}\u{a}c\u{d}d\u{b}e\u{1c}f\u{2028}g"), "splitlines", &[], &[], "['a', 'b', 'c', 'd', 'e', 'f', 'g']");
    check(s("a\u{a}b\u{d}\u{a}"), "splitlines", &[Value::Bool(true)], &[], "['a\\n', 'b\\r\\n']");
    check(s("a\u{a}"), "splitlines", &[], &[("keepends", Value::Bool(true))], "['a\\n']");
    check(s(""), "splitlines", &[], &[], "[]");
    check(s("a"), "splitlines", &[s("x")], &[], "TypeError: 'str' object cannot be interpreted as an integer");
    check(s("a-b-c"), "partition", &[s("-")], &[], "('a', '-', 'b-c')");
    check(s("a-b-c"), "rpartition", &[s("-")], &[], "('a-b', '-', 'c')");
    check(s("abc"), "partition", &[s("x")], &[], "('abc', '', '')");
    check(s("abc"), "rpartition", &[s("x")], &[], "('', '', 'abc')");
    check(s("abc"), "partition", &[s("")], &[], "ValueError: empty separator");
    check(s("  hi  "), "strip", &[], &[], "'hi'");
    check(s("xxhixx"), "strip", &[s("x")], &[], "'hi'");
    check(s("\u{3000}hi\u{1f}"), "strip", &[], &[], "'hi'");
    check(s("  hi  "), "lstrip", &[], &[], "'hi  '");
    check(s("  hi  "), "rstrip", &[], &[], "'  hi'");
    check(s("abc"), "strip", &[i(1)], &[], "TypeError: strip arg must be None or str");
    check(s("abcab"), "rstrip", &[s("ab")], &[], "'abc'");
    check(s("prefix-rest"), "removeprefix", &[s("prefix-")], &[], "'rest'");
    check(s("rest"), "removesuffix", &[s("")], &[], "'rest'");
    check(s("a"), "removeprefix", &[i(1)], &[], "TypeError: removeprefix() argument must be str, not int");
    check(s("aaa"), "replace", &[s("a"), s("b"), i(2)], &[], "'bba'");
    check(s("abc"), "replace", &[s(""), s("-")], &[], "'-a-b-c-'");
    check(s("abc"), "replace", &[s(""), s("-"), i(2)], &[], "'-a-bc'");
    check(s(""), "replace", &[s(""), s("x")], &[], "'x'");
    check(s("a"), "replace", &[i(1), s("b")], &[], "TypeError: replace() argument 1 must be str, not int");
    check(s("h\u{e9}llo"), "replace", &[s("l"), s("L")], &[], "'h\u{e9}LLo'");
    check(s(","), "join", &[l(vec![s("a"), s("b"), s("c")])], &[], "'a,b,c'");
    check(s(","), "join", &[t(vec![s("a")])], &[], "'a'");
    check(s(","), "join", &[l(vec![])], &[], "''");
    check(s(","), "join", &[l(vec![s("a"), i(1)])], &[], "TypeError: sequence item 1: expected str instance, int found");
    check(s(","), "join", &[i(1)], &[], "TypeError: can only join an iterable");
    check(s("a\u{9}b\u{a}\u{9}c"), "expandtabs", &[], &[], "'a       b\\n        c'");
    check(s("ab\u{9}c\u{d}\u{9}d"), "expandtabs", &[i(4)], &[], "'ab  c\\r    d'");
    check(s("a\u{9}b"), "expandtabs", &[], &[("tabsize", i(-1))], "'ab'");
    check(s("abc"), "center", &[i(6), s("*")], &[], "'*abc**'");
    check(s("abc"), "center", &[i(8)], &[], "'  abc   '");
    check(s("ab"), "center", &[i(5), s("*")], &[], "'**ab*'");
    check(s("h\u{e9}llo"), "center", &[i(9), s("\u{e9}")], &[], "'\u{e9}\u{e9}h\u{e9}llo\u{e9}\u{e9}'");
    check(s("abc"), "center", &[i(5), s("ab")], &[], "TypeError: The fill character must be exactly one character long");
    check(s("abc"), "center", &[i(5), i(1)], &[], "TypeError: The fill character must be a unicode character, not int");
    check(s("abc"), "center", &[], &[], "TypeError: center expected at least 1 argument, got 0");
    check(s("abc"), "ljust", &[i(5), s("-")], &[], "'abc--'");
    check(s("abc"), "rjust", &[i(5)], &[], "'  abc'");
    check(s("abc"), "ljust", &[i(2)], &[], "'abc'");
    check(s("-42"), "zfill", &[i(6)], &[], "'-00042'");
    check(s("+4"), "zfill", &[i(4)], &[], "'+004'");
    check(s("abc"), "zfill", &[i(5)], &[], "'00abc'");
    check(s(""), "zfill", &[i(3)], &[], "'000'");
    check(s("abc"), "translate", &[d(vec![(i(97), s("xy")), (i(98), Value::None), (i(99), i(100))])], &[], "'xyd'");
    check(s("abc"), "translate", &[d(vec![(i(97), i(1114112))])], &[], "ValueError: character mapping must be in range(0x110000)");
    check(s("abc"), "translate", &[d(vec![(i(97), f(1.5))])], &[], "TypeError: character mapping must return integer, None or str");
    check(s("abc"), "translate", &[s("xyz")], &[], "'abc'");
    check(s("abc"), "maketrans", &[s("ab"), s("xy"), s("c")], &[], "{97: 120, 98: 121, 99: None}");
    check(s("abc"), "maketrans", &[d(vec![(s("a"), i(1)), (i(98), Value::None)])], &[], "{97: 1, 98: None}");
    check(s("abc"), "maketrans", &[d(vec![(s("ab"), i(1))])], &[], "ValueError: string keys in translate table must be of length 1");
    check(s("abc"), "maketrans", &[s("a"), s("bc")], &[], "ValueError: the first two maketrans arguments must have equal length");
    check(s("abc"), "maketrans", &[i(1), s("a")], &[], "TypeError: first maketrans argument must be a string if there is a second argument");
    check(s("abc"), "maketrans", &[i(1)], &[], "TypeError: if you give only one argument to maketrans it must be a dict");
    check(s("a\u{e9}\u{20ac}x"), "encode", &[], &[], "b'a\\xc3\\xa9\\xe2\\x82\\xacx'");
    check(s("a\u{e9}"), "encode", &[s("latin-1")], &[], "b'a\\xe9'");
    check(s("a\u{e9}\u{20ac}"), "encode", &[s("ascii")], &[], "UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)");
    check(s("\u{e9}"), "encode", &[s("ascii"), s("replace")], &[], "b'?'");
    check(s("\u{e9}\u{20ac}"), "encode", &[s("ascii")], &[("errors", s("xmlcharrefreplace"))], "b'&#233;&#8364;'");
    check(s("a"), "encode", &[s("rot13")], &[], "LookupError: 'rot13' is not a text encoding; use codecs.encode() to handle arbitrary codecs");
    check(s("a"), "encode", &[s("nope")], &[], "LookupError: unknown encoding: nope");
    check(s("a"), "encode", &[i(1)], &[], "TypeError: encode() argument 'encoding' must be str, not int");
    check(s("{} and {}"), "format", &[i(1), s("a")], &[], "'1 and a'");
    check(s("{x}"), "format_map", &[d(vec![(s("x"), i(5))])], &[], "'5'");
    check(s("Hello World"), "swapcase", &[], &[], "'hELLO wORLD'");
    check(s("hello world"), "title", &[], &[], "'Hello World'");
    check(s("\u{1c6}emal"), "capitalize", &[], &[], "'\u{1c5}emal'");
    check(s("Stra\u{df}e"), "casefold", &[], &[], "'strasse'");
    check(s("\u{3a3}\u{391}\u{3a3} \u{39f}\u{394}\u{39f}\u{3a3}"), "lower", &[], &[], "'\u{3c3}\u{3b1}\u{3c2} \u{3bf}\u{3b4}\u{3bf}\u{3c2}'");
    check(s("abc"), "upper", &[i(1)], &[], "TypeError: str.upper() takes no arguments (1 given)");
    check(s("abc"), "upper", &[], &[("x", i(1))], "TypeError: str.upper() takes no keyword arguments");
    check(s("\u{661}\u{662}\u{663}"), "isdecimal", &[], &[], "True");
    check(s("x1"), "isidentifier", &[], &[], "True");
    check(s("Hello"), "istitle", &[], &[], "True");
    }
}
