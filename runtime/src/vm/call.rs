//! Calling: binding arguments to parameters, and the call protocol for every callable.
//!
//! `frame_for_call` builds the frame of a Python function from positional and keyword
//! arguments, with CPython's error messages for every way a call can mismatch a signature
//! (`f() missing 1 required positional argument: 'n'` ...). Calling a generator or coroutine
//! function stops there and wraps the frame in a generator; anything else runs it.

use std::rc::Rc;

use crate::bytecode::flags;
use crate::error::{PyErr, PyResult};
use crate::object::dict::PyDict;
use crate::object::function::{Function, KwArgs};
use crate::object::str::PyStr;
use crate::object::tuple::PyTuple;
use crate::object::value::Value;

use super::eval::FrameExit;
use super::frame::Frame;
use super::generator::{Entry, GenKind, Generator};
use super::stack::Args;
use super::Vm;

impl Vm {
    /// Calls a callable with positional arguments.
    pub fn call(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_kw(callable, args, None)
    }

    /// Calls a callable with positional and keyword arguments.
    pub fn call_kw(
        &mut self,
        callable: &Value,
        args: &[Value],
        kw: Option<KwArgs<'_>>,
    ) -> PyResult<Value> {
        match callable {
            Value::Function(func) => {
                let frame = self.frame_for_call(func, args.iter().cloned(), kw)?;
                self.run_function(func, frame)
            }
            Value::Builtin(b) => match &b.bound {
                None => (b.func)(self, args, kw),
                Some(receiver) => {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(receiver.clone());
                    full.extend_from_slice(args);
                    (b.func)(self, &full, kw)
                }
            },
            Value::Method(m) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(m.receiver.clone());
                full.extend_from_slice(args);
                self.call_kw(&m.func, &full, kw)
            }
            Value::Class(c) => self.instantiate(c, args, kw),
            other => {
                let Some(method) = self.lookup_special(other, "__call__") else {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not callable",
                        other.type_name()
                    )));
                };
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(other.clone());
                full.extend_from_slice(args);
                self.call_kw(&method, &full, kw)
            }
        }
    }

    /// `f(*args, **kwargs)`.
    pub fn call_ex(
        &mut self,
        callable: &Value,
        args: &Value,
        kwargs: Option<&Value>,
    ) -> PyResult<Value> {
        let args: Vec<Value> = match args {
            Value::Tuple(t) => t.items().to_vec(),
            other => self.collect(other)?,
        };
        let (names, values): (Vec<Rc<PyStr>>, Vec<Value>) = match kwargs {
            Some(Value::Dict(d)) => {
                let mut names = Vec::new();
                let mut values = Vec::new();
                for (k, v) in d.items() {
                    match k {
                        Value::Str(s) => names.push(s),
                        _ => return Err(PyErr::type_error("keywords must be strings")),
                    }
                    values.push(v);
                }
                (names, values)
            }
            _ => (Vec::new(), Vec::new()),
        };
        let kw = if names.is_empty() {
            None
        } else {
            Some(KwArgs {
                names: &names,
                values: &values,
            })
        };
        self.call_kw(callable, &args, kw)
    }

    /// Runs a bound frame of `func`, or wraps it in a generator or coroutine.
    pub fn run_function(&mut self, func: &Rc<Function>, mut frame: Frame) -> PyResult<Value> {
        let code_flags = func.code.flags;
        if code_flags & (flags::GENERATOR | flags::COROUTINE) != 0 {
            let kind = if code_flags & flags::COROUTINE != 0 {
                GenKind::Coroutine
            } else {
                GenKind::Generator
            };
            let gen = Generator::new(kind, frame);
            let (name, qualname) = (func.name(), func.qualname());
            if !Rc::ptr_eq(&name, &gen.code.name) || !Rc::ptr_eq(&qualname, &gen.code.qualname) {
                gen.set_names(name, qualname);
            }
            return Ok(Value::Generator(gen));
        }
        let r = self.run_frame(&mut frame, Entry::Start);
        self.slot_pool.give(std::mem::take(&mut frame.slots));
        if super::generator::finalizers_pending() {
            self.finalize_in(&frame);
        }
        match r {
            Ok(FrameExit::Return(v)) => Ok(v),
            Ok(FrameExit::Yield(_)) => Err(PyErr::system_error("a plain function yielded")),
            Err(e) => Err(e),
        }
    }

    /// Builds the frame for calling `func`, binding the arguments to its parameters.
    pub fn frame_for_call(
        &mut self,
        func: &Rc<Function>,
        args: impl Args,
        kw: Option<KwArgs<'_>>,
    ) -> PyResult<Frame> {
        let code = &func.code;
        let nslots = code.nslots();
        let size = nslots + code.stacksize as usize;
        let mut slots = if code.flags & (flags::GENERATOR | flags::COROUTINE) != 0 {
            Vec::with_capacity(size)
        } else {
            self.slot_pool.take(size)
        };
        let argcount = code.argcount as usize;
        let simple = code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && code.kwonlyargcount == 0
            && kw.is_none();
        if simple && args.len() == argcount {
            args.append_to(&mut slots);
        } else if simple && args.len() < argcount && args.len() + func.defaults.len() >= argcount {
            let given = args.len();
            args.append_to(&mut slots);
            let first_default = argcount - func.defaults.len();
            for i in given..argcount {
                slots.push(func.defaults[i - first_default].clone());
            }
        } else {
            let r = self.bind_general(func, args, kw, &mut slots);
            if let Err(e) = r {
                self.slot_pool.give(slots);
                return Err(e);
            }
        }
        let unbound = (nslots - code.nfree as usize).saturating_sub(slots.len());
        slots.extend(std::iter::repeat_n(Value::Unbound, unbound));
        for &cell in &code.cell_slots {
            let v = std::mem::replace(&mut slots[cell as usize], Value::Unbound);
            slots[cell as usize] = Value::Cell(crate::object::function::CellObj::new(v));
        }
        for c in func.closure.iter() {
            slots.push(Value::Cell(c.clone()));
        }
        Ok(Frame {
            code: code.clone(),
            globals: func.globals.clone(),
            slots,
            ip: 0,
        })
    }

    /// The general case of argument binding: defaults, `*args`, keyword arguments,
    /// keyword-only parameters and `**kwargs`.
    fn bind_general(
        &mut self,
        func: &Rc<Function>,
        args: impl ExactSizeIterator<Item = Value>,
        kw: Option<KwArgs<'_>>,
        slots: &mut Vec<Value>,
    ) -> PyResult<()> {
        let code = &func.code;
        let argcount = code.argcount as usize;
        let posonly = code.posonlyargcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let total = argcount + kwonly;
        let npos = args.len();
        let qualname = func.qualname();
        slots.resize(total, Value::Unbound);
        let mut extra = Vec::new();
        for (i, v) in args.enumerate() {
            if i < argcount {
                slots[i] = v;
            } else {
                extra.push(v);
            }
        }
        if !extra.is_empty() && !has_varargs {
            let kw_given = kw
                .map(|k| {
                    k.names
                        .iter()
                        .filter(|n| {
                            code.varnames[argcount..total]
                                .iter()
                                .any(|p| p.as_str() == n.as_str())
                        })
                        .count()
                })
                .unwrap_or(0);
            return Err(too_many_positional(
                &qualname,
                argcount,
                func.defaults.len(),
                npos,
                kw_given,
            ));
        }
        if has_varargs {
            slots.push(Value::Tuple(PyTuple::new(extra)));
        }
        let kwargs_dict = if has_varkw {
            Some(Rc::new(PyDict::new()))
        } else {
            None
        };
        let mut posonly_as_kw: Vec<String> = Vec::new();
        if let Some(kw) = kw {
            for (name, value) in kw.iter() {
                let found = code.varnames[posonly..total]
                    .iter()
                    .position(|p| p.as_str() == name.as_str())
                    .map(|i| i + posonly);
                match found {
                    Some(i) => {
                        if !matches!(slots[i], Value::Unbound) {
                            return Err(PyErr::type_error(format!(
                                "{}() got multiple values for argument '{}'",
                                qualname.as_str(),
                                name.as_str()
                            )));
                        }
                        slots[i] = value.clone();
                    }
                    None => {
                        if code.varnames[..posonly]
                            .iter()
                            .any(|p| p.as_str() == name.as_str())
                            && kwargs_dict.is_none()
                        {
                            posonly_as_kw.push(name.as_str().to_string());
                            continue;
                        }
                        match &kwargs_dict {
                            Some(d) => {
                                d.set_str(name.clone(), value.clone());
                            }
                            None => {
                                return Err(PyErr::type_error(format!(
                                    "{}() got an unexpected keyword argument '{}'",
                                    qualname.as_str(),
                                    name.as_str()
                                )))
                            }
                        }
                    }
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qualname.as_str(),
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for positional parameters.
        let first_default = argcount - func.defaults.len().min(argcount);
        let mut missing = Vec::new();
        for (i, slot) in slots.iter_mut().enumerate().take(argcount) {
            if matches!(slot, Value::Unbound) {
                if i >= first_default {
                    *slot = func.defaults[i - first_default].clone();
                } else {
                    missing.push(code.varnames[i].as_str().to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_arguments(&qualname, &missing, "positional"));
        }
        for (slot, name) in slots[argcount..total]
            .iter_mut()
            .zip(&code.varnames[argcount..total])
        {
            if matches!(slot, Value::Unbound) {
                match func
                    .kwdefaults
                    .iter()
                    .find(|(k, _)| k.as_str() == name.as_str())
                {
                    Some((_, v)) => *slot = v.clone(),
                    None => missing.push(name.as_str().to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(missing_arguments(&qualname, &missing, "keyword-only"));
        }
        if let Some(d) = kwargs_dict {
            slots.push(Value::Dict(d));
        }
        Ok(())
    }
}

/// `f() missing 2 required positional arguments: 'a' and 'b'`.
fn missing_arguments(qualname: &PyStr, missing: &[String], kind: &str) -> PyErr {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    let plural = if missing.len() == 1 {
        "argument"
    } else {
        "arguments"
    };
    PyErr::type_error(format!(
        "{}() missing {} required {kind} {plural}: {list}",
        qualname.as_str(),
        missing.len()
    ))
}

/// `f() takes 2 positional arguments but 3 were given`, in CPython's variants.
fn too_many_positional(
    qualname: &PyStr,
    argcount: usize,
    ndefaults: usize,
    given: usize,
    kw_given: usize,
) -> PyErr {
    let takes = if ndefaults > 0 {
        format!(
            "from {} to {} positional arguments",
            argcount - ndefaults,
            argcount
        )
    } else if argcount == 1 {
        "1 positional argument".to_string()
    } else {
        format!("{argcount} positional arguments")
    };
    let given_text = if kw_given > 0 {
        let kw_plural = if kw_given == 1 {
            "argument"
        } else {
            "arguments"
        };
        let pos_plural = if given == 1 { "argument" } else { "arguments" };
        format!(
            "{given} positional {pos_plural} (and {kw_given} keyword-only {kw_plural}) were given"
        )
    } else if given == 1 {
        "1 was given".to_string()
    } else {
        format!("{given} were given")
    };
    PyErr::type_error(format!(
        "{}() takes {takes} but {given_text}",
        qualname.as_str()
    ))
}
