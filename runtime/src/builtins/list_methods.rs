//! Methods of `list`, `tuple`, `range` and `slice`.

use crate::error::{PyErr, PyResult};
use crate::object::function::KwArgs;
use crate::object::value::Value;
use crate::vm::Vm;

use super::args;
use super::methods::Methods;

pub const METHODS: Methods = &[
    (
        "append",
        list_append,
        "Append object to the end of the list.",
    ),
    (
        "pop",
        list_pop,
        "Remove and return item at index (default last).",
    ),
    (
        "sort",
        list_sort,
        "Sort the list in ascending order and return None.",
    ),
];

pub const TUPLE: Methods = &[];

pub const RANGE: Methods = &[];

pub const SLICE: Methods = &[];

fn list_arg<'a>(
    name: &str,
    a: &'a [Value],
) -> PyResult<&'a std::rc::Rc<crate::object::list::PyList>> {
    match a.first() {
        Some(Value::List(l)) => Ok(l),
        _ => Err(PyErr::type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
            a.first().map(|v| v.type_name()).unwrap_or_default()
        ))),
    }
}

fn list_append(_vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = list_arg("append", a)?;
    args::no_kwargs("list.append", kw)?;
    args::exact("list.append", &a[1..], 1)?;
    l.push(a[1].clone());
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = list_arg("pop", a)?;
    args::no_kwargs("list.pop", kw)?;
    args::expected("pop", &a[1..], 0, 1)?;
    let len = l.len();
    if len == 0 {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let i = match a.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let idx = if i < 0 { i + len as i64 } else { i };
    if idx < 0 || idx >= len as i64 {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(l.borrow_mut().remove(idx as usize))
}

fn list_sort(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let l = list_arg("sort", a)?.clone();
    if a.len() > 1 {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let opts = args::keywords("sort", kw, &["key", "reverse"])?;
    let key = opts[0].cloned().unwrap_or(Value::None);
    let reverse = match opts[1] {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let mut items = l.replace(Vec::new());
    let r = super::sequences::sort_values(vm, &mut items, &key, reverse);
    let modified = !l.is_empty();
    l.replace(items);
    r?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(Value::None)
}
