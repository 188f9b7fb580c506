//! Freeing deep structures without deep native recursion: CPython's "trashcan".
//!
//! Dropping the last reference to a container drops its items, which may be containers whose
//! items are dropped in turn: a list nested a million deep would need a million nested Rust
//! drop calls and overflow the native stack. The containers' `Drop` implementations hand their
//! contents to [`release`]. While fewer than [`LIMIT`] releases are nested, the contents are
//! dropped at once, as plain drop glue would; deeper down they are moved to a per-thread queue
//! instead, which the outermost release empties one value at a time. So the native depth of any
//! drop stays bounded, whatever the shape of the data, and the order of finalization only
//! changes for structures deeper than the limit.
//!
//! What this module deliberately does not do: break reference cycles (Coro has no cycle
//! collector), or defer anything that is not nested deeply.

use std::cell::{Cell, RefCell};

use super::value::Value;

/// How many container drops may nest before their contents are deferred.
pub const LIMIT: u32 = 100;

/// The state of one thread's trashcan.
struct Can {
    /// How many releases are running on this thread, nested.
    depth: Cell<u32>,
    /// Values whose drop was deferred; the outermost release drops them.
    deferred: RefCell<Vec<Value>>,
}

thread_local! {
    static CAN: Can = const {
        Can {
            depth: Cell::new(0),
            deferred: RefCell::new(Vec::new()),
        }
    };
}

/// Drops the contents of a container that is being freed. Below [`LIMIT`] nested releases the
/// contents are dropped now; deeper, `spill` moves the values they own to the queue (values it
/// does not move are dropped at once, so it must move every one that may own a container).
pub fn release<T>(contents: T, spill: impl FnOnce(T, &mut Vec<Value>)) {
    let contents = match CAN.try_with(|can| enter(can, contents, spill)) {
        Ok(None) => return,
        Ok(Some(contents)) => contents,
        // The thread is exiting and its trashcan is gone: drop plainly.
        Err(_) => return,
    };
    drop(contents);
}

/// Drops `contents` (or defers them) with the trashcan of this thread; returns them only if
/// the trashcan is unusable (a deferred-queue borrow is active), for a plain drop.
fn enter<T>(can: &Can, contents: T, spill: impl FnOnce(T, &mut Vec<Value>)) -> Option<T> {
    let depth = can.depth.get();
    if depth >= LIMIT {
        match can.deferred.try_borrow_mut() {
            Ok(mut queue) => {
                spill(contents, &mut queue);
                return None;
            }
            Err(_) => return Some(contents),
        }
    }
    can.depth.set(depth + 1);
    drop(contents);
    if depth == 0 {
        // The outermost release empties the queue. Each value is dropped with depth 1, so the
        // structure it heads is freed down to the limit again before more is deferred.
        loop {
            let next = match can.deferred.try_borrow_mut() {
                Ok(mut queue) => queue.pop(),
                Err(_) => None,
            };
            match next {
                Some(value) => drop(value),
                None => break,
            }
        }
    }
    can.depth.set(depth);
    None
}

/// Moves the values that own memory out of an iterator of values into the queue.
pub fn spill_values(values: impl IntoIterator<Item = Value>, queue: &mut Vec<Value>) {
    queue.extend(values.into_iter().filter(|v| !v.is_inline()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::list::PyList;
    use crate::object::tuple::PyTuple;
    use std::rc::Rc;

    /// Builds a structure `depth` levels deep with `wrap`, drops it on a thread with a small
    /// stack, and reports whether that finished.
    fn check(depth: usize, wrap: fn(Value) -> Value) {
        let done = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || {
                let mut v = Value::None;
                for _ in 0..depth {
                    v = wrap(v);
                }
                drop(v);
                CAN.with(|can| (can.depth.get(), can.deferred.borrow().len()))
            })
            .expect("spawn")
            .join()
            .expect("the drop overflowed or panicked");
        assert_eq!(done, (0, 0), "the trashcan is not empty after the drop");
    }

    #[test]
    fn deep_structures_drop_without_deep_recursion() {
        check(1_000_000, |v| Value::List(Rc::new(PyList::new(vec![v]))));
        check(1_000_000, |v| {
            Value::Tuple(PyTuple::new(vec![v, Value::Int(1)]))
        });
        check(300_000, |v| {
            Value::List(Rc::new(PyList::new(vec![Value::Tuple(PyTuple::new(
                vec![v],
            ))])))
        });
        check(10, |v| Value::List(Rc::new(PyList::new(vec![v]))));
    }
}
