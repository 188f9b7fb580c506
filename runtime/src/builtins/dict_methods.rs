//! Methods of `dict` and of its views, and the set operators of the views (`d.keys() & s`).
//!
//! Lookups go through the VM's dictionary operations (`vm/hashing.rs`), which call `__eq__`
//! without holding a borrow of the table. `update` takes a mapping (anything with `keys()`),
//! an iterable of pairs, and keyword arguments, with CPython's messages for malformed pairs.
//! The views' operators follow CPython 3.11's `dictviews_*` functions: the result is a `set`
//! built from the left operand and updated with the right one, except `&`, which iterates the
//! other operand and keeps what the view contains, and `^` of two item views.
//!
//! What this module does not do: the `mapping` attribute of views (there is no
//! `mappingproxy`), and comparisons between views and sets (`vm/ops.rs`).

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::dict::PyDict;
use crate::object::function::KwArgs;
use crate::object::iter::DictPart;
use crate::object::native::Native;
use crate::object::set::{PySet, SetTable};
use crate::object::value::Value;
use crate::syntax::ast::BinOp;
use crate::vm::Vm;

use super::clinic;
use super::methods::Methods;
use super::set_methods;

pub const METHODS: Methods = &[
    (
        "clear",
        dict_clear,
        "D.clear() -> None.  Remove all items from D.",
    ),
    ("copy", dict_copy, "D.copy() -> a shallow copy of D"),
    (
        "get",
        dict_get,
        "Return the value for key if key is in the dictionary, else default.",
    ),
    (
        "items",
        dict_items,
        "D.items() -> a set-like object providing a view on D's items",
    ),
    (
        "keys",
        dict_keys,
        "D.keys() -> a set-like object providing a view on D's keys",
    ),
    (
        "pop",
        dict_pop,
        "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.",
    ),
    (
        "popitem",
        dict_popitem,
        "Remove and return a (key, value) pair as a 2-tuple.",
    ),
    (
        "setdefault",
        dict_setdefault,
        "Insert key with a value of default if key is not in the dictionary.",
    ),
    (
        "update",
        dict_update,
        "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.",
    ),
    (
        "values",
        dict_values,
        "D.values() -> an object providing a view on D's values",
    ),
];

pub const CLASS: Methods = &[(
    "fromkeys",
    dict_fromkeys,
    "Create a new dictionary with keys from iterable and values set to value.",
)];

pub const VIEW: Methods = &[(
    "isdisjoint",
    view_isdisjoint,
    "Return True if the view and the given iterable have a null intersection.",
)];

fn this<'a>(name: &str, a: &'a [Value]) -> PyResult<&'a Rc<PyDict>> {
    match clinic::receiver("dict", name, a, |v| matches!(v, Value::Dict(_)))? {
        Value::Dict(d) => Ok(d),
        _ => unreachable!("receiver checked the type"),
    }
}

fn dict_clear(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let d = this("clear", a)?;
    clinic::noargs("dict.clear", &a[1..], kw)?;
    // The old entries are dropped after the borrow ends: finalizers may run Python code.
    let old = d.borrow_mut().clear();
    drop(old);
    Ok(Value::None)
}

fn dict_copy(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let d = this("copy", a)?;
    clinic::noargs("dict.copy", &a[1..], kw)?;
    let table = d.borrow().clone();
    Ok(Value::Dict(Rc::new(PyDict::from_table(table))))
}

fn dict_get(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let d = this("get", a)?;
    clinic::positional("dict.get", "get", &a[1..], kw, 1, 2)?;
    Ok(vm
        .dict_get(d, &a[1])?
        .unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_setdefault(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let d = this("setdefault", a)?;
    clinic::positional("dict.setdefault", "setdefault", &a[1..], kw, 1, 2)?;
    if let Some(v) = vm.dict_get(d, &a[1])? {
        return Ok(v);
    }
    let default = a.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(d, a[1].clone(), default.clone())?;
    Ok(default)
}

fn view(a: &[Value], kw: Option<KwArgs<'_>>, name: &str, part: DictPart) -> PyResult<Value> {
    let d = this(name, a)?;
    clinic::noargs(&format!("dict.{name}"), &a[1..], kw)?;
    Ok(Value::Native(Rc::new(Native::DictView {
        part,
        dict: d.clone(),
    })))
}

fn dict_items(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    view(a, kw, "items", DictPart::Items)
}

fn dict_keys(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    view(a, kw, "keys", DictPart::Keys)
}

fn dict_values(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    view(a, kw, "values", DictPart::Values)
}

fn dict_pop(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let d = this("pop", a)?;
    clinic::positional("dict.pop", "pop", &a[1..], kw, 1, 2)?;
    // An empty dict answers before hashing the key, as CPython's `_PyDict_Pop` does.
    let removed = if d.is_empty() {
        None
    } else {
        vm.dict_remove(d, &a[1])?
    };
    match removed {
        Some(v) => Ok(v),
        None => match a.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::key_error(a[1].clone())),
        },
    }
}

fn dict_popitem(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let d = this("popitem", a)?;
    clinic::noargs("dict.popitem", &a[1..], kw)?;
    let last = d.borrow_mut().pop_last();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(PyErr::key_error(Value::str(
            "popitem(): dictionary is empty",
        ))),
    }
}

fn dict_update(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let d = this("update", a)?;
    if a.len() > 2 {
        return Err(PyErr::type_error(format!(
            "update expected at most 1 argument, got {}",
            a.len() - 1
        )));
    }
    if let Some(other) = a.get(1) {
        vm.dict_update_from(d, other)?;
    }
    if let Some(kw) = kw {
        for (k, v) in kw.iter() {
            vm.dict_set(d, Value::Str(k.clone()), v.clone())?;
        }
    }
    Ok(Value::None)
}

fn dict_fromkeys(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    clinic::positional("dict.fromkeys", "fromkeys", &a[1..], kw, 1, 2)?;
    let value = a.get(2).cloned().unwrap_or(Value::None);
    let d = Rc::new(PyDict::new());
    let it = vm.iter(&a[1])?;
    while let Some(key) = vm.next_value(&it)? {
        vm.dict_set(&d, key, value.clone())?;
    }
    Ok(Value::Dict(d))
}

// ----- views -----

/// The dictionary and part of a view that behaves like a set (keys and items).
fn set_view(v: &Value) -> Option<(&Rc<PyDict>, DictPart)> {
    match v {
        Value::Native(n) => match &**n {
            Native::DictView { part, dict } if *part != DictPart::Values => Some((dict, *part)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a set-like view contains `item` (`dictkeys_contains`, `dictitems_contains`).
fn view_contains(vm: &mut Vm, dict: &PyDict, part: DictPart, item: &Value) -> PyResult<bool> {
    match part {
        DictPart::Items => {
            let Value::Tuple(pair) = item else {
                return Ok(false);
            };
            let [key, value] = pair.items() else {
                return Ok(false);
            };
            match vm.dict_get(dict, key)? {
                Some(found) => vm.eq(&found, value),
                None => Ok(false),
            }
        }
        _ => Ok(vm.dict_get(dict, item)?.is_some()),
    }
}

fn view_isdisjoint(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let recv = a.first().cloned().unwrap_or(Value::None);
    let Some((dict, _)) = set_view(&recv) else {
        return Err(PyErr::attribute_error(format!(
            "'{}' object has no attribute 'isdisjoint'",
            recv.type_name()
        )));
    };
    let name = recv.type_name();
    let other = clinic::onearg(&format!("{name}.isdisjoint"), &a[1..], kw)?;
    if recv.is(other) {
        return Ok(Value::Bool(dict.is_empty()));
    }
    // Iterate the shorter operand when the other one is a set or a view.
    let other_len = match other {
        Value::Set(s) | Value::FrozenSet(s) => Some(s.len()),
        _ => set_view(other).map(|(d, _)| d.len()),
    };
    let (container, iterable) = match other_len {
        Some(n) if n > dict.len() => (other.clone(), recv.clone()),
        _ => (recv.clone(), other.clone()),
    };
    let it = vm.iter(&iterable)?;
    while let Some(item) = vm.next_value(&it)? {
        let found = match set_view(&container) {
            Some((d, p)) => view_contains(vm, d, p, &item)?,
            None => vm.contains(&container, &item)?,
        };
        if found {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `dictviews_to_set`: a new set of a view's items, or of any iterable.
fn to_set(vm: &mut Vm, v: &Value) -> PyResult<Rc<PySet>> {
    let table = match set_view(v) {
        Some((d, DictPart::Keys)) => vm.set_table_from(&Value::Dict(d.clone()))?,
        _ => vm.set_table_from(v)?,
    };
    Ok(Rc::new(PySet::new(table)))
}

/// The operators `&`, `|`, `-`, `^` when either operand is a keys or items view; `None` when
/// neither is (the operation is then unsupported).
pub fn view_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if set_view(a).is_none() && set_view(b).is_none() {
        return Ok(None);
    }
    let result = match op {
        BinOp::BitAnd => intersect(vm, a, b)?,
        BinOp::BitOr => {
            let r = to_set(vm, a)?;
            set_methods::update_live(vm, &r, b)?;
            r
        }
        BinOp::Sub => {
            let r = to_set(vm, a)?;
            set_methods::difference_update_live(vm, &r, b)?;
            r
        }
        BinOp::BitXor => match (set_view(a), set_view(b)) {
            (Some((d1, DictPart::Items)), Some((d2, DictPart::Items))) => items_xor(vm, d1, d2)?,
            _ => {
                let r = to_set(vm, a)?;
                set_methods::symmetric_difference_update_live(vm, &r, b)?;
                r
            }
        },
        _ => return Ok(None),
    };
    Ok(Some(Value::Set(result)))
}

/// `_PyDictView_Intersect`.
fn intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Rc<PySet>> {
    let (mut view, mut other) = if set_view(a).is_some() {
        (a, b)
    } else {
        (b, a)
    };
    let Some((dict, _)) = set_view(view) else {
        unreachable!("one operand is a view");
    };
    let len_self = dict.len();
    if let Value::Set(s) = other {
        if len_self <= s.len() {
            let table = set_methods::intersection(vm, s, view)?;
            return Ok(Rc::new(PySet::new(table)));
        }
    }
    if let Some((d, _)) = set_view(other) {
        if d.len() > len_self {
            std::mem::swap(&mut view, &mut other);
        }
    }
    let Some((dict, part)) = set_view(view) else {
        unreachable!("one operand is a view");
    };
    let dict = dict.clone();
    let mut table = SetTable::new();
    let it = vm.iter(other)?;
    while let Some(key) = vm.next_value(&it)? {
        if view_contains(vm, &dict, part, &key)? {
            let h = vm.hash(&key)?;
            table.add(key, h, &mut vm.set_eq())?;
        }
    }
    Ok(Rc::new(PySet::new(table)))
}

/// `dictitems_xor`: the pairs of either dict that the other does not have.
fn items_xor(vm: &mut Vm, d1: &PyDict, d2: &PyDict) -> PyResult<Rc<PySet>> {
    let temp = Rc::new(PyDict::from_table(d1.borrow().clone()));
    let mut table = SetTable::new();
    for (key, val2) in d2.items() {
        let to_delete = match vm.dict_get(&temp, &key)? {
            Some(val1) => vm.eq(&val1, &val2)?,
            None => false,
        };
        if to_delete {
            vm.dict_remove(&temp, &key)?;
        } else {
            let pair = Value::tuple(vec![key, val2]);
            let h = vm.hash(&pair)?;
            table.add(pair, h, &mut vm.set_eq())?;
        }
    }
    for (k, v) in temp.items() {
        let pair = Value::tuple(vec![k, v]);
        let h = vm.hash(&pair)?;
        table.add(pair, h, &mut vm.set_eq())?;
    }
    Ok(Rc::new(PySet::new(table)))
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
    check(d(vec![]), "popitem", &[], &[], "KeyError: 'popitem(): dictionary is empty'");
    check(d(vec![(i(1), i(2)), (i(3), i(4))]), "popitem", &[], &[], "(3, 4)");
    check(d(vec![]), "pop", &[i(1)], &[], "KeyError: 1");
    check(d(vec![]), "pop", &[l(vec![])], &[], "KeyError: []");
    check(d(vec![(i(1), i(2))]), "pop", &[i(1)], &[], "2");
    check(d(vec![]), "pop", &[i(1), i(5)], &[], "5");
    check(d(vec![]), "get", &[l(vec![])], &[], "TypeError: unhashable type: 'list'");
    check(d(vec![]), "get", &[i(1)], &[], "None");
    check(d(vec![(i(1), i(2))]), "get", &[i(1), i(5)], &[], "2");
    check(d(vec![]), "get", &[], &[], "TypeError: get expected at least 1 argument, got 0");
    check(d(vec![]), "get", &[i(1), i(2), i(3)], &[], "TypeError: get expected at most 2 arguments, got 3");
    check(d(vec![]), "get", &[], &[("key", i(1))], "TypeError: dict.get() takes no keyword arguments");
    check(d(vec![]), "update", &[i(1)], &[], "TypeError: 'int' object is not iterable");
    check(d(vec![]), "update", &[l(vec![i(1)])], &[], "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
    check(d(vec![]), "update", &[l(vec![t(vec![i(1), i(2), i(3)])])], &[], "ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    check(d(vec![]), "update", &[d(vec![(i(1), i(2))]), d(vec![(i(3), i(4))])], &[], "TypeError: update expected at most 1 argument, got 2");
    check(d(vec![]), "update", &[l(vec![t(vec![i(1), i(2)])])], &[("a", i(1))], "None");
    check(d(vec![]), "setdefault", &[i(1)], &[], "None");
    check(d(vec![(i(1), i(2))]), "setdefault", &[i(1), i(3)], &[], "2");
    check(d(vec![(i(1), i(2))]), "copy", &[], &[], "{1: 2}");
    check(d(vec![(i(1), i(2))]), "clear", &[], &[], "None");
    check(d(vec![]), "fromkeys", &[s("ab")], &[], "{'a': None, 'b': None}");
    check(d(vec![]), "fromkeys", &[l(vec![i(1), i(2)]), i(0)], &[], "{1: 0, 2: 0}");
    check(d(vec![]), "fromkeys", &[i(1)], &[], "TypeError: 'int' object is not iterable");
    check(d(vec![]), "fromkeys", &[], &[], "TypeError: fromkeys expected at least 1 argument, got 0");
    check(d(vec![(i(1), i(2))]), "keys", &[], &[], "dict_keys([1])");
    check(d(vec![(i(1), i(2))]), "items", &[], &[], "dict_items([(1, 2)])");
    check(d(vec![(i(1), i(2))]), "values", &[], &[], "dict_values([2])");
    check(d(vec![(i(1), i(2))]), "keys", &[i(1)], &[], "TypeError: dict.keys() takes no arguments (1 given)");
    check(view(d(vec![(i(1), i(2))]), "keys"), "isdisjoint", &[l(vec![i(3)])], &[], "True");
    check(view(d(vec![(i(1), i(2))]), "keys"), "isdisjoint", &[i(3)], &[], "TypeError: 'int' object is not iterable");
    check(view(d(vec![(i(1), i(2))]), "items"), "isdisjoint", &[l(vec![t(vec![i(1), i(2)])])], &[], "False");
    check(view(d(vec![(i(1), i(2))]), "items"), "isdisjoint", &[d(vec![(t(vec![i(1), i(3)]), i(0))])], &[], "True");
    }
}
