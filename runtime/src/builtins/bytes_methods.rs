//! The methods of `bytes`: decoding, `hex`, searching, splitting, stripping, padding, case
//! mapping and the ASCII predicates, with CPython 3.11's algorithms and messages.
//!
//! Bytes methods treat only ASCII letters as cased and only ASCII white space (space, `\t`,
//! `\n`, `\v`, `\f`, `\r`) as white space, as CPython's `Py_ISSPACE` does. Search arguments may
//! be bytes or, for `find`/`count`/`index` and their mirrors, an integer byte value.
//!
//! What this module does not do: `bytes.fromhex` and `bytes.maketrans` (they need class and
//! static method tables for `bytes`), `translate`, and the `bytearray`/`memoryview` types.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::bytes::PyBytes;
use crate::object::function::KwArgs;
use crate::object::value::Value;
use crate::vm::Vm;

use super::clinic;
use super::codecs::{self, Codec};
use super::methods::Methods;

pub const BYTES: Methods = &[
    ("capitalize", b_capitalize, "B.capitalize() -> copy of B"),
    ("center", b_center, "Return a centered string of length width."),
    ("count", b_count, "Return the number of non-overlapping occurrences of subsection 'sub' in bytes B[start:end]."),
    ("decode", b_decode, "Decode the bytes using the codec registered for encoding."),
    ("endswith", b_endswith, "Return True if the bytes ends with the specified suffix, False otherwise."),
    ("expandtabs", b_expandtabs, "Return a copy where all tab characters are expanded using spaces."),
    ("find", b_find, "Return the lowest index in B where subsection 'sub' is found, such that 'sub' is contained within B[start,end]."),
    ("hex", b_hex, "Create a string of hexadecimal numbers from a bytes object."),
    ("index", b_index, "Return the lowest index in B where subsection 'sub' is found, such that 'sub' is contained within B[start,end]."),
    ("isalnum", b_isalnum, "B.isalnum() -> bool"),
    ("isalpha", b_isalpha, "B.isalpha() -> bool"),
    ("isascii", b_isascii, "B.isascii() -> bool"),
    ("isdigit", b_isdigit, "B.isdigit() -> bool"),
    ("islower", b_islower, "B.islower() -> bool"),
    ("isspace", b_isspace, "B.isspace() -> bool"),
    ("istitle", b_istitle, "B.istitle() -> bool"),
    ("isupper", b_isupper, "B.isupper() -> bool"),
    ("join", b_join, "Concatenate any number of bytes objects."),
    ("ljust", b_ljust, "Return a left-justified string of length width."),
    ("lower", b_lower, "B.lower() -> copy of B"),
    ("lstrip", b_lstrip, "Strip leading bytes contained in the argument."),
    ("partition", b_partition, "Partition the bytes into three parts using the given separator."),
    ("removeprefix", b_removeprefix, "Return a bytes object with the given prefix string removed if present."),
    ("removesuffix", b_removesuffix, "Return a bytes object with the given suffix string removed if present."),
    ("replace", b_replace, "Return a copy with all occurrences of substring old replaced by new."),
    ("rfind", b_rfind, "Return the highest index in B where subsection 'sub' is found, such that 'sub' is contained within B[start,end]."),
    ("rindex", b_rindex, "Return the highest index in B where subsection 'sub' is found, such that 'sub' is contained within B[start,end]."),
    ("rjust", b_rjust, "Return a right-justified string of length width."),
    ("rpartition", b_rpartition, "Partition the bytes into three parts using the given separator."),
    ("rsplit", b_rsplit, "Return a list of the sections in the bytes, using sep as the delimiter."),
    ("rstrip", b_rstrip, "Strip trailing bytes contained in the argument."),
    ("split", b_split, "Return a list of the sections in the bytes, using sep as the delimiter."),
    ("splitlines", b_splitlines, "Return a list of the lines in the bytes, breaking at line boundaries."),
    ("startswith", b_startswith, "Return True if the bytes starts with the specified prefix, False otherwise."),
    ("strip", b_strip, "Strip leading and trailing bytes contained in the argument."),
    ("swapcase", b_swapcase, "B.swapcase() -> copy of B"),
    ("title", b_title, "B.title() -> copy of B"),
    ("upper", b_upper, "B.upper() -> copy of B"),
    ("zfill", b_zfill, "Pad a numeric string with zeros on the left, to fill a field of the given width."),
];

fn this<'a>(name: &str, a: &'a [Value]) -> PyResult<&'a Rc<PyBytes>> {
    match clinic::receiver("bytes", name, a, |v| matches!(v, Value::Bytes(_)))? {
        Value::Bytes(b) => Ok(b),
        _ => unreachable!("receiver checked the type"),
    }
}

fn new_bytes(data: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(PyBytes::new(data)))
}

fn same_or_new(b: &Rc<PyBytes>, data: &[u8]) -> Value {
    if data.len() == b.data.len() {
        Value::Bytes(b.clone())
    } else {
        new_bytes(data.to_vec())
    }
}

/// A bytes-like argument, or `a bytes-like object is required, not 'str'`.
fn bytes_like(v: &Value) -> PyResult<&[u8]> {
    match v {
        Value::Bytes(b) => Ok(&b.data),
        other => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            other.type_name()
        ))),
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// The first position of `needle` in `hay`.
fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The last position of `needle` in `hay`.
fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

// ----- decode, hex -----

fn b_decode(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let b = this("decode", a)?;
    let opts = clinic::keywords("decode", &a[1..], kw, &["encoding", "errors"], 0, 2)?;
    let mut names = ["utf-8".to_string(), "strict".to_string()];
    for (i, which) in ["encoding", "errors"].iter().enumerate() {
        match &opts[i] {
            None => {}
            Some(Value::Str(v)) => names[i] = v.as_str().to_string(),
            Some(other) => {
                return Err(PyErr::type_error(format!(
                    "decode() argument '{which}' must be str, not {}",
                    other.type_name()
                )))
            }
        }
    }
    let codec = Codec::lookup(&names[0])?;
    Ok(Value::from_string(codecs::decode(
        &b.data, codec, &names[1],
    )?))
}

fn b_hex(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let b = this("hex", a)?;
    let opts = clinic::keywords("hex", &a[1..], kw, &["sep", "bytes_per_sep"], 0, 2)?;
    let digits: Vec<String> = b.data.iter().map(|x| format!("{x:02x}")).collect();
    let sep = match &opts[0] {
        None => return Ok(Value::from_string(digits.concat())),
        Some(Value::Str(s)) => {
            if s.char_len() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            s.as_str().to_string()
        }
        Some(Value::Bytes(s)) => {
            if s.data.len() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            (s.data[0] as char).to_string()
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "object of type '{}' has no len()",
                other.type_name()
            )))
        }
    };
    let per = match &opts[1] {
        None => 1,
        Some(v) => clinic::c_int(vm, v)?,
    };
    let group = per.unsigned_abs() as usize;
    if group == 0 || digits.is_empty() {
        return Ok(Value::from_string(digits.concat()));
    }
    // A positive count groups from the right, a negative one from the left.
    let n = digits.len();
    let mut out = String::with_capacity(n * 3);
    for (i, d) in digits.iter().enumerate() {
        let boundary = if per > 0 {
            i > 0 && (n - i).is_multiple_of(group)
        } else {
            i > 0 && i.is_multiple_of(group)
        };
        if boundary {
            out.push_str(&sep);
        }
        out.push_str(d);
    }
    Ok(Value::from_string(out))
}

// ----- searching -----

/// The `sub` of `find`/`count`/`index`: bytes, or an integer byte value.
fn search_needle(v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.data.to_vec()),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let i = match v {
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i64,
                _ => -1,
            };
            if !(0..256).contains(&i) {
                return Err(PyErr::value_error("byte must be in range(0, 256)"));
            }
            Ok(vec![i as u8])
        }
        other => Err(PyErr::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            other.type_name()
        ))),
    }
}

/// A parsed search: the receiver, the needle, and the window `start..end` to search, `None`
/// when the window is too short to hold the needle.
type Search<'a> = (&'a Rc<PyBytes>, Vec<u8>, Option<(usize, usize)>);

/// Parses the arguments of `find`, `count`, `index` and their mirrors.
fn search<'a>(
    vm: &mut Vm,
    name: &str,
    a: &'a [Value],
    kw: Option<KwArgs<'_>>,
) -> PyResult<Search<'a>> {
    let b = this(name, a)?;
    clinic::varargs(&format!("bytes.{name}"), name, &a[1..], kw, 1, 3)?;
    let needle = search_needle(&a[1])?;
    let start = clinic::slice_index(vm, a.get(2))?;
    let end = clinic::slice_index(vm, a.get(3))?;
    let (start, end) = clinic::adjust_indices(start, end, b.data.len());
    let window = if end - start < needle.len() as i64 {
        None
    } else {
        Some((start as usize, end as usize))
    };
    Ok((b, needle, window))
}

fn find_impl(
    vm: &mut Vm,
    name: &str,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    rev: bool,
) -> PyResult<i64> {
    let (b, needle, window) = search(vm, name, a, kw)?;
    let Some((start, end)) = window else {
        return Ok(-1);
    };
    let hay = &b.data[start..end];
    let found = if rev {
        rfind_sub(hay, &needle)
    } else {
        find_sub(hay, &needle)
    };
    Ok(found.map_or(-1, |i| (start + i) as i64))
}

fn b_find(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, "find", a, kw, false)?))
}

fn b_rfind(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, "rfind", a, kw, true)?))
}

fn b_index(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    match find_impl(vm, "index", a, kw, false)? {
        -1 => Err(PyErr::value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn b_rindex(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    match find_impl(vm, "rindex", a, kw, true)? {
        -1 => Err(PyErr::value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn b_count(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let (b, needle, window) = search(vm, "count", a, kw)?;
    let Some((start, end)) = window else {
        return Ok(Value::Int(0));
    };
    let hay = &b.data[start..end];
    if needle.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = find_sub(&hay[i..], &needle) {
        n += 1;
        i += p + needle.len();
    }
    Ok(Value::Int(n))
}

fn affix(vm: &mut Vm, name: &str, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let b = this(name, a)?;
    clinic::varargs(&format!("bytes.{name}"), name, &a[1..], kw, 1, 3)?;
    let start = clinic::slice_index(vm, a.get(2))?;
    let end = clinic::slice_index(vm, a.get(3))?;
    let at_end = name == "endswith";
    let matches = |sub: &[u8]| {
        let (start, end) = clinic::adjust_indices(start, end, b.data.len());
        if end - (sub.len() as i64) < start {
            return false;
        }
        let hay = &b.data[start as usize..end as usize];
        if at_end {
            hay.ends_with(sub)
        } else {
            hay.starts_with(sub)
        }
    };
    match &a[1] {
        Value::Bytes(sub) => Ok(Value::Bool(matches(&sub.data))),
        Value::Tuple(t) => {
            for item in t.items() {
                let Value::Bytes(sub) = item else {
                    return Err(PyErr::type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        item.type_name()
                    )));
                };
                if matches(&sub.data) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(PyErr::type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            other.type_name()
        ))),
    }
}

fn b_startswith(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    affix(vm, "startswith", a, kw)
}

fn b_endswith(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    affix(vm, "endswith", a, kw)
}

// ----- splitting and joining -----

fn split_args(
    vm: &mut Vm,
    name: &str,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
) -> PyResult<(Option<Vec<u8>>, usize)> {
    let opts = clinic::keywords(name, &a[1..], kw, &["sep", "maxsplit"], 0, 2)?;
    let sep = match &opts[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = bytes_like(v)?;
            if s.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s.to_vec())
        }
    };
    let maxsplit = match &opts[1] {
        None => -1,
        Some(v) => clinic::ssize(vm, v)?,
    };
    Ok((
        sep,
        if maxsplit < 0 {
            usize::MAX
        } else {
            maxsplit as usize
        },
    ))
}

fn list_of(parts: Vec<&[u8]>) -> Value {
    Value::list(parts.into_iter().map(|p| new_bytes(p.to_vec())).collect())
}

fn b_split(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let b = this("split", a)?;
    let (sep, mut left) = split_args(vm, "split", a, kw)?;
    let data: &[u8] = &b.data;
    let mut parts = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            while left > 0 {
                while i < data.len() && is_space(data[i]) {
                    i += 1;
                }
                if i == data.len() {
                    break;
                }
                let j = i;
                while i < data.len() && !is_space(data[i]) {
                    i += 1;
                }
                parts.push(&data[j..i]);
                left -= 1;
            }
            while i < data.len() && is_space(data[i]) {
                i += 1;
            }
            if i < data.len() {
                parts.push(&data[i..]);
            }
        }
        Some(sep) => {
            let mut i = 0;
            while left > 0 {
                let Some(p) = find_sub(&data[i..], &sep) else {
                    break;
                };
                parts.push(&data[i..i + p]);
                i += p + sep.len();
                left -= 1;
            }
            parts.push(&data[i..]);
        }
    }
    Ok(list_of(parts))
}

fn b_rsplit(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let b = this("rsplit", a)?;
    let (sep, mut left) = split_args(vm, "rsplit", a, kw)?;
    let data: &[u8] = &b.data;
    let mut parts = Vec::new();
    match sep {
        None => {
            let mut end = data.len();
            while left > 0 {
                while end > 0 && is_space(data[end - 1]) {
                    end -= 1;
                }
                if end == 0 {
                    break;
                }
                let mut start = end;
                while start > 0 && !is_space(data[start - 1]) {
                    start -= 1;
                }
                parts.push(&data[start..end]);
                end = start;
                left -= 1;
            }
            while end > 0 && is_space(data[end - 1]) {
                end -= 1;
            }
            if end > 0 {
                parts.push(&data[..end]);
            }
        }
        Some(sep) => {
            let mut end = data.len();
            while left > 0 {
                let Some(p) = rfind_sub(&data[..end], &sep) else {
                    break;
                };
                parts.push(&data[p + sep.len()..end]);
                end = p;
                left -= 1;
            }
            parts.push(&data[..end]);
        }
    }
    parts.reverse();
    Ok(list_of(parts))
}

fn b_splitlines(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let b = this("splitlines", a)?;
    let opts = clinic::keywords("splitlines", &a[1..], kw, &["keepends"], 0, 1)?;
    let keepends = match &opts[0] {
        None => false,
        Some(v) => clinic::c_int(vm, v)? != 0,
    };
    let data: &[u8] = &b.data;
    let mut parts = Vec::new();
    let (mut i, mut begin) = (0, 0);
    while i < data.len() {
        let c = data[i];
        i += 1;
        if c != b'\n' && c != b'\r' {
            continue;
        }
        let eol_start = i - 1;
        if c == b'\r' && data.get(i) == Some(&b'\n') {
            i += 1;
        }
        parts.push(&data[begin..if keepends { i } else { eol_start }]);
        begin = i;
    }
    if begin < data.len() {
        parts.push(&data[begin..]);
    }
    Ok(list_of(parts))
}

fn partition(a: &[Value], kw: Option<KwArgs<'_>>, name: &str, rev: bool) -> PyResult<Value> {
    let b = this(name, a)?;
    let sep_value = clinic::onearg(&format!("bytes.{name}"), &a[1..], kw)?;
    let sep = bytes_like(sep_value)?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found = if rev {
        rfind_sub(&b.data, sep)
    } else {
        find_sub(&b.data, sep)
    };
    let empty = || new_bytes(Vec::new());
    let whole = Value::Bytes(b.clone());
    Ok(match found {
        Some(i) => Value::tuple(vec![
            new_bytes(b.data[..i].to_vec()),
            sep_value.clone(),
            new_bytes(b.data[i + sep.len()..].to_vec()),
        ]),
        None if rev => Value::tuple(vec![empty(), empty(), whole]),
        None => Value::tuple(vec![whole, empty(), empty()]),
    })
}

fn b_partition(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    partition(a, kw, "partition", false)
}

fn b_rpartition(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    partition(a, kw, "rpartition", true)
}

fn b_join(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let sep = this("join", a)?;
    let iterable = clinic::onearg("bytes.join", &a[1..], kw)?;
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
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Value::Bytes(part) = item else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                item.type_name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep.data);
        }
        out.extend_from_slice(&part.data);
    }
    Ok(new_bytes(out))
}

// ----- stripping, replacing, padding -----

fn strip(
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let b = this(name, a)?;
    clinic::positional(&format!("bytes.{name}"), name, &a[1..], kw, 0, 1)?;
    let set: Option<&[u8]> = match a.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_like(v)?),
    };
    let strip_it = |c: &u8| match set {
        None => is_space(*c),
        Some(s) => s.contains(c),
    };
    let data: &[u8] = &b.data;
    let start = if left {
        data.iter().position(|c| !strip_it(c)).unwrap_or(data.len())
    } else {
        0
    };
    let end = if right {
        data.iter()
            .rposition(|c| !strip_it(c))
            .map_or(start, |i| i + 1)
            .max(start)
    } else {
        data.len()
    };
    Ok(same_or_new(b, &data[start..end]))
}

fn b_strip(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    strip(a, kw, "strip", true, true)
}

fn b_lstrip(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    strip(a, kw, "lstrip", true, false)
}

fn b_rstrip(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    strip(a, kw, "rstrip", false, true)
}

fn remove_affix(a: &[Value], kw: Option<KwArgs<'_>>, name: &str) -> PyResult<Value> {
    let b = this(name, a)?;
    let affix = bytes_like(clinic::onearg(&format!("bytes.{name}"), &a[1..], kw)?)?;
    let rest = if name == "removeprefix" {
        b.data.strip_prefix(affix)
    } else {
        b.data.strip_suffix(affix)
    };
    Ok(match rest {
        Some(rest) => same_or_new(b, rest),
        None => Value::Bytes(b.clone()),
    })
}

fn b_removeprefix(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    remove_affix(a, kw, "removeprefix")
}

fn b_removesuffix(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    remove_affix(a, kw, "removesuffix")
}

fn b_replace(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let b = this("replace", a)?;
    clinic::positional("bytes.replace", "replace", &a[1..], kw, 2, 3)?;
    let old = bytes_like(&a[1])?;
    let new = bytes_like(&a[2])?;
    let count = match a.get(3) {
        Some(v) => clinic::ssize(vm, v)?,
        None => -1,
    };
    let mut left = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let data: &[u8] = &b.data;
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        clinic::check_len(data.len() + new.len().saturating_mul((data.len() + 1).min(left)))?;
        for &c in data {
            if left > 0 {
                out.extend_from_slice(new);
                left -= 1;
            }
            out.push(c);
        }
        if left > 0 {
            out.extend_from_slice(new);
        }
        return Ok(new_bytes(out));
    }
    let mut i = 0;
    while left > 0 {
        let Some(p) = find_sub(&data[i..], old) else {
            break;
        };
        out.extend_from_slice(&data[i..i + p]);
        clinic::check_len(out.len() + new.len())?;
        out.extend_from_slice(new);
        i += p + old.len();
        left -= 1;
    }
    out.extend_from_slice(&data[i..]);
    Ok(new_bytes(out))
}

fn justify(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>, name: &str) -> PyResult<Value> {
    let b = this(name, a)?;
    clinic::positional(&format!("bytes.{name}"), name, &a[1..], kw, 1, 2)?;
    let width = clinic::ssize(vm, &a[1])?;
    let fill = match a.get(2) {
        None => b' ',
        Some(Value::Bytes(f)) if f.data.len() == 1 => f.data[0],
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "{name}() argument 2 must be a byte string of length 1, not {}",
                other.type_name()
            )))
        }
    };
    let len = b.data.len() as i64;
    if width <= len {
        return Ok(Value::Bytes(b.clone()));
    }
    clinic::check_len(width as usize)?;
    let marg = (width - len) as usize;
    let left = match name {
        "ljust" => 0,
        "rjust" => marg,
        _ => marg / 2 + (marg as i64 & width & 1) as usize,
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&b.data);
    out.resize(width as usize, fill);
    Ok(new_bytes(out))
}

fn b_center(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    justify(vm, a, kw, "center")
}

fn b_ljust(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    justify(vm, a, kw, "ljust")
}

fn b_rjust(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    justify(vm, a, kw, "rjust")
}

fn b_zfill(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let b = this("zfill", a)?;
    let width = clinic::ssize(vm, clinic::onearg("bytes.zfill", &a[1..], kw)?)?;
    let len = b.data.len() as i64;
    if width <= len {
        return Ok(Value::Bytes(b.clone()));
    }
    let fill = (width - len) as usize;
    clinic::check_len(width as usize)?;
    let (sign, body): (&[u8], &[u8]) = match b.data.first() {
        Some(b'+' | b'-') => (&b.data[..1], &b.data[1..]),
        _ => (&[], &b.data),
    };
    let mut out = sign.to_vec();
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(body);
    Ok(new_bytes(out))
}

fn b_expandtabs(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let b = this("expandtabs", a)?;
    let opts = clinic::keywords("expandtabs", &a[1..], kw, &["tabsize"], 0, 1)?;
    let tabsize = match &opts[0] {
        None => 8,
        Some(v) => clinic::c_int(vm, v)?,
    };
    let mut out = Vec::with_capacity(b.data.len());
    let mut column: i64 = 0;
    for &c in b.data.iter() {
        if c == b'\t' {
            if tabsize > 0 {
                let incr = tabsize - column % tabsize;
                column += incr;
                clinic::check_len(out.len() + incr as usize)?;
                out.extend(std::iter::repeat_n(b' ', incr as usize));
            }
        } else {
            column += 1;
            out.push(c);
            if c == b'\n' || c == b'\r' {
                column = 0;
            }
        }
    }
    Ok(new_bytes(out))
}

// ----- case mapping and predicates (ASCII only) -----

fn map_bytes(
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    name: &str,
    f: fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    let b = this(name, a)?;
    clinic::noargs(&format!("bytes.{name}"), &a[1..], kw)?;
    Ok(new_bytes(f(&b.data)))
}

fn b_lower(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    map_bytes(a, kw, "lower", |d| d.to_ascii_lowercase())
}

fn b_upper(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    map_bytes(a, kw, "upper", |d| d.to_ascii_uppercase())
}

fn b_swapcase(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    map_bytes(a, kw, "swapcase", |d| {
        d.iter()
            .map(|c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    })
}

fn b_capitalize(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    map_bytes(a, kw, "capitalize", |d| {
        let mut out = d.to_ascii_lowercase();
        if let Some(first) = out.first_mut() {
            first.make_ascii_uppercase();
        }
        out
    })
}

fn b_title(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    map_bytes(a, kw, "title", |d| {
        let mut previous_is_cased = false;
        d.iter()
            .map(|&c| {
                let out = if previous_is_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                previous_is_cased = c.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

fn predicate(
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    name: &str,
    f: fn(&[u8]) -> bool,
) -> PyResult<Value> {
    let b = this(name, a)?;
    clinic::noargs(&format!("bytes.{name}"), &a[1..], kw)?;
    Ok(Value::Bool(f(&b.data)))
}

fn b_isalnum(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    predicate(a, kw, "isalnum", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric)
    })
}

fn b_isalpha(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    predicate(a, kw, "isalpha", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic)
    })
}

fn b_isascii(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    predicate(a, kw, "isascii", |d| d.is_ascii())
}

fn b_isdigit(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    predicate(a, kw, "isdigit", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_digit)
    })
}

fn b_isspace(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    predicate(a, kw, "isspace", |d| {
        !d.is_empty() && d.iter().all(|&c| is_space(c))
    })
}

fn b_islower(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    predicate(a, kw, "islower", |d| {
        !d.iter().any(u8::is_ascii_uppercase) && d.iter().any(u8::is_ascii_lowercase)
    })
}

fn b_isupper(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    predicate(a, kw, "isupper", |d| {
        !d.iter().any(u8::is_ascii_lowercase) && d.iter().any(u8::is_ascii_uppercase)
    })
}

fn b_istitle(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    predicate(a, kw, "istitle", |d| {
        let (mut cased, mut previous_is_cased) = (false, false);
        for c in d {
            if c.is_ascii_uppercase() {
                if previous_is_cased {
                    return false;
                }
                previous_is_cased = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !previous_is_cased {
                    return false;
                }
                previous_is_cased = true;
                cased = true;
            } else {
                previous_is_cased = false;
            }
        }
        cased
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::Interrupt;
    use crate::object::function::NativeFn;

    fn b(data: &[u8]) -> Value {
        new_bytes(data.to_vec())
    }

    fn check(f: NativeFn, args: Vec<Value>, expect: &str) {
        let mut vm = Vm::new(Interrupt::new());
        let got = match f(&mut vm, &args, None) {
            Ok(v) => vm.repr(&v).unwrap().as_str().to_string(),
            Err(e) => format!("{}: {}", e.class_name(), e.message()),
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn searching() {
        check(b_find, vec![b(b"abc"), Value::Int(98)], "1");
        check(
            b_find,
            vec![b(b"abc"), Value::Int(256)],
            "ValueError: byte must be in range(0, 256)",
        );
        check(
            b_find,
            vec![b(b"abc"), Value::str("b")],
            "TypeError: argument should be integer or bytes-like object, not 'str'",
        );
        check(b_count, vec![b(b"abc"), b(b"")], "4");
        check(b_count, vec![b(b"aaa"), b(b"a"), Value::Int(1)], "2");
        check(
            b_index,
            vec![b(b"abc"), b(b"z")],
            "ValueError: subsection not found",
        );
        check(
            b_startswith,
            vec![b(b"abc"), Value::str("a")],
            "TypeError: startswith first arg must be bytes or a tuple of bytes, not str",
        );
        check(b_rfind, vec![b(b"abcb"), b(b"b")], "3");
    }

    #[test]
    fn splitting() {
        check(b_split, vec![b(b" a  b ")], "[b'a', b'b']");
        check(b_split, vec![b(b"a\x1cb")], "[b'a\\x1cb']");
        check(
            b_split,
            vec![b(b"a,b"), Value::str(",")],
            "TypeError: a bytes-like object is required, not 'str'",
        );
        check(
            b_rsplit,
            vec![b(b"abc"), b(b"b"), Value::Int(1)],
            "[b'a', b'c']",
        );
        check(
            b_splitlines,
            vec![b(b"a\nb\r\nc"), Value::Bool(true)],
            "[b'a\\n', b'b\\r\\n', b'c']",
        );
        check(b_partition, vec![b(b"abc"), b(b"b")], "(b'a', b'b', b'c')");
        check(
            b_join,
            vec![b(b","), Value::list(vec![b(b"a"), Value::str("b")])],
            "TypeError: sequence item 1: expected a bytes-like object, str found",
        );
    }

    #[test]
    fn transforming() {
        check(
            b_hex,
            vec![b(b"abcdef"), Value::str(":"), Value::Int(2)],
            "'6162:6364:6566'",
        );
        check(
            b_hex,
            vec![b(b"abcde"), Value::str(":"), Value::Int(2)],
            "'61:6263:6465'",
        );
        check(
            b_hex,
            vec![b(b"abcde"), Value::str(":"), Value::Int(-2)],
            "'6162:6364:65'",
        );
        check(b_decode, vec![b(b"\xc3\xa9")], "'é'");
        check(
            b_center,
            vec![b(b"abc"), Value::Int(7), b(b"*")],
            "b'**abc**'",
        );
        check(
            b_center,
            vec![b(b"abc"), Value::Int(7), Value::str("*")],
            "TypeError: center() argument 2 must be a byte string of length 1, not str",
        );
        check(b_zfill, vec![b(b"-12"), Value::Int(5)], "b'-0012'");
        check(b_strip, vec![b(b" abc\x0b")], "b'abc'");
        check(b_replace, vec![b(b"abc"), b(b""), b(b"-")], "b'-a-b-c-'");
        check(b_title, vec![b(b"hello world")], "b'Hello World'");
        check(b_swapcase, vec![b(b"aBc\xe9")], "b'AbC\\xe9'");
        check(b_istitle, vec![b(b"Ab Cd")], "True");
    }
}
