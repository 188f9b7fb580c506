//! The live generators and coroutines of a thread, in creation order.
//!
//! At interpreter exit CPython's garbage collector finalizes the suspended generators in the
//! order they were created, while the program's globals are still bound; `Session::shutdown`
//! does the same with this registry. It also backs the "live generators" teaching view.
//!
//! Entries are raw pointers that never outlive their generator: a generator registers itself
//! when created and unregisters in `Drop`, before its memory is freed. Removal leaves a hole;
//! holes are compacted away once they outnumber live entries, so the cost per generator is
//! constant.

use std::cell::RefCell;
use std::rc::Rc;

use super::generator::Generator;

#[derive(Default)]
struct Live {
    slots: Vec<*const Generator>,
    live: usize,
}

thread_local! {
    static LIVE: RefCell<Live> = RefCell::new(Live::default());
}

/// Records a new generator; returns its slot, which the generator keeps for `unregister`.
pub fn register(g: &Rc<Generator>) -> u32 {
    LIVE.with(|l| {
        let mut l = l.borrow_mut();
        l.slots.push(Rc::as_ptr(g));
        l.live += 1;
        l.slots.len() as u32 - 1
    })
}

/// Forgets a generator that is being dropped.
pub fn unregister(slot: u32) {
    LIVE.with(|l| {
        let Ok(mut l) = l.try_borrow_mut() else {
            return;
        };
        if let Some(s) = l.slots.get_mut(slot as usize) {
            if !s.is_null() {
                *s = std::ptr::null();
                l.live -= 1;
            }
        }
        if l.slots.len() > 64 && l.live * 2 < l.slots.len() {
            l.slots.retain(|p| !p.is_null());
            for (i, p) in l.slots.iter().enumerate() {
                // SAFETY: every non-null entry points at a generator that is alive: it
                // unregisters (nulling its entry) before it is freed.
                unsafe { (**p).set_slot(i as u32) };
            }
        }
    })
}

/// Every live generator, oldest first.
pub fn snapshot() -> Vec<Rc<Generator>> {
    LIVE.with(|l| {
        l.borrow()
            .slots
            .iter()
            .filter(|p| !p.is_null())
            .map(|&p| {
                // SAFETY: as above, a registered pointer comes from `Rc::as_ptr` of a
                // generator whose strong count is still positive.
                unsafe {
                    Rc::increment_strong_count(p);
                    Rc::from_raw(p)
                }
            })
            .collect()
    })
}
