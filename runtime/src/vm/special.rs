//! Computed attributes of builtin objects: a function's `__name__`, a generator's `gi_frame`,
//! an exception's `args` and `__cause__`, a range's `start`, a frame's `f_lineno` ...
//!
//! These are the attributes CPython implements as getset descriptors in C. Methods are not
//! here: they live in the class dictionaries (`builtins/methods`).

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::exception::PyException;
use crate::object::native::Native;
use crate::object::str::PyStr;
use crate::object::types::type_of;
use crate::object::value::Value;

use super::Vm;

impl Vm {
    /// The computed attribute `name` of a builtin object, if it has one.
    pub(super) fn special_attr(
        &mut self,
        obj: &Value,
        name: &Rc<PyStr>,
    ) -> PyResult<Option<Value>> {
        let n = name.as_str();
        if n == "__class__" {
            return Ok(Some(Value::Class(type_of(obj))));
        }
        Ok(match obj {
            Value::Function(f) => match n {
                "__name__" => Some(Value::Str(f.name())),
                "__qualname__" => Some(Value::Str(f.qualname())),
                "__doc__" => Some(f.doc.borrow().clone()),
                "__module__" => Some(f.module.clone()),
                "__dict__" => Some(Value::Dict(Rc::new(
                    crate::object::dict::PyDict::from_table(f.dict.borrow().clone()),
                ))),
                "__defaults__" => Some(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }),
                "__kwdefaults__" => Some(if f.kwdefaults.is_empty() {
                    Value::None
                } else {
                    let d = crate::object::dict::PyDict::new();
                    for (k, v) in &f.kwdefaults {
                        d.set_str(k.clone(), v.clone());
                    }
                    Value::Dict(Rc::new(d))
                }),
                "__code__" => Some(f.code.object()),
                "__globals__" => Some(Value::Dict(f.globals.clone())),
                "__closure__" => Some(if f.closure.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())
                }),
                "__annotations__" => match f.dict.get_str(name) {
                    Some(v) => Some(v),
                    None => {
                        let d = Value::Dict(Rc::new(crate::object::dict::PyDict::new()));
                        f.dict.set_str(name.clone(), d.clone());
                        Some(d)
                    }
                },
                _ => None,
            },
            Value::Method(m) => match n {
                "__self__" => Some(m.receiver.clone()),
                "__func__" => Some(m.func.clone()),
                "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                    Some(self.getattr(&m.func.clone(), name)?)
                }
                _ => None,
            },
            Value::Builtin(b) => match n {
                "__name__" => Some(Value::str(b.name)),
                "__qualname__" => Some(Value::from_string(match b.owner {
                    Some(owner) => format!("{owner}.{}", b.name),
                    None => b.name.to_string(),
                })),
                "__doc__" => Some(if b.doc.is_empty() {
                    Value::None
                } else {
                    Value::str(b.doc)
                }),
                "__self__" => Some(b.bound.clone().unwrap_or(Value::None)),
                "__module__" => Some(if b.owner.is_none() {
                    Value::str("builtins")
                } else {
                    Value::None
                }),
                _ => None,
            },
            Value::Generator(g) => {
                let co = g.kind == super::generator::GenKind::Coroutine;
                let attr = match (co, n) {
                    (false, "gi_frame") | (true, "cr_frame") => Some("frame"),
                    (false, "gi_running") | (true, "cr_running") => Some("running"),
                    (false, "gi_suspended") | (true, "cr_suspended") => Some("suspended"),
                    (false, "gi_yieldfrom") | (true, "cr_await") => Some("yieldfrom"),
                    (false, "gi_code") | (true, "cr_code") => Some("code"),
                    (_, "__name__") => Some("name"),
                    (_, "__qualname__") => Some("qualname"),
                    _ => None,
                };
                match attr {
                    Some("frame") => Some(if g.has_frame() {
                        Value::Native(Rc::new(Native::Frame(g.clone())))
                    } else {
                        Value::None
                    }),
                    Some("running") => Some(Value::Bool(g.is_running())),
                    Some("suspended") => Some(Value::Bool(g.is_suspended())),
                    Some("yieldfrom") => Some(g.yield_from().unwrap_or(Value::None)),
                    Some("code") => Some(g.code.object()),
                    Some("name") => Some(Value::Str(g.name())),
                    Some("qualname") => Some(Value::Str(g.qualname())),
                    _ => None,
                }
            }
            Value::Exception(e) => exception_attr(e, n),
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => match n {
                "real" | "numerator" => Some(match obj {
                    Value::Bool(b) => Value::Int(*b as i64),
                    other => other.clone(),
                }),
                "imag" => Some(Value::Int(0)),
                "denominator" => Some(Value::Int(1)),
                _ => None,
            },
            Value::Float(f) => match n {
                "real" => Some(Value::Float(*f)),
                "imag" => Some(Value::Float(0.0)),
                _ => None,
            },
            Value::Range(r) => match n {
                "start" => Some(Value::Int(r.start)),
                "stop" => Some(Value::Int(r.stop)),
                "step" => Some(Value::Int(r.step)),
                _ => None,
            },
            Value::Slice(s) => match n {
                "start" => Some(s.start.clone()),
                "stop" => Some(s.stop.clone()),
                "step" => Some(s.step.clone()),
                _ => None,
            },
            Value::Cell(c) => match n {
                "cell_contents" => match c.get() {
                    Value::Unbound => return Err(PyErr::value_error("Cell is empty")),
                    v => Some(v),
                },
                _ => None,
            },
            Value::Native(native) => match &**native {
                Native::Property {
                    fget,
                    fset,
                    fdel,
                    doc,
                    ..
                } => match n {
                    "fget" => Some(fget.clone()),
                    "fset" => Some(fset.clone()),
                    "fdel" => Some(fdel.clone()),
                    "__doc__" => Some(doc.clone()),
                    _ => None,
                },
                Native::StaticMethod(f) | Native::ClassMethod(f) => match n {
                    "__func__" | "__wrapped__" => Some(f.clone()),
                    _ => None,
                },
                Native::Deque { maxlen, .. } => match n {
                    "maxlen" => Some(match maxlen {
                        Some(m) => Value::from(*m),
                        None => Value::None,
                    }),
                    _ => None,
                },
                Native::Code(code) => match n {
                    "co_name" => Some(Value::Str(code.name.clone())),
                    "co_qualname" => Some(Value::Str(code.qualname.clone())),
                    "co_filename" => Some(Value::str(code.filename())),
                    "co_firstlineno" => Some(Value::Int(code.first_line as i64)),
                    "co_argcount" => Some(Value::Int(code.argcount as i64)),
                    "co_posonlyargcount" => Some(Value::Int(code.posonlyargcount as i64)),
                    "co_kwonlyargcount" => Some(Value::Int(code.kwonlyargcount as i64)),
                    "co_flags" => Some(Value::Int((code.flags & 0xffff) as i64)),
                    "co_nlocals" => Some(Value::Int(code.nslots() as i64 - code.nfree as i64)),
                    "co_varnames" => Some(Value::tuple(
                        code.varnames[..code.nslots() - code.nfree as usize]
                            .iter()
                            .filter(|n| !n.starts_with('.') || n.as_str() == ".0")
                            .map(|n| Value::Str(n.clone()))
                            .collect(),
                    )),
                    "co_freevars" => Some(Value::tuple(
                        code.varnames[code.nslots() - code.nfree as usize..]
                            .iter()
                            .map(|n| Value::Str(n.clone()))
                            .collect(),
                    )),
                    _ => None,
                },
                Native::Frame(g) => match n {
                    "f_lineno" => Some(match g.frame_info() {
                        Some((line, _)) => Value::Int(line as i64),
                        None => Value::None,
                    }),
                    "f_locals" => {
                        let d = crate::object::dict::PyDict::new();
                        for (k, v) in g.locals() {
                            d.set_str(k, v);
                        }
                        Some(Value::Dict(Rc::new(d)))
                    }
                    "f_code" => Some(g.code.object()),
                    "f_back" => Some(Value::None),
                    _ => None,
                },
                Native::Traceback(e, index) => {
                    let entries = e.traceback.borrow();
                    let count = entries.len();
                    // Entries are stored innermost first; traceback objects run outermost first.
                    let entry = entries.get(count.wrapping_sub(1 + index)).cloned();
                    drop(entries);
                    match (n, entry) {
                        ("tb_lineno", Some(en)) => {
                            Some(Value::Int(en.code.line_of(en.ip as usize) as i64))
                        }
                        ("tb_lasti", Some(en)) => Some(Value::Int(en.ip as i64 * 2)),
                        ("tb_next", _) => Some(if index + 1 < count {
                            Value::Native(Rc::new(Native::Traceback(e.clone(), index + 1)))
                        } else {
                            Value::None
                        }),
                        ("tb_frame", _) => Some(Value::None),
                        _ => None,
                    }
                }
                Native::StdStream(s) => match n {
                    "name" => Some(Value::str(match s {
                        crate::host::Stream::Stdout => "<stdout>",
                        crate::host::Stream::Stderr => "<stderr>",
                    })),
                    "encoding" => Some(Value::str("utf-8")),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        })
    }

    /// Assignment to an exception's attributes, with the checks CPython makes.
    pub(super) fn exception_setattr(
        &mut self,
        e: &Rc<PyException>,
        name: &Rc<PyStr>,
        value: Value,
    ) -> PyResult<()> {
        match name.as_str() {
            "args" => {
                let items = self.collect(&value)?;
                *e.args.borrow_mut() = crate::object::tuple::PyTuple::new(items);
            }
            "__cause__" => match &value {
                Value::None | Value::Exception(_) => {
                    *e.cause.borrow_mut() = value;
                    e.suppress_context.set(true);
                }
                _ => {
                    return Err(PyErr::type_error(
                        "exception cause must be None or derive from BaseException",
                    ))
                }
            },
            "__context__" => match value {
                Value::None => *e.context.borrow_mut() = None,
                Value::Exception(c) => *e.context.borrow_mut() = Some(c),
                _ => {
                    return Err(PyErr::type_error(
                        "exception context must be None or derive from BaseException",
                    ))
                }
            },
            "__suppress_context__" => {
                let b = self.truthy(&value)?;
                e.suppress_context.set(b);
            }
            "__traceback__" => {
                if value.is_none() {
                    e.traceback.borrow_mut().clear();
                }
            }
            _ => e.dict.set_str(name.clone(), value),
        }
        Ok(())
    }
}

fn exception_attr(e: &Rc<PyException>, n: &str) -> Option<Value> {
    Some(match n {
        "args" => Value::Tuple(e.args()),
        "__cause__" => e.cause.borrow().clone(),
        "__context__" => match e.context() {
            Some(c) => Value::Exception(c),
            None => Value::None,
        },
        "__suppress_context__" => Value::Bool(e.suppress_context.get()),
        "__traceback__" => {
            if e.traceback.borrow().is_empty() {
                Value::None
            } else {
                Value::Native(Rc::new(Native::Traceback(e.clone(), 0)))
            }
        }
        "__dict__" => Value::Dict(Rc::new(crate::object::dict::PyDict::from_table(
            e.dict.borrow().clone(),
        ))),
        _ => return None,
    })
}
