//! `import`: the modules Coro provides.
//!
//! There is no file system import. A module is either built natively (`sys`, `time`, the
//! native half of `collections`) or compiled from Python source embedded in the binary
//! (`functools`, `inspect`, `asyncio` ...), the first time it is imported; `stdlib/mod.rs`
//! lists them. Importing anything else raises `ModuleNotFoundError` as CPython would.

use std::rc::Rc;

use crate::error::{PyErr, PyResult};
use crate::object::dict::PyDict;
use crate::object::module::Module;
use crate::object::str::PyStr;
use crate::object::value::Value;

use super::Vm;

impl Vm {
    /// `import name` (`leaf` false: returns the top-level package) or the module itself.
    pub fn import(&mut self, name: &PyStr, leaf: bool) -> PyResult<Value> {
        let full = name.as_str();
        let top = full.split('.').next().unwrap_or(full);
        let module = self.load_module(full)?;
        if leaf || top == full {
            Ok(module)
        } else {
            self.load_module(top)
        }
    }

    /// The module named `name`, loading it on first use.
    pub fn load_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let module = match crate::stdlib::find(name) {
            Some(crate::stdlib::ModuleDef::Native(build)) => {
                let dict = Rc::new(PyDict::new());
                dict.set_item_str("__name__", Value::str(name));
                dict.set_item_str("__doc__", Value::None);
                let m = Value::Module(Module::new(name, dict.clone()));
                self.modules.insert(name.to_string(), m.clone());
                build(self, &dict)?;
                m
            }
            Some(crate::stdlib::ModuleDef::Source(source)) => {
                let dict = Rc::new(PyDict::new());
                dict.set_item_str("__name__", Value::str(name));
                dict.set_item_str("__doc__", Value::None);
                let m = Value::Module(Module::new(name, dict.clone()));
                self.modules.insert(name.to_string(), m.clone());
                let filename = format!("<coro {name}>");
                if let Err(e) = self.run_source(&filename, source, &dict) {
                    self.modules.remove(name);
                    return Err(e);
                }
                m
            }
            None => {
                let err = PyErr::module_not_found(format!("No module named '{name}'"));
                err.0.set_attr("name", Value::str(name));
                return Err(err);
            }
        };
        Ok(module)
    }

    /// `from module import name`.
    pub fn import_from(&mut self, module: &Value, name: &Rc<PyStr>) -> PyResult<Value> {
        match self.getattr_opt(module, name)? {
            Some(v) => Ok(v),
            None => {
                let mname = match module {
                    Value::Module(m) => m.name.as_str().to_string(),
                    _ => "?".to_string(),
                };
                // A submodule (`from os import path`).
                let sub = format!("{mname}.{}", name.as_str());
                if crate::stdlib::find(&sub).is_some() {
                    return self.load_module(&sub);
                }
                Err(PyErr::import_error(format!(
                    "cannot import name '{}' from '{}' (unknown location)",
                    name.as_str(),
                    mname
                )))
            }
        }
    }

    /// `from module import *`: every name not starting with an underscore, or `__all__`.
    pub fn import_star(&mut self, module: &Value, ns: &Rc<PyDict>) -> PyResult<()> {
        let Value::Module(m) = module else {
            return Ok(());
        };
        let names: Vec<Value> = match m.dict.get_item_str("__all__") {
            Some(all) => self.collect(&all)?,
            None => m
                .dict
                .keys()
                .into_iter()
                .filter(|k| matches!(k, Value::Str(s) if !s.starts_with('_')))
                .collect(),
        };
        for n in names {
            if let Value::Str(s) = n {
                let v = self.getattr(module, &s)?;
                ns.set_str(s, v);
            }
        }
        Ok(())
    }
}
