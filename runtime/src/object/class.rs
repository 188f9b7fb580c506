//! `Class` (Python's `type` objects) and `Instance` (objects of user-defined classes).
//!
//! Every value has a class: builtin types are `Class` objects too (`int`, `str`, `list` ...),
//! created once per thread in `types.rs`, with their methods in their dictionaries. A class
//! keeps its method resolution order, computed with C3 linearisation when it is created.
//!
//! Instances of user classes are `Instance` (an attribute dictionary and a class pointer),
//! except subclasses of `BaseException`, whose instances are `PyException`. Subclassing other
//! builtin types is not supported: the VM raises `NotImplementedError` naming the base.
//!
//! The attribute lookup protocol (descriptors, bound methods) is in `vm/attr.rs`; this module
//! only stores and searches dictionaries.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Type attribute cache: a direct-mapped table of (class, name) -> lookup result, like
/// CPython's `type_cache`. An entry is valid while the global epoch is unchanged; any change
/// to a class dictionary after creation bumps the epoch.
const CACHE_SIZE: usize = 4096;

#[derive(Clone)]
struct CacheEntry {
    class_id: u64,
    /// The name is kept alive so that its address, the key, cannot be reused by another name.
    name: Option<Rc<PyStr>>,
    epoch: u64,
    value: Option<Value>,
}

thread_local! {
    static CACHE: RefCell<Vec<CacheEntry>> = RefCell::new(vec![
        CacheEntry { class_id: 0, name: None, epoch: u64::MAX, value: None };
        CACHE_SIZE
    ]);
    static EPOCH: Cell<u64> = const { Cell::new(0) };
    static NEXT_CLASS_ID: Cell<u64> = const { Cell::new(1) };
}

/// The type attribute epoch: it changes whenever any class dictionary does.
#[inline(always)]
pub fn type_epoch() -> u64 {
    EPOCH.with(|e| e.get())
}

/// Invalidates every cached class attribute lookup (a class dictionary changed).
pub fn invalidate_type_cache() {
    EPOCH.with(|e| e.set(e.get() + 1));
}

use super::dict::PyDict;
use super::str::PyStr;
use super::value::Value;

/// What kind of object a class's instances are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A builtin type whose instances are their own `Value` variant (`int`, `list` ...).
    Builtin,
    /// `object` and user classes: instances are `Instance`.
    Object,
    /// `BaseException` and its subclasses: instances are `PyException`.
    Exception,
}

/// Facts about a class's special methods, computed when it is created and refreshed when one of
/// its dunder attributes is assigned, so hot paths avoid dictionary lookups.
pub mod flags {
    /// The class (or a base other than `object`) defines `__eq__`.
    pub const EQ: u32 = 1;
    /// The class defines `__hash__` (possibly as `None`).
    pub const HASH: u32 = 2;
    /// `__hash__` is `None` (explicitly, or implied by defining `__eq__` alone).
    pub const UNHASHABLE: u32 = 4;
    /// The class or a base defines `__getattr__`.
    pub const GETATTR: u32 = 8;
    /// The class or a base defines `__setattr__` or `__delattr__`.
    pub const SETATTR: u32 = 16;
    /// The class or a base defines `__getattribute__`.
    pub const GETATTRIBUTE: u32 = 32;
}

pub struct Class {
    pub name: Rc<PyStr>,
    pub qualname: RefCell<Rc<PyStr>>,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order after this class itself (which is implicitly first), so that
    /// a class does not own a reference to itself.
    pub mro_tail: Vec<Rc<Class>>,
    pub dict: PyDict,
    pub layout: Layout,
    flags: Cell<u32>,
    /// A number unique to this class for the life of the thread (the cache key).
    id: u64,
    /// Every name an instance of this class has stored in its own dictionary, so that method
    /// caches know which names an instance may shadow without searching each instance.
    instance_names: RefCell<hashbrown::HashSet<NameKey>>,
}

/// A name compared by text and hashed with the string's cached hash.
struct NameKey(Rc<PyStr>);

impl std::hash::Hash for NameKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_i64(self.0.hash());
    }
}

impl PartialEq for NameKey {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0.as_str() == other.0.as_str()
    }
}

impl Eq for NameKey {}

impl Class {
    /// A new class. `mro_tail` must be the C3 linearisation of the bases.
    pub fn new(
        name: Rc<PyStr>,
        qualname: Rc<PyStr>,
        bases: Vec<Rc<Class>>,
        mro_tail: Vec<Rc<Class>>,
        dict: PyDict,
        layout: Layout,
    ) -> Rc<Class> {
        let class = Rc::new(Class {
            name,
            qualname: RefCell::new(qualname),
            bases,
            mro_tail,
            dict,
            layout,
            flags: Cell::new(0),
            instance_names: RefCell::new(hashbrown::HashSet::new()),
            id: NEXT_CLASS_ID.with(|n| {
                let id = n.get();
                n.set(id + 1);
                id
            }),
        });
        class.refresh_flags();
        class
    }

    /// The class's cache key, unique for the life of the thread.
    #[inline(always)]
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Records that an instance stores `name` in its own dictionary; true the first time for
    /// this class, when caches that assumed no instance shadows `name` must be invalidated.
    pub fn note_instance_name(&self, name: &Rc<PyStr>) -> bool {
        self.instance_names
            .borrow_mut()
            .insert(NameKey(name.clone()))
    }

    /// Whether an instance of this class may have `name` in its own dictionary.
    pub fn instances_may_shadow(&self, name: &Rc<PyStr>) -> bool {
        self.instance_names
            .borrow()
            .contains(&NameKey(name.clone()))
    }

    /// The MRO, starting with this class.
    pub fn mro(self: &Rc<Self>) -> impl Iterator<Item = &Rc<Class>> {
        std::iter::once(self).chain(self.mro_tail.iter())
    }

    /// Looks an attribute up along the MRO, through the type attribute cache.
    #[inline]
    pub fn lookup(self: &Rc<Self>, name: &Rc<PyStr>) -> Option<Value> {
        let key = Rc::as_ptr(name) as *const u8 as usize;
        let index = ((self.id as usize).wrapping_mul(0x9E37_79B9) ^ (key >> 4)) & (CACHE_SIZE - 1);
        let epoch = EPOCH.with(|e| e.get());
        let hit = CACHE.with(|c| {
            let c = c.borrow();
            let e = &c[index];
            (e.class_id == self.id
                && e.epoch == epoch
                && e.name.as_ref().is_some_and(|n| Rc::ptr_eq(n, name)))
            .then(|| e.value.clone())
        });
        if let Some(v) = hit {
            return v;
        }
        let v = self.lookup_uncached(name);
        CACHE.with(|c| {
            if let Ok(mut c) = c.try_borrow_mut() {
                c[index] = CacheEntry {
                    class_id: self.id,
                    name: Some(name.clone()),
                    epoch,
                    value: v.clone(),
                };
            }
        });
        v
    }

    fn lookup_uncached(self: &Rc<Self>, name: &Rc<PyStr>) -> Option<Value> {
        if let Some(v) = self.dict.get_str(name) {
            return Some(v);
        }
        for class in &self.mro_tail {
            if let Some(v) = class.dict.get_str(name) {
                return Some(v);
            }
        }
        None
    }

    pub fn lookup_str(self: &Rc<Self>, name: &str) -> Option<Value> {
        self.lookup(&PyStr::intern(name))
    }

    /// Whether `self` is `other` or derives from it.
    pub fn is_subclass(self: &Rc<Self>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.mro_tail.iter().any(|c| Rc::ptr_eq(c, other))
    }

    pub fn has_flag(&self, flag: u32) -> bool {
        self.flags.get() & flag != 0
    }

    pub fn overrides_eq(&self) -> bool {
        self.has_flag(flags::EQ)
    }

    /// Recomputes the special-method flags from the dictionaries along the MRO. Builtin classes
    /// contribute nothing: their behaviour is native.
    pub fn refresh_flags(self: &Rc<Self>) {
        let mut f = 0;
        let user_defines = |name: &str| {
            let name = PyStr::intern(name);
            self.mro()
                .filter(|c| c.layout != Layout::Builtin && !c.is_root())
                .find_map(|c| c.dict.get_str(&name))
        };
        if user_defines("__eq__").is_some() {
            f |= flags::EQ;
        }
        match user_defines("__hash__") {
            Some(Value::None) => f |= flags::HASH | flags::UNHASHABLE,
            Some(_) => f |= flags::HASH,
            None if f & flags::EQ != 0 => f |= flags::UNHASHABLE,
            None => {}
        }
        if user_defines("__getattr__").is_some() {
            f |= flags::GETATTR;
        }
        if user_defines("__setattr__").is_some() || user_defines("__delattr__").is_some() {
            f |= flags::SETATTR;
        }
        if user_defines("__getattribute__").is_some() {
            f |= flags::GETATTRIBUTE;
        }
        self.flags.set(f);
    }

    /// Whether this is one of the roots whose dunders are native (`object`, `BaseException`).
    fn is_root(&self) -> bool {
        self.bases.is_empty()
            || (self.layout == Layout::Exception && self.name.as_str() == "BaseException")
    }
}

/// C3 linearisation of `bases` (the MRO of a new class, without the class itself). Returns
/// `None` when no consistent order exists.
pub fn c3_mro_tail(bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| b.mro().cloned().collect::<Vec<_>>())
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let candidate = seqs.iter().find_map(|s| {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, head)));
            (!in_tail).then(|| head.clone())
        })?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &candidate) {
                s.remove(0);
            }
        }
        out.push(candidate);
    }
}

/// An object of a user-defined class.
pub struct Instance {
    pub class: Rc<Class>,
    pub dict: PyDict,
}

impl Instance {
    pub fn new(class: Rc<Class>) -> Rc<Instance> {
        Rc::new(Instance {
            class,
            dict: PyDict::new(),
        })
    }
}
