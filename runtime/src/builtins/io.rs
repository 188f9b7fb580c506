//! Output and input: `print`, `input`, and the `sys.stdout`/`sys.stderr` stream objects.
//!
//! Everything goes through the host's `Output`: the runtime never touches a file descriptor.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::host::{InputError, Stream};
use crate::object::function::KwArgs;
use crate::object::native::Native;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::Vm;

use super::args;
use super::methods::Methods;
use super::Functions;

pub const FUNCTIONS: Functions = &[
    (
        "print",
        print,
        "Prints the values to a stream, or to sys.stdout by default.",
    ),
    (
        "input",
        input,
        "Read a string from standard input.  The trailing newline is stripped.",
    ),
];

pub const STREAM: Methods = &[
    ("write", stream_write, "Write string to stream."),
    ("flush", stream_flush, "Flush write buffers, if applicable."),
    ("isatty", stream_isatty, ""),
    ("writable", stream_writable, ""),
];

/// The object behind `sys.stdout` or `sys.stderr`.
pub fn stream_object(which: Stream) -> Value {
    Value::Native(Rc::new(Native::StdStream(which)))
}

/// Writes text to a file-like object: the host streams directly, anything else by `write`.
pub fn write_to(vm: &mut Vm, file: &Value, text: &str) -> PyResult<()> {
    match file {
        Value::None => {
            let target = current_stream(vm, Stream::Stdout);
            write_to_stream_value(vm, &target, text)
        }
        other => write_to_stream_value(vm, other, text),
    }
}

fn write_to_stream_value(vm: &mut Vm, file: &Value, text: &str) -> PyResult<()> {
    if let Value::Native(n) = file {
        if let Native::StdStream(which) = &**n {
            vm.write(*which, text);
            return Ok(());
        }
    }
    let write = vm.getattr(file, &PyStr::intern("write"))?;
    vm.call(&write, &[Value::str(text)])?;
    Ok(())
}

/// `sys.stdout` (or `sys.stderr`) as the program currently has it.
pub fn current_stream(vm: &mut Vm, which: Stream) -> Value {
    let name = match which {
        Stream::Stdout => "stdout",
        Stream::Stderr => "stderr",
    };
    match vm.modules.get("sys") {
        Some(Value::Module(m)) => m
            .dict
            .get_item_str(name)
            .unwrap_or_else(|| stream_object(which)),
        _ => stream_object(which),
    }
}

fn text_option(vm: &mut Vm, v: Option<&Value>, name: &str, default: &str) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(other) => {
            let _ = vm;
            Err(PyErr::type_error(format!(
                "{name} must be None or a string, not {}",
                other.type_name()
            )))
        }
    }
}

fn print(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    let opts = args::keywords("print", kw, &["sep", "end", "file", "flush"])?;
    let sep = text_option(vm, opts[0], "sep", " ")?;
    let end = text_option(vm, opts[1], "end", "\n")?;
    let file = opts[2].cloned().unwrap_or(Value::None);
    let mut text = String::new();
    for (i, v) in a.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        match v {
            Value::Str(s) => text.push_str(s),
            other => text.push_str(vm.str(other)?.as_str()),
        }
    }
    text.push_str(&end);
    write_to(vm, &file, &text)?;
    if let Some(f) = opts[3] {
        if vm.truthy(f)? && !file.is_none() {
            if let Some(flush) = vm.getattr_opt(&file, &PyStr::intern("flush"))? {
                vm.call(&flush, &[])?;
            }
        }
    }
    Ok(Value::None)
}

fn input(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("input", kw)?;
    args::expected("input", a, 0, 1)?;
    let prompt = match a.first() {
        Some(v) => vm.str(v)?.as_str().to_string(),
        None => String::new(),
    };
    let result = match vm.output() {
        Some(out) => out.input(&prompt, false),
        None => Err(InputError::Eof),
    };
    match result {
        Ok(line) => Ok(Value::from_string(line)),
        Err(InputError::NotSupported) => Err(PyErr::stdin_not_implemented(
            "raw_input was called, but this frontend does not support input requests.",
        )),
        Err(InputError::Interrupted) => Err(PyErr::keyboard_interrupt()),
        Err(InputError::Eof) => Err(PyErr::eof_error("EOF when reading a line")),
    }
}

fn which_stream(a: &[Value]) -> PyResult<Stream> {
    match a.first() {
        Some(Value::Native(n)) => match &**n {
            Native::StdStream(s) => Ok(*s),
            _ => Err(PyErr::type_error(
                "descriptor requires a '_io.TextIOWrapper' object",
            )),
        },
        _ => Err(PyErr::type_error(
            "descriptor requires a '_io.TextIOWrapper' object",
        )),
    }
}

fn stream_write(vm: &mut Vm, a: &[Value], kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    args::no_kwargs("write", kw)?;
    let which = which_stream(a)?;
    if a.len() != 2 {
        return Err(PyErr::type_error(format!(
            "TextIOWrapper.write() takes exactly one argument ({} given)",
            a.len() - 1
        )));
    }
    let Value::Str(s) = &a[1] else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            a[1].type_name()
        )));
    };
    vm.write(which, s);
    Ok(Value::from(s.char_len()))
}

fn stream_flush(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    which_stream(a)?;
    Ok(Value::None)
}

fn stream_isatty(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    which_stream(a)?;
    Ok(Value::Bool(false))
}

fn stream_writable(_vm: &mut Vm, a: &[Value], _kw: Option<KwArgs<'_>>) -> PyResult<Value> {
    which_stream(a)?;
    Ok(Value::Bool(true))
}
