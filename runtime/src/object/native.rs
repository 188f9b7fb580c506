//! `Native`: the less common builtin objects, sharing one `Value` variant.
//!
//! Descriptors (`property`, `staticmethod`, `classmethod`), `super` objects, dictionary views,
//! `collections.deque`, code and frame objects for introspection, and the `sys.stdout` /
//! `sys.stderr` stream objects.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use super::class::Class;
use super::dict::PyDict;
use super::iter::DictPart;
use super::value::Value;
use crate::bytecode::Code;
use crate::host::Stream;
use crate::vm::generator::Generator;

pub enum Native {
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
        doc: Value,
        /// The attribute name it was assigned to in a class body (`__set_name__`), used in
        /// its error messages; copied by `getter`, `setter` and `deleter`.
        name: RefCell<Option<Rc<super::str::PyStr>>>,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    /// `super(class, obj)`: lookups start after `class` in `type(obj)`'s MRO.
    Super {
        class: Rc<Class>,
        obj: Value,
    },
    DictView {
        part: DictPart,
        dict: Rc<PyDict>,
    },
    Deque {
        items: RefCell<VecDeque<Value>>,
        maxlen: Option<usize>,
    },
    Code(Rc<Code>),
    /// A generator's frame (`gi_frame`): its attributes are read from the generator.
    Frame(Rc<Generator>),
    /// `sys.stdout` or `sys.stderr`: writes go to the host.
    StdStream(Stream),
    /// A traceback object: entry `index` (outermost first) of an exception's traceback.
    Traceback(Rc<crate::object::exception::PyException>, usize),
}

impl Native {
    pub fn type_name(&self) -> &'static str {
        match self {
            Native::Property { .. } => "property",
            Native::StaticMethod(_) => "staticmethod",
            Native::ClassMethod(_) => "classmethod",
            Native::Super { .. } => "super",
            Native::DictView {
                part: DictPart::Keys,
                ..
            } => "dict_keys",
            Native::DictView {
                part: DictPart::Values,
                ..
            } => "dict_values",
            Native::DictView {
                part: DictPart::Items,
                ..
            } => "dict_items",
            Native::Deque { .. } => "deque",
            Native::Code(_) => "code",
            Native::Frame(_) => "frame",
            Native::StdStream(_) => "TextIOWrapper",
            Native::Traceback(..) => "traceback",
        }
    }
}
