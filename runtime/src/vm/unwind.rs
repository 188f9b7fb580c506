//! Exception propagation inside a frame, and implicit exception chaining.
//!
//! When an instruction raises, `unwind` records the traceback entry for this frame (unless the
//! exception is being re-raised from a cleanup handler, which keeps its original entry), then
//! looks the instruction up in the exception table: with a handler, the operand stack is cut
//! to the handler's depth and the exception pushed; without one, the frame ends with the
//! error.
//!
//! `chain_context` is CPython's `_PyErr_SetObject` chaining: a newly raised exception gets the
//! exception being handled as its `__context__`, without creating a cycle.

use crate::bytecode::Code;
use crate::error::PyErr;
use crate::object::value::Value;

use super::frame::Frame;
use super::Vm;

impl Vm {
    /// Handles an exception raised at instruction `at`: the handler's address, or the error
    /// when this frame has no handler for it.
    pub(super) fn unwind(
        &mut self,
        f: &mut Frame,
        code: &Code,
        err: PyErr,
        at: usize,
        add_tb: bool,
    ) -> Result<usize, PyErr> {
        if err.0.fresh.get() {
            self.chain_context(&err);
        }
        if add_tb {
            err.0.add_traceback(&f.code, at as u32, &f.globals);
        }
        match code.handler_for(at as u32) {
            Some(h) => {
                let depth = code.nslots() + h.depth as usize;
                f.slots.truncate(depth);
                if super::generator::finalizers_pending() {
                    self.finalize_site = super::FinalizeSite::Frame(f.code.clone(), at as u32);
                    self.run_finalizers();
                    self.finalize_site = super::FinalizeSite::Top;
                }
                f.slots.push(err.value());
                Ok(h.target as usize)
            }
            None => Err(err),
        }
    }

    /// Sets `__context__` of a newly raised exception to the exception being handled.
    pub fn chain_context(&mut self, err: &PyErr) {
        err.0.fresh.set(false);
        let Some(Value::Exception(handled)) = self.handled_exception() else {
            return;
        };
        if std::rc::Rc::ptr_eq(&handled, &err.0) {
            return;
        }
        // Break a cycle the new context would close: if `err` is already in the handled
        // exception's context chain, cut the chain there.
        let mut o = handled.clone();
        let mut steps = 0;
        while let Some(ctx) = o.context() {
            if std::rc::Rc::ptr_eq(&ctx, &err.0) {
                *o.context.borrow_mut() = None;
                break;
            }
            o = ctx;
            steps += 1;
            if steps > 10_000 {
                break;
            }
        }
        *err.0.context.borrow_mut() = Some(handled);
    }
}
