//! `Value`: every Python value the VM handles, in sixteen bytes.
//!
//! Small values (`None`, `bool`, `int` that fits in 64 bits, `float`) are stored inline and cost
//! no allocation. Everything else is a reference-counted pointer to its own Rust type, one
//! variant per builtin type, so the VM dispatches on the tag without a type-object lookup.
//! Reference counting gives CPython's timing for finalization: a suspended generator's `finally`
//! runs when its last reference goes.
//!
//! Rarely used builtin objects (deques, properties, views, frames ...) share the `Native`
//! variant so that the common ones keep their own tags.
//!
//! What this module deliberately does not do: it knows nothing of the VM. Operations that may
//! call back into Python code (comparisons of instances, hashing with `__hash__`, `repr` of
//! instances) live in `vm/`.

use std::rc::Rc;

use num_bigint::BigInt;

use super::bytes::PyBytes;
use super::class::{Class, Instance};
use super::dict::PyDict;
use super::exception::PyException;
use super::function::{BoundMethod, BuiltinFunction, CellObj, Function};
use super::iter::NativeIter;
use super::list::PyList;
use super::module::Module;
use super::native::Native;
use super::range::{PyRange, PySlice};
use super::set::PySet;
use super::str::PyStr;
use super::tuple::PyTuple;
use crate::vm::generator::Generator;

/// A Python value.
///
/// `repr(u64)` puts every payload at offset 8 (a plain Rust enum would put `Bool`'s byte at
/// offset 1), so copying a value is two aligned word moves; the tag's unused values still
/// leave a niche, so `Option<Value>` and `PyResult<Value>` stay sixteen bytes.
#[repr(u64)]
#[derive(Default)]
pub enum Value {
    #[default]
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    /// An `int` that fits in 64 bits. Larger ones are `BigInt`; results are normalised so an
    /// integer has exactly one representation.
    Int(i64),
    Float(f64),
    /// An `int` outside the `i64` range.
    BigInt(Rc<BigInt>),
    Str(Rc<PyStr>),
    Bytes(Rc<PyBytes>),
    Tuple(Rc<PyTuple>),
    List(Rc<PyList>),
    Dict(Rc<PyDict>),
    Set(Rc<PySet>),
    FrozenSet(Rc<PySet>),
    Range(Rc<PyRange>),
    Slice(Rc<PySlice>),
    Function(Rc<Function>),
    /// A function written in Rust, possibly bound to a `self`.
    Builtin(Rc<BuiltinFunction>),
    /// A Python function bound to an instance (`obj.method`).
    Method(Rc<BoundMethod>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Exception(Rc<PyException>),
    /// A generator or a coroutine.
    Generator(Rc<Generator>),
    Module(Rc<Module>),
    /// A closure cell; appears only in frame slots and function closures, never as a result.
    Cell(Rc<CellObj>),
    /// An iterator implemented in Rust (list_iterator, enumerate, zip, map ...).
    Iter(Rc<NativeIter>),
    /// Less common builtin objects.
    Native(Rc<Native>),
    /// The marker of an unbound local variable in a frame slot; never visible to programs.
    Unbound,
}

impl Clone for Value {
    /// Written out (not derived) so that it inlines into the dispatch loop: an inline value is
    /// a plain copy, a heap value one reference-count increment.
    #[inline(always)]
    fn clone(&self) -> Value {
        // SAFETY: inline variants own no heap memory, so a bitwise copy is a valid,
        // independent value; a heap variant's copy owns the count `retain` just added. Copying
        // in place (rather than rebuilding the variant) keeps the value in registers.
        unsafe {
            if !self.is_inline() {
                self.retain();
            }
            std::ptr::read(self)
        }
    }
}

impl Value {
    /// Whether the value owns no heap memory (None, bools, small ints, floats, markers), so
    /// copying it is free and dropping it does nothing.
    #[inline(always)]
    pub fn is_inline(&self) -> bool {
        matches!(
            self,
            Value::None
                | Value::NotImplemented
                | Value::Ellipsis
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::Unbound
        )
    }

    /// Drops a value, skipping the out-of-line drop glue for inline values.
    #[inline(always)]
    pub fn discard(self) {
        // SAFETY: `release_shared` gives up this value's count only when another reference
        // keeps the object alive; the value is then forgotten instead of dropped.
        if self.is_inline() || unsafe { self.release_shared() } {
            std::mem::forget(self);
        } else {
            drop(self);
        }
    }

    /// Drops this value's reference count inline when the object has other references (the
    /// common case, which then needs no call into the drop glue); returns whether it did.
    ///
    /// # Safety
    /// When this returns true the caller must forget the value, whose count is gone.
    #[inline(always)]
    unsafe fn release_shared(&self) -> bool {
        #[inline(always)]
        unsafe fn release<T>(r: &Rc<T>) -> bool {
            if Rc::strong_count(r) > 1 {
                Rc::decrement_strong_count(Rc::as_ptr(r));
                true
            } else {
                false
            }
        }
        use Value::*;
        match self {
            BigInt(r) => release(r),
            Str(r) => release(r),
            Bytes(r) => release(r),
            Tuple(r) => release(r),
            List(r) => release(r),
            Dict(r) => release(r),
            Set(r) => release(r),
            FrozenSet(r) => release(r),
            Range(r) => release(r),
            Slice(r) => release(r),
            Function(r) => release(r),
            Builtin(r) => release(r),
            Method(r) => release(r),
            Class(r) => release(r),
            Instance(r) => release(r),
            Exception(r) => release(r),
            Generator(r) => release(r),
            Module(r) => release(r),
            Cell(r) => release(r),
            Iter(r) => release(r),
            Native(r) => release(r),
            None | NotImplemented | Ellipsis | Bool(_) | Int(_) | Float(_) | Unbound => true,
        }
    }

    /// Adds one to the reference count of the object a heap variant points to.
    ///
    /// # Safety
    /// The caller must turn the added count into a value (`clone` makes a bitwise copy), or the
    /// object leaks.
    #[inline(always)]
    unsafe fn retain(&self) {
        use Value::*;
        match self {
            BigInt(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Str(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Bytes(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Tuple(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            List(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Dict(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Set(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            FrozenSet(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Range(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Slice(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Function(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Builtin(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Method(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Class(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Instance(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Exception(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Generator(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Module(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Cell(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Iter(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            Native(r) => Rc::increment_strong_count(Rc::as_ptr(r)),
            None | NotImplemented | Ellipsis | Bool(_) | Int(_) | Float(_) | Unbound => {}
        }
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(PyStr::new(s))
    }

    pub fn from_string(s: String) -> Value {
        Value::Str(PyStr::from_string(s))
    }

    /// An int from a big integer, normalised to `Int` when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(PyTuple::new(items))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(PyList::new(items)))
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity, as `is` sees it. Inline values compare by value and type, as CPython's small
    /// int and singleton caches make them behave.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => true,
            (Unbound, Unbound) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.heap_ptr(), other.heap_ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of the heap object behind this value, if it has one; `id()` and reprs use it.
    pub fn heap_ptr(&self) -> Option<usize> {
        use Value::*;
        Some(match self {
            BigInt(r) => Rc::as_ptr(r) as *const u8 as usize,
            Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Set(r) | FrozenSet(r) => Rc::as_ptr(r) as *const u8 as usize,
            Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            Method(r) => Rc::as_ptr(r) as *const u8 as usize,
            Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Exception(r) => Rc::as_ptr(r) as *const u8 as usize,
            Generator(r) => Rc::as_ptr(r) as *const u8 as usize,
            Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
            Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
            Native(r) => Rc::as_ptr(r) as *const u8 as usize,
            None | NotImplemented | Ellipsis | Bool(_) | Int(_) | Float(_) | Unbound => {
                return Option::None
            }
        })
    }

    /// `id(value)`: the heap address, or a stable synthetic number for inline values.
    pub fn id(&self) -> i64 {
        match self.heap_ptr() {
            Some(p) => p as i64,
            None => match self {
                Value::None => 0x9_0000,
                Value::NotImplemented => 0x9_0010,
                Value::Ellipsis => 0x9_0020,
                Value::Bool(b) => 0x9_0030 + *b as i64 * 0x10,
                Value::Int(i) => 0x10_0000_0000_i64.wrapping_add(i.wrapping_mul(32)),
                Value::Float(f) => (f.to_bits() >> 4) as i64,
                _ => 0,
            },
        }
    }

    /// The name of the value's type, for error messages (`'int' object is not iterable`).
    /// For instances it is the class name.
    pub fn type_name(&self) -> String {
        match self {
            Value::Instance(i) => i.class.name.to_string(),
            Value::Exception(e) => e.class.name.to_string(),
            Value::Native(n) => n.type_name().to_string(),
            Value::Iter(it) => it.type_name().to_string(),
            Value::Generator(g) => g.kind.type_name().to_string(),
            other => other.builtin_type_name().to_string(),
        }
    }

    /// The type name of a value whose type is a builtin one.
    pub fn builtin_type_name(&self) -> &'static str {
        use Value::*;
        match self {
            None => "NoneType",
            NotImplemented => "NotImplementedType",
            Ellipsis => "ellipsis",
            Bool(_) => "bool",
            Int(_) | BigInt(_) => "int",
            Float(_) => "float",
            Str(_) => "str",
            Bytes(_) => "bytes",
            Tuple(_) => "tuple",
            List(_) => "list",
            Dict(_) => "dict",
            Set(_) => "set",
            FrozenSet(_) => "frozenset",
            Range(_) => "range",
            Slice(_) => "slice",
            Function(_) => "function",
            Builtin(b) => {
                if b.bound.is_some() {
                    "builtin_function_or_method"
                } else {
                    b.kind_name()
                }
            }
            Method(_) => "method",
            Class(_) => "type",
            Instance(_) => "object",
            Exception(_) => "BaseException",
            Generator(_) => "generator",
            Module(_) => "module",
            Cell(_) => "cell",
            Iter(_) => "iterator",
            Native(_) => "object",
            Unbound => "<unbound>",
        }
    }

    pub fn as_str(&self) -> Option<&Rc<PyStr>> {
        match self {
            Value::Str(s) => Some(s),
            _ => Option::None,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<usize> for Value {
    fn from(i: usize) -> Value {
        if i <= i64::MAX as usize {
            Value::Int(i as i64)
        } else {
            Value::from_bigint(BigInt::from(i))
        }
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl From<Rc<PyStr>> for Value {
    fn from(s: Rc<PyStr>) -> Value {
        Value::Str(s)
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            other => write!(f, "<{}>", other.type_name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<Result<Value, Rc<()>>>(), 16);
    }
}
