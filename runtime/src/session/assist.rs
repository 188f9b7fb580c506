//! Editor assistance: completion, inspection, `is_complete`, and the live-generator view.
//!
//! None of these runs program code: completion and inspection look names up in the globals
//! and builtins and follow dotted attribute chains through dictionaries only, so pressing Tab
//! can never trigger a property or a `__getattr__`.

use std::rc::Rc;

use crate::object::str::PyStr;
use crate::object::types::type_of;
use crate::object::value::Value;
use crate::syntax;
use crate::vm::generator::GenKind;

use super::{Completeness, Completion, GeneratorInfo, Session};

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The dotted name ending at `cursor` (`obj.attr.pre`), and where it starts.
fn dotted_before(code: &str, cursor: usize) -> (usize, &str) {
    let cursor = cursor.min(code.len());
    let mut start = cursor;
    for (i, c) in code[..cursor].char_indices().rev() {
        if is_ident_char(c) || c == '.' {
            start = i;
        } else {
            break;
        }
    }
    (start, &code[start..cursor])
}

/// Resolves a dotted name without running code.
fn resolve(session: &Session, dotted: &str) -> Option<Value> {
    let mut parts = dotted.split('.');
    let first = PyStr::intern(parts.next()?);
    let mut v = session
        .globals
        .get_str(&first)
        .or_else(|| session.vm.builtins.get_str(&first))
        .or_else(|| session.vm.modules.get(first.as_str()).cloned())?;
    for p in parts {
        let name = PyStr::intern(p);
        v = match &v {
            Value::Module(m) => m.dict.get_str(&name)?,
            Value::Instance(i) => i.dict.get_str(&name).or_else(|| i.class.lookup(&name))?,
            Value::Class(c) => c.lookup(&name)?,
            other => type_of(other).lookup(&name)?,
        };
    }
    Some(v)
}

/// Attribute names of a value, from dictionaries only.
fn attribute_names(v: &Value) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut add_dict = |d: &crate::object::dict::PyDict| {
        for k in d.keys() {
            if let Value::Str(s) = k {
                names.push(s.as_str().to_string());
            }
        }
    };
    match v {
        Value::Module(m) => add_dict(&m.dict),
        Value::Instance(i) => {
            add_dict(&i.dict);
            for c in i.class.mro() {
                add_dict(&c.dict);
            }
        }
        Value::Class(c) => {
            for c in c.mro() {
                add_dict(&c.dict);
            }
        }
        other => {
            for c in type_of(other).mro() {
                add_dict(&c.dict);
            }
            if let Value::Generator(g) = other {
                let extra: &[&str] = match g.kind {
                    GenKind::Generator => &[
                        "gi_code",
                        "gi_frame",
                        "gi_running",
                        "gi_suspended",
                        "gi_yieldfrom",
                    ],
                    GenKind::Coroutine => &[
                        "cr_await",
                        "cr_code",
                        "cr_frame",
                        "cr_running",
                        "cr_suspended",
                    ],
                };
                names.extend(extra.iter().map(|s| s.to_string()));
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

pub fn complete(session: &mut Session, code: &str, cursor: usize) -> Completion {
    let cursor = cursor.min(code.len());
    let line_start = code[..cursor].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line = &code[line_start..cursor];
    let trimmed = line.trim_start();
    // Module names after `import` / `from`.
    if let Some(rest) = trimmed
        .strip_prefix("import ")
        .or_else(|| trimmed.strip_prefix("from "))
    {
        if !rest.contains(' ') {
            let start = cursor - rest.len();
            let matches = crate::stdlib::MODULE_NAMES
                .iter()
                .filter(|m| m.starts_with(rest))
                .map(|m| m.to_string())
                .collect();
            return Completion {
                matches,
                cursor_start: start,
                cursor_end: cursor,
            };
        }
    }
    let (start, dotted) = dotted_before(code, cursor);
    if let Some(dot) = dotted.rfind('.') {
        let (obj, prefix) = (&dotted[..dot], &dotted[dot + 1..]);
        let matches = match resolve(session, obj) {
            Some(v) => attribute_names(&v)
                .into_iter()
                .filter(|n| {
                    n.starts_with(prefix) && (prefix.starts_with('_') || !n.starts_with('_'))
                })
                .collect(),
            None => Vec::new(),
        };
        return Completion {
            matches,
            cursor_start: start + dot + 1,
            cursor_end: cursor,
        };
    }
    let prefix = dotted;
    let mut matches: Vec<String> = Vec::new();
    for d in [&session.globals, &session.vm.builtins] {
        for k in d.keys() {
            if let Value::Str(s) = k {
                if s.starts_with(prefix) && (prefix.starts_with('_') || !s.starts_with('_')) {
                    matches.push(s.as_str().to_string());
                }
            }
        }
    }
    matches.extend(
        KEYWORDS
            .iter()
            .filter(|k| k.starts_with(prefix))
            .map(|k| k.to_string()),
    );
    matches.sort();
    matches.dedup();
    Completion {
        matches,
        cursor_start: start,
        cursor_end: cursor,
    }
}

pub fn inspect(session: &mut Session, code: &str, cursor: usize) -> Option<String> {
    let cursor = cursor.min(code.len());
    // Extend to the end of the identifier under the cursor.
    let end = code[cursor..]
        .char_indices()
        .find(|(_, c)| !is_ident_char(*c))
        .map(|(i, _)| cursor + i)
        .unwrap_or(code.len());
    let (_, mut dotted) = dotted_before(code, end);
    if dotted.is_empty() {
        // The cursor may sit just after a call's parenthesis: `f(|`.
        let before = code[..cursor].trim_end_matches(|c: char| c == '(' || c.is_whitespace());
        dotted = dotted_before(before, before.len()).1;
    }
    let dotted = dotted.trim_matches('.');
    if dotted.is_empty() {
        return None;
    }
    let v = resolve(session, dotted)?;
    let mut out = String::new();
    let type_name = v.type_name();
    if let Some(sig) = signature(&v) {
        out.push_str(&format!(
            "Signature: {}{}\n",
            dotted.rsplit('.').next().unwrap_or(dotted),
            sig
        ));
    } else {
        let r = session
            .vm
            .repr(&v)
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        out.push_str(&format!("Value: {r}\n"));
    }
    let doc = match &v {
        Value::Function(f) => match &*f.doc.borrow() {
            Value::Str(s) => Some(s.as_str().to_string()),
            _ => None,
        },
        Value::Builtin(b) if !b.doc.is_empty() => Some(b.doc.to_string()),
        Value::Class(c) => match c.dict.get_item_str("__doc__") {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            _ => None,
        },
        Value::Generator(g) => Some(format!("{} state: {}", g.kind.type_name(), g.state_name())),
        _ => None,
    };
    out.push_str(&format!(
        "Docstring: {}\n",
        doc.unwrap_or_else(|| "<no docstring>".into())
    ));
    out.push_str(&format!("Type: {type_name}"));
    Some(out)
}

/// The parameter list of a Python function, as `inspect.signature` prints it.
fn signature(v: &Value) -> Option<String> {
    let f = match v {
        Value::Function(f) => f.clone(),
        Value::Method(m) => match &m.func {
            Value::Function(f) => f.clone(),
            _ => return None,
        },
        Value::Builtin(_) => return Some("(...)".into()),
        _ => return None,
    };
    let code = &f.code;
    let mut parts: Vec<String> = Vec::new();
    let argc = code.argcount as usize;
    let first_default = argc.saturating_sub(f.defaults.len());
    let skip_self = matches!(v, Value::Method(_)) as usize;
    for i in skip_self..argc {
        let name = code.varnames[i].as_str();
        if i >= first_default {
            parts.push(format!(
                "{name}={}",
                short_repr(&f.defaults[i - first_default])
            ));
        } else {
            parts.push(name.to_string());
        }
        if code.posonlyargcount as usize == i + 1 {
            parts.push("/".into());
        }
    }
    let kwonly = code.kwonlyargcount as usize;
    let has_varargs = code.flags & crate::bytecode::flags::VARARGS != 0;
    if has_varargs {
        parts.push(format!("*{}", code.varnames[argc + kwonly].as_str()));
    } else if kwonly > 0 {
        parts.push("*".into());
    }
    for name in &code.varnames[argc..argc + kwonly] {
        let name = name.as_str();
        match f.kwdefaults.iter().find(|(k, _)| k.as_str() == name) {
            Some((_, d)) => parts.push(format!("{name}={}", short_repr(d))),
            None => parts.push(name.to_string()),
        }
    }
    if code.flags & crate::bytecode::flags::VARKEYWORDS != 0 {
        let i = argc + kwonly + has_varargs as usize;
        parts.push(format!("**{}", code.varnames[i].as_str()));
    }
    Some(format!("({})", parts.join(", ")))
}

fn short_repr(v: &Value) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Str(s) => crate::object::formatting::str_repr(s),
        Value::Float(f) => crate::object::formatting::float_repr(*f),
        other => format!("<{}>", other.type_name()),
    }
}

pub fn is_complete(code: &str) -> Completeness {
    if code.trim().is_empty() {
        return Completeness::Complete;
    }
    match syntax::parse(code) {
        Ok(_) => {
            // A block is only finished by a blank line, as in the interactive interpreter.
            let last = code.trim_end_matches(['\n', '\r', ' ', '\t']);
            let last_line = last.rsplit('\n').next().unwrap_or(last);
            let multiline = last.contains('\n');
            let indented = last_line.starts_with([' ', '\t']);
            if multiline && indented && !code.ends_with("\n\n") {
                let indent: String = last_line
                    .chars()
                    .take_while(|c| *c == ' ' || *c == '\t')
                    .collect();
                return Completeness::Incomplete { indent };
            }
            Completeness::Complete
        }
        Err(e) if e.incomplete => {
            let last = code.trim_end_matches(['\n', '\r']);
            let last_line = last.rsplit('\n').next().unwrap_or(last);
            let mut indent: String = last_line
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            if last_line.trim_end().ends_with(':') {
                indent.push_str("    ");
            }
            Completeness::Incomplete { indent }
        }
        Err(_) => Completeness::Invalid,
    }
}

pub fn live_generators(session: &mut Session) -> Vec<GeneratorInfo> {
    let mut seen: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    let mut stack: Vec<Value> = session
        .globals
        .items()
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    let mut budget = 10_000;
    while let Some(v) = stack.pop() {
        budget -= 1;
        if budget == 0 {
            break;
        }
        let id = v.id() as usize;
        if v.heap_ptr().is_some() {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
        }
        match &v {
            Value::Generator(g) => {
                let info = g.frame_info();
                let mut locals = Vec::new();
                if let Some((_, ls)) = &info {
                    for (k, val) in ls {
                        let r = session
                            .vm
                            .repr(val)
                            .map(|s| s.as_str().to_string())
                            .unwrap_or_default();
                        locals.push((k.as_str().to_string(), r));
                    }
                }
                out.push(GeneratorInfo {
                    name: g.qualname().as_str().to_string(),
                    state: g.state_name(),
                    line: if g.is_suspended() {
                        info.map(|(l, _)| l)
                    } else {
                        None
                    },
                    locals,
                });
            }
            Value::List(l) => stack.extend(l.snapshot()),
            Value::Tuple(t) => stack.extend(t.items().iter().cloned()),
            Value::Dict(d) => stack.extend(d.items().into_iter().map(|(_, v)| v)),
            Value::Instance(i) => stack.extend(i.dict.items().into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

#[allow(dead_code)]
fn _rc(_: Rc<PyStr>) {}
