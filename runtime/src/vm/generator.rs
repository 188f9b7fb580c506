//! Generators and coroutines: their states and the one `resume` that drives them.
//!
//! A generator owns its frame while it is created or suspended and lends it to the VM while it
//! runs; `resume` starts by replacing the state with `Running`, so re-entering a running
//! generator is detected rather than possible. `send`, `__next__`, `throw` and `close` are thin
//! wrappers over `resume` (the shape of CPython's `gen_send_ex2`, `_gen_throw` and
//! `gen_close` in `Objects/genobject.c`, whose messages are copied word for word).
//!
//! `yield from` and `await` keep the delegated-to iterator on the frame's stack; `throw` and
//! `close` go to it first, as PEP 380 says.
//!
//! A generator dropped while suspended is not lost: `Drop` moves its frame to a per-thread
//! queue, and the VM closes it at its next safe point (a call, a loop back edge, the end of a
//! cell), so its `finally` blocks run when CPython's would.
//!
//! Invariant: this module never decodes an instruction; `Frame` answers the questions about
//! `yield from`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::bytecode::Code;
use crate::error::{PyErr, PyResult};
use crate::object::str::PyStr;
use crate::object::types::types;
use crate::object::value::Value;

use super::frame::Frame;
use super::Vm;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
}

impl GenKind {
    pub fn type_name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
        }
    }
}

/// Where a generator is in its life, with CPython's state names. This is the logical view
/// `take` hands out; the generator stores it more compactly (see `Generator`).
pub enum GenState {
    /// `GEN_CREATED`: called but not started; the frame is at its first instruction.
    Created(Frame),
    /// `GEN_SUSPENDED`: paused at a `yield` (or inside `yield from`); `exc` is the exception it
    /// was handling when it paused, restored when it resumes.
    Suspended { frame: Frame, exc: Value },
    /// `GEN_RUNNING`: the frame is on loan to the VM.
    Running,
    /// `GEN_CLOSED`: finished; the frame is gone.
    Closed,
}

/// The stored form of `GenState`'s tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Created,
    Suspended,
    Running,
    Closed,
}

/// A generator or coroutine object.
///
/// It is kept small, because programs keep many suspended: the frame is stored inline (present
/// exactly when the status is `Created` or `Suspended`), and while suspended the exception the
/// generator was handling sits on top of the frame's own operand stack instead of in a field.
/// The cells are never borrowed across a call: `take` and `put` move the state out and back.
pub struct Generator {
    pub kind: GenKind,
    status: Cell<Status>,
    /// Set once the generator has been finalized, so a resurrected one is not finalized twice.
    finalized: Cell<bool>,
    /// Its entry in the live-generator registry (`u32::MAX` when not registered).
    slot: Cell<u32>,
    pub code: Rc<Code>,
    frame: Cell<Option<Frame>>,
    /// `__name__` and `__qualname__` when they differ from the code's (they are writable).
    names: Cell<Option<Box<(Rc<PyStr>, Rc<PyStr>)>>>,
}

/// What `resume` does to the generator.
pub enum Resume {
    /// `send(value)`; `next()` sends `None`.
    Send(Value),
    /// `throw(exc)`: raise at the suspension point.
    Throw(PyErr),
}

/// One step of a generator.
pub enum GenStep {
    Yielded(Value),
    Returned(Value),
}

/// How the VM should enter a frame.
pub enum Entry {
    /// Run from the current instruction (a new frame, or one positioned by `yield from`).
    Start,
    /// Resume a frame suspended at `Yield`/`YieldFrom` with a sent value.
    Send(Value),
    /// Raise an exception at the current instruction.
    Throw(PyErr),
}

/// A generator dropped while its finalization still has work to do.
pub enum Orphan {
    /// Dropped while suspended: it must be closed.
    Suspended {
        kind: GenKind,
        code: Rc<Code>,
        names: Option<Box<(Rc<PyStr>, Rc<PyStr>)>>,
        frame: Frame,
        exc: Value,
    },
    /// A coroutine dropped before it ever ran: CPython warns that it was never awaited.
    NeverAwaited { qualname: Rc<PyStr> },
}

thread_local! {
    static ORPHANS: RefCell<Vec<Orphan>> = const { RefCell::new(Vec::new()) };
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Whether dropped generators are waiting to be finalized.
#[inline]
pub fn finalizers_pending() -> bool {
    PENDING.with(|p| p.get())
}

fn take_orphans() -> Vec<Orphan> {
    PENDING.with(|p| p.set(false));
    ORPHANS.with(|o| std::mem::take(&mut *o.borrow_mut()))
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.slot.get() != u32::MAX {
            super::registry::unregister(self.slot.get());
        }
        if self.finalized.get() {
            return;
        }
        let orphan = match self.take() {
            // Closing a generator whose suspension point no `try`, `except`, `finally` or `with`
            // covers runs no code: GeneratorExit leaves the frame at once. Such generators are
            // simply freed (as CPython 3.12 does), so dropping a million of them stays cheap.
            GenState::Suspended { frame, exc } if frame.code.handler_for(frame.ip).is_none() => {
                drop(frame);
                drop(exc);
                None
            }
            GenState::Suspended { frame, exc } => Some(Orphan::Suspended {
                kind: self.kind,
                code: self.code.clone(),
                names: self.names.get_mut().take(),
                frame,
                exc,
            }),
            GenState::Created(_) if self.kind == GenKind::Coroutine => Some(Orphan::NeverAwaited {
                qualname: self.qualname(),
            }),
            _ => None,
        };
        if let Some(orphan) = orphan {
            ORPHANS.with(|o| {
                if let Ok(mut list) = o.try_borrow_mut() {
                    list.push(orphan);
                    PENDING.with(|p| p.set(true));
                }
            });
        }
    }
}

impl Generator {
    pub fn new(kind: GenKind, frame: Frame) -> Rc<Generator> {
        let g = Rc::new(Generator {
            kind,
            status: Cell::new(Status::Created),
            finalized: Cell::new(false),
            slot: Cell::new(u32::MAX),
            code: frame.code.clone(),
            frame: Cell::new(Some(frame)),
            names: Cell::new(None),
        });
        g.slot.set(super::registry::register(&g));
        g
    }

    /// Moves the registry entry (the registry compacts itself).
    pub fn set_slot(&self, slot: u32) {
        self.slot.set(slot);
    }

    fn names(&self) -> Option<(Rc<PyStr>, Rc<PyStr>)> {
        let n = self.names.take();
        let r = n.as_ref().map(|b| (b.0.clone(), b.1.clone()));
        self.names.set(n);
        r
    }

    pub fn name(&self) -> Rc<PyStr> {
        match self.names() {
            Some((n, _)) => n,
            None => self.code.name.clone(),
        }
    }

    pub fn qualname(&self) -> Rc<PyStr> {
        match self.names() {
            Some((_, q)) => q,
            None => self.code.qualname.clone(),
        }
    }

    pub fn set_names(&self, name: Rc<PyStr>, qualname: Rc<PyStr>) {
        self.names.set(Some(Box::new((name, qualname))));
    }

    /// `inspect.getgeneratorstate`'s answer.
    pub fn state_name(&self) -> &'static str {
        match self.status.get() {
            Status::Created => "GEN_CREATED",
            Status::Suspended => "GEN_SUSPENDED",
            Status::Running => "GEN_RUNNING",
            Status::Closed => "GEN_CLOSED",
        }
    }

    pub fn is_running(&self) -> bool {
        self.status.get() == Status::Running
    }

    pub fn is_suspended(&self) -> bool {
        self.status.get() == Status::Suspended
    }

    /// Whether a frame exists (`gi_frame is not None`).
    pub fn has_frame(&self) -> bool {
        self.status.get() != Status::Closed
    }

    /// Runs `f` on the resting frame (created or suspended), if there is one.
    fn with_frame<R>(&self, f: impl FnOnce(&Frame) -> R) -> Option<R> {
        let frame = self.frame.take()?;
        let r = f(&frame);
        self.frame.set(Some(frame));
        Some(r)
    }

    /// `gi_yieldfrom`: the iterator a suspended generator delegates to.
    pub fn yield_from(&self) -> Option<Value> {
        if self.status.get() != Status::Suspended {
            return None;
        }
        // While suspended the handled exception sits on top of the stack, above the
        // delegated-to iterator.
        self.with_frame(|frame| frame.yield_from_iter_below(1).cloned()).flatten()
    }

    /// The current line and local variables, when the generator has a frame at rest.
    pub fn frame_info(&self) -> Option<(u32, Vec<(Rc<PyStr>, Value)>)> {
        match self.status.get() {
            Status::Created => self.with_frame(|f| (self.code.first_line, f.locals())),
            Status::Suspended => self.with_frame(|f| (f.line(), f.locals())),
            _ => None,
        }
    }

    /// `f_locals` of the frame (empty when running or closed).
    pub fn locals(&self) -> Vec<(Rc<PyStr>, Value)> {
        self.frame_info().map(|(_, l)| l).unwrap_or_default()
    }

    fn noun(&self) -> &'static str {
        self.kind.type_name()
    }

    /// Stores a state (the inverse of `take`).
    fn put(&self, state: GenState) {
        let (status, frame) = match state {
            GenState::Created(frame) => (Status::Created, Some(frame)),
            GenState::Suspended { mut frame, exc } => {
                frame.slots.push(exc);
                (Status::Suspended, Some(frame))
            }
            GenState::Running => (Status::Running, None),
            GenState::Closed => (Status::Closed, None),
        };
        self.status.set(status);
        let old = self.frame.replace(frame);
        if let Some(old) = old {
            drop(old);
        }
    }

    /// Moves the state out, leaving the generator `Running`.
    fn take(&self) -> GenState {
        match self.status.replace(Status::Running) {
            Status::Created => match self.frame.take() {
                Some(frame) => GenState::Created(frame),
                None => GenState::Closed,
            },
            Status::Suspended => match self.frame.take() {
                Some(mut frame) => {
                    let exc = frame.slots.pop().unwrap_or(Value::None);
                    GenState::Suspended { frame, exc }
                }
                None => GenState::Closed,
            },
            Status::Running => GenState::Running,
            Status::Closed => GenState::Closed,
        }
    }
}

impl Vm {
    /// Drives a generator one step. The core of `send`, `next`, `throw` and `for` loops.
    pub fn gen_resume(&mut self, gen: &Rc<Generator>, how: Resume) -> PyResult<GenStep> {
        match gen.take() {
            GenState::Running => Err(PyErr::value_error(format!(
                "{} already executing",
                gen.noun()
            ))),
            GenState::Closed => {
                gen.put(GenState::Closed);
                match how {
                    Resume::Send(_) if gen.kind == GenKind::Coroutine => Err(PyErr::runtime_error(
                        "cannot reuse already awaited coroutine",
                    )),
                    Resume::Send(_) => Ok(GenStep::Returned(Value::None)),
                    Resume::Throw(e) => Err(e),
                }
            }
            GenState::Created(frame) => match how {
                Resume::Send(v) if !v.is_none() => {
                    gen.put(GenState::Created(frame));
                    Err(PyErr::type_error(format!(
                        "can't send non-None value to a just-started {}",
                        gen.noun()
                    )))
                }
                Resume::Send(_) => self.run_gen_frame(gen, frame, Value::None, Entry::Start),
                Resume::Throw(e) => self.run_gen_frame(gen, frame, Value::None, Entry::Throw(e)),
            },
            GenState::Suspended { frame, exc } => match how {
                Resume::Send(v) => self.run_gen_frame(gen, frame, exc, Entry::Send(v)),
                Resume::Throw(e) => self.gen_throw_suspended(gen, frame, exc, e),
            },
        }
    }

    /// `throw` into a suspended generator: delegated to the `yield from` iterator first.
    fn gen_throw_suspended(
        &mut self,
        gen: &Rc<Generator>,
        mut frame: Frame,
        exc_state: Value,
        err: PyErr,
    ) -> PyResult<GenStep> {
        let Some(sub) = frame.yield_from_iter().cloned() else {
            return self.run_gen_frame(gen, frame, exc_state, Entry::Throw(err));
        };
        if err.matches(|t| &t.generator_exit) {
            // Close the delegate first; a failure there replaces GeneratorExit.
            let thrown = match self.close_iter(&sub) {
                Ok(()) => err,
                Err(close_err) => close_err,
            };
            return self.run_gen_frame(gen, frame, exc_state, Entry::Throw(thrown));
        }
        let result = match &sub {
            Value::Generator(inner) => self.gen_resume(inner, Resume::Throw(err)),
            other => match self.lookup_method(other, "throw")? {
                None => return self.run_gen_frame(gen, frame, exc_state, Entry::Throw(err)),
                Some(method) => self.call(&method, &[err.value()]).map(GenStep::Yielded),
            },
        };
        match result {
            Ok(GenStep::Yielded(v)) => {
                gen.put(GenState::Suspended {
                    frame,
                    exc: exc_state,
                });
                Ok(GenStep::Yielded(v))
            }
            Ok(GenStep::Returned(v)) => {
                frame.finish_yield_from(v);
                self.run_gen_frame(gen, frame, exc_state, Entry::Start)
            }
            Err(e) if e.matches(|t| &t.stop_iteration) => {
                let v = e.0.get_attr("value").unwrap_or(Value::None);
                frame.finish_yield_from(v);
                self.run_gen_frame(gen, frame, exc_state, Entry::Start)
            }
            Err(e) => {
                frame.abort_yield_from();
                self.run_gen_frame(gen, frame, exc_state, Entry::Throw(e))
            }
        }
    }

    /// Runs a generator's frame until it yields, returns or raises, and records the new state.
    fn run_gen_frame(
        &mut self,
        gen: &Rc<Generator>,
        mut frame: Frame,
        exc_state: Value,
        entry: Entry,
    ) -> PyResult<GenStep> {
        self.exc_stack.push(exc_state);
        let result = self.run_frame(&mut frame, entry);
        let exc_state = self.exc_stack.pop().unwrap_or(Value::None);
        match result {
            Ok(super::eval::FrameExit::Yield(v)) => {
                gen.put(GenState::Suspended {
                    frame,
                    exc: exc_state,
                });
                Ok(GenStep::Yielded(v))
            }
            Ok(super::eval::FrameExit::Return(v)) => {
                gen.put(GenState::Closed);
                self.drop_frame(frame);
                Ok(GenStep::Returned(v))
            }
            Err(e) => {
                gen.put(GenState::Closed);
                self.drop_frame(frame);
                if e.matches(|t| &t.stop_iteration) {
                    let t = types();
                    let msg = format!("{} raised StopIteration", gen.noun());
                    let new = PyErr::new(t.runtime_error.clone(), vec![Value::str(&msg)]);
                    *new.0.cause.borrow_mut() = e.value();
                    *new.0.context.borrow_mut() = Some(e.0.clone());
                    new.0.suppress_context.set(true);
                    new.0.fresh.set(false);
                    return Err(new);
                }
                Err(e)
            }
        }
    }

    /// Drops a finished frame, finalizing what it held as if from inside it.
    fn drop_frame(&mut self, mut frame: Frame) {
        let slots = std::mem::take(&mut frame.slots);
        drop(slots);
        if finalizers_pending() {
            self.finalize_in(&frame);
        }
    }

    /// Runs pending finalizers attributed to a frame that just ended.
    pub fn finalize_in(&mut self, frame: &Frame) {
        let saved = std::mem::replace(
            &mut self.finalize_site,
            super::FinalizeSite::Frame(frame.code.clone(), frame.ip),
        );
        self.run_finalizers();
        self.finalize_site = saved;
    }

    /// `gen.send(value)`: the yielded value, or `StopIteration` carrying the return value.
    pub fn gen_send(&mut self, gen: &Rc<Generator>, value: Value) -> PyResult<Value> {
        match self.gen_resume(gen, Resume::Send(value))? {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(v) => Err(PyErr::stop_iteration(v)),
        }
    }

    /// `gen.throw(exc)`.
    pub fn gen_throw(&mut self, gen: &Rc<Generator>, err: PyErr) -> PyResult<Value> {
        match self.gen_resume(gen, Resume::Throw(err))? {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(v) => Err(PyErr::stop_iteration(v)),
        }
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, gen: &Rc<Generator>) -> PyResult<()> {
        let (frame, exc_state) = match gen.take() {
            GenState::Running => {
                return Err(PyErr::value_error(format!(
                    "{} already executing",
                    gen.noun()
                )))
            }
            GenState::Closed => {
                gen.put(GenState::Closed);
                return Ok(());
            }
            GenState::Created(frame) => {
                gen.put(GenState::Closed);
                drop(frame);
                return Ok(());
            }
            GenState::Suspended { frame, exc } => (frame, exc),
        };
        let mut thrown = PyErr::generator_exit();
        if let Some(sub) = frame.yield_from_iter().cloned() {
            if let Err(e) = self.close_iter(&sub) {
                thrown = e;
            }
        }
        match self.run_gen_frame(gen, frame, exc_state, Entry::Throw(thrown)) {
            Ok(GenStep::Yielded(_)) => Err(PyErr::runtime_error(format!(
                "{} ignored GeneratorExit",
                gen.noun()
            ))),
            Ok(GenStep::Returned(_)) => Ok(()),
            Err(e) if e.matches(|t| &t.generator_exit) || e.matches(|t| &t.stop_iteration) => {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Closes an iterator a `yield from` delegates to (`gen_close_iter`).
    fn close_iter(&mut self, sub: &Value) -> PyResult<()> {
        match sub {
            Value::Generator(g) => self.gen_close(g),
            other => match self.lookup_method(other, "close")? {
                Some(m) => self.call(&m, &[]).map(|_| ()),
                None => Ok(()),
            },
        }
    }

    /// Closes every generator dropped while suspended since the last call, reporting errors
    /// the way CPython reports exceptions in finalizers ("Exception ignored in: ..."), and warns
    /// about coroutines that were never awaited.
    pub fn run_finalizers(&mut self) {
        while finalizers_pending() {
            for orphan in take_orphans() {
                match orphan {
                    Orphan::Suspended {
                        kind,
                        code,
                        names,
                        frame,
                        exc,
                    } => {
                        let gen = Rc::new(Generator {
                            kind,
                            status: Cell::new(Status::Running),
                            finalized: Cell::new(true),
                            slot: Cell::new(u32::MAX),
                            code,
                            frame: Cell::new(None),
                            names: Cell::new(names),
                        });
                        gen.put(GenState::Suspended { frame, exc });
                        if let Err(e) = self.gen_close(&gen) {
                            let obj = Value::Generator(gen.clone());
                            self.write_unraisable(&e, &obj);
                        }
                    }
                    Orphan::NeverAwaited { qualname } => self.warn_never_awaited(&qualname),
                }
            }
        }
    }

    /// Closes every live generator in creation order and warns about coroutines never
    /// awaited, as CPython's garbage collector does at interpreter exit.
    pub fn finalize_all(&mut self) {
        self.finalize_site = super::FinalizeSite::Exit;
        for gen in super::registry::snapshot() {
            match gen.take() {
                GenState::Suspended { frame, exc } => {
                    gen.put(GenState::Suspended { frame, exc });
                    gen.finalized.set(true);
                    if let Err(e) = self.gen_close(&gen) {
                        let obj = Value::Generator(gen.clone());
                        self.write_unraisable(&e, &obj);
                    }
                }
                GenState::Created(frame) if gen.kind == GenKind::Coroutine => {
                    gen.put(GenState::Closed);
                    gen.finalized.set(true);
                    drop(frame);
                    self.warn_never_awaited(&gen.qualname());
                }
                other => gen.put(other),
            }
            self.run_finalizers();
        }
    }
}

#[cfg(test)]
mod size_tests {
    #[test]
    fn sizes() {
        eprintln!(
            "Generator {} Frame {} Option<Frame> {}",
            std::mem::size_of::<super::Generator>(),
            std::mem::size_of::<super::Frame>(),
            std::mem::size_of::<Option<super::Frame>>()
        );
    }
}
