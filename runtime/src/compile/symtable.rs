//! Scope analysis: which names are local, global, free or cells, in every scope of a module.
//!
//! The builder walks the AST once and records, per scope, every name with how it is used
//! (bound, read, declared `global` or `nonlocal`, a parameter). `analyze` then resolves each
//! name as CPython's `symtable.c` does: bound names are local unless declared global; a name
//! read but not bound is free if an enclosing function binds it, else global; a local that a
//! nested scope uses freely becomes a cell. Class scopes are invisible to the functions nested
//! in them, except for the implicit `__class__` cell that `super()` needs.
//!
//! Scopes are keyed by the address of their AST node, so the code generator, walking the same
//! tree, finds the scope of each function, lambda, class and comprehension.
//!
//! Errors found here (`'return' outside function`, `no binding for nonlocal 'x' found` ...)
//! are `SyntaxError`s with CPython's messages.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::syntax::ast::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    /// A list/set/dict comprehension or generator expression.
    Comprehension,
}

/// How a name resolves in a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

pub mod use_flags {
    pub const BOUND: u32 = 1;
    pub const USED: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const GLOBAL: u32 = 8;
    pub const NONLOCAL: u32 = 16;
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub resolution: Resolution,
    /// Where the name was first declared or used, for error messages.
    pub span: Span,
}

pub type ScopeId = usize;

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: Name,
    /// Names in order of first appearance.
    pub order: Vec<Name>,
    pub symbols: HashMap<Name, Symbol>,
    pub children: Vec<ScopeId>,
    /// Parameters in slot order: positional, keyword-only, `*args`, `**kwargs`.
    pub params: Vec<Name>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// A class scope whose methods use `super()` or `__class__`.
    pub needs_class_cell: bool,
    /// Free variables a class passes through to its methods without using them itself.
    pub class_passthrough: Vec<Name>,
    /// The qualified name prefix for nested definitions (`f.<locals>.`, `C.`).
    pub qualname: Name,
    /// This scope's own `__qualname__` (`f`, `C.method`, `f.<locals>.<lambda>`).
    pub own_qualname: Name,
}

impl Scope {
    pub fn resolve(&self, name: &str) -> Resolution {
        match self.symbols.get(name) {
            Some(s) => s.resolution,
            None => match self.kind {
                ScopeKind::Module => Resolution::GlobalImplicit,
                _ => Resolution::GlobalImplicit,
            },
        }
    }

    /// Free variable names in slot order.
    pub fn free_names(&self) -> Vec<Name> {
        let mut out: Vec<Name> = self
            .order
            .iter()
            .filter(|n| self.symbols[*n].resolution == Resolution::Free)
            .cloned()
            .collect();
        for n in &self.class_passthrough {
            if !out.contains(n) {
                out.push(n.clone());
            }
        }
        out
    }
}

/// A scope error: message and where.
#[derive(Debug, Clone)]
pub struct ScopeError {
    pub msg: String,
    pub span: Span,
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// Scope of each function, lambda, class or comprehension node, by node address.
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    pub fn scope_of<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }

    pub fn build(module: &Module) -> Result<SymbolTable, ScopeError> {
        let mut b = Builder {
            scopes: Vec::new(),
            by_node: HashMap::new(),
            stack: Vec::new(),
            loop_depth: Vec::new(),
        };
        b.push(ScopeKind::Module, Rc::from("<module>"), 0, Rc::from(""));
        for s in &module.body {
            b.stmt(s)?;
        }
        b.stack.pop();
        let mut table = SymbolTable {
            scopes: b.scopes,
            by_node: b.by_node,
        };
        table.analyze(0, &HashSet::new())?;
        Ok(table)
    }

    fn analyze(
        &mut self,
        id: ScopeId,
        parent_bound: &HashSet<Name>,
    ) -> Result<HashSet<Name>, ScopeError> {
        use use_flags::*;
        let kind = self.scopes[id].kind;
        let names = self.scopes[id].order.clone();
        for name in &names {
            let sym = &self.scopes[id].symbols[name];
            let flags = sym.flags;
            let resolution = if flags & GLOBAL != 0 {
                Resolution::GlobalExplicit
            } else if flags & NONLOCAL != 0 {
                if !parent_bound.contains(name) {
                    return Err(ScopeError {
                        msg: format!("no binding for nonlocal '{name}' found"),
                        span: sym.span,
                    });
                }
                Resolution::Free
            } else if flags & (BOUND | PARAM) != 0 {
                if kind == ScopeKind::Module {
                    Resolution::GlobalImplicit
                } else {
                    Resolution::Local
                }
            } else if kind != ScopeKind::Module && parent_bound.contains(name) {
                Resolution::Free
            } else {
                Resolution::GlobalImplicit
            };
            if let Some(s) = self.scopes[id].symbols.get_mut(name) {
                s.resolution = resolution;
            }
        }
        let child_bound: HashSet<Name> = match kind {
            ScopeKind::Module => HashSet::new(),
            ScopeKind::Class => {
                let mut b = parent_bound.clone();
                b.insert(Rc::from("__class__"));
                b
            }
            ScopeKind::Function | ScopeKind::Comprehension => {
                let mut b = parent_bound.clone();
                for (name, sym) in &self.scopes[id].symbols {
                    match sym.resolution {
                        Resolution::Local | Resolution::Free | Resolution::Cell => {
                            b.insert(name.clone());
                        }
                        Resolution::GlobalExplicit => {
                            b.remove(name);
                        }
                        Resolution::GlobalImplicit => {}
                    }
                }
                b
            }
        };
        let children = self.scopes[id].children.clone();
        for child in children {
            let free = self.analyze(child, &child_bound)?;
            let mut free: Vec<Name> = free.into_iter().collect();
            free.sort();
            for name in free {
                let scope = &mut self.scopes[id];
                if kind == ScopeKind::Class && &*name == "__class__" {
                    scope.needs_class_cell = true;
                    continue;
                }
                match scope.symbols.get_mut(&name) {
                    Some(sym)
                        if kind != ScopeKind::Class && sym.resolution == Resolution::Local =>
                    {
                        sym.resolution = Resolution::Cell;
                    }
                    Some(sym)
                        if sym.resolution == Resolution::Cell
                            || sym.resolution == Resolution::Free => {}
                    Some(_) if kind == ScopeKind::Class => {
                        if !scope.class_passthrough.contains(&name) {
                            scope.class_passthrough.push(name.clone());
                        }
                    }
                    Some(sym) => {
                        // Used implicitly as a global here but free in a child: pass it through.
                        sym.resolution = Resolution::Free;
                    }
                    None => {
                        scope.order.push(name.clone());
                        scope.symbols.insert(
                            name.clone(),
                            Symbol {
                                flags: 0,
                                resolution: Resolution::Free,
                                span: Span::default(),
                            },
                        );
                    }
                }
            }
        }
        let scope = &self.scopes[id];
        let mut free: HashSet<Name> = scope
            .symbols
            .iter()
            .filter(|(_, s)| s.resolution == Resolution::Free)
            .map(|(n, _)| n.clone())
            .collect();
        free.extend(scope.class_passthrough.iter().cloned());
        Ok(free)
    }
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    /// Loop nesting per scope, for `break`/`continue` checks.
    loop_depth: Vec<u32>,
}

fn err<T>(msg: &str, span: Span) -> Result<T, ScopeError> {
    Err(ScopeError {
        msg: msg.to_string(),
        span,
    })
}

impl Builder {
    fn push(&mut self, kind: ScopeKind, name: Name, node: usize, qualname: Name) -> ScopeId {
        let id = self.scopes.len();
        let own_qualname = self.qualname_for(&name);
        self.scopes.push(Scope {
            kind,
            name,
            order: Vec::new(),
            symbols: HashMap::new(),
            children: Vec::new(),
            params: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_cell: false,
            class_passthrough: Vec::new(),
            qualname,
            own_qualname,
        });
        if let Some(&parent) = self.stack.last() {
            self.scopes[parent].children.push(id);
        }
        if node != 0 {
            self.by_node.insert(node, id);
        }
        self.stack.push(id);
        self.loop_depth.push(0);
        id
    }

    fn pop(&mut self) {
        self.stack.pop();
        self.loop_depth.pop();
    }

    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().unwrap_or(&0);
        &mut self.scopes[id]
    }

    fn add(&mut self, name: &Name, flag: u32, span: Span) -> Result<(), ScopeError> {
        use use_flags::*;
        let scope = self.cur();
        match scope.symbols.get_mut(name) {
            Some(sym) => {
                if flag == GLOBAL && sym.flags & PARAM != 0 {
                    return err(&format!("name '{name}' is parameter and global"), span);
                }
                if flag == NONLOCAL && sym.flags & PARAM != 0 {
                    return err(&format!("name '{name}' is parameter and nonlocal"), span);
                }
                if (flag == GLOBAL || flag == NONLOCAL) && sym.flags & (GLOBAL | NONLOCAL) == 0 {
                    let kind = if flag == GLOBAL { "global" } else { "nonlocal" };
                    if sym.flags & USED != 0 {
                        return err(
                            &format!("name '{name}' is used prior to {kind} declaration"),
                            span,
                        );
                    }
                    if sym.flags & BOUND != 0 {
                        return err(
                            &format!("name '{name}' is assigned to before {kind} declaration"),
                            span,
                        );
                    }
                }
                if flag == GLOBAL && sym.flags & NONLOCAL != 0 {
                    return err(&format!("name '{name}' is nonlocal and global"), span);
                }
                if flag == NONLOCAL && sym.flags & GLOBAL != 0 {
                    return err(&format!("name '{name}' is nonlocal and global"), span);
                }
                sym.flags |= flag;
            }
            None => {
                scope.order.push(name.clone());
                scope.symbols.insert(
                    name.clone(),
                    Symbol {
                        flags: flag,
                        resolution: Resolution::GlobalImplicit,
                        span,
                    },
                );
            }
        }
        Ok(())
    }

    fn qualname_for(&self, name: &str) -> Name {
        match self.stack.last() {
            Some(&id) => Rc::from(format!("{}{}", self.scopes[id].qualname, name)),
            None => Rc::from(name),
        }
    }

    fn child_prefix(&self, kind: ScopeKind, qualname: &str) -> Name {
        match kind {
            ScopeKind::Class => Rc::from(format!("{qualname}.")),
            _ => Rc::from(format!("{qualname}.<locals>.")),
        }
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), ScopeError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), ScopeError> {
        use use_flags::*;
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.add(n, USED, target.span)?;
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name(n) = &target.kind {
                    let scope = self.cur();
                    if let Some(sym) = scope.symbols.get(n) {
                        if sym.flags & (GLOBAL | NONLOCAL) != 0 && *simple {
                            let kind = if sym.flags & GLOBAL != 0 {
                                "global"
                            } else {
                                "nonlocal"
                            };
                            return err(&format!("annotated name '{n}' can't be {kind}"), s.span);
                        }
                    }
                }
                if self.cur().kind != ScopeKind::Function {
                    self.expr(annotation)?;
                }
                if let Some(v) = value {
                    self.expr(v)?;
                    self.target(target)?;
                } else if let ExprKind::Name(n) = &target.kind {
                    self.add(n, BOUND, target.span)?;
                } else {
                    self.target_uses(target)?;
                }
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.in_loop(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async && !self.cur().is_coroutine {
                    return err("'async for' outside async function", s.span);
                }
                self.expr(iter)?;
                self.target(target)?;
                self.in_loop(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Break => {
                if *self.loop_depth.last().unwrap_or(&0) == 0 {
                    return err("'break' outside loop", s.span);
                }
            }
            StmtKind::Continue => {
                if *self.loop_depth.last().unwrap_or(&0) == 0 {
                    return err("'continue' not properly in loop", s.span);
                }
            }
            StmtKind::Pass => {}
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.defaults(&f.args)?;
                self.add(&f.name, BOUND, s.span)?;
                let qual = self.qualname_for(&f.name);
                let prefix = self.child_prefix(ScopeKind::Function, &qual);
                self.push(
                    ScopeKind::Function,
                    f.name.clone(),
                    &**f as *const FunctionDef as usize,
                    prefix,
                );
                self.cur().is_coroutine = f.is_async;
                self.params(&f.args)?;
                self.stmts(&f.body)?;
                self.pop();
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.add(&c.name, BOUND, s.span)?;
                let qual = self.qualname_for(&c.name);
                let prefix = self.child_prefix(ScopeKind::Class, &qual);
                self.push(
                    ScopeKind::Class,
                    c.name.clone(),
                    &**c as *const ClassDef as usize,
                    prefix,
                );
                self.stmts(&c.body)?;
                self.pop();
            }
            StmtKind::Return(v) => {
                let kind = self.cur().kind;
                if kind != ScopeKind::Function {
                    return err("'return' outside function", s.span);
                }
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    if self.cur().kind == ScopeKind::Module {
                        // `global x` at module level is allowed and changes nothing.
                        continue;
                    }
                    self.add(n, GLOBAL, s.span)?;
                }
            }
            StmtKind::Nonlocal(names) => {
                // CPython reports names bound before the declaration first.
                for n in names {
                    self.add(n, NONLOCAL, s.span)?;
                }
                if self.cur().kind == ScopeKind::Module {
                    return err("nonlocal declaration not allowed at module level", s.span);
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add(n, BOUND, h.span)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async && !self.cur().is_coroutine {
                    return err("'async with' outside async function", s.span);
                }
                for item in items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound: Name = match &a.asname {
                        Some(n) => n.clone(),
                        None => Rc::from(a.name.split('.').next().unwrap_or(&a.name)),
                    };
                    self.add(&bound, BOUND, a.span)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if &*a.name == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return err("import * only allowed at module level", s.span);
                        }
                        continue;
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.add(&bound, BOUND, a.span)?;
                }
            }
        }
        Ok(())
    }

    fn in_loop(&mut self, body: &[Stmt]) -> Result<(), ScopeError> {
        if let Some(d) = self.loop_depth.last_mut() {
            *d += 1;
        }
        let r = self.stmts(body);
        if let Some(d) = self.loop_depth.last_mut() {
            *d -= 1;
        }
        r
    }

    fn defaults(&mut self, args: &Arguments) -> Result<(), ScopeError> {
        for d in &args.defaults {
            self.expr(d)?;
        }
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn params(&mut self, args: &Arguments) -> Result<(), ScopeError> {
        let mut all: Vec<&Arg> = Vec::new();
        all.extend(args.posonly.iter());
        all.extend(args.args.iter());
        all.extend(args.kwonly.iter());
        all.extend(args.vararg.iter());
        all.extend(args.kwarg.iter());
        for a in all {
            if self.cur().symbols.contains_key(&a.name) {
                return err(
                    &format!("duplicate argument '{}' in function definition", a.name),
                    a.span,
                );
            }
            self.add(&a.name, use_flags::PARAM, a.span)?;
            self.cur().params.push(a.name.clone());
        }
        Ok(())
    }

    /// An assignment or deletion target.
    fn target(&mut self, t: &Expr) -> Result<(), ScopeError> {
        match &t.kind {
            ExprKind::Name(n) => self.add(n, use_flags::BOUND, t.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.target_uses(t),
        }
    }

    /// The expressions inside an attribute or subscript target.
    fn target_uses(&mut self, t: &Expr) -> Result<(), ScopeError> {
        match &t.kind {
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)
            }
            _ => self.expr(t),
        }
    }

    fn exprs(&mut self, es: &[Expr]) -> Result<(), ScopeError> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), ScopeError> {
        use use_flags::*;
        match &e.kind {
            ExprKind::Name(n) => {
                self.add(n, USED, e.span)?;
                if &**n == "super" && self.cur().kind == ScopeKind::Function {
                    self.add(&Rc::from("__class__"), USED, e.span)?;
                }
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                // In a comprehension the target binds in the nearest enclosing non-comprehension scope.
                let mut depth = self.stack.len() - 1;
                while self.scopes[self.stack[depth]].kind == ScopeKind::Comprehension && depth > 0 {
                    depth -= 1;
                }
                let target_scope = self.stack[depth];
                if target_scope != *self.stack.last().unwrap_or(&0) {
                    if self.scopes[target_scope].kind == ScopeKind::Class {
                        return err(
                            "assignment expression within a comprehension cannot be used in a class body",
                            e.span,
                        );
                    }
                    let saved = self.stack.split_off(depth + 1);
                    let saved_loops = self.loop_depth.split_off(depth + 1);
                    self.add(target, BOUND, e.span)?;
                    self.stack.extend(saved);
                    self.loop_depth.extend(saved_loops);
                    let flag = if self.scopes[target_scope].kind == ScopeKind::Module {
                        GLOBAL
                    } else {
                        NONLOCAL
                    };
                    for &sid in &self.stack[depth + 1..] {
                        let scope = &mut self.scopes[sid];
                        if !scope.symbols.contains_key(target) {
                            scope.order.push(target.clone());
                        }
                        scope
                            .symbols
                            .entry(target.clone())
                            .or_insert(Symbol {
                                flags: 0,
                                resolution: Resolution::GlobalImplicit,
                                span: e.span,
                            })
                            .flags |= flag;
                    }
                } else {
                    self.add(target, BOUND, e.span)?;
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.defaults(args)?;
                let qual = self.qualname_for("<lambda>");
                let prefix = self.child_prefix(ScopeKind::Function, &qual);
                self.push(
                    ScopeKind::Function,
                    Rc::from("<lambda>"),
                    e as *const Expr as usize,
                    prefix,
                );
                self.params(args)?;
                self.expr(body)?;
                self.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
                self.exprs(items)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", &[elt], generators)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", &[elt], generators)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", &[elt], generators)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", &[key, value], generators)?,
            ExprKind::Await(v) => {
                let scope = self.cur();
                match scope.kind {
                    ScopeKind::Function if scope.is_coroutine => {}
                    ScopeKind::Comprehension => {}
                    ScopeKind::Function => return err("'await' outside async function", e.span),
                    _ => return err("'await' outside function", e.span),
                }
                self.expr(v)?;
            }
            ExprKind::Yield(v) => {
                self.mark_generator(e.span, "yield")?;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.mark_generator(e.span, "yield from")?;
                self.expr(v)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(s) = format_spec {
                    self.expr(s)?;
                }
            }
            ExprKind::JoinedStr(parts) => self.exprs(parts)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred(v) => self.expr(v)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, span: Span, what: &str) -> Result<(), ScopeError> {
        let scope = self.cur();
        match scope.kind {
            ScopeKind::Function => {
                if scope.is_coroutine && what == "yield from" {
                    return err("'yield from' inside async function", span);
                }
                scope.is_generator = true;
                Ok(())
            }
            ScopeKind::Comprehension => {
                let kind = match &*scope.name {
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    "<genexpr>" => "generator expression",
                    _ => "list comprehension",
                };
                err(
                    &format!("'{}' inside {kind}", what.split(' ').next().unwrap_or(what)),
                    span,
                )
            }
            _ => err(
                &format!(
                    "'{}' outside function",
                    what.split(' ').next().unwrap_or(what)
                ),
                span,
            ),
        }
    }

    fn comprehension(
        &mut self,
        node: &Expr,
        name: &str,
        elts: &[&Expr],
        generators: &[Comprehension],
    ) -> Result<(), ScopeError> {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = generators.first() {
            self.expr(&first.iter)?;
        }
        let qual = self.qualname_for(name);
        let prefix = self.child_prefix(ScopeKind::Function, &qual);
        self.push(
            ScopeKind::Comprehension,
            Rc::from(name),
            node as *const Expr as usize,
            prefix,
        );
        let dot0: Name = Rc::from(".0");
        self.add(&dot0, use_flags::PARAM, node.span)?;
        self.cur().params.push(dot0);
        if name == "<genexpr>" {
            self.cur().is_generator = true;
        }
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            self.exprs(&g.ifs)?;
            if g.is_async {
                self.cur().is_coroutine = true;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.pop();
        Ok(())
    }
}
