//! Operators: arithmetic, comparison, truth, with Python's dispatch rules.
//!
//! Numbers go through `object/number.rs` first. User classes get their special methods called
//! in CPython's order: the left operand's `__op__`, then the right operand's `__rop__`, except
//! that a right operand whose class is a subclass of the left's and overrides the reflected
//! method goes first. Builtin sequences (`str`, `list`, `tuple`, `bytes`), sets and dicts have
//! their operators here too, with CPython's error messages for mismatched types.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::class::Layout;
use crate::object::number;
use crate::object::types::type_of;
use crate::object::value::Value;
use crate::syntax::ast::{BinOp, CmpOp};

use super::recursion::Nesting;
use super::Vm;

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    }
}

/// Whether a value's class is user-defined (so its special methods are Python code).
pub fn is_user(v: &Value) -> bool {
    match v {
        Value::Instance(_) => true,
        Value::Exception(e) => e.class.layout == Layout::Exception && !e.class.dict.is_empty(),
        _ => false,
    }
}

fn cmp_dunder(op: CmpOp) -> (&'static str, &'static str) {
    match op {
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::NotEq => ("__ne__", "__ne__"),
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::GtE => ("__ge__", "__le__"),
        _ => ("", ""),
    }
}

fn ordering_matches(ord: Ordering, op: CmpOp) -> bool {
    match op {
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::NotEq => ord != Ordering::Equal,
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::LtE => ord != Ordering::Greater,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::GtE => ord != Ordering::Less,
        _ => false,
    }
}

/// The comparisons the evaluator answers without a call: int with int, float with float, str
/// equality and substring tests. `None` sends the caller to `Vm::compare_op`.
#[inline(always)]
pub fn fast_compare(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match op {
            CmpOp::Eq | CmpOp::Is => Some(x == y),
            CmpOp::NotEq | CmpOp::IsNot => Some(x != y),
            CmpOp::Lt => Some(x < y),
            CmpOp::LtE => Some(x <= y),
            CmpOp::Gt => Some(x > y),
            CmpOp::GtE => Some(x >= y),
            _ => None,
        },
        (Value::Float(x), Value::Float(y)) => match op {
            CmpOp::Eq => Some(x == y),
            CmpOp::NotEq => Some(x != y),
            CmpOp::Lt => Some(x < y),
            CmpOp::LtE => Some(x <= y),
            CmpOp::Gt => Some(x > y),
            CmpOp::GtE => Some(x >= y),
            _ => None,
        },
        (Value::Str(x), Value::Str(y)) => match op {
            CmpOp::Eq => Some(Rc::ptr_eq(x, y) || x.as_str() == y.as_str()),
            CmpOp::NotEq => Some(!Rc::ptr_eq(x, y) && x.as_str() != y.as_str()),
            CmpOp::In => Some(y.contains_str(x)),
            CmpOp::NotIn => Some(!y.contains_str(x)),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        if let Some(r) = number::binary_op(op, a, b) {
            return r;
        }
        if is_user(a) || is_user(b) {
            if let Some(r) = self.user_binary(a, b, op)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.builtin_binary(a, b, op)? {
            return Ok(r);
        }
        Err(unsupported(a, b, op))
    }

    /// `a op= b`: the in-place method if there is one, else the binary operation.
    pub fn inplace_op(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        match (&a, op) {
            (Value::List(l), BinOp::Add) => {
                let items = self.collect(&b).map_err(|e| {
                    if e.matches(|t| &t.type_error) && !matches!(b, Value::Instance(_)) {
                        PyErr::type_error(format!("'{}' object is not iterable", b.type_name()))
                    } else {
                        e
                    }
                })?;
                l.borrow_mut().extend(items);
                return Ok(a);
            }
            (Value::List(l), BinOp::Mult) => {
                if let Some(n) = self.repeat_count(&b)? {
                    let mut items = l.borrow_mut();
                    let orig = items.clone();
                    items.clear();
                    for _ in 0..n {
                        items.extend(orig.iter().cloned());
                    }
                    drop(items);
                    return Ok(a);
                }
            }
            (Value::Set(_), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor)
                if matches!(b, Value::Set(_) | Value::FrozenSet(_)) =>
            {
                if let Value::Set(target) = &a {
                    crate::builtins::set_methods::inplace(self, target, &b, op)?;
                }
                return Ok(a);
            }
            (Value::Dict(d), BinOp::BitOr) => {
                let d = d.clone();
                self.dict_update_from(&d, &b)?;
                return Ok(a);
            }
            _ => {}
        }
        if is_user(&a) {
            let (_, _, iname) = dunder(op);
            if let Some(m) = self.lookup_special(&a, iname) {
                let r = self.call(&m, std::slice::from_ref(&b))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        self.binary_op(&a, &b, op).map_err(|e| {
            if e.matches(|t| &t.type_error) && e.message().starts_with("unsupported operand") {
                PyErr::type_error(format!(
                    "unsupported operand type(s) for {}=: '{}' and '{}'",
                    op.symbol(),
                    a.type_name(),
                    b.type_name()
                ))
            } else {
                e
            }
        })
    }

    fn user_binary(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        let (name, rname, _) = dunder(op);
        let ta = type_of(a);
        let tb = type_of(b);
        let same = Rc::ptr_eq(&ta, &tb);
        let mut tried_reflected = false;
        if !same && is_user(b) && tb.is_subclass(&ta) {
            if let (Some(rb), ra) = (tb.lookup_str(rname), ta.lookup_str(rname)) {
                let overrides = match ra {
                    Some(ra) => !ra.is(&rb),
                    None => true,
                };
                if overrides {
                    tried_reflected = true;
                    if let Some(m) = self.lookup_special(b, rname) {
                        let r = self.call(&m, std::slice::from_ref(a))?;
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(Some(r));
                        }
                    }
                }
            }
        }
        if is_user(a) {
            if let Some(m) = self.lookup_special(a, name) {
                let r = self.call(&m, std::slice::from_ref(b))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        if !same && !tried_reflected && is_user(b) {
            if let Some(m) = self.lookup_special(b, rname) {
                let r = self.call(&m, std::slice::from_ref(a))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    /// How many times to repeat a sequence for `seq * n`; `None` when `n` is not an int.
    fn repeat_count(&mut self, n: &Value) -> PyResult<Option<usize>> {
        match n {
            Value::Int(i) => Ok(Some((*i).max(0) as usize)),
            Value::Bool(b) => Ok(Some(*b as usize)),
            Value::BigInt(b) => {
                if num_traits::Signed::is_negative(&**b) {
                    Ok(Some(0))
                } else {
                    Err(PyErr::overflow_error(
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
            }
            _ => Ok(None),
        }
    }

    fn builtin_binary(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        // The set operators of dictionary key and item views, on either side.
        if matches!(a, Value::Native(_)) || matches!(b, Value::Native(_)) {
            if let Some(r) = crate::builtins::dict_methods::view_binary(self, a, b, op)? {
                return Ok(Some(r));
            }
        }
        Ok(Some(match (a, b, op) {
            (Value::Str(x), Value::Str(y), BinOp::Add) => {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                Value::from_string(s)
            }
            (Value::Str(_), _, BinOp::Add) => {
                return Err(PyErr::type_error(format!(
                    "can only concatenate str (not \"{}\") to str",
                    b.type_name()
                )))
            }
            (Value::Str(s), n, BinOp::Mult) | (n, Value::Str(s), BinOp::Mult) => {
                match self.repeat_count(n)? {
                    Some(k) => {
                        self.check_size(s.len(), k)?;
                        Value::from_string(s.repeat(k))
                    }
                    None => return Err(cant_multiply(n)),
                }
            }
            (Value::Str(s), args, BinOp::Mod) => {
                Value::Str(crate::builtins::percent::percent_format(self, s, args)?)
            }
            (Value::List(x), Value::List(y), BinOp::Add) => {
                let mut items = x.snapshot();
                items.extend(y.borrow().iter().cloned());
                Value::list(items)
            }
            (Value::List(_), _, BinOp::Add) => {
                return Err(PyErr::type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    b.type_name()
                )))
            }
            (Value::List(l), n, BinOp::Mult) | (n, Value::List(l), BinOp::Mult) => {
                match self.repeat_count(n)? {
                    Some(k) => {
                        let items = l.snapshot();
                        self.check_size(items.len(), k)?;
                        let mut out = Vec::with_capacity(items.len() * k);
                        for _ in 0..k {
                            out.extend(items.iter().cloned());
                        }
                        Value::list(out)
                    }
                    None => return Err(cant_multiply(n)),
                }
            }
            (Value::Tuple(x), Value::Tuple(y), BinOp::Add) => {
                let mut items = x.items().to_vec();
                items.extend(y.items().iter().cloned());
                Value::tuple(items)
            }
            (Value::Tuple(_), _, BinOp::Add) => {
                return Err(PyErr::type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    b.type_name()
                )))
            }
            (Value::Tuple(t), n, BinOp::Mult) | (n, Value::Tuple(t), BinOp::Mult) => {
                match self.repeat_count(n)? {
                    Some(k) => {
                        self.check_size(t.len(), k)?;
                        let mut out = Vec::with_capacity(t.len() * k);
                        for _ in 0..k {
                            out.extend(t.items().iter().cloned());
                        }
                        Value::tuple(out)
                    }
                    None => return Err(cant_multiply(n)),
                }
            }
            (Value::Bytes(x), Value::Bytes(y), BinOp::Add) => {
                let mut data = x.data.to_vec();
                data.extend_from_slice(&y.data);
                Value::Bytes(Rc::new(crate::object::bytes::PyBytes::new(data)))
            }
            (Value::Bytes(bts), n, BinOp::Mult) | (n, Value::Bytes(bts), BinOp::Mult) => {
                match self.repeat_count(n)? {
                    Some(k) => {
                        self.check_size(bts.data.len(), k)?;
                        Value::Bytes(Rc::new(crate::object::bytes::PyBytes::new(
                            bts.data.repeat(k),
                        )))
                    }
                    None => return Err(cant_multiply(n)),
                }
            }
            (
                Value::Set(_) | Value::FrozenSet(_),
                Value::Set(_) | Value::FrozenSet(_),
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
            ) => self.set_binary(a, b, op)?,
            (Value::Dict(x), Value::Dict(y), BinOp::BitOr) => {
                let d = Rc::new(crate::object::dict::PyDict::from_table(x.borrow().clone()));
                self.dict_update_from(&d, &Value::Dict(y.clone()))?;
                Value::Dict(d)
            }
            _ => return Ok(None),
        }))
    }

    fn check_size(&self, len: usize, times: usize) -> PyResult<()> {
        if len.checked_mul(times).map(|n| n > 1 << 36).unwrap_or(true) {
            return Err(PyErr::memory_error());
        }
        Ok(())
    }

    pub fn unary_neg(&mut self, a: &Value) -> PyResult<Value> {
        if let Some(v) = number::neg(a) {
            return Ok(v);
        }
        self.unary_special(a, "__neg__", "-")
    }

    pub fn unary_pos(&mut self, a: &Value) -> PyResult<Value> {
        if let Some(v) = number::pos(a) {
            return Ok(v);
        }
        self.unary_special(a, "__pos__", "+")
    }

    pub fn unary_invert(&mut self, a: &Value) -> PyResult<Value> {
        if let Some(v) = number::invert(a) {
            return Ok(v);
        }
        self.unary_special(a, "__invert__", "~")
    }

    fn unary_special(&mut self, a: &Value, name: &str, symbol: &str) -> PyResult<Value> {
        if is_user(a) {
            if let Some(m) = self.lookup_special(a, name) {
                return self.call(&m, &[]);
            }
        }
        Err(PyErr::type_error(format!(
            "bad operand type for unary {symbol}: '{}'",
            a.type_name()
        )))
    }

    /// The `Compare` instruction: rich comparison, identity and membership.
    pub fn compare_op(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        match op {
            CmpOp::Is => Ok(Value::Bool(a.is(b))),
            CmpOp::IsNot => Ok(Value::Bool(!a.is(b))),
            CmpOp::In => Ok(Value::Bool(self.contains(b, a)?)),
            CmpOp::NotIn => Ok(Value::Bool(!self.contains(b, a)?)),
            _ => self.rich_compare(a, b, op),
        }
    }

    /// `a == b` as a bool, with the identity shortcut containers use.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = crate::object::dict::key_eq(a, b) {
            if !matches!(a, Value::List(_) | Value::Dict(_) | Value::Set(_)) {
                return Ok(r);
            }
        }
        let r = self.rich_compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    /// `a < b` as a bool (sorting, `min`, `max`).
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        let r = self.rich_compare(a, b, CmpOp::Lt)?;
        self.truthy(&r)
    }

    pub fn rich_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        let native = if is_container(a) && is_container(b) {
            // Comparing containers compares their items: a level of native recursion.
            self.nested(Nesting::Comparison, |vm| vm.native_compare(a, b, op))?
        } else {
            self.native_compare(a, b, op)?
        };
        if let Some(r) = native {
            return Ok(Value::Bool(r));
        }
        if is_user(a) || is_user(b) {
            let (name, rname) = cmp_dunder(op);
            let ta = type_of(a);
            let tb = type_of(b);
            let same = Rc::ptr_eq(&ta, &tb);
            let mut reflected_first = false;
            if !same && is_user(b) && tb.is_subclass(&ta) && tb.lookup_str(rname).is_some() {
                reflected_first = true;
                if let Some(r) = self.try_compare_method(b, rname, a)? {
                    return Ok(r);
                }
            }
            if is_user(a) {
                if let Some(r) = self.try_compare_method(a, name, b)? {
                    return Ok(r);
                }
                if op == CmpOp::NotEq && type_of(a).lookup_str("__ne__").is_none() {
                    if let Some(r) = self.try_compare_method(a, "__eq__", b)? {
                        return Ok(Value::Bool(!self.truthy(&r)?));
                    }
                }
            }
            if !reflected_first && is_user(b) {
                if let Some(r) = self.try_compare_method(b, rname, a)? {
                    return Ok(r);
                }
                if op == CmpOp::NotEq && tb.lookup_str("__ne__").is_none() {
                    if let Some(r) = self.try_compare_method(b, "__eq__", a)? {
                        return Ok(Value::Bool(!self.truthy(&r)?));
                    }
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::NotEq => Ok(Value::Bool(!a.is(b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.type_name(),
                b.type_name()
            ))),
        }
    }

    fn try_compare_method(
        &mut self,
        obj: &Value,
        name: &str,
        other: &Value,
    ) -> PyResult<Option<Value>> {
        if let Some(m) = self.lookup_special(obj, name) {
            let r = self.call(&m, std::slice::from_ref(other))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    /// Comparison of builtin values; `None` when neither side is a builtin that decides.
    fn native_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
        use Value::*;
        if number::is_number(a) && number::is_number(b) {
            return Ok(Some(match number::num_cmp(a, b) {
                Some(ord) => ordering_matches(ord, op),
                Option::None => op == CmpOp::NotEq,
            }));
        }
        Ok(match (a, b) {
            (Str(x), Str(y)) => Some(ordering_matches(x.as_str().cmp(y.as_str()), op)),
            (Bytes(x), Bytes(y)) => Some(ordering_matches(x.data.cmp(&y.data), op)),
            (List(x), List(y)) => {
                let (xs, ys) = (x.snapshot(), y.snapshot());
                Some(self.sequence_compare(&xs, &ys, op)?)
            }
            (Tuple(x), Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                Some(self.sequence_compare(x.items(), y.items(), op)?)
            }
            (None, None) | (Ellipsis, Ellipsis) | (NotImplemented, NotImplemented) => match op {
                CmpOp::Eq => Some(true),
                CmpOp::NotEq => Some(false),
                _ => Option::None,
            },
            (Dict(x), Dict(y)) => match op {
                CmpOp::Eq | CmpOp::NotEq => {
                    let eq = self.dict_equal(x, y)?;
                    Some(eq == (op == CmpOp::Eq))
                }
                _ => Option::None,
            },
            (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => Some(self.set_compare(a, b, op)?),
            (Range(x), Range(y)) => match op {
                CmpOp::Eq | CmpOp::NotEq => {
                    let eq = x.len() == y.len()
                        && (x.is_empty()
                            || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                    Some(eq == (op == CmpOp::Eq))
                }
                _ => Option::None,
            },
            (Slice(x), Slice(y)) => {
                let xs = vec![x.start.clone(), x.stop.clone(), x.step.clone()];
                let ys = vec![y.start.clone(), y.stop.clone(), y.step.clone()];
                Some(self.sequence_compare(&xs, &ys, op)?)
            }
            (Native(x), Native(y)) => {
                use crate::object::native::Native as N;
                match (&**x, &**y) {
                    (N::Deque { items: xi, .. }, N::Deque { items: yi, .. }) => {
                        let xs: Vec<Value> = xi.borrow().iter().cloned().collect();
                        let ys: Vec<Value> = yi.borrow().iter().cloned().collect();
                        Some(self.sequence_compare(&xs, &ys, op)?)
                    }
                    (N::DictView { .. }, N::DictView { .. })
                        if matches!(op, CmpOp::Eq | CmpOp::NotEq) =>
                    {
                        let xs = self.collect(a)?;
                        let ys = self.collect(b)?;
                        let eq = xs.len() == ys.len() && {
                            let mut all = true;
                            for item in &xs {
                                if !self.contains(b, item)? {
                                    all = false;
                                    break;
                                }
                            }
                            all
                        };
                        Some(eq == (op == CmpOp::Eq))
                    }
                    _ => Option::None,
                }
            }
            _ => Option::None,
        })
    }

    /// Lexicographic comparison of two sequences (`list_richcompare`).
    pub fn sequence_compare(&mut self, xs: &[Value], ys: &[Value], op: CmpOp) -> PyResult<bool> {
        let mut i = 0;
        while i < xs.len() && i < ys.len() {
            if !self.eq(&xs[i], &ys[i])? {
                break;
            }
            i += 1;
        }
        if i >= xs.len() || i >= ys.len() {
            return Ok(ordering_matches(xs.len().cmp(&ys.len()), op));
        }
        match op {
            CmpOp::Eq => Ok(false),
            CmpOp::NotEq => Ok(true),
            _ => {
                let r = self.rich_compare(&xs[i], &ys[i], op)?;
                self.truthy(&r)
            }
        }
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::BigInt(_) => true,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.data.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) | Value::FrozenSet(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(_) | Value::Exception(_) => {
                if let Some(m) = self.lookup_special(v, "__bool__") {
                    let r = self.call(&m, &[])?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => Err(PyErr::type_error(format!(
                            "__bool__ should return bool, returned {}",
                            other.type_name()
                        ))),
                    };
                }
                if let Some(m) = self.lookup_special(v, "__len__") {
                    let r = self.call(&m, &[])?;
                    return Ok(self.len_result(&r)? != 0);
                }
                true
            }
            Value::Native(n) => match &**n {
                crate::object::native::Native::Deque { items, .. } => !items.borrow().is_empty(),
                crate::object::native::Native::DictView { dict, .. } => !dict.is_empty(),
                _ => true,
            },
            _ => true,
        })
    }

    /// Checks the value returned by a `__len__` method.
    pub fn len_result(&mut self, r: &Value) -> PyResult<usize> {
        match r {
            Value::Int(i) if *i >= 0 => Ok(*i as usize),
            Value::Bool(b) => Ok(*b as usize),
            Value::Int(_) => Err(PyErr::value_error("__len__() should return >= 0")),
            Value::BigInt(_) => Err(PyErr::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            )),
            other => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ))),
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::Bytes(b) => b.data.len(),
            Value::Tuple(t) => t.len(),
            Value::List(l) => l.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) | Value::FrozenSet(s) => s.len(),
            Value::Range(r) => r.len(),
            Value::Native(n) => match &**n {
                crate::object::native::Native::Deque { items, .. } => items.borrow().len(),
                crate::object::native::Native::DictView { dict, .. } => dict.len(),
                _ => return Err(no_len(v)),
            },
            Value::Instance(_) | Value::Exception(_) => match self.lookup_special(v, "__len__") {
                Some(m) => {
                    let r = self.call(&m, &[])?;
                    self.len_result(&r)?
                }
                None => return Err(no_len(v)),
            },
            _ => return Err(no_len(v)),
        })
    }

    /// Interprets a value as an index (`__index__`), for `range`, slicing, `hex` ...
    pub fn index(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Instance(_) => match self.lookup_special(v, "__index__") {
                Some(m) => self.call(&m, &[]),
                None => Err(not_integer(v)),
            },
            _ => Err(not_integer(v)),
        }
    }

    /// An index as `i64` (`OverflowError` beyond).
    pub fn index_i64(&mut self, v: &Value) -> PyResult<i64> {
        match self.index(v)? {
            Value::Int(i) => Ok(i),
            _ => Err(PyErr::overflow_error(
                "Python int too large to convert to C ssize_t",
            )),
        }
    }
}

fn no_len(v: &Value) -> PyErr {
    PyErr::type_error(format!("object of type '{}' has no len()", v.type_name()))
}

pub fn not_integer(v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        v.type_name()
    ))
}

fn cant_multiply(n: &Value) -> PyErr {
    PyErr::type_error(format!(
        "can't multiply sequence by non-int of type '{}'",
        n.type_name()
    ))
}

fn unsupported(a: &Value, b: &Value, op: BinOp) -> PyErr {
    let symbol = if op == BinOp::Pow {
        "** or pow()"
    } else {
        op.symbol()
    };
    PyErr::type_error(format!(
        "unsupported operand type(s) for {symbol}: '{}' and '{}'",
        a.type_name(),
        b.type_name()
    ))
}

/// Whether comparing two such values compares items of theirs (and so may nest deeply).
fn is_container(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Native(_)
    )
}
