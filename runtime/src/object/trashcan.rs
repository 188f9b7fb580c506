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

thread_local! {
    /// How many releases are running on this thread, nested.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Whether `DEFERRED` may hold values (kept apart so the common path never touches it).
    static HAS_DEFERRED: Cell<bool> = const { Cell::new(false) };
    /// Values whose drop was deferred; the outermost release drops them.
    static DEFERRED: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Drops the contents of a container that is being freed. Below [`LIMIT`] nested releases the
/// contents are dropped now; deeper, `spill` moves the values they own to the queue (values it
/// does not move are dropped at once, so it must move every one that may own a container).
pub fn release<T>(contents: T, spill: impl FnOnce(T, &mut Vec<Value>)) {
    let depth = DEPTH.with(Cell::get);
    if depth >= LIMIT {
        // If the queue is busy or gone (the thread is exiting), the contents drop plainly.
        let deferred = DEFERRED.try_with(move |queue| match queue.try_borrow_mut() {
            Ok(mut queue) => {
                spill(contents, &mut queue);
                true
            }
            Err(_) => false,
        });
        if deferred == Ok(true) {
            HAS_DEFERRED.with(|h| h.set(true));
        }
        return;
    }
    DEPTH.with(|d| d.set(depth + 1));
    drop(contents);
    if depth == 0 && HAS_DEFERRED.with(Cell::get) {
        // The outermost release empties the queue. Each value is dropped with depth 1, so the
        // structure it heads is freed down to the limit again before more is deferred.
        loop {
            let next = DEFERRED
                .try_with(|queue| queue.try_borrow_mut().ok().and_then(|mut q| q.pop()))
                .ok()
                .flatten();
            match next {
                Some(value) => drop(value),
                None => break,
            }
        }
        HAS_DEFERRED.with(|h| h.set(false));
    }
    DEPTH.with(|d| d.set(depth));
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
                (DEPTH.with(Cell::get), DEFERRED.with(|q| q.borrow().len()))
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
