//! Inline caches: what the last attribute, method or global lookup of a name found, so the
//! next one can skip the dictionary searches (the idea of CPython 3.11's specialising
//! interpreter, kept simple).
//!
//! Every code object has one `InlineCache` per entry of its `names` table; `LoadAttr`,
//! `StoreAttr`, `LoadMethod` and `LoadGlobal` of name `i` share entry `i` (a name is nearly
//! always used in one way within a function, and a mismatch just refills the entry). An entry
//! remembers one of:
//!
//! - `InstanceDict`: instances of class `key` keep the attribute in their own dictionary, at
//!   position `hint`; the class has no data descriptor and no `__getattribute__` for it.
//! - `Method`: instances of class `key` find a plain function on the class, and no instance of
//!   that class has ever stored the name in its own dictionary (the class records every name its
//!   instances store, and the first store of a new name invalidates the caches).
//! - `TypeMethod`: values of builtin type `key` have a native method of that name.
//! - `Global`: the name is in the globals at position `hint`.
//! - `Builtin`: the name is missing from globals whose key set has version `key`, and is in
//!   the builtins at position `hint`.
//!
//! Validity: class-based entries also record the type-attribute epoch, which every change to
//! any class dictionary advances (`object/class.rs`); positions are trusted only after checking
//! that the key stored there is the very same string object; dictionary versions change
//! whenever a key is added or removed (`object/dict.rs`). A stale entry is therefore never
//! used, only refilled by the slow path, which stays the single source of the semantics.
//!
//! What this module deliberately does not do: it never runs Python code and never calls back
//! into the VM; the fast paths only read dictionaries.

use std::cell::{Cell, UnsafeCell};
use std::rc::Rc;

use crate::object::class::{flags, type_epoch, Layout};
use crate::object::dict::PyDict;
use crate::object::function::BuiltinKind;
use crate::object::str::PyStr;
use crate::object::types::with_types;
use crate::object::value::Value;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Empty,
    InstanceDict,
    Method,
    TypeMethod,
    Global,
    Builtin,
}

/// One cache entry (see the module documentation).
pub struct InlineCache {
    kind: Cell<Kind>,
    hint: Cell<u32>,
    key: Cell<u64>,
    epoch: Cell<u64>,
    /// The function of a `Method` or `TypeMethod` entry.
    ///
    /// Safety protocol: the cell is only read by cloning the value out and only written by
    /// replacing it, and neither can run Python code (cloning bumps a count; dropping a
    /// function or builtin runs no finalizer that re-enters this cache), so no reference into
    /// it outlives one of these short accesses.
    value: UnsafeCell<Value>,
}

impl Default for InlineCache {
    fn default() -> Self {
        InlineCache {
            kind: Cell::new(Kind::Empty),
            hint: Cell::new(0),
            key: Cell::new(0),
            epoch: Cell::new(0),
            value: UnsafeCell::new(Value::None),
        }
    }
}

impl InlineCache {
    #[inline(always)]
    fn is(&self, kind: Kind, key: u64) -> bool {
        self.kind.get() == kind && self.key.get() == key && self.epoch.get() == type_epoch()
    }

    #[inline(always)]
    fn cached_value(&self) -> Value {
        // SAFETY: see the protocol on `value`.
        unsafe { (*self.value.get()).clone() }
    }

    fn set(&self, kind: Kind, key: u64, hint: usize, value: Value) {
        self.kind.set(kind);
        self.key.set(key);
        self.hint.set(hint as u32);
        self.epoch.set(type_epoch());
        // SAFETY: see the protocol on `value`; the old value is dropped after the write.
        let old = unsafe { std::mem::replace(&mut *self.value.get(), value) };
        drop(old);
    }

    /// `obj.name` when the cache knows where it is.
    #[inline(always)]
    pub fn load_attr(&self, obj: &Value, name: &Rc<PyStr>) -> Option<Value> {
        let Value::Instance(inst) = obj else {
            return None;
        };
        if !self.is(Kind::InstanceDict, inst.class.id()) {
            return None;
        }
        let table = inst.dict.borrow();
        table.value_at_hint(self.hint.get() as usize, name).cloned()
    }

    /// `obj.name = value` when the cache knows where it goes; gives the value back otherwise.
    #[inline(always)]
    pub fn store_attr(&self, obj: &Value, name: &Rc<PyStr>, value: Value) -> Result<(), Value> {
        let Value::Instance(inst) = obj else {
            return Err(value);
        };
        if !self.is(Kind::InstanceDict, inst.class.id()) || inst.class.has_flag(flags::SETATTR) {
            return Err(value);
        }
        let mut table = inst.dict.borrow_mut();
        match table.value_at_hint_mut(self.hint.get() as usize, name) {
            Some(slot) => {
                let old = std::mem::replace(slot, value);
                drop(table);
                drop(old);
                Ok(())
            }
            None => Err(value),
        }
    }

    /// The function `obj.name(...)` calls with `obj` as its first argument, when cached.
    #[inline(always)]
    pub fn load_method(&self, obj: &Value, _name: &Rc<PyStr>) -> Option<Value> {
        match obj {
            Value::Instance(inst) => self
                .is(Kind::Method, inst.class.id())
                .then(|| self.cached_value()),
            _ => {
                if self.kind.get() != Kind::TypeMethod {
                    return None;
                }
                let id = with_types(|t| crate::object::types::class_of(t, obj).id());
                self.is(Kind::TypeMethod, id).then(|| self.cached_value())
            }
        }
    }

    /// A global or builtin name, when cached.
    #[inline(always)]
    pub fn load_global(
        &self,
        globals: &PyDict,
        builtins: &PyDict,
        name: &Rc<PyStr>,
    ) -> Option<Value> {
        match self.kind.get() {
            Kind::Global => globals
                .borrow()
                .value_at_hint(self.hint.get() as usize, name)
                .cloned(),
            Kind::Builtin if globals.borrow().version() == self.key.get() => builtins
                .borrow()
                .value_at_hint(self.hint.get() as usize, name)
                .cloned(),
            _ => None,
        }
    }

    /// Records where an instance attribute was found (or stored), if that can be cached.
    pub fn fill_attr(&self, obj: &Value, name: &Rc<PyStr>) {
        let Value::Instance(inst) = obj else {
            return;
        };
        let class = &inst.class;
        if class.has_flag(flags::GETATTRIBUTE) {
            return;
        }
        // An instance attribute wins over anything on the class except a data descriptor;
        // only descriptor-free kinds of class attribute are cached.
        let plain = match class.lookup(name) {
            None => true,
            Some(Value::Native(_) | Value::Instance(_)) => false,
            Some(_) => true,
        };
        if !plain {
            return;
        }
        if let Some(pos) = inst.dict.borrow().position_str(name) {
            self.set(Kind::InstanceDict, class.id(), pos, Value::None);
        }
    }

    /// Records the outcome of a method lookup, if it can be cached.
    pub fn fill_method(&self, obj: &Value, name: &Rc<PyStr>, func: &Value) {
        match obj {
            Value::Instance(inst) => {
                if matches!(func, Value::Function(_))
                    && !inst.class.has_flag(flags::GETATTRIBUTE)
                    && !inst.class.instances_may_shadow(name)
                {
                    self.set(Kind::Method, inst.class.id(), 0, func.clone());
                }
            }
            // Classes and modules bind differently; exceptions and functions may shadow type
            // methods with their own dictionaries.
            Value::Class(_) | Value::Module(_) | Value::Exception(_) | Value::Function(_) => {}
            other => {
                let class = crate::object::types::type_of(other);
                if class.layout != Layout::Builtin {
                    return;
                }
                if let Value::Builtin(b) = func {
                    if b.bound.is_none() && b.kind == BuiltinKind::Method {
                        self.set(Kind::TypeMethod, class.id(), 0, func.clone());
                    }
                }
            }
        }
    }

    /// Records where a global or builtin name was found.
    pub fn fill_global(&self, globals: &PyDict, builtins: &PyDict, name: &Rc<PyStr>) {
        let g = globals.borrow();
        if let Some(pos) = g.position_str(name) {
            self.set(Kind::Global, 0, pos, Value::None);
        } else if let Some(pos) = builtins.borrow().position_str(name) {
            self.set(Kind::Builtin, g.version(), pos, Value::None);
        }
    }
}
