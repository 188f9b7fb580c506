//! The builtin classes: `object`, `type`, `int`, `str` ..., and the exception hierarchy.
//!
//! They are created once per thread and shared by every session on it: builtin classes are
//! immutable from Python (assigning an attribute on `int` raises `TypeError`), so sharing them is
//! as safe as CPython sharing them between interpreters. Their methods are installed by
//! `builtins::methods::install` when the table is built.
//!
//! `type_of` maps any value to its class; it is how `type(x)`, `isinstance` and attribute
//! lookup on builtin values find their class.

use std::rc::Rc;

use super::class::{c3_mro_tail, Class, Layout};
use super::dict::PyDict;
use super::native::Native;
use super::str::PyStr;
use super::value::Value;

macro_rules! builtin_types {
    (
        root $root:ident;
        bool_base $int:ident;
        types { $($tname:ident : $tpy:literal),* $(,)? }
        exceptions { $($ename:ident : $epy:literal < $ebase:ident),* $(,)? }
    ) => {
        /// Every builtin class, by its Python name.
        pub struct BuiltinTypes {
            pub object: Rc<Class>,
            pub type_: Rc<Class>,
            $(pub $tname: Rc<Class>,)*
            pub bool_: Rc<Class>,
            pub base_exception: Rc<Class>,
            $(pub $ename: Rc<Class>,)*
        }

        impl BuiltinTypes {
            fn create() -> BuiltinTypes {
                let object = Class::new(
                    PyStr::intern("object"),
                    PyStr::intern("object"),
                    vec![],
                    vec![],
                    PyDict::new(),
                    Layout::Object,
                );
                let builtin = |name: &str| make_class(name, &object, Layout::Builtin);
                let type_ = builtin("type");
                $(let $tname = builtin($tpy);)*
                let bool_ = make_class("bool", &$int, Layout::Builtin);
                let $root = make_class("BaseException", &object, Layout::Exception);
                $(let $ename = make_class($epy, &$ebase, Layout::Exception);)*
                BuiltinTypes {
                    object,
                    type_,
                    $($tname,)*
                    bool_,
                    base_exception: $root,
                    $($ename,)*
                }
            }

            /// Every builtin exception class with its Python name, for the builtins module.
            pub fn exception_classes(&self) -> Vec<(&'static str, Rc<Class>)> {
                vec![
                    ("BaseException", self.base_exception.clone()),
                    $(($epy, self.$ename.clone()),)*
                ]
            }

            /// The builtin types that the builtins module names (`int`, `str` ...).
            pub fn named_types(&self) -> Vec<(&'static str, Rc<Class>)> {
                vec![
                    ("object", self.object.clone()),
                    ("type", self.type_.clone()),
                    ("bool", self.bool_.clone()),
                    $(($tpy, self.$tname.clone()),)*
                ]
            }
        }
    };
}

fn make_class(name: &str, base: &Rc<Class>, layout: Layout) -> Rc<Class> {
    let bases = vec![base.clone()];
    let mro_tail = c3_mro_tail(&bases).unwrap_or_default();
    Class::new(
        PyStr::intern(name),
        PyStr::intern(name),
        bases,
        mro_tail,
        PyDict::new(),
        layout,
    )
}

builtin_types! {
    root base_exception;
    bool_base int;
    types {
        none_type: "NoneType",
        not_implemented_type: "NotImplementedType",
        ellipsis_type: "ellipsis",
        int: "int",
        float: "float",
        str: "str",
        bytes: "bytes",
        tuple: "tuple",
        list: "list",
        dict: "dict",
        set: "set",
        frozenset: "frozenset",
        range: "range",
        slice: "slice",
        function: "function",
        builtin_function: "builtin_function_or_method",
        method_descriptor: "method_descriptor",
        classmethod_descriptor: "classmethod_descriptor",
        method: "method",
        generator: "generator",
        coroutine: "coroutine",
        module: "module",
        cell: "cell",
        property: "property",
        staticmethod: "staticmethod",
        classmethod: "classmethod",
        super_: "super",
        dict_keys: "dict_keys",
        dict_values: "dict_values",
        dict_items: "dict_items",
        deque: "deque",
        code: "code",
        frame: "frame",
        text_io: "TextIOWrapper",
        traceback: "traceback",
        list_iterator: "list_iterator",
        list_reverseiterator: "list_reverseiterator",
        tuple_iterator: "tuple_iterator",
        str_iterator: "str_iterator",
        str_ascii_iterator: "str_ascii_iterator",
        bytes_iterator: "bytes_iterator",
        range_iterator: "range_iterator",
        dict_keyiterator: "dict_keyiterator",
        dict_valueiterator: "dict_valueiterator",
        dict_itemiterator: "dict_itemiterator",
        set_iterator: "set_iterator",
        enumerate: "enumerate",
        zip: "zip",
        map: "map",
        filter: "filter",
        reversed: "reversed",
        callable_iterator: "callable_iterator",
        iterator: "iterator",
    }
    exceptions {
        generator_exit: "GeneratorExit" < base_exception,
        keyboard_interrupt: "KeyboardInterrupt" < base_exception,
        system_exit: "SystemExit" < base_exception,
        exception: "Exception" < base_exception,
        arithmetic_error: "ArithmeticError" < exception,
        floating_point_error: "FloatingPointError" < arithmetic_error,
        overflow_error: "OverflowError" < arithmetic_error,
        zero_division_error: "ZeroDivisionError" < arithmetic_error,
        assertion_error: "AssertionError" < exception,
        attribute_error: "AttributeError" < exception,
        buffer_error: "BufferError" < exception,
        eof_error: "EOFError" < exception,
        import_error: "ImportError" < exception,
        module_not_found_error: "ModuleNotFoundError" < import_error,
        lookup_error: "LookupError" < exception,
        index_error: "IndexError" < lookup_error,
        key_error: "KeyError" < lookup_error,
        memory_error: "MemoryError" < exception,
        name_error: "NameError" < exception,
        unbound_local_error: "UnboundLocalError" < name_error,
        os_error: "OSError" < exception,
        file_not_found_error: "FileNotFoundError" < os_error,
        permission_error: "PermissionError" < os_error,
        timeout_error: "TimeoutError" < os_error,
        connection_error: "ConnectionError" < os_error,
        reference_error: "ReferenceError" < exception,
        runtime_error: "RuntimeError" < exception,
        not_implemented_error: "NotImplementedError" < runtime_error,
        recursion_error: "RecursionError" < runtime_error,
        stop_async_iteration: "StopAsyncIteration" < exception,
        stop_iteration: "StopIteration" < exception,
        syntax_error: "SyntaxError" < exception,
        indentation_error: "IndentationError" < syntax_error,
        tab_error: "TabError" < indentation_error,
        system_error: "SystemError" < exception,
        type_error: "TypeError" < exception,
        value_error: "ValueError" < exception,
        unicode_error: "UnicodeError" < value_error,
        unicode_decode_error: "UnicodeDecodeError" < unicode_error,
        unicode_encode_error: "UnicodeEncodeError" < unicode_error,
        warning: "Warning" < exception,
        user_warning: "UserWarning" < warning,
        deprecation_warning: "DeprecationWarning" < warning,
        pending_deprecation_warning: "PendingDeprecationWarning" < warning,
        runtime_warning: "RuntimeWarning" < warning,
        syntax_warning: "SyntaxWarning" < warning,
        future_warning: "FutureWarning" < warning,
        import_warning: "ImportWarning" < warning,
        unicode_warning: "UnicodeWarning" < warning,
        bytes_warning: "BytesWarning" < warning,
        resource_warning: "ResourceWarning" < warning,
        encoding_warning: "EncodingWarning" < warning,
        stdin_not_implemented_error: "StdinNotImplementedError" < not_implemented_error,
        cancelled_error: "CancelledError" < base_exception,
        invalid_state_error: "InvalidStateError" < exception,
        internal_error: "InternalError" < exception,
    }
}

thread_local! {
    static TYPES: Rc<BuiltinTypes> = {
        let types = Rc::new(BuiltinTypes::create());
        crate::builtins::methods::install(&types);
        types
    };
}

/// The builtin classes of this thread.
pub fn types() -> Rc<BuiltinTypes> {
    TYPES.with(Rc::clone)
}

/// Runs `f` with the builtin classes, without cloning the table's `Rc`.
pub fn with_types<R>(f: impl FnOnce(&BuiltinTypes) -> R) -> R {
    TYPES.with(|t| f(t))
}

/// The class of a value (`type(value)`).
pub fn type_of(v: &Value) -> Rc<Class> {
    with_types(|t| class_of(t, v).clone())
}

/// The class of a value, borrowed from the table.
pub fn class_of<'a>(t: &'a BuiltinTypes, v: &'a Value) -> &'a Rc<Class> {
    use super::iter::IterState;
    match v {
        Value::None | Value::Unbound => &t.none_type,
        Value::NotImplemented => &t.not_implemented_type,
        Value::Ellipsis => &t.ellipsis_type,
        Value::Bool(_) => &t.bool_,
        Value::Int(_) | Value::BigInt(_) => &t.int,
        Value::Float(_) => &t.float,
        Value::Str(_) => &t.str,
        Value::Bytes(_) => &t.bytes,
        Value::Tuple(_) => &t.tuple,
        Value::List(_) => &t.list,
        Value::Dict(_) => &t.dict,
        Value::Set(_) => &t.set,
        Value::FrozenSet(_) => &t.frozenset,
        Value::Range(_) => &t.range,
        Value::Slice(_) => &t.slice,
        Value::Function(_) => &t.function,
        Value::Builtin(b) => match (b.kind, &b.bound) {
            (_, Some(_)) => &t.builtin_function,
            (super::function::BuiltinKind::Function, None) => &t.builtin_function,
            (super::function::BuiltinKind::Method, None) => &t.method_descriptor,
            (super::function::BuiltinKind::ClassMethod, None) => &t.classmethod_descriptor,
            (super::function::BuiltinKind::StaticMethod, None) => &t.staticmethod,
        },
        Value::Method(_) => &t.method,
        Value::Class(_) => &t.type_,
        Value::Instance(i) => &i.class,
        Value::Exception(e) => &e.class,
        Value::Generator(g) => match g.kind {
            crate::vm::generator::GenKind::Generator => &t.generator,
            crate::vm::generator::GenKind::Coroutine => &t.coroutine,
        },
        Value::Module(_) => &t.module,
        Value::Cell(_) => &t.cell,
        Value::Iter(it) => match &*it.state.borrow() {
            IterState::Seq {
                seq: Value::Tuple(_),
                ..
            } => &t.tuple_iterator,
            IterState::Seq { .. } => &t.list_iterator,
            IterState::Reversed { .. } => &t.list_reverseiterator,
            IterState::Str { s, .. } if s.is_ascii() => &t.str_ascii_iterator,
            IterState::Str { .. } => &t.str_iterator,
            IterState::Bytes { .. } => &t.bytes_iterator,
            IterState::Range { .. } => &t.range_iterator,
            IterState::Dict { part, .. } => match part {
                super::iter::DictPart::Keys => &t.dict_keyiterator,
                super::iter::DictPart::Values => &t.dict_valueiterator,
                super::iter::DictPart::Items => &t.dict_itemiterator,
            },
            IterState::Set { .. } => &t.set_iterator,
            IterState::Enumerate { .. } => &t.enumerate,
            IterState::Zip { .. } => &t.zip,
            IterState::Map { .. } => &t.map,
            IterState::Filter { .. } => &t.filter,
            IterState::Callable { .. } => &t.callable_iterator,
            IterState::GetItem { .. } | IterState::Exhausted => &t.iterator,
        },
        Value::Native(n) => match &**n {
            Native::Property { .. } => &t.property,
            Native::StaticMethod(_) => &t.staticmethod,
            Native::ClassMethod(_) => &t.classmethod,
            Native::Super { .. } => &t.super_,
            Native::DictView { part, .. } => match part {
                super::iter::DictPart::Keys => &t.dict_keys,
                super::iter::DictPart::Values => &t.dict_values,
                super::iter::DictPart::Items => &t.dict_items,
            },
            Native::Deque { .. } => &t.deque,
            Native::Code(_) => &t.code,
            Native::Frame(_) => &t.frame,
            Native::StdStream(_) => &t.text_io,
            Native::Traceback(..) => &t.traceback,
        },
    }
}
