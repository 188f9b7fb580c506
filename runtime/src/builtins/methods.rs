//! Installs the methods of the builtin types into their class dictionaries.
//!
//! Each type's methods are a table of `(name, function)` pairs in its own file; `install`
//! wraps them as method descriptors owned by the type. It runs while the per-thread type table
//! is being built, so nothing here may call `types()`.

use std::rc::Rc;

use crate::object::class::Class;
use crate::object::function::{BuiltinFunction, BuiltinKind, NativeFn};
use crate::object::str::PyStr;
use crate::object::types::BuiltinTypes;
use crate::object::value::Value;

/// A method table: name, function, docstring.
pub type Methods = &'static [(&'static str, NativeFn, &'static str)];

/// Adds methods of `kind` to a builtin class.
pub fn add(class: &Rc<Class>, owner: &'static str, methods: Methods, kind: BuiltinKind) {
    for (name, func, doc) in methods {
        let f = BuiltinFunction {
            name,
            owner: Some(owner),
            func: *func,
            kind,
            bound: None,
            doc,
        };
        class
            .dict
            .set_str(PyStr::intern(name), Value::Builtin(Rc::new(f)));
    }
}

pub fn install(t: &BuiltinTypes) {
    add(
        &t.object,
        "object",
        super::object_methods::OBJECT,
        BuiltinKind::Method,
    );
    add(
        &t.type_,
        "type",
        super::object_methods::TYPE,
        BuiltinKind::Method,
    );
    add(
        &t.base_exception,
        "BaseException",
        super::object_methods::EXCEPTION,
        BuiltinKind::Method,
    );
    add(
        &t.generator,
        "generator",
        super::object_methods::GENERATOR,
        BuiltinKind::Method,
    );
    add(
        &t.coroutine,
        "coroutine",
        super::object_methods::GENERATOR,
        BuiltinKind::Method,
    );
    add(
        &t.str,
        "str",
        super::str_methods::METHODS,
        BuiltinKind::Method,
    );
    add(
        &t.str,
        "str",
        super::str_methods::STATIC,
        BuiltinKind::StaticMethod,
    );
    add(
        &t.list,
        "list",
        super::list_methods::METHODS,
        BuiltinKind::Method,
    );
    add(
        &t.tuple,
        "tuple",
        super::list_methods::TUPLE,
        BuiltinKind::Method,
    );
    add(
        &t.dict,
        "dict",
        super::dict_methods::METHODS,
        BuiltinKind::Method,
    );
    add(
        &t.dict,
        "dict",
        super::dict_methods::CLASS,
        BuiltinKind::ClassMethod,
    );
    add(&t.set, "set", super::set_methods::SET, BuiltinKind::Method);
    add(
        &t.frozenset,
        "frozenset",
        super::set_methods::FROZENSET,
        BuiltinKind::Method,
    );
    add(
        &t.int,
        "int",
        super::number_methods::INT,
        BuiltinKind::Method,
    );
    add(
        &t.int,
        "int",
        super::number_methods::INT_CLASS,
        BuiltinKind::ClassMethod,
    );
    add(
        &t.float,
        "float",
        super::number_methods::FLOAT,
        BuiltinKind::Method,
    );
    add(
        &t.float,
        "float",
        super::number_methods::FLOAT_CLASS,
        BuiltinKind::ClassMethod,
    );
    add(
        &t.bytes,
        "bytes",
        super::str_methods::BYTES,
        BuiltinKind::Method,
    );
    add(
        &t.range,
        "range",
        super::list_methods::RANGE,
        BuiltinKind::Method,
    );
    add(
        &t.slice,
        "slice",
        super::list_methods::SLICE,
        BuiltinKind::Method,
    );
    add(
        &t.deque,
        "deque",
        crate::stdlib::collections::DEQUE,
        BuiltinKind::Method,
    );
    add(
        &t.text_io,
        "TextIOWrapper",
        super::io::STREAM,
        BuiltinKind::Method,
    );
    add(
        &t.dict_keys,
        "dict_keys",
        super::dict_methods::VIEW,
        BuiltinKind::Method,
    );
    add(
        &t.dict_items,
        "dict_items",
        super::dict_methods::VIEW,
        BuiltinKind::Method,
    );
    add(
        &t.dict_values,
        "dict_values",
        super::dict_methods::VIEW,
        BuiltinKind::Method,
    );
    add(
        &t.property,
        "property",
        super::object_methods::PROPERTY,
        BuiltinKind::Method,
    );
    for it in [
        &t.list_iterator,
        &t.list_reverseiterator,
        &t.tuple_iterator,
        &t.str_iterator,
        &t.str_ascii_iterator,
        &t.bytes_iterator,
        &t.range_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.set_iterator,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
        &t.callable_iterator,
        &t.iterator,
    ] {
        add(
            it,
            "iterator",
            super::object_methods::ITERATOR,
            BuiltinKind::Method,
        );
    }
}
