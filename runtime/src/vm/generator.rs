//! Generators and coroutines: their states and the one `resume` that drives them.
//!
//! A generator owns its frame for its whole life and the VM runs that frame in place, as
//! CPython runs a generator's embedded frame. `resume` starts by setting the status to
//! `Running`, so re-entering a running generator is detected rather than possible. `send`,
//! `__next__`, `throw` and `close` are thin wrappers over `resume` (the shape of CPython's
//! `gen_send_ex2`, `_gen_throw` and `gen_close` in `Objects/genobject.c`, whose messages are
//! copied word for word).
//!
//! `yield from` and `await` keep the delegated-to iterator on the frame's stack; `throw` and
//! `close` go to it first, as PEP 380 says.
//!
//! A generator dropped while suspended is not lost: `Drop` moves its frame to a per-thread
//! queue, and the VM closes it at its next safe point, so its `finally` blocks run when
//! CPython's would.
//!
//! Invariant: this module never decodes an instruction; `Frame` answers the questions about
//! `yield from`.

use std::cell::{Cell, RefCell, UnsafeCell};
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

/// Where a generator is in its life, with CPython's state names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// `GEN_CREATED`: called but not started; the frame is at its first instruction.
    Created,
    /// `GEN_SUSPENDED`: paused at a `yield` (or inside `yield from`). The exception the
    /// generator was handling when it paused sits on top of its frame's stack.
    Suspended,
    /// `GEN_RUNNING`: the VM holds the only mutable reference to the frame.
    Running,
    /// `GEN_CLOSED`: finished; the frame's slots are gone.
    Closed,
}

/// A generator or coroutine object.
///
/// It is kept small, because programs keep many suspended: the frame is stored inline, and the
/// handled exception of a suspended generator lives on the frame's own stack, not in a field.
///
/// Safety protocol for `frame`: a mutable reference to it exists only while the status is
/// `Running`, created right after setting that status and dropped before changing it again
/// (`with_running_frame`). Shared references are taken only when the status is not `Running`
/// and are not held across any call that could run Python code.
pub struct Generator {
    pub kind: GenKind,
    status: Cell<Status>,
    /// Set once the generator has been finalized, so a resurrected one is not finalized twice.
    finalized: Cell<bool>,
    /// Its entry in the live-generator registry (`u32::MAX` when not registered).
    slot: Cell<u32>,
    pub code: Rc<Code>,
    frame: UnsafeCell<Frame>,
    /// `__name__` and `__qualname__` when they differ from the code's (they are writable).
    names: Cell<Option<Box<Names>>>,
}

/// A generator's own `__name__` and `__qualname__`.
type Names = (Rc<PyStr>, Rc<PyStr>);

/// A resting frame's current line and its local variables by name.
pub type FrameInfo = (u32, Vec<(Rc<PyStr>, Value)>);

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
    /// Dropped while suspended inside a `try`, `with` or `finally`: it must be closed.
    Suspended {
        kind: GenKind,
        code: Rc<Code>,
        names: Option<Box<(Rc<PyStr>, Rc<PyStr>)>>,
        frame: Frame,
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
        let frame = self.frame.get_mut();
        let orphan = match self.status.get() {
            // Closing a generator whose suspension point no `try`, `except`, `finally` or `with`
            // covers runs no code: GeneratorExit leaves the frame at once. Such generators are
            // simply freed (as CPython 3.12 does), so dropping a million of them stays cheap.
            Status::Suspended if frame.code.handler_for(frame.ip).is_some() => {
                let moved = Frame {
                    code: frame.code.clone(),
                    globals: frame.globals.clone(),
                    slots: std::mem::take(&mut frame.slots),
                    ip: frame.ip,
                };
                Some(Orphan::Suspended {
                    kind: self.kind,
                    code: self.code.clone(),
                    names: self.names.get_mut().take(),
                    frame: moved,
                })
            }
            Status::Created if self.kind == GenKind::Coroutine => Some(Orphan::NeverAwaited {
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
            frame: UnsafeCell::new(frame),
            names: Cell::new(None),
        });
        g.slot.set(super::registry::register(&g));
        g
    }

    /// A resurrected generator for finalizing an orphan (not registered, finalized once).
    fn resurrect(
        kind: GenKind,
        code: Rc<Code>,
        names: Option<Box<(Rc<PyStr>, Rc<PyStr>)>>,
        frame: Frame,
    ) -> Rc<Generator> {
        Rc::new(Generator {
            kind,
            status: Cell::new(Status::Suspended),
            finalized: Cell::new(true),
            slot: Cell::new(u32::MAX),
            code,
            frame: UnsafeCell::new(frame),
            names: Cell::new(names),
        })
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

    /// The frame at rest (created or suspended).
    fn resting_frame(&self) -> Option<&Frame> {
        match self.status.get() {
            // SAFETY: not running, so no mutable reference to the frame exists (see the
            // protocol on `Generator`); callers do not hold the reference across Python code.
            Status::Created | Status::Suspended => Some(unsafe { &*self.frame.get() }),
            _ => None,
        }
    }

    /// `gi_yieldfrom`: the iterator a suspended generator delegates to.
    pub fn yield_from(&self) -> Option<Value> {
        if self.status.get() != Status::Suspended {
            return None;
        }
        // While suspended the handled exception sits on top of the stack, above the
        // delegated-to iterator.
        self.resting_frame()
            .and_then(|f| f.yield_from_iter_below(1).cloned())
    }

    /// The current line and local variables, when the generator has a frame at rest.
    pub fn frame_info(&self) -> Option<FrameInfo> {
        let frame = self.resting_frame()?;
        let line = if self.status.get() == Status::Created {
            self.code.first_line
        } else {
            frame.line()
        };
        Some((line, frame.locals()))
    }

    /// `f_locals` of the frame (empty when running or closed).
    pub fn locals(&self) -> Vec<(Rc<PyStr>, Value)> {
        self.frame_info().map(|(_, l)| l).unwrap_or_default()
    }

    fn noun(&self) -> &'static str {
        self.kind.type_name()
    }

    /// Marks the generator running and returns its frame for the VM to run in place.
    ///
    /// # Safety
    /// The status must have been `Created` or `Suspended`; the reference must be dropped
    /// before the status changes again (`stop`), and no other reference to the frame may be
    /// taken meanwhile (the status being `Running` guarantees that for this module's code).
    #[allow(clippy::mut_from_ref)]
    unsafe fn start(&self) -> &mut Frame {
        self.status.set(Status::Running);
        &mut *self.frame.get()
    }

    /// Ends a run: the generator is suspended, or closed with its slots released.
    fn stop(&self, status: Status) {
        self.status.set(status);
    }
}

impl Vm {
    /// Drives a generator one step. The core of `send`, `next`, `throw` and `for` loops.
    pub fn gen_resume(&mut self, gen: &Rc<Generator>, how: Resume) -> PyResult<GenStep> {
        match gen.status.get() {
            Status::Running => Err(PyErr::value_error(format!(
                "{} already executing",
                gen.noun()
            ))),
            Status::Closed => match how {
                Resume::Send(_) if gen.kind == GenKind::Coroutine => Err(PyErr::runtime_error(
                    "cannot reuse already awaited coroutine",
                )),
                Resume::Send(_) => Ok(GenStep::Returned(Value::None)),
                Resume::Throw(e) => Err(e),
            },
            Status::Created => match how {
                Resume::Send(v) if !v.is_none() => Err(PyErr::type_error(format!(
                    "can't send non-None value to a just-started {}",
                    gen.noun()
                ))),
                Resume::Send(_) => {
                    // SAFETY: the status was `Created`; `run_gen_frame` ends the run.
                    let frame = unsafe { gen.start() };
                    self.run_gen_frame(gen, frame, Value::None, Entry::Start)
                }
                Resume::Throw(e) => {
                    // SAFETY: as above.
                    let frame = unsafe { gen.start() };
                    self.run_gen_frame(gen, frame, Value::None, Entry::Throw(e))
                }
            },
            Status::Suspended => {
                // SAFETY: the status was `Suspended`; every path below ends the run.
                let frame = unsafe { gen.start() };
                match how {
                    Resume::Send(v) => {
                        // Suspended inside `yield from` a generator: send straight to it,
                        // without running this frame's `YieldFrom` (the exception state sits
                        // on top of the delegate).
                        if let Some(Value::Generator(sub)) = frame.yield_from_iter_below(1) {
                            let sub = sub.clone();
                            return self.delegate_send(gen, frame, &sub, v);
                        }
                        let exc = frame.slots.pop().unwrap_or(Value::None);
                        self.run_gen_frame(gen, frame, exc, Entry::Send(v))
                    }
                    Resume::Throw(e) => {
                        let exc = frame.slots.pop().unwrap_or(Value::None);
                        self.gen_throw_suspended(gen, frame, exc, e)
                    }
                }
            }
        }
    }

    /// `send` to a generator suspended in `yield from` another generator: the value goes to
    /// the delegate directly, and this frame only runs again when the delegate finishes. A
    /// value yielded by the delegate passes straight out, so resuming a chain of `yield from`
    /// costs one frame activation, not one per level. The delegating frame still counts
    /// against the recursion limit and lends its handled exception to the delegate, as it does
    /// when its `YieldFrom` instruction runs.
    fn delegate_send(
        &mut self,
        gen: &Rc<Generator>,
        frame: &mut Frame,
        sub: &Rc<Generator>,
        v: Value,
    ) -> PyResult<GenStep> {
        let step = if self.depth >= self.recursion_limit {
            Err(PyErr::recursion_error("maximum recursion depth exceeded"))
        } else {
            self.depth += 1;
            self.exc_stack
                .push(frame.slots.last().cloned().unwrap_or(Value::None));
            let step = if self.depth.is_multiple_of(8) {
                stacker::maybe_grow(super::eval::RED_ZONE, super::eval::STACK_CHUNK, || {
                    self.gen_resume(sub, Resume::Send(v))
                })
            } else {
                self.gen_resume(sub, Resume::Send(v))
            };
            self.exc_stack.pop();
            self.depth -= 1;
            step
        };
        match step {
            Ok(GenStep::Yielded(y)) => {
                gen.stop(Status::Suspended);
                Ok(GenStep::Yielded(y))
            }
            Ok(GenStep::Returned(r)) => {
                let exc = frame.slots.pop().unwrap_or(Value::None);
                frame.finish_yield_from(r);
                self.run_gen_frame(gen, frame, exc, Entry::Start)
            }
            Err(e) => {
                let exc = frame.slots.pop().unwrap_or(Value::None);
                frame.abort_yield_from();
                self.run_gen_frame(gen, frame, exc, Entry::Throw(e))
            }
        }
    }

    /// Puts a running generator back to sleep without running it (a delegate handled a throw).
    fn suspend_unrun(gen: &Generator, frame: &mut Frame, exc: Value) {
        frame.slots.push(exc);
        gen.stop(Status::Suspended);
    }

    /// `throw` into a suspended generator: delegated to the `yield from` iterator first.
    fn gen_throw_suspended(
        &mut self,
        gen: &Rc<Generator>,
        frame: &mut Frame,
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
            other => match self.lookup_method(other, "throw") {
                Ok(None) => return self.run_gen_frame(gen, frame, exc_state, Entry::Throw(err)),
                Ok(Some(method)) => self.call(&method, &[err.value()]).map(GenStep::Yielded),
                Err(e) => Err(e),
            },
        };
        match result {
            Ok(GenStep::Yielded(v)) => {
                Self::suspend_unrun(gen, frame, exc_state);
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

    /// Runs a generator's frame in place until it yields, returns or raises, and records the
    /// new status.
    fn run_gen_frame(
        &mut self,
        gen: &Rc<Generator>,
        frame: &mut Frame,
        exc_state: Value,
        entry: Entry,
    ) -> PyResult<GenStep> {
        self.exc_stack.push(exc_state);
        let result = self.run_frame(frame, entry);
        let exc_state = self.exc_stack.pop().unwrap_or(Value::None);
        match result {
            Ok(super::eval::FrameExit::Yield(v)) => {
                Self::suspend_unrun(gen, frame, exc_state);
                Ok(GenStep::Yielded(v))
            }
            Ok(super::eval::FrameExit::Return(v)) => {
                self.close_frame(gen, frame);
                Ok(GenStep::Returned(v))
            }
            Err(e) => {
                self.close_frame(gen, frame);
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

    /// Finishes a generator: its slots are released (finalizing what they held as if from
    /// inside the frame) and it is closed.
    fn close_frame(&mut self, gen: &Generator, frame: &mut Frame) {
        let slots = std::mem::take(&mut frame.slots);
        gen.stop(Status::Closed);
        drop(slots);
        if finalizers_pending() {
            self.finalize_in(frame);
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
        match gen.status.get() {
            Status::Running => {
                return Err(PyErr::value_error(format!(
                    "{} already executing",
                    gen.noun()
                )))
            }
            Status::Closed => return Ok(()),
            Status::Created => {
                // SAFETY: the status was `Created`; the frame is released and the run ended
                // before returning.
                let frame = unsafe { gen.start() };
                let slots = std::mem::take(&mut frame.slots);
                gen.stop(Status::Closed);
                drop(slots);
                return Ok(());
            }
            Status::Suspended => {}
        }
        // SAFETY: the status was `Suspended`; `run_gen_frame` ends the run.
        let frame = unsafe { gen.start() };
        let exc_state = frame.slots.pop().unwrap_or(Value::None);
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
                    } => {
                        let gen = Generator::resurrect(kind, code, names, frame);
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
            match gen.status.get() {
                Status::Suspended => {
                    gen.finalized.set(true);
                    if let Err(e) = self.gen_close(&gen) {
                        let obj = Value::Generator(gen.clone());
                        self.write_unraisable(&e, &obj);
                    }
                }
                Status::Created if gen.kind == GenKind::Coroutine => {
                    gen.finalized.set(true);
                    // Closing a created coroutine runs nothing.
                    let _ = self.gen_close(&gen);
                    self.warn_never_awaited(&gen.qualname());
                }
                _ => {}
            }
            self.run_finalizers();
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn generator_stays_small() {
        // A suspended generator's object must stay well under CPython's ~250 bytes, frame
        // slots included; the object itself is 72 bytes on 64-bit targets.
        assert!(std::mem::size_of::<super::Generator>() <= 72);
    }
}
