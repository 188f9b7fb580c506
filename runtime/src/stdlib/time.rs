//! The `time` module: clocks and an interruptible `sleep`.

use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::builtins::{add_functions, Functions};
use crate::error::{PyErr, PyResult};
use crate::object::dict::PyDict;
use crate::object::function::KwArgs;
use crate::object::value::Value;
use crate::vm::Vm;

const FUNCTIONS: Functions = &[
    (
        "sleep",
        sleep,
        "Delay execution for a given number of seconds.",
    ),
    (
        "perf_counter",
        perf_counter,
        "Performance counter for benchmarking.",
    ),
    (
        "perf_counter_ns",
        perf_counter_ns,
        "Performance counter for benchmarking as nanoseconds.",
    ),
    (
        "monotonic",
        perf_counter,
        "Monotonic clock, cannot go backward.",
    ),
    (
        "monotonic_ns",
        perf_counter_ns,
        "Monotonic clock, cannot go backward, as nanoseconds.",
    ),
    (
        "time",
        time,
        "Return the current time in seconds since the Epoch.",
    ),
    (
        "time_ns",
        time_ns,
        "Return the current time in nanoseconds since the Epoch.",
    ),
    ("process_time", perf_counter, "Process time for profiling."),
];

thread_local! {
    static START: Instant = Instant::now();
}

pub fn build(_vm: &mut Vm, d: &Rc<PyDict>) -> PyResult<()> {
    add_functions(d, FUNCTIONS);
    Ok(())
}

fn seconds_arg(a: &[Value]) -> PyResult<f64> {
    match a.first() {
        Some(Value::Int(i)) => Ok(*i as f64),
        Some(Value::Bool(b)) => Ok(*b as i64 as f64),
        Some(Value::Float(f)) => Ok(*f),
        Some(other) => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
        None => Err(PyErr::type_error(
            "sleep() takes exactly one argument (0 given)",
        )),
    }
}

/// Sleeps for `secs`, waking every few milliseconds to honour an interrupt.
pub fn interruptible_sleep(vm: &mut Vm, secs: f64) -> PyResult<()> {
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    let end = Instant::now() + Duration::from_secs_f64(secs.min(1e9));
    loop {
        vm.poll()?;
        let now = Instant::now();
        if now >= end {
            return Ok(());
        }
        std::thread::sleep((end - now).min(Duration::from_millis(5)));
    }
}

fn sleep(vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let secs = seconds_arg(a)?;
    interruptible_sleep(vm, secs)?;
    Ok(Value::None)
}

fn perf_counter(_vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Ok(Value::Float(START.with(|s| s.elapsed().as_secs_f64())))
}

fn perf_counter_ns(_vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    Ok(Value::Int(START.with(|s| s.elapsed().as_nanos() as i64)))
}

fn time(_vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::Float(t.as_secs_f64()))
}

fn time_ns(_vm: &mut Vm, _a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::Int(t.as_nanos() as i64))
}
