//! `repr()`, `str()`, `ascii()` and `format()` of every value, in CPython's exact text.
//!
//! Containers guard against recursion (`[[...]]`), instances use `__repr__`/`__str__`, and
//! objects without their own repr print `<__main__.C object at 0x...>` with their address.
//! Numbers and strings are formatted by `object/formatting.rs`.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::formatting;
use crate::object::native::Native;
use crate::object::str::PyStr;
use crate::object::types::type_of;
use crate::object::value::Value;

use super::recursion::Nesting;
use super::Vm;

/// The address CPython prints in default reprs.
pub fn address(v: &Value) -> String {
    format!("0x{:x}", v.id())
}

impl Vm {
    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<Rc<PyStr>> {
        Ok(match v {
            Value::Str(s) => PyStr::from_string(formatting::str_repr(s)),
            Value::Instance(_) => return self.user_repr(v),
            Value::Exception(e)
                if e.class
                    .lookup_str("__repr__")
                    .is_some_and(|r| !matches!(r, Value::Builtin(_))) =>
            {
                return self.user_repr(v)
            }
            _ if v.is_inline() => PyStr::from_string(self.repr_string(v)?),
            _ => PyStr::from_string(self.nested(Nesting::Repr, |vm| vm.repr_string(v))?),
        })
    }

    fn user_repr(&mut self, v: &Value) -> PyResult<Rc<PyStr>> {
        match self.lookup_special(v, "__repr__") {
            Some(m) => {
                let r = self.call(&m, &[])?;
                match r {
                    Value::Str(s) => Ok(s),
                    other => Err(PyErr::type_error(format!(
                        "__repr__ returned non-string (type {})",
                        other.type_name()
                    ))),
                }
            }
            None => Ok(PyStr::from_string(self.default_repr(v))),
        }
    }

    /// `<__main__.C object at 0x...>`.
    pub fn default_repr(&self, v: &Value) -> String {
        let class = type_of(v);
        let module = match class.dict.get_item_str("__module__") {
            Some(Value::Str(m)) => m.as_str().to_string(),
            _ => "builtins".to_string(),
        };
        let qual = class.qualname.borrow().clone();
        if module == "builtins" {
            format!("<{} object at {}>", qual.as_str(), address(v))
        } else {
            format!("<{}.{} object at {}>", module, qual.as_str(), address(v))
        }
    }

    fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => self.bigint_to_string(b)?,
            Value::Float(f) => formatting::float_repr(*f),
            Value::Str(s) => formatting::str_repr(s),
            Value::Bytes(b) => b.repr(),
            Value::Tuple(t) => {
                let t = t.clone();
                if t.is_empty() {
                    return Ok("()".into());
                }
                let Some(_guard) = self.enter_repr(v) else {
                    return Ok("(...)".into());
                };
                let mut parts = Vec::with_capacity(t.len());
                for item in t.items() {
                    match self.repr(item) {
                        Ok(r) => parts.push(r.as_str().to_string()),
                        Err(e) => {
                            self.leave_repr(v);
                            return Err(e);
                        }
                    }
                }
                self.leave_repr(v);
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Value::List(l) => {
                let items = l.snapshot();
                if items.is_empty() {
                    return Ok("[]".into());
                }
                let Some(_guard) = self.enter_repr(v) else {
                    return Ok("[...]".into());
                };
                let r = self.join_reprs(&items);
                self.leave_repr(v);
                format!("[{}]", r?)
            }
            Value::Dict(d) => {
                let items = d.items();
                if items.is_empty() {
                    return Ok("{}".into());
                }
                let Some(_guard) = self.enter_repr(v) else {
                    return Ok("{...}".into());
                };
                let r = self.dict_items_repr(&items);
                self.leave_repr(v);
                format!("{{{}}}", r?)
            }
            Value::Set(s) | Value::FrozenSet(s) => {
                let items = s.borrow().keys();
                let frozen = matches!(v, Value::FrozenSet(_));
                if items.is_empty() {
                    return Ok(if frozen { "frozenset()" } else { "set()" }.into());
                }
                let Some(_guard) = self.enter_repr(v) else {
                    return Ok(format!("{}(...)", v.type_name()));
                };
                let r = self.join_reprs(&items);
                self.leave_repr(v);
                if frozen {
                    format!("frozenset({{{}}})", r?)
                } else {
                    format!("{{{}}}", r?)
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s.start)?.as_str(),
                self.repr(&s.stop)?.as_str(),
                self.repr(&s.step)?.as_str()
            ),
            Value::Function(f) => format!("<function {} at {}>", f.qualname().as_str(), address(v)),
            Value::Builtin(b) => match (&b.bound, b.kind, b.owner) {
                (Some(recv), _, _) if !matches!(recv, Value::Module(_)) => {
                    let recv_repr = match recv {
                        Value::Class(c) => format!("<class '{}'>", class_path(c)),
                        other => format!("{} object at {}", other.type_name(), address(other)),
                    };
                    if matches!(recv, Value::Class(_)) {
                        format!(
                            "<built-in method {} of type object at {}>",
                            b.name,
                            address(recv)
                        )
                    } else {
                        format!("<built-in method {} of {}>", b.name, recv_repr)
                    }
                }
                (None, crate::object::function::BuiltinKind::Method, Some(owner)) => {
                    format!("<method '{}' of '{}' objects>", b.name, owner)
                }
                _ => format!("<built-in function {}>", b.name),
            },
            Value::Method(m) => {
                let name = match &m.func {
                    Value::Function(f) => f.qualname().as_str().to_string(),
                    other => self.repr(other)?.as_str().to_string(),
                };
                let recv = self.repr(&m.receiver)?;
                format!("<bound method {} of {}>", name, recv.as_str())
            }
            Value::Class(c) => format!("<class '{}'>", class_path(c)),
            Value::Instance(_) => return Ok(self.repr(v)?.as_str().to_string()),
            Value::Exception(e) => {
                let args = e.args();
                let name = e.class.name.clone();
                match args.items() {
                    [one] => format!("{}({})", name.as_str(), self.repr(one)?.as_str()),
                    items => {
                        let parts = self.join_reprs(items)?;
                        format!("{}({})", name.as_str(), parts)
                    }
                }
            }
            Value::Generator(g) => format!(
                "<{} object {} at {}>",
                g.kind.type_name(),
                g.qualname().as_str(),
                address(v)
            ),
            Value::Module(m) => format!("<module '{}' (built-in)>", m.name.as_str()),
            Value::Cell(c) => match c.get() {
                Value::Unbound => format!("<cell at {}: empty>", address(v)),
                inner => format!(
                    "<cell at {}: {} object at {}>",
                    address(v),
                    inner.type_name(),
                    address(&inner)
                ),
            },
            Value::Iter(it) => format!("<{} object at {}>", it.type_name(), address(v)),
            Value::Native(n) => match &**n {
                Native::DictView { part, dict } => {
                    let items = match part {
                        crate::object::iter::DictPart::Keys => dict.keys(),
                        crate::object::iter::DictPart::Values => dict.borrow().values(),
                        crate::object::iter::DictPart::Items => dict
                            .items()
                            .into_iter()
                            .map(|(k, v)| Value::tuple(vec![k, v]))
                            .collect(),
                    };
                    format!("{}([{}])", n.type_name(), self.join_reprs(&items)?)
                }
                Native::Deque { items, maxlen } => {
                    let items: Vec<Value> = items.borrow().iter().cloned().collect();
                    let Some(_guard) = self.enter_repr(v) else {
                        return Ok("[...]".into());
                    };
                    let r = self.join_reprs(&items);
                    self.leave_repr(v);
                    match maxlen {
                        Some(m) => format!("deque([{}], maxlen={m})", r?),
                        None => format!("deque([{}])", r?),
                    }
                }
                Native::Code(c) => format!(
                    "<code object {} at {}, file \"{}\", line {}>",
                    c.name.as_str(),
                    address(v),
                    c.filename(),
                    c.first_line
                ),
                Native::Frame(g) => {
                    let line = g.frame_info().map(|(l, _)| l).unwrap_or(0);
                    format!(
                        "<frame at {}, file '{}', line {}, code {}>",
                        address(v),
                        g.code.filename(),
                        line,
                        g.code.name.as_str()
                    )
                }
                Native::StdStream(s) => format!(
                    "<_io.TextIOWrapper name='<{}>' mode='w' encoding='utf-8'>",
                    s.name()
                ),
                Native::StaticMethod(f) => format!("<staticmethod({})>", self.repr(f)?.as_str()),
                Native::ClassMethod(f) => format!("<classmethod({})>", self.repr(f)?.as_str()),
                Native::Super { class, obj } => format!(
                    "<super: <class '{}'>, <{} object>>",
                    class.name.as_str(),
                    obj.type_name()
                ),
                _ => format!("<{} object at {}>", n.type_name(), address(v)),
            },
            Value::Unbound => "<unbound>".into(),
        })
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(self.repr(item)?.as_str());
        }
        Ok(out)
    }

    fn dict_items_repr(&mut self, items: &[(Value, Value)]) -> PyResult<String> {
        let mut out = String::new();
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(self.repr(k)?.as_str());
            out.push_str(": ");
            out.push_str(self.repr(v)?.as_str());
        }
        Ok(out)
    }

    /// Marks a container as being printed; `None` if it already is (a recursive reference).
    fn enter_repr(&mut self, v: &Value) -> Option<()> {
        let id = v.id() as usize;
        if self.repr_guard.contains(&id) {
            return None;
        }
        self.repr_guard.push(id);
        Some(())
    }

    fn leave_repr(&mut self, v: &Value) {
        let id = v.id() as usize;
        if let Some(pos) = self.repr_guard.iter().rposition(|&x| x == id) {
            self.repr_guard.remove(pos);
        }
    }

    /// `str(v)`.
    pub fn str(&mut self, v: &Value) -> PyResult<Rc<PyStr>> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            Value::Instance(_) => match self.lookup_special(v, "__str__") {
                Some(m) => {
                    let r = self.call(&m, &[])?;
                    match r {
                        Value::Str(s) => Ok(s),
                        other => Err(PyErr::type_error(format!(
                            "__str__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    }
                }
                None => self.repr(v),
            },
            Value::Exception(e) => {
                if let Some(m) = e.class.lookup_str("__str__") {
                    if !matches!(m, Value::Builtin(_)) {
                        let r = self.call(&m, std::slice::from_ref(v))?;
                        return match r {
                            Value::Str(s) => Ok(s),
                            other => Err(PyErr::type_error(format!(
                                "__str__ returned non-string (type {})",
                                other.type_name()
                            ))),
                        };
                    }
                }
                self.exception_str(e)
            }
            _ => self.repr(v),
        }
    }

    /// `BaseException.__str__`, with `KeyError`'s repr of a single argument and `SyntaxError`'s
    /// location.
    pub fn exception_str(
        &mut self,
        e: &Rc<crate::object::exception::PyException>,
    ) -> PyResult<Rc<PyStr>> {
        let args = e.args();
        let t = crate::object::types::types();
        if e.is_instance(&t.syntax_error) {
            return crate::builtins::syntax_error_fields::str(self, e);
        }
        match args.items() {
            [] => Ok(PyStr::new("")),
            [one] if e.is_instance(&t.key_error) => self.repr(one),
            [one] => self.str(one),
            _ => self.repr(&Value::Tuple(args.clone())),
        }
    }

    /// `ascii(v)`: the repr with non-ASCII characters escaped.
    pub fn ascii(&mut self, v: &Value) -> PyResult<Rc<PyStr>> {
        let r = self.repr(v)?;
        Ok(PyStr::from_string(formatting::ascii_escape(&r)))
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &Rc<PyStr>) -> PyResult<Rc<PyStr>> {
        match v {
            Value::Instance(_) | Value::Exception(_) => {
                if let Some(m) = self.lookup_special(v, "__format__") {
                    let r = self.call(&m, &[Value::Str(spec.clone())])?;
                    return match r {
                        Value::Str(s) => Ok(s),
                        other => Err(PyErr::type_error(format!(
                            "__format__ must return a str, not {}",
                            other.type_name()
                        ))),
                    };
                }
                if spec.is_empty() {
                    return self.str(v);
                }
                Err(PyErr::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    v.type_name()
                )))
            }
            _ => {
                if spec.is_empty() {
                    return self.str(v);
                }
                formatting::format_value(self, v, spec)
            }
        }
    }

    /// Decimal text of a big integer, with CPython's digit limit.
    pub fn bigint_to_string(&self, b: &num_bigint::BigInt) -> PyResult<String> {
        let bits = b.bits();
        // A quick bound: digits >= bits * log10(2).
        if self.int_max_str_digits > 0
            && bits as f64 * std::f64::consts::LOG10_2 > self.int_max_str_digits as f64 + 1.0
        {
            return Err(PyErr::value_error(format!(
                "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                self.int_max_str_digits
            )));
        }
        let s = b.to_string();
        let digits = s.trim_start_matches('-').len();
        if self.int_max_str_digits > 0 && digits > self.int_max_str_digits {
            return Err(PyErr::value_error(format!(
                "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                self.int_max_str_digits
            )));
        }
        Ok(s)
    }
}

/// `module.qualname` of a class, as its repr shows it (`__main__.C`, `int`).
pub fn class_path(c: &Rc<crate::object::class::Class>) -> String {
    let module = match c.dict.get_item_str("__module__") {
        Some(Value::Str(m)) => m.as_str().to_string(),
        _ => "builtins".to_string(),
    };
    let qual = c.qualname.borrow().clone();
    if module == "builtins" {
        qual.as_str().to_string()
    } else {
        format!("{}.{}", module, qual.as_str())
    }
}
