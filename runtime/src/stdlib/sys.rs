//! The `sys` module: the standard streams, version facts, the recursion and int-digits limits,
//! `exit` and `exc_info`.

use std::rc::Rc;

use crate::builtins::io::stream_object;
use crate::builtins::{add_functions, Functions};
use crate::error::{PyErr, PyResult};
use crate::host::Stream;
use crate::object::dict::PyDict;
use crate::object::function::KwArgs;
use crate::object::value::Value;
use crate::vm::Vm;

const FUNCTIONS: Functions = &[
    (
        "getrecursionlimit",
        getrecursionlimit,
        "Return the current value of the recursion limit.",
    ),
    (
        "setrecursionlimit",
        setrecursionlimit,
        "Set the maximum depth of the Python interpreter stack to n.",
    ),
    ("get_int_max_str_digits", get_int_max_str_digits, ""),
    ("set_int_max_str_digits", set_int_max_str_digits, ""),
    (
        "exit",
        exit,
        "Exit the interpreter by raising SystemExit(status).",
    ),
    (
        "exc_info",
        exc_info,
        "Return current exception information: (type, value, traceback).",
    ),
    ("exception", exception, "Return the current exception."),
    ("getsizeof", getsizeof, ""),
];

pub fn build(_vm: &mut Vm, d: &Rc<PyDict>) -> PyResult<()> {
    d.set_item_str("stdout", stream_object(Stream::Stdout));
    d.set_item_str("stderr", stream_object(Stream::Stderr));
    d.set_item_str("__stdout__", stream_object(Stream::Stdout));
    d.set_item_str("__stderr__", stream_object(Stream::Stderr));
    d.set_item_str(
        "version",
        Value::str("3.11.7 (coro 0.1.0, a coroutine language kernel)"),
    );
    d.set_item_str(
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    d.set_item_str("hexversion", Value::Int(0x030b07f0));
    d.set_item_str("platform", Value::str("linux"));
    d.set_item_str("byteorder", Value::str("little"));
    d.set_item_str("maxsize", Value::Int(i64::MAX));
    d.set_item_str("argv", Value::list(vec![Value::str("")]));
    d.set_item_str("path", Value::list(vec![]));
    d.set_item_str("implementation_name", Value::str("coro"));
    add_functions(d, FUNCTIONS);
    Ok(())
}

fn getrecursionlimit(vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let n = match a.first() {
        Some(v @ Value::Int(_)) => vm.index_i64(v)?,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )))
        }
        None => {
            return Err(PyErr::type_error(
                "setrecursionlimit() takes exactly one argument (0 given)",
            ))
        }
    };
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    if n <= vm.depth as i64 {
        return Err(PyErr::recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
            vm.depth
        )));
    }
    vm.recursion_limit = n.min(100_000) as u32;
    Ok(Value::None)
}

fn get_int_max_str_digits(vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Ok(Value::Int(vm.int_max_str_digits as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let v = a
        .first()
        .cloned()
        .or_else(|| kw.and_then(|k| k.get("maxdigits").cloned()));
    let n = match v {
        Some(v) => vm.index_i64(&v)?,
        None => {
            return Err(PyErr::type_error(
                "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
            ))
        }
    };
    if n != 0 && n < 640 {
        return Err(PyErr::value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::None)
}

fn exit(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let t = crate::object::types::types();
    Err(PyErr::new(t.system_exit.clone(), a.to_vec()))
}

fn exc_info(vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Ok(match vm.handled_exception() {
        Some(Value::Exception(e)) => {
            let tb = if e.traceback.borrow().is_empty() {
                Value::None
            } else {
                Value::Native(Rc::new(crate::object::native::Native::Traceback(
                    e.clone(),
                    0,
                )))
            };
            Value::tuple(vec![Value::Class(e.class.clone()), Value::Exception(e), tb])
        }
        _ => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn exception(vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Ok(vm.handled_exception().unwrap_or(Value::None))
}

fn getsizeof(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let size = match a.first() {
        Some(Value::Generator(_)) => 104,
        Some(Value::Int(_)) => 28,
        Some(Value::List(l)) => 56 + 8 * l.len() as i64,
        Some(Value::Tuple(t)) => 40 + 8 * t.len() as i64,
        Some(Value::Str(s)) => 49 + s.len() as i64,
        Some(_) => 48,
        None => {
            return Err(PyErr::type_error(
                "getsizeof() missing required argument 'object' (pos 1)",
            ))
        }
    };
    Ok(Value::Int(size))
}
