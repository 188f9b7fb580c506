//! Helpers for the unit tests of the builtin types' methods: value constructors and a call of a
//! method by name that renders the result as the test cases record it (the repr of the result,
//! or `ExceptionType: message`). The cases come from `runtime/tools/gen_method_cases.py`, which
//! records them from CPython 3.11.

#![allow(dead_code)]

use std::rc::Rc;

use crate::host::Interrupt;
use crate::object::bytes::PyBytes;
use crate::object::dict::PyDict;
use crate::object::function::KwArgs;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::Vm;

pub fn s(text: &str) -> Value {
    Value::str(text)
}

pub fn i(n: i64) -> Value {
    Value::Int(n)
}

pub fn f(x: f64) -> Value {
    Value::Float(x)
}

pub fn big(digits: &str) -> Value {
    Value::from_bigint(digits.parse().unwrap_or_default())
}

pub fn b(data: &[u8]) -> Value {
    Value::Bytes(Rc::new(PyBytes::new(data.to_vec())))
}

pub fn t(items: Vec<Value>) -> Value {
    Value::tuple(items)
}

pub fn l(items: Vec<Value>) -> Value {
    Value::list(items)
}

pub fn rng(start: i64, stop: i64, step: i64) -> Value {
    Value::Range(Rc::new(crate::object::range::PyRange { start, stop, step }))
}

pub fn sl(start: Value, stop: Value, step: Value) -> Value {
    Value::Slice(Rc::new(crate::object::range::PySlice { start, stop, step }))
}

/// A set is built when the call runs (hashing needs a VM); this marks the items.
pub fn set(items: Vec<Value>) -> Value {
    Value::tuple(vec![Value::str("<set>"), Value::tuple(items)])
}

pub fn fset(items: Vec<Value>) -> Value {
    Value::tuple(vec![Value::str("<frozenset>"), Value::tuple(items)])
}

pub fn d(pairs: Vec<(Value, Value)>) -> Value {
    Value::tuple(vec![
        Value::str("<dict>"),
        Value::tuple(
            pairs
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k, v]))
                .collect(),
        ),
    ])
}

/// A view of a dict: `view(d(...), "keys")`.
pub fn view(dict: Value, part: &str) -> Value {
    Value::tuple(vec![
        Value::str("<view>"),
        Value::tuple(vec![dict, Value::str(part)]),
    ])
}

/// A builtin class, by name.
pub fn cls(name: &str) -> Value {
    Value::tuple(vec![
        Value::str("<class>"),
        Value::tuple(vec![Value::str(name)]),
    ])
}

/// Builds the sets and dicts that `set`, `fset` and `d` describe, recursively.
fn realize(vm: &mut Vm, v: &Value) -> Value {
    let Value::Tuple(tup) = v else {
        if let Value::List(items) = v {
            return Value::list(items.snapshot().iter().map(|x| realize(vm, x)).collect());
        }
        return v.clone();
    };
    let items = tup.items();
    let tag = match items {
        [Value::Str(tag), Value::Tuple(_)] => tag.as_str().to_string(),
        _ => String::new(),
    };
    let inner = |vm: &mut Vm| -> Vec<Value> {
        match &items[1] {
            Value::Tuple(t) => t.items().iter().map(|x| realize(vm, x)).collect(),
            _ => Vec::new(),
        }
    };
    match tag.as_str() {
        "<set>" => {
            let items = inner(vm);
            vm.new_set(items).unwrap()
        }
        "<frozenset>" => {
            let items = inner(vm);
            match vm.new_set(items).unwrap() {
                Value::Set(s) => Value::FrozenSet(s),
                other => other,
            }
        }
        "<class>" => {
            let name = inner(vm);
            vm.builtin(name[0].as_str().unwrap()).unwrap()
        }
        "<view>" => {
            let parts = inner(vm);
            let method = vm
                .getattr(&parts[0], &PyStr::intern(parts[1].as_str().unwrap()))
                .unwrap();
            vm.call(&method, &[]).unwrap()
        }
        "<dict>" => {
            let dict = Rc::new(PyDict::new());
            for pair in inner(vm) {
                if let Value::Tuple(p) = pair {
                    vm.dict_set(&dict, p.items()[0].clone(), p.items()[1].clone())
                        .unwrap();
                }
            }
            Value::Dict(dict)
        }
        _ => Value::tuple(items.iter().map(|x| realize(vm, x)).collect()),
    }
}

/// Calls `recv.name(*args, **kw)` and renders the outcome.
pub fn call(recv: Value, name: &str, args: &[Value], kw: &[(&str, Value)]) -> String {
    let mut vm = Vm::new(Interrupt::new());
    let recv = realize(&mut vm, &recv);
    let args: Vec<Value> = args.iter().map(|a| realize(&mut vm, a)).collect();
    let names: Vec<Rc<PyStr>> = kw.iter().map(|(n, _)| PyStr::new(n)).collect();
    let values: Vec<Value> = kw.iter().map(|(_, v)| realize(&mut vm, v)).collect();
    let kw = (!names.is_empty()).then_some(KwArgs {
        names: &names,
        values: &values,
    });
    let outcome = vm
        .getattr(&recv, &PyStr::intern(name))
        .and_then(|m| vm.call_kw(&m, &args, kw));
    match outcome {
        Ok(v) => vm.repr(&v).unwrap().as_str().to_string(),
        Err(e) => {
            let msg = vm.str(&e.value()).unwrap();
            format!("{}: {}", e.class_name(), msg.as_str())
        }
    }
}
