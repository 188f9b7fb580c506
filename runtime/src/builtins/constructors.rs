//! Calling builtin classes: `int(x)`, `str(x)`, `list(it)`, `type(x)`, `super(C, self)` ...
//!
//! `construct` dispatches on the class identity. Parsing numbers from text follows CPython's
//! rules (underscores between digits, base prefixes, surrounding whitespace) and its error
//! messages (`invalid literal for int() with base 10: 'x'`).

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Num;

use crate::error::{PyErr, PyResult};
use crate::object::class::Class;
use crate::object::dict::PyDict;
use crate::object::formatting::str_repr;
use crate::object::function::KwArgs;
use crate::object::iter::{IterState, NativeIter};
use crate::object::native::Native;
use crate::object::number;
use crate::object::range::{PyRange, PySlice};
use crate::object::set::PySet;
use crate::object::str::PyStr;
use crate::object::types::{type_of, types};
use crate::object::value::Value;
use crate::vm::Vm;

use super::args;

/// Calls the builtin class `class` with the given arguments.
pub fn construct(
    vm: &mut Vm,
    class: &Rc<Class>,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
) -> PyResult<Value> {
    let t = types();
    let is = |c: &Rc<Class>| Rc::ptr_eq(class, c);
    if is(&t.type_) {
        return construct_type(vm, a, kw);
    }
    if is(&t.object) {
        args::no_kwargs("object", kw)?;
        if !a.is_empty() {
            return Err(PyErr::type_error("object() takes no arguments"));
        }
        return Ok(Value::Instance(crate::object::class::Instance::new(
            t.object.clone(),
        )));
    }
    if is(&t.int) {
        return construct_int(vm, a, kw);
    }
    if is(&t.float) {
        args::no_kwargs("float", kw)?;
        args::expected("float", a, 0, 1)?;
        return match a.first() {
            None => Ok(Value::Float(0.0)),
            Some(v) => to_float(vm, v),
        };
    }
    if is(&t.bool_) {
        args::no_kwargs("bool", kw)?;
        args::expected("bool", a, 0, 1)?;
        return match a.first() {
            None => Ok(Value::Bool(false)),
            Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
        };
    }
    if is(&t.str) {
        return construct_str(vm, a, kw);
    }
    if is(&t.list) {
        args::no_kwargs("list", kw)?;
        args::expected("list", a, 0, 1)?;
        return match a.first() {
            None => Ok(Value::list(vec![])),
            Some(v) => Ok(Value::list(vm.collect(v)?)),
        };
    }
    if is(&t.tuple) {
        args::no_kwargs("tuple", kw)?;
        args::expected("tuple", a, 0, 1)?;
        return match a.first() {
            None => Ok(Value::tuple(vec![])),
            Some(Value::Tuple(_)) => Ok(a[0].clone()),
            Some(v) => Ok(Value::tuple(vm.collect(v)?)),
        };
    }
    if is(&t.dict) {
        args::expected("dict", a, 0, 1)?;
        let d = Rc::new(PyDict::new());
        if let Some(src) = a.first() {
            vm.dict_update_from(&d, src)?;
        }
        if let Some(kw) = kw {
            for (k, v) in kw.iter() {
                d.set_str(k.clone(), v.clone());
            }
        }
        return Ok(Value::Dict(d));
    }
    if is(&t.set) || is(&t.frozenset) {
        let name = if is(&t.set) { "set" } else { "frozenset" };
        args::no_kwargs(name, kw)?;
        args::expected(name, a, 0, 1)?;
        if let (Some(Value::FrozenSet(_)), false) = (a.first(), is(&t.set)) {
            return Ok(a[0].clone());
        }
        let table = match a.first() {
            None => crate::object::set::SetTable::new(),
            Some(v) => vm.set_table_from(v)?,
        };
        let s = Rc::new(PySet::new(table));
        return Ok(if is(&t.set) {
            Value::Set(s)
        } else {
            Value::FrozenSet(s)
        });
    }
    if is(&t.range) {
        return construct_range(vm, a, kw);
    }
    if is(&t.slice) {
        args::no_kwargs("slice", kw)?;
        args::expected("slice", a, 1, 3)?;
        let (start, stop, step) = match a {
            [stop] => (Value::None, stop.clone(), Value::None),
            [start, stop] => (start.clone(), stop.clone(), Value::None),
            [start, stop, step, ..] => (start.clone(), stop.clone(), step.clone()),
            [] => unreachable!(),
        };
        return Ok(Value::Slice(Rc::new(PySlice { start, stop, step })));
    }
    if is(&t.bytes) {
        return construct_bytes(vm, a, kw);
    }
    if is(&t.property) {
        let opts = args::keywords("property", kw, &["fget", "fset", "fdel", "doc"])?;
        let get = |i: usize| a.get(i).or(opts[i]).cloned().unwrap_or(Value::None);
        let fget = get(0);
        let mut doc = get(3);
        if doc.is_none() {
            if let Value::Function(f) = &fget {
                doc = f.doc.borrow().clone();
            }
        }
        return Ok(Value::Native(Rc::new(Native::Property {
            fget,
            fset: get(1),
            fdel: get(2),
            doc,
            name: Default::default(),
        })));
    }
    if is(&t.staticmethod) || is(&t.classmethod) {
        let name = if is(&t.staticmethod) {
            "staticmethod"
        } else {
            "classmethod"
        };
        args::no_kwargs(name, kw)?;
        args::expected(name, a, 1, 1)?;
        let n = if is(&t.staticmethod) {
            Native::StaticMethod(a[0].clone())
        } else {
            Native::ClassMethod(a[0].clone())
        };
        return Ok(Value::Native(Rc::new(n)));
    }
    if is(&t.super_) {
        args::no_kwargs("super", kw)?;
        return match a {
            [Value::Class(c), obj] => {
                let ok = match obj {
                    Value::Class(oc) => oc.is_subclass(c),
                    other => type_of(other).is_subclass(c),
                };
                if !ok {
                    return Err(PyErr::type_error(
                        "super(type, obj): obj must be an instance or subtype of type",
                    ));
                }
                Ok(Value::Native(Rc::new(Native::Super {
                    class: c.clone(),
                    obj: obj.clone(),
                })))
            }
            [] => Err(PyErr::runtime_error("super(): no arguments")),
            [_, _] => Err(PyErr::type_error("super() argument 1 must be a type")),
            _ => Err(PyErr::not_implemented(
                "super() with one argument is not supported by Coro",
            )),
        };
    }
    if is(&t.enumerate) {
        let opts = args::keywords("enumerate", kw, &["iterable", "start"])?;
        let iterable = a.first().or(opts[0]).cloned().ok_or_else(|| {
            PyErr::type_error("enumerate() missing required argument 'iterable' (pos 1)")
        })?;
        let start = a.get(1).or(opts[1]).cloned().unwrap_or(Value::Int(0));
        if !number::is_int(&start) {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                start.type_name()
            )));
        }
        let inner = vm.iter(&iterable)?;
        return Ok(Value::Iter(NativeIter::new(IterState::Enumerate {
            inner,
            count: start,
        })));
    }
    if is(&t.zip) {
        let opts = args::keywords("zip", kw, &["strict"])?;
        let strict = match opts[0] {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        let mut inners = Vec::with_capacity(a.len());
        for (i, v) in a.iter().enumerate() {
            inners.push(vm.iter(v).map_err(|e| {
                if e.matches(|t| &t.type_error) {
                    PyErr::type_error(format!("zip argument #{} must support iteration", i + 1))
                } else {
                    e
                }
            })?);
        }
        return Ok(Value::Iter(NativeIter::new(IterState::Zip {
            inners,
            strict,
        })));
    }
    if is(&t.map) {
        args::no_kwargs("map", kw)?;
        if a.len() < 2 {
            return Err(PyErr::type_error("map() must have at least two arguments."));
        }
        let mut inners = Vec::with_capacity(a.len() - 1);
        for v in &a[1..] {
            inners.push(vm.iter(v)?);
        }
        return Ok(Value::Iter(NativeIter::new(IterState::Map {
            func: a[0].clone(),
            inners,
        })));
    }
    if is(&t.filter) {
        args::no_kwargs("filter", kw)?;
        args::expected("filter", a, 2, 2)?;
        let inner = vm.iter(&a[1])?;
        return Ok(Value::Iter(NativeIter::new(IterState::Filter {
            func: a[0].clone(),
            inner,
        })));
    }
    if is(&t.reversed) {
        args::no_kwargs("reversed", kw)?;
        args::expected("reversed", a, 1, 1)?;
        return reversed(vm, &a[0]);
    }
    if is(&t.deque) {
        return crate::stdlib::collections::new_deque(vm, a, kw);
    }
    Err(PyErr::type_error(format!(
        "cannot create '{}' instances",
        class.name.as_str()
    )))
}

fn reversed(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let state = match v {
        Value::List(l) => IterState::Reversed {
            seq: v.clone(),
            next: l.len(),
        },
        Value::Tuple(t) => IterState::Reversed {
            seq: v.clone(),
            next: t.len(),
        },
        Value::Range(r) => {
            let n = r.len();
            IterState::Range {
                next: if n == 0 { r.start } else { r.get(n - 1) },
                step: -r.step,
                remaining: n,
            }
        }
        Value::Str(s) => {
            let chars: Vec<Value> = s
                .chars()
                .rev()
                .map(|c| Value::Str(PyStr::from_char(c)))
                .collect();
            IterState::Seq {
                seq: Value::tuple(chars),
                index: 0,
            }
        }
        Value::Dict(d) => IterState::Seq {
            seq: Value::tuple(d.keys().into_iter().rev().collect()),
            index: 0,
        },
        Value::Native(n) if matches!(&**n, Native::Deque { .. }) => {
            let items = vm.collect(v)?;
            IterState::Seq {
                seq: Value::tuple(items.into_iter().rev().collect()),
                index: 0,
            }
        }
        _ => {
            if let Some(m) = vm.lookup_special(v, "__reversed__") {
                return vm.call(&m, &[]);
            }
            if vm.lookup_special(v, "__getitem__").is_some()
                && vm.lookup_special(v, "__len__").is_some()
            {
                let n = vm.len(v)?;
                let mut items = Vec::with_capacity(n);
                for i in (0..n).rev() {
                    items.push(vm.getitem(v, &Value::from(i))?);
                }
                IterState::Seq {
                    seq: Value::tuple(items),
                    index: 0,
                }
            } else {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not reversible",
                    v.type_name()
                )));
            }
        }
    };
    Ok(Value::Iter(NativeIter::new(state)))
}

fn construct_type(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    match a {
        [obj] => Ok(Value::Class(type_of(obj))),
        [Value::Str(name), bases, Value::Dict(ns)] => {
            let _ = kw;
            let bases: Vec<Rc<Class>> = match bases {
                Value::Tuple(t) => t
                    .items()
                    .iter()
                    .map(|b| match b {
                        Value::Class(c) => Ok(c.clone()),
                        other => Err(PyErr::type_error(format!(
                            "bases must be types, not {}",
                            other.type_name()
                        ))),
                    })
                    .collect::<PyResult<_>>()?,
                _ => return Err(PyErr::type_error("type.__new__() argument 2 must be tuple")),
            };
            let ns2 = Rc::new(PyDict::from_table(ns.borrow().clone()));
            if ns2.get_item_str("__module__").is_none() {
                ns2.set_item_str("__module__", Value::str("__main__"));
            }
            let c = vm.create_class(name.clone(), bases, ns2)?;
            Ok(Value::Class(c))
        }
        _ => Err(PyErr::type_error("type() takes 1 or 3 arguments")),
    }
}

fn construct_int(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let opts = args::keywords("int", kw, &["x", "base"])?;
    if a.len() > 2 {
        return Err(PyErr::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            a.len()
        )));
    }
    let x = a.first().or(opts[0]).cloned();
    let base = a.get(1).or(opts[1]).cloned();
    let Some(x) = x else {
        if base.is_some() {
            return Err(PyErr::type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(base) = base {
        let b = vm.index_i64(&base)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(PyErr::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        return match &x {
            Value::Str(s) => parse_int(vm, s, b as u32),
            Value::Bytes(bytes) => {
                let text = String::from_utf8_lossy(&bytes.data).to_string();
                parse_int(vm, &PyStr::from_string(text), b as u32)
            }
            _ => Err(PyErr::type_error(
                "int() can't convert non-string with explicit base",
            )),
        };
    }
    to_int(vm, &x)
}

/// `int(x)` for any single argument.
pub fn to_int(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => number::float_to_int(*f),
        Value::Str(s) => parse_int(vm, s, 10),
        Value::Bytes(b) => {
            let text = String::from_utf8_lossy(&b.data).to_string();
            parse_int(vm, &PyStr::from_string(text), 10)
        }
        _ => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(m) = vm.lookup_special(x, name) {
                    let r = vm.call(&m, &[])?;
                    if number::is_int(&r) {
                        return Ok(r);
                    }
                    return Err(PyErr::type_error(format!(
                        "{name} returned non-int (type {})",
                        r.type_name()
                    )));
                }
            }
            Err(PyErr::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                x.type_name()
            )))
        }
    }
}

/// Parses an int literal in `base` (0 means: from the prefix), CPython's way.
pub fn parse_int(vm: &mut Vm, s: &Rc<PyStr>, base: u32) -> PyResult<Value> {
    let invalid = || {
        PyErr::value_error(format!(
            "invalid literal for int() with base {}: {}",
            base,
            str_repr(s)
        ))
    };
    let text = s.trim_matches(|c: char| c.is_whitespace());
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &body[2..]),
        (0 | 8, Some("0o")) => (8, &body[2..]),
        (0 | 2, Some("0b")) => (2, &body[2..]),
        (0, _) => {
            if body.len() > 1
                && body.starts_with('0')
                && !body.trim_start_matches(['0', '_']).is_empty()
            {
                return Err(invalid());
            }
            (10, body)
        }
        (b, _) => (b, body),
    };
    let prefixed = digits.len() != body.len();
    let digits = if prefixed && digits.starts_with('_') {
        &digits[1..]
    } else {
        digits
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(invalid());
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(radix)) {
        return Err(invalid());
    }
    if radix == 10 && vm.int_max_str_digits > 0 && clean.len() > vm.int_max_str_digits {
        return Err(PyErr::value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            vm.int_max_str_digits,
            clean.len()
        )));
    }
    let mag = BigInt::from_str_radix(&clean, radix).map_err(|_| invalid())?;
    Ok(Value::from_bigint(if negative { -mag } else { mag }))
}

/// `float(x)` for any single argument.
pub fn to_float(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::BigInt(b) => Ok(Value::Float(number::bigint_to_f64(b)?)),
        Value::Str(s) => parse_float(s).ok_or_else(|| {
            PyErr::value_error(format!(
                "could not convert string to float: {}",
                str_repr(s)
            ))
        }),
        _ => {
            if let Some(m) = vm.lookup_special(x, "__float__") {
                let r = vm.call(&m, &[])?;
                return match r {
                    Value::Float(_) => Ok(r),
                    other => Err(PyErr::type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        x.type_name(),
                        other.type_name()
                    ))),
                };
            }
            if let Some(m) = vm.lookup_special(x, "__index__") {
                let r = vm.call(&m, &[])?;
                return to_float(vm, &r);
            }
            Err(PyErr::type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                x.type_name()
            )))
        }
    }
}

/// Parses a float literal as `float(str)` does.
pub fn parse_float(s: &str) -> Option<Value> {
    let text = s.trim_matches(|c: char| c.is_whitespace());
    let (sign, body) = match text.as_bytes().first() {
        Some(b'-') => (-1.0, &text[1..]),
        Some(b'+') => (1.0, &text[1..]),
        _ => (1.0, text),
    };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Some(Value::Float(sign * f64::INFINITY)),
        "nan" => return Some(Value::Float(f64::NAN)),
        _ => {}
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let bytes = body.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_'
            && !(bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(|c| c.is_ascii_digit()))
        {
            return None;
        }
        if !(b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-' | b'_')) {
            return None;
        }
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().ok().map(|f| Value::Float(sign * f))
}

fn construct_str(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let opts = args::keywords("str", kw, &["object", "encoding", "errors"])?;
    let obj = a.first().or(opts[0]).cloned();
    let encoding = a.get(1).or(opts[1]).cloned();
    match (obj, encoding) {
        (None, _) => Ok(Value::str("")),
        (Some(Value::Bytes(b)), Some(_)) => match std::str::from_utf8(&b.data) {
            Ok(s) => Ok(Value::str(s)),
            Err(e) => Err(PyErr::with_class(
                |t| &t.unicode_decode_error,
                &format!(
                    "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                    b.data[e.valid_up_to()],
                    e.valid_up_to()
                ),
            )),
        },
        (Some(v), Some(_)) => Err(PyErr::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            v.type_name()
        ))),
        (Some(v), None) => Ok(Value::Str(vm.str(&v)?)),
    }
}

fn construct_range(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("range", kw)?;
    args::expected("range", a, 1, 3)?;
    let mut ints = Vec::with_capacity(3);
    for v in a {
        let i = vm.index(v)?;
        match i {
            Value::Int(x) => ints.push(x),
            _ => {
                return Err(PyErr::overflow_error(
                    "Python int too large to convert to C ssize_t",
                ))
            }
        }
    }
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => unreachable!(),
    };
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(PyRange { start, stop, step })))
}

fn construct_bytes(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let opts = args::keywords("bytes", kw, &["source", "encoding", "errors"])?;
    let source = a.first().or(opts[0]).cloned();
    let encoding = a.get(1).or(opts[1]).cloned();
    let data: Vec<u8> = match (source, encoding) {
        (None, _) => Vec::new(),
        (Some(Value::Str(s)), Some(_)) => s.as_bytes().to_vec(),
        (Some(Value::Str(_)), None) => {
            return Err(PyErr::type_error("string argument without an encoding"))
        }
        (Some(Value::Int(n)), None) => {
            if n < 0 {
                return Err(PyErr::value_error("negative count"));
            }
            super::clinic::check_len(n as usize)?;
            vec![0; n as usize]
        }
        (Some(Value::BigInt(_)), None) => {
            return Err(PyErr::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        (Some(Value::Bytes(b)), None) => b.data.to_vec(),
        (Some(other), None) => {
            let items = vm.collect(&other)?;
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Value::Int(i) if (0..256).contains(&i) => out.push(i as u8),
                    Value::Int(_) => {
                        return Err(PyErr::value_error("bytes must be in range(0, 256)"))
                    }
                    other => {
                        return Err(PyErr::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        )))
                    }
                }
            }
            out
        }
        (Some(_), Some(_)) => return Err(PyErr::type_error("encoding without a string argument")),
    };
    Ok(Value::Bytes(Rc::new(crate::object::bytes::PyBytes::new(
        data,
    ))))
}
