//! Methods of `set` and `frozenset`, with the algorithms of CPython 3.11's `Objects/setobject.c`.
//!
//! Programs print sets, and a set's order is its table's, so each method builds its result the
//! way CPython does: `union` copies the receiver and then adds each argument; `intersection` of
//! two sets iterates the smaller one, and of any other iterable iterates it; `difference` copies
//! and discards when the receiver is four times larger than the other set, and otherwise builds
//! a new table; `symmetric_difference` starts from a set made of the other operand;
//! `difference_update` narrows a much larger other set to the intersection first, and shrinks
//! the table when too many dummies remain. The tables themselves are `object/set.rs`.
//!
//! Key comparisons may run `__eq__`; the live tables are reached through `Vm::sets_read` and
//! `Vm::set_table_mut` (`vm/hashing.rs`), which never hold a borrow while Python code runs.
//! Operations that are not idempotent (`symmetric_difference_update`) work on a copy that is
//! written back.
//!
//! These functions are also the set side of the dictionary views' operators
//! (`dict_methods.rs`).

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::function::KwArgs;
use crate::object::set::{Discarded, PySet, SetTable};
use crate::object::value::Value;
use crate::syntax::ast::BinOp;
use crate::vm::hashing::set_busy;
use crate::vm::Vm;

use super::clinic;
use super::methods::Methods;

pub const SET: Methods = &[
    ("add", set_add, "Add an element to a set."),
    ("clear", set_clear, "Remove all elements from this set."),
    ("copy", set_copy, "Return a shallow copy of a set."),
    (
        "difference",
        set_difference,
        "Return the difference of two or more sets as a new set.",
    ),
    (
        "difference_update",
        set_difference_update,
        "Remove all elements of another set from this set.",
    ),
    (
        "discard",
        set_discard,
        "Remove an element from a set if it is a member.",
    ),
    (
        "intersection",
        set_intersection,
        "Return the intersection of two sets as a new set.",
    ),
    (
        "intersection_update",
        set_intersection_update,
        "Update a set with the intersection of itself and another.",
    ),
    (
        "isdisjoint",
        set_isdisjoint,
        "Return True if two sets have a null intersection.",
    ),
    (
        "issubset",
        set_issubset,
        "Report whether another set contains this set.",
    ),
    (
        "issuperset",
        set_issuperset,
        "Report whether this set contains another set.",
    ),
    (
        "pop",
        set_pop,
        "Remove and return an arbitrary set element.",
    ),
    (
        "remove",
        set_remove,
        "Remove an element from a set; it must be a member.",
    ),
    (
        "symmetric_difference",
        set_symmetric_difference,
        "Return the symmetric difference of two sets as a new set.",
    ),
    (
        "symmetric_difference_update",
        set_symmetric_difference_update,
        "Update a set with the symmetric difference of itself and another.",
    ),
    ("union", set_union, "Return the union of sets as a new set."),
    (
        "update",
        set_update,
        "Update a set with the union of itself and others.",
    ),
];

pub const FROZENSET: Methods = &[
    ("copy", frozenset_copy, "Return a shallow copy of a set."),
    (
        "difference",
        frozenset_difference,
        "Return the difference of two or more sets as a new set.",
    ),
    (
        "intersection",
        frozenset_intersection,
        "Return the intersection of two sets as a new set.",
    ),
    (
        "isdisjoint",
        frozenset_isdisjoint,
        "Return True if two sets have a null intersection.",
    ),
    (
        "issubset",
        frozenset_issubset,
        "Report whether another set contains this set.",
    ),
    (
        "issuperset",
        frozenset_issuperset,
        "Report whether this set contains another set.",
    ),
    (
        "symmetric_difference",
        frozenset_symmetric_difference,
        "Return the symmetric difference of two sets as a new set.",
    ),
    (
        "union",
        frozenset_union,
        "Return the union of sets as a new set.",
    ),
];

/// The `frozenset` entries of the shared methods: the same code, with the receiver checked
/// against `frozenset`.
macro_rules! frozenset_methods {
    ($($name:ident => $shared:ident),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
                $shared(vm, a, kw, Kind::Frozen)
            }
        )*
    };
}

frozenset_methods! {
    frozenset_copy => copy_impl,
    frozenset_difference => difference_impl,
    frozenset_intersection => intersection_impl,
    frozenset_isdisjoint => isdisjoint_impl,
    frozenset_issubset => issubset_impl,
    frozenset_issuperset => issuperset_impl,
    frozenset_symmetric_difference => symmetric_difference_impl,
    frozenset_union => union_impl,
}

/// The `set` entries of the shared methods.
macro_rules! set_methods {
    ($($name:ident => $shared:ident),* $(,)?) => {
        $(
            fn $name(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
                $shared(vm, a, kw, Kind::Set)
            }
        )*
    };
}

set_methods! {
    set_copy => copy_impl,
    set_difference => difference_impl,
    set_intersection => intersection_impl,
    set_isdisjoint => isdisjoint_impl,
    set_issubset => issubset_impl,
    set_issuperset => issuperset_impl,
    set_symmetric_difference => symmetric_difference_impl,
    set_union => union_impl,
}

/// Whether the receiver is a `frozenset` (its results are frozensets too).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Set,
    Frozen,
}

impl Kind {
    pub fn wrap(self, table: SetTable) -> Value {
        let s = Rc::new(PySet::new(table));
        match self {
            Kind::Set => Value::Set(s),
            Kind::Frozen => Value::FrozenSet(s),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Set => "set",
            Kind::Frozen => "frozenset",
        }
    }
}

/// The receiver of a method shared by `set` and `frozenset`, checked against the type whose
/// table the method came from (`set.union(frozenset())` is refused, as in CPython).
fn this<'a>(name: &str, a: &'a [Value], kind: Kind) -> PyResult<&'a Rc<PySet>> {
    let accept = |v: &Value| match kind {
        Kind::Set => matches!(v, Value::Set(_)),
        Kind::Frozen => matches!(v, Value::FrozenSet(_)),
    };
    match clinic::receiver(kind.name(), name, a, accept)? {
        Value::Set(s) | Value::FrozenSet(s) => Ok(s),
        _ => unreachable!("receiver checked the type"),
    }
}

/// The receiver of a method only `set` has.
fn this_set<'a>(name: &str, a: &'a [Value]) -> PyResult<&'a Rc<PySet>> {
    match clinic::receiver("set", name, a, |v| matches!(v, Value::Set(_)))? {
        Value::Set(s) => Ok(s),
        _ => unreachable!("receiver checked the type"),
    }
}

fn varargs_nokw(qual: &str, kw: Option<KwArgs<'_>>) -> PyResult<()> {
    match kw {
        Some(k) if !k.is_empty() => Err(PyErr::type_error(format!(
            "{qual}() takes no keyword arguments"
        ))),
        _ => Ok(()),
    }
}

/// The live set behind a set or frozenset value.
fn as_set(v: &Value) -> Option<&Rc<PySet>> {
    match v {
        Value::Set(s) | Value::FrozenSet(s) => Some(s),
        _ => None,
    }
}

/// `set_copy`: a compact copy of a live set's table.
pub fn copy_table(vm: &mut Vm, so: &PySet) -> PyResult<SetTable> {
    vm.sets_read(&[so], |t, eq| t[0].clone_compact(eq))
}

/// `set_update_internal` on a live set.
pub fn update_live(vm: &mut Vm, target: &Rc<PySet>, other: &Value) -> PyResult<()> {
    match other {
        Value::Set(o) | Value::FrozenSet(o) => {
            if Rc::ptr_eq(o, target) {
                return Ok(());
            }
            vm.set_table_mut(target, &[o], |t, o, eq| t.merge(o[0], eq))
        }
        Value::Dict(d) => {
            let entries: Vec<(i64, Value)> =
                d.borrow().iter().map(|e| (e.hash, e.key.clone())).collect();
            vm.set_table_mut(target, &[], |t, _, eq| {
                t.reserve_for(entries.len());
                for (h, k) in &entries {
                    t.add(k.clone(), *h, eq)?;
                }
                Ok(())
            })
        }
        _ => {
            let it = vm.iter(other)?;
            while let Some(item) = vm.next_value(&it)? {
                let h = vm.hash(&item)?;
                vm.set_table_mut(target, &[], |t, _, eq| t.add(item.clone(), h, eq))?;
            }
            Ok(())
        }
    }
}

/// `set_difference_update_internal` on a table that is not shared yet.
fn difference_update_local(vm: &mut Vm, table: &mut SetTable, other: &Value) -> PyResult<()> {
    match other {
        Value::Set(o) | Value::FrozenSet(o) => {
            vm.sets_read(&[o], |t, eq| table.difference_update(t[0], eq))
        }
        _ => {
            let it = vm.iter(other)?;
            while let Some(item) = vm.next_value(&it)? {
                let h = vm.hash(&item)?;
                table.discard(&item, h, &mut vm.set_eq())?;
            }
            table.shrink_after_discards();
            Ok(())
        }
    }
}

/// `set_difference_update_internal` on a live set.
pub fn difference_update_live(vm: &mut Vm, target: &Rc<PySet>, other: &Value) -> PyResult<()> {
    match other {
        Value::Set(o) | Value::FrozenSet(o) => {
            if Rc::ptr_eq(o, target) {
                return clear_live(target);
            }
            vm.set_table_mut(target, &[o], |t, o, eq| t.difference_update(o[0], eq))
        }
        _ => {
            let it = vm.iter(other)?;
            while let Some(item) = vm.next_value(&it)? {
                let h = vm.hash(&item)?;
                vm.set_table_mut(target, &[], |t, _, eq| t.discard(&item, h, eq).map(|_| ()))?;
            }
            let mut table = target.try_borrow_mut().ok_or_else(set_busy)?;
            table.shrink_after_discards();
            Ok(())
        }
    }
}

fn clear_live(target: &PySet) -> PyResult<()> {
    let old = target.try_borrow_mut().ok_or_else(set_busy)?.clear();
    drop(old);
    Ok(())
}

/// Replaces the table of a live set (`set_swap_bodies`).
fn replace_live(target: &PySet, table: SetTable) -> PyResult<()> {
    let old = std::mem::replace(&mut *target.try_borrow_mut().ok_or_else(set_busy)?, table);
    drop(old);
    Ok(())
}

/// `set_intersection`: a new table with the keys of `so` that are in `other`.
pub fn intersection(vm: &mut Vm, so: &Rc<PySet>, other: &Value) -> PyResult<SetTable> {
    if let Some(o) = as_set(other) {
        if Rc::ptr_eq(o, so) {
            return copy_table(vm, so);
        }
        return vm.sets_read(&[so, o], |t, eq| SetTable::intersection(t[0], t[1], eq));
    }
    let mut result = SetTable::new();
    let it = vm.iter(other)?;
    while let Some(key) = vm.next_value(&it)? {
        let h = vm.hash(&key)?;
        if vm.sets_read(&[so], |t, eq| t[0].contains(&key, h, eq))? {
            result.add(key, h, &mut vm.set_eq())?;
        }
    }
    Ok(result)
}

/// `set_difference`: a new table with the keys of `so` that are not in `other`.
pub fn difference(vm: &mut Vm, so: &Rc<PySet>, other: &Value) -> PyResult<SetTable> {
    let other_size = match other {
        Value::Set(o) | Value::FrozenSet(o) => o.len(),
        Value::Dict(d) => d.len(),
        _ => usize::MAX,
    };
    if other_size == usize::MAX || (so.len() >> 2) > other_size {
        let mut result = copy_table(vm, so)?;
        difference_update_local(vm, &mut result, other)?;
        return Ok(result);
    }
    match other {
        Value::Dict(d) => {
            let entries: Vec<(i64, Value)> =
                so.borrow().entries().map(|(h, k)| (h, k.clone())).collect();
            let mut result = SetTable::new();
            for (h, k) in entries {
                if vm.dict_get(d, &k)?.is_none() {
                    result.add(k, h, &mut vm.set_eq())?;
                }
            }
            Ok(result)
        }
        _ => {
            let o = as_set(other).expect("a set");
            if Rc::ptr_eq(o, so) {
                return Ok(SetTable::new());
            }
            vm.sets_read(&[so, o], |t, eq| {
                let mut result = SetTable::new();
                for (h, k) in t[0].entries() {
                    if !t[1].contains(k, h, eq)? {
                        result.add(k.clone(), h, eq)?;
                    }
                }
                Ok(result)
            })
        }
    }
}

/// `set_symmetric_difference_update` on a live set.
pub fn symmetric_difference_update_live(
    vm: &mut Vm,
    target: &Rc<PySet>,
    other: &Value,
) -> PyResult<()> {
    let toggle = |t: &mut SetTable,
                  keys: &[(i64, Value)],
                  eq: &mut dyn FnMut(&Value, &Value) -> PyResult<bool>| {
        let mut eq = eq;
        for (h, k) in keys {
            if t.discard(k, *h, &mut eq)? == Discarded::NotFound {
                t.add(k.clone(), *h, &mut eq)?;
            }
        }
        Ok(())
    };
    let keys: Vec<(i64, Value)> = match other {
        Value::Set(o) | Value::FrozenSet(o) if Rc::ptr_eq(o, target) => {
            return clear_live(target);
        }
        Value::Set(o) | Value::FrozenSet(o) => {
            o.borrow().entries().map(|(h, k)| (h, k.clone())).collect()
        }
        Value::Dict(d) => d.borrow().iter().map(|e| (e.hash, e.key.clone())).collect(),
        _ => {
            let table = vm.set_table_from(other)?;
            table.entries().map(|(h, k)| (h, k.clone())).collect()
        }
    };
    // Toggling is not idempotent, so the work is done on a copy and written back.
    let mut copy = target.borrow().clone();
    toggle(&mut copy, &keys, &mut vm.set_eq())?;
    replace_live(target, copy)
}

/// `a op= b` for a set `a` and a set or frozenset `b`, as CPython's `set_ior`, `set_iand`,
/// `set_isub` and `set_ixor` do it: `|=`, `-=` and `^=` change the table of `a` in place (so
/// its layout, and the order of iteration, follow from its history), `&=` replaces it with the
/// intersection. `vm/ops.rs` should call this for the in-place operators (it still applies
/// the binary operator and copies the result; `methods/set_inplace_operators.py` is a known
/// failure until it does).
#[allow(dead_code)]
pub fn inplace(vm: &mut Vm, target: &Rc<PySet>, other: &Value, op: BinOp) -> PyResult<()> {
    match op {
        BinOp::BitOr => update_live(vm, target, other),
        BinOp::Sub => difference_update_live(vm, target, other),
        BinOp::BitXor => symmetric_difference_update_live(vm, target, other),
        _ => {
            let table = intersection(vm, target, other)?;
            replace_live(target, table)
        }
    }
}

// ----- the methods -----

fn set_add(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    this_set("add", a)?;
    let item = clinic::onearg("set.add", &a[1..], kw)?;
    vm.set_add(&a[0], item.clone())?;
    Ok(Value::None)
}

fn set_clear(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this_set("clear", a)?;
    clinic::noargs("set.clear", &a[1..], kw)?;
    clear_live(s)?;
    Ok(Value::None)
}

fn copy_impl(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>, kind: Kind) -> PyResult<Value> {
    let s = this("copy", a, kind)?;
    clinic::noargs(&format!("{}.copy", kind.name()), &a[1..], kw)?;
    if kind == Kind::Frozen {
        return Ok(a[0].clone());
    }
    Ok(kind.wrap(copy_table(vm, s)?))
}

fn set_discard(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this_set("discard", a)?;
    let item = clinic::onearg("set.discard", &a[1..], kw)?;
    vm.set_discard(s, item)?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this_set("remove", a)?;
    let item = clinic::onearg("set.remove", &a[1..], kw)?;
    if !vm.set_discard(s, item)? {
        return Err(PyErr::key_error(item.clone()));
    }
    Ok(Value::None)
}

fn set_pop(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this_set("pop", a)?;
    clinic::noargs("set.pop", &a[1..], kw)?;
    let popped = s.try_borrow_mut().ok_or_else(set_busy)?.pop();
    popped.ok_or_else(|| PyErr::key_error(Value::str("pop from an empty set")))
}

fn union_impl(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>, kind: Kind) -> PyResult<Value> {
    let s = this("union", a, kind)?;
    varargs_nokw(&format!("{}.union", kind.name()), kw)?;
    let result = Rc::new(PySet::new(copy_table(vm, s)?));
    for other in &a[1..] {
        if as_set(other).is_some_and(|o| Rc::ptr_eq(o, s)) {
            continue;
        }
        update_live(vm, &result, other)?;
    }
    let table = std::mem::take(&mut *result.borrow_mut());
    Ok(kind.wrap(table))
}

fn set_update(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this_set("update", a)?;
    varargs_nokw("set.update", kw)?;
    for other in &a[1..] {
        update_live(vm, s, other)?;
    }
    Ok(Value::None)
}

/// `set_intersection_multi`.
fn intersection_multi(vm: &mut Vm, s: &Rc<PySet>, others: &[Value]) -> PyResult<SetTable> {
    if others.is_empty() {
        return copy_table(vm, s);
    }
    let mut result = s.clone();
    for other in others {
        let table = intersection(vm, &result, other)?;
        result = Rc::new(PySet::new(table));
    }
    let table = std::mem::take(&mut *result.borrow_mut());
    Ok(table)
}

fn intersection_impl(
    vm: &mut Vm,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    kind: Kind,
) -> PyResult<Value> {
    let s = this("intersection", a, kind)?;
    varargs_nokw(&format!("{}.intersection", kind.name()), kw)?;
    Ok(kind.wrap(intersection_multi(vm, s, &a[1..])?))
}

fn set_intersection_update(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this_set("intersection_update", a)?;
    varargs_nokw("set.intersection_update", kw)?;
    let table = intersection_multi(vm, s, &a[1..])?;
    replace_live(s, table)?;
    Ok(Value::None)
}

fn difference_impl(
    vm: &mut Vm,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    kind: Kind,
) -> PyResult<Value> {
    let s = this("difference", a, kind)?;
    varargs_nokw(&format!("{}.difference", kind.name()), kw)?;
    let Some((first, rest)) = a[1..].split_first() else {
        return Ok(kind.wrap(copy_table(vm, s)?));
    };
    let mut table = difference(vm, s, first)?;
    for other in rest {
        difference_update_local(vm, &mut table, other)?;
    }
    Ok(kind.wrap(table))
}

fn set_difference_update(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let s = this_set("difference_update", a)?;
    varargs_nokw("set.difference_update", kw)?;
    for other in &a[1..] {
        difference_update_live(vm, s, other)?;
    }
    Ok(Value::None)
}

fn symmetric_difference_impl(
    vm: &mut Vm,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    kind: Kind,
) -> PyResult<Value> {
    let s = this("symmetric_difference", a, kind)?;
    let other = clinic::onearg(
        &format!("{}.symmetric_difference", kind.name()),
        &a[1..],
        kw,
    )?;
    let result = Rc::new(PySet::new(vm.set_table_from(other)?));
    symmetric_difference_update_live(vm, &result, &Value::Set(s.clone()))?;
    let table = std::mem::take(&mut *result.borrow_mut());
    Ok(kind.wrap(table))
}

fn set_symmetric_difference_update(
    vm: &mut Vm,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
) -> PyResult<Value> {
    let s = this_set("symmetric_difference_update", a)?;
    let other = clinic::onearg("set.symmetric_difference_update", &a[1..], kw)?;
    symmetric_difference_update_live(vm, s, other)?;
    Ok(Value::None)
}

/// `set_issubset` with a set argument.
fn subset_of(vm: &mut Vm, so: &Rc<PySet>, other: &Rc<PySet>) -> PyResult<bool> {
    if so.len() > other.len() {
        return Ok(false);
    }
    vm.sets_read(&[so, other], |t, eq| {
        for (h, k) in t[0].entries() {
            if !t[1].contains(k, h, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    })
}

fn issubset_impl(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>, kind: Kind) -> PyResult<Value> {
    let s = this("issubset", a, kind)?;
    let other = clinic::onearg(&format!("{}.issubset", kind.name()), &a[1..], kw)?;
    let other = match as_set(other) {
        Some(o) => o.clone(),
        None => Rc::new(PySet::new(vm.set_table_from(other)?)),
    };
    Ok(Value::Bool(subset_of(vm, s, &other)?))
}

fn issuperset_impl(
    vm: &mut Vm,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    kind: Kind,
) -> PyResult<Value> {
    let s = this("issuperset", a, kind)?;
    let other = clinic::onearg(&format!("{}.issuperset", kind.name()), &a[1..], kw)?;
    if let Some(o) = as_set(other) {
        return Ok(Value::Bool(subset_of(vm, o, s)?));
    }
    let it = vm.iter(other)?;
    while let Some(key) = vm.next_value(&it)? {
        let (key, h) = vm.set_key_hash(&key)?;
        if !vm.sets_read(&[s], |t, eq| t[0].contains(&key, h, eq))? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn isdisjoint_impl(
    vm: &mut Vm,
    a: &[Value],
    kw: Option<KwArgs<'_>>,
    kind: Kind,
) -> PyResult<Value> {
    let s = this("isdisjoint", a, kind)?;
    let other = clinic::onearg(&format!("{}.isdisjoint", kind.name()), &a[1..], kw)?;
    if let Some(o) = as_set(other) {
        if Rc::ptr_eq(o, s) {
            return Ok(Value::Bool(s.is_empty()));
        }
        let (small, big) = if o.len() > s.len() { (s, o) } else { (o, s) };
        let disjoint = vm.sets_read(&[small, big], |t, eq| {
            for (h, k) in t[0].entries() {
                if t[1].contains(k, h, eq)? {
                    return Ok(false);
                }
            }
            Ok(true)
        })?;
        return Ok(Value::Bool(disjoint));
    }
    let it = vm.iter(other)?;
    while let Some(key) = vm.next_value(&it)? {
        let (key, h) = vm.set_key_hash(&key)?;
        if vm.sets_read(&[s], |t, eq| t[0].contains(&key, h, eq))? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
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
    check(set(vec![]), "pop", &[], &[], "KeyError: 'pop from an empty set'");
    check(set(vec![i(1), i(2)]), "pop", &[], &[], "1");
    check(set(vec![i(1)]), "remove", &[i(2)], &[], "KeyError: 2");
    check(set(vec![i(1)]), "remove", &[l(vec![])], &[], "TypeError: unhashable type: 'list'");
    check(set(vec![i(1)]), "discard", &[l(vec![])], &[], "TypeError: unhashable type: 'list'");
    check(set(vec![i(1)]), "add", &[l(vec![])], &[], "TypeError: unhashable type: 'list'");
    check(set(vec![i(1)]), "remove", &[set(vec![i(1)])], &[], "KeyError: {1}");
    check(set(vec![fset(vec![i(1)])]), "remove", &[set(vec![i(1)])], &[], "None");
    check(set(vec![fset(vec![i(1)])]), "discard", &[set(vec![i(1)])], &[], "None");
    check(set(vec![i(1)]), "union", &[i(1)], &[], "TypeError: 'int' object is not iterable");
    check(set(vec![i(1)]), "union", &[l(vec![i(2)]), t(vec![i(3)]), s("ab")], &[], "{1, 2, 3, 'b', 'a'}");
    check(set(vec![i(1), i(2), i(3)]), "union", &[set(vec![i(4), i(5)])], &[], "{1, 2, 3, 4, 5}");
    check(set(vec![i(1)]), "union", &[], &[], "{1}");
    check(set(vec![i(1)]), "update", &[l(vec![i(2)]), t(vec![i(3)])], &[], "None");
    check(set(vec![i(1)]), "union", &[], &[("zz", i(1))], "TypeError: set.union() takes no keyword arguments");
    check(set(vec![i(1)]), "intersection", &[l(vec![i(1), i(2)]), set(vec![i(1)])], &[], "{1}");
    check(set(vec![i(1)]), "intersection", &[], &[], "{1}");
    check(set(vec![i(1), i(2), i(3), i(4)]), "intersection", &[l(vec![i(4), i(3), i(9)])], &[], "{3, 4}");
    check(set(vec![i(1), i(2), i(3)]), "intersection", &[set(vec![i(2), i(3), i(4), i(5), i(6)])], &[], "{2, 3}");
    check(set(vec![i(1)]), "isdisjoint", &[i(1)], &[], "TypeError: 'int' object is not iterable");
    check(set(vec![i(1), i(2)]), "isdisjoint", &[l(vec![i(3)])], &[], "True");
    check(set(vec![i(1), i(2)]), "isdisjoint", &[set(vec![i(2), i(3)])], &[], "False");
    check(set(vec![i(1)]), "issubset", &[i(1)], &[], "TypeError: 'int' object is not iterable");
    check(set(vec![i(1)]), "issubset", &[l(vec![i(1), i(2)])], &[], "True");
    check(set(vec![i(1), i(2)]), "issuperset", &[l(vec![i(1)])], &[], "True");
    check(set(vec![i(1), i(2)]), "issuperset", &[set(vec![i(3)])], &[], "False");
    check(fset(vec![i(1)]), "union", &[l(vec![i(2)])], &[], "frozenset({1, 2})");
    check(fset(vec![i(1)]), "copy", &[], &[], "frozenset({1})");
    check(fset(vec![i(1), i(2)]), "intersection", &[set(vec![i(2)])], &[], "frozenset({2})");
    check(fset(vec![i(1), i(2)]), "symmetric_difference", &[set(vec![i(2), i(3)])], &[], "frozenset({1, 3})");
    check(set(vec![i(3), i(1)]), "difference", &[l(vec![i(1)]), l(vec![i(3)])], &[], "set()");
    check(set(vec![i(1), i(2), i(3), i(4), i(5), i(6), i(7), i(8), i(9)]), "difference", &[set(vec![i(1)])], &[], "{2, 3, 4, 5, 6, 7, 8, 9}");
    check(set(vec![i(1), i(2), i(3)]), "difference", &[d(vec![(i(2), i(0))])], &[], "{1, 3}");
    check(set(vec![i(1), i(2), i(3)]), "difference", &[], &[], "{1, 2, 3}");
    check(set(vec![i(1), i(2), i(3)]), "symmetric_difference", &[l(vec![i(3), i(4), i(4)])], &[], "{1, 2, 4}");
    check(set(vec![i(1), i(2)]), "symmetric_difference_update", &[set(vec![i(2), i(3)])], &[], "None");
    check(set(vec![i(1), i(2)]), "difference_update", &[l(vec![i(1)]), set(vec![i(2)])], &[], "None");
    check(set(vec![i(1), i(2)]), "intersection_update", &[l(vec![i(2), i(3)])], &[], "None");
    check(set(vec![i(1)]), "copy", &[], &[], "{1}");
    check(set(vec![i(1)]), "clear", &[], &[], "None");
    check(set(vec![i(1)]), "add", &[i(1), i(2)], &[], "TypeError: set.add() takes exactly one argument (2 given)");
    check(set(vec![i(1)]), "symmetric_difference", &[], &[], "TypeError: set.symmetric_difference() takes exactly one argument (0 given)");
    check(set(vec![i(1)]), "issubset", &[], &[], "TypeError: set.issubset() takes exactly one argument (0 given)");
    check(set(vec![i(1), i(2), i(3), i(40), i(72), i(56)]), "union", &[set(vec![i(88), i(8), i(16)])], &[], "{1, 2, 3, 40, 72, 8, 16, 56, 88}");
    check(set(vec![i(13), i(21), i(5)]), "symmetric_difference", &[set(vec![i(13), i(29)])], &[], "{5, 29, 21}");
    check(set(vec![i(8), i(16), i(32), i(24)]), "difference", &[set(vec![i(16)])], &[], "{8, 24, 32}");
    }
}
