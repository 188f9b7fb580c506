//! `str.split`, `rsplit`, `splitlines`, `partition` and `rpartition`.
//!
//! Splitting on white space follows CPython's `split_whitespace`/`rsplit_whitespace` (runs of
//! `Py_UNICODE_ISSPACE` characters separate words; after `maxsplit` splits the rest keeps its
//! trailing white space); splitting on a separator finds non-overlapping matches from the left
//! (`split`) or the right (`rsplit`). A string that is not split at all is returned as the
//! one item of the list, as CPython returns the same object.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::function::KwArgs;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::Vm;

use super::chars;
use super::clinic;
use super::str_methods::{must_be_str, this};

fn list_of_strs(parts: Vec<Rc<PyStr>>) -> Value {
    Value::list(parts.into_iter().map(Value::Str).collect())
}

/// The `sep` and `maxsplit` arguments of `split` and `rsplit`.
fn split_args(
    vm: &mut Vm,
    name: &str,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
) -> PyResult<(Option<Rc<PyStr>>, usize)> {
    let opts = clinic::keywords(name, &a[1..], kw, &["sep", "maxsplit"], 0, 2)?;
    let sep = match &opts[0] {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            if s.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s.clone())
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "must be str or None, not {}",
                other.type_name()
            )))
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

/// `split_whitespace`: runs of white space separate the words; leading and trailing white space
/// yields no empty words, except that what follows the last split keeps its trailing space.
fn split_whitespace(s: &Rc<PyStr>, maxsplit: usize) -> Vec<Rc<PyStr>> {
    let text = s.as_str();
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut left = maxsplit;
    loop {
        while it.next_if(|&(_, c)| chars::is_space(c)).is_some() {}
        let Some(&(begin, _)) = it.peek() else {
            return out;
        };
        if left == 0 {
            // The rest keeps its trailing white space.
            out.push(if begin == 0 {
                s.clone()
            } else {
                PyStr::new(&text[begin..])
            });
            return out;
        }
        while it.next_if(|&(_, c)| !chars::is_space(c)).is_some() {}
        let stop = it.peek().map_or(text.len(), |&(i, _)| i);
        if begin == 0 && stop == text.len() {
            out.push(s.clone());
        } else {
            out.push(PyStr::new(&text[begin..stop]));
        }
        left -= 1;
    }
}

/// `rsplit_whitespace`, the mirror image of `split_whitespace`.
fn rsplit_whitespace(s: &Rc<PyStr>, maxsplit: usize) -> Vec<Rc<PyStr>> {
    let text = s.as_str();
    let mut out = Vec::new();
    let mut end = text.len();
    let mut left = maxsplit;
    loop {
        let trimmed = text[..end].trim_end_matches(chars::is_space);
        end = trimmed.len();
        if end == 0 {
            break;
        }
        if left == 0 {
            out.push(if end == text.len() {
                s.clone()
            } else {
                PyStr::new(&text[..end])
            });
            break;
        }
        let begin = trimmed
            .char_indices()
            .rev()
            .find(|&(_, c)| chars::is_space(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if begin == 0 && end == text.len() {
            out.push(s.clone());
        } else {
            out.push(PyStr::new(&text[begin..end]));
        }
        end = begin;
        left -= 1;
    }
    out.reverse();
    out
}

pub fn str_split(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this("split", a)?;
    let (sep, maxsplit) = split_args(vm, "split", a, kw)?;
    let parts = match sep {
        None => split_whitespace(s, maxsplit),
        Some(sep) => {
            if !s.contains(sep.as_str()) || maxsplit == 0 {
                vec![s.clone()]
            } else {
                s.splitn(maxsplit.saturating_add(1), sep.as_str())
                    .map(PyStr::new)
                    .collect()
            }
        }
    };
    Ok(list_of_strs(parts))
}

pub fn str_rsplit(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this("rsplit", a)?;
    let (sep, maxsplit) = split_args(vm, "rsplit", a, kw)?;
    let parts = match sep {
        None => rsplit_whitespace(s, maxsplit),
        Some(sep) => {
            if !s.contains(sep.as_str()) || maxsplit == 0 {
                vec![s.clone()]
            } else {
                let mut parts: Vec<Rc<PyStr>> = s
                    .rsplitn(maxsplit.saturating_add(1), sep.as_str())
                    .map(PyStr::new)
                    .collect();
                parts.reverse();
                parts
            }
        }
    };
    Ok(list_of_strs(parts))
}

pub fn str_splitlines(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this("splitlines", a)?;
    let opts = clinic::keywords("splitlines", &a[1..], kw, &["keepends"], 0, 1)?;
    let keepends = match &opts[0] {
        None => false,
        Some(v) => clinic::c_int(vm, v)? != 0,
    };
    let text = s.as_str();
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut begin = 0;
    while let Some((i, c)) = it.next() {
        if !chars::is_linebreak(c) {
            continue;
        }
        let mut eol = i + c.len_utf8();
        if c == '\r' && it.next_if(|&(_, d)| d == '\n').is_some() {
            eol += 1;
        }
        let stop = if keepends { eol } else { i };
        out.push(PyStr::new(&text[begin..stop]));
        begin = eol;
    }
    if begin < text.len() {
        out.push(if begin == 0 {
            s.clone()
        } else {
            PyStr::new(&text[begin..])
        });
    }
    Ok(list_of_strs(out))
}

fn partition(a: &[Value], kw: Option<KwArgs<'_>>, name: &str, rev: bool) -> PyResult<Value> {
    let s = this(name, a)?;
    let sep_value = clinic::onearg(&format!("str.{name}"), &a[1..], kw)?;
    let sep = must_be_str(sep_value)?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found = if rev {
        s.rfind(sep.as_str())
    } else {
        s.find(sep.as_str())
    };
    let empty = Value::str("");
    let whole = Value::Str(s.clone());
    Ok(match found {
        Some(i) => Value::tuple(vec![
            Value::str(&s[..i]),
            sep_value.clone(),
            Value::str(&s[i + sep.len()..]),
        ]),
        None if rev => Value::tuple(vec![empty.clone(), empty, whole]),
        None => Value::tuple(vec![whole, empty.clone(), empty]),
    })
}

pub fn str_partition(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    partition(a, kw, "partition", false)
}

pub fn str_rpartition(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    partition(a, kw, "rpartition", true)
}
