//! `Module`: a namespace created by `import`. Its attributes are its globals dictionary.

use std::rc::Rc;

use super::dict::PyDict;
use super::str::PyStr;

pub struct Module {
    pub name: Rc<PyStr>,
    pub dict: Rc<PyDict>,
}

impl Module {
    pub fn new(name: &str, dict: Rc<PyDict>) -> Rc<Module> {
        Rc::new(Module {
            name: PyStr::intern(name),
            dict,
        })
    }
}
