//! Set displays of constants, folded as CPython 3.11's compiler folds them.
//!
//! CPython compiles `{5, 13, 21}` (three or more items, all constants) to `BUILD_SET 0`,
//! `LOAD_CONST frozenset(...)`, `SET_UPDATE`. The frozenset is built from a tuple of the items
//! (`starunpack_helper`), and then built again from the iteration order of the first one when
//! the constant is merged (`merge_consts_recursive`); `SET_UPDATE` copies its table into the
//! empty set (`set_merge`). With colliding hashes the display's iteration order is therefore
//! not the order of adding the items one by one, and [`folded_set`] reproduces it.
//!
//! What it deliberately does not do: fold items whose hash is not a pure function of their
//! value in CPython (`None`, `...`, NaN, whose hashes are addresses): such displays are built
//! item by item.

use std::rc::Rc;

use crate::object::dict::key_eq;
use crate::object::hash;
use crate::object::set::{PySet, SetTable};
use crate::object::value::Value;
use crate::syntax::ast::{Expr, ExprKind, UnaryOp};

use super::expr::constant_value;

/// The value of a constant item as CPython's AST optimizer sees it (literals, negated numbers,
/// tuples of constants), if its hash is a pure function of it.
fn literal(e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Constant(c) => {
            let v = constant_value(c, e.span).ok()?;
            pure_hash(&v).map(|_| v)
        }
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => match literal(operand)? {
            Value::Int(i) => i.checked_neg().map(Value::Int),
            Value::Float(f) => Some(Value::Float(-f)),
            Value::BigInt(b) => Some(Value::from_bigint(-(*b).clone())),
            _ => None,
        },
        ExprKind::Tuple(items) => {
            let values: Option<Vec<Value>> = items.iter().map(literal).collect();
            Some(Value::tuple(values?))
        }
        _ => None,
    }
}

/// The hash CPython gives a constant, when it does not depend on an address.
fn pure_hash(v: &Value) -> Option<i64> {
    Some(match v {
        Value::Int(i) => hash::hash_int(*i),
        Value::Bool(b) => *b as i64,
        Value::Float(f) if f.is_nan() => return None,
        Value::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 9.0e18 {
                hash::hash_int(*f as i64)
            } else {
                hash::hash_float(*f, 0)
            }
        }
        Value::BigInt(b) => hash::hash_bigint(b),
        Value::Str(s) => s.hash(),
        Value::Bytes(b) => hash::hash_bytes(&b.data),
        Value::Tuple(t) => {
            let hashes: Option<Vec<i64>> = t.items().iter().map(pure_hash).collect();
            hash::hash_tuple(hashes?.into_iter())
        }
        _ => return None,
    })
}

/// A frozenset built by adding `items` in order (`PyFrozenSet_New` of a tuple).
fn build(items: impl IntoIterator<Item = Value>) -> Option<SetTable> {
    let mut table = SetTable::new();
    let mut eq = |a: &Value, b: &Value| Ok(key_eq(a, b).unwrap_or(false));
    for item in items {
        let h = pure_hash(&item)?;
        table.add(item, h, &mut eq).ok()?;
    }
    Some(table)
}

/// The frozenset constant of a set display, when CPython folds the display into one.
pub(super) fn folded_set(items: &[Expr]) -> Option<Value> {
    if items.len() <= 2 {
        return None;
    }
    let values: Option<Vec<Value>> = items.iter().map(literal).collect();
    let first = build(values?)?;
    let merged = build(first.keys())?;
    Some(Value::FrozenSet(Rc::new(PySet::new(merged))))
}
