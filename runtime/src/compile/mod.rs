//! AST to bytecode.
//!
//! `compile` runs the scope analysis (`symtable.rs`), then walks the tree once, emitting
//! instructions into a stack of `Unit`s (one per function, class body or comprehension being
//! compiled). Statements are in `stmt.rs`, expressions in `expr.rs`, and the nodes that create
//! new code objects (functions, lambdas, classes, comprehensions) in `defs.rs`.
//!
//! The compiler reports scope errors as `SyntaxError` and constructs Coro does not support as
//! `NotImplementedError`, both with the span of the offending node.

mod constset;
mod defs;
mod expr;
mod locations;
mod stmt;
mod superinstructions;
pub mod symtable;
mod unit;
mod warnings;

use std::rc::Rc;

use crate::bytecode::{flags, Code, Op};
use crate::object::value::Value;
use crate::source::SourceFile;
use crate::syntax::ast::{Module, Span, Stmt, StmtKind};

use symtable::{Resolution, ScopeId, ScopeKind, SymbolTable};
use unit::{FBlock, Unit};

/// What kind of top-level code is compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A script: runs for its effects.
    Module,
    /// A notebook cell: the value of a final expression statement is returned.
    Cell,
}

/// Why a module could not be compiled.
#[derive(Clone, Debug)]
pub enum CompileError {
    /// A `SyntaxError` found after parsing (scope errors, misplaced `return` ...).
    Syntax { msg: String, span: Span },
    /// A construct Coro does not support; becomes `NotImplementedError`.
    NotImplemented { msg: String, span: Span },
}

type CResult<T> = Result<T, CompileError>;

fn unsupported<T>(what: &str, span: Span) -> CResult<T> {
    Err(CompileError::NotImplemented {
        msg: format!("{what} is not supported by Coro"),
        span,
    })
}

/// A `SyntaxWarning` found while compiling: its message and where.
#[derive(Clone, Debug)]
pub struct Warning {
    pub msg: String,
    pub span: Span,
}

/// Compiles a parsed module into its code object, with the warnings CPython's compiler gives.
pub fn compile(
    module: &Module,
    source: Rc<SourceFile>,
    mode: Mode,
) -> Result<(Rc<Code>, Vec<Warning>), CompileError> {
    let table = SymbolTable::build(module).map_err(|e| CompileError::Syntax {
        msg: e.msg,
        span: e.span,
    })?;
    let mut c = Compiler {
        table,
        source: source.clone(),
        units: Vec::new(),
        finally_bodies: Vec::new(),
        warnings: Vec::new(),
        imported: locations::imported_names(&module.body),
    };
    let mut unit = Unit::new(0, "<module>", "<module>", 1);
    unit.flags = flags::NAMESPACE;
    c.units.push(unit);
    c.set_docstring(&module.body, true);
    let body = &module.body;
    match (mode, body.split_last()) {
        (Mode::Cell, Some((last, rest))) if matches!(last.kind, StmtKind::Expr(_)) => {
            c.stmts(rest)?;
            if let StmtKind::Expr(e) = &last.kind {
                c.unit().span = last.span;
                c.expr(e)?;
                c.emit(Op::Return);
            }
        }
        _ => c.stmts(body)?,
    }
    let unit = c.units.pop().ok_or_else(|| internal("no unit"))?;
    let code = unit.finish(source).map_err(|m| internal(&m))?;
    Ok((Rc::new(code), c.warnings))
}

fn internal(msg: &str) -> CompileError {
    CompileError::NotImplemented {
        msg: format!("internal compiler error: {msg}"),
        span: Span::default(),
    }
}

struct Compiler<'a> {
    table: SymbolTable,
    source: Rc<SourceFile>,
    units: Vec<Unit>,
    /// `finally` bodies referenced by `FBlock::FinallyTry`, so `return` and `break` can inline
    /// them.
    finally_bodies: Vec<&'a [Stmt]>,
    warnings: Vec<Warning>,
    /// The names the module binds with `import` (see `locations.rs`).
    imported: std::collections::HashSet<Rc<str>>,
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a unit is always open")
    }

    fn emit(&mut self, op: Op) {
        self.unit().emit(op);
    }

    fn scope_kind(&self) -> ScopeKind {
        let id = self.units.last().map(|u| u.scope).unwrap_or(0);
        self.table.scopes[id].kind
    }

    fn resolve(&self, name: &str) -> Resolution {
        let id = self.units.last().map(|u| u.scope).unwrap_or(0);
        self.table.scopes[id].resolve(name)
    }

    /// Starts a new code unit for a scope and allocates its slots: parameters, then locals and
    /// cells in order of first appearance, then free variables.
    fn push_unit(&mut self, scope: ScopeId, name: &str, first_line: u32) {
        let s = &self.table.scopes[scope];
        let mut unit = Unit::new(scope, name, &s.own_qualname, first_line);
        match s.kind {
            ScopeKind::Module => unit.flags |= flags::NAMESPACE,
            ScopeKind::Class => {
                unit.flags |= flags::NAMESPACE | flags::CLASS_BODY;
                // Slot 0 holds the class namespace dict while the body runs.
                unit.slot(".namespace");
                if s.needs_class_cell {
                    let slot = unit.slot("__class__");
                    unit.cell_slots.push(slot);
                }
            }
            ScopeKind::Function | ScopeKind::Comprehension => {
                unit.flags |= flags::NESTED;
                for p in &s.params {
                    unit.slot(p);
                }
                for n in &s.order {
                    match s.symbols[n].resolution {
                        Resolution::Local | Resolution::Cell => {
                            unit.slot(n);
                        }
                        _ => {}
                    }
                }
                for n in &s.order {
                    if s.symbols[n].resolution == Resolution::Cell {
                        let slot = unit.slot(n);
                        unit.cell_slots.push(slot);
                    }
                }
            }
        }
        let free = s.free_names();
        unit.nfree = free.len() as u32;
        for n in &free {
            unit.slot(n);
        }
        if s.is_generator {
            unit.flags |= flags::GENERATOR;
        }
        if s.is_coroutine && s.kind == ScopeKind::Function {
            unit.flags |= flags::COROUTINE;
        }
        self.units.push(unit);
    }

    /// Finishes the innermost unit and returns its code as a constant value.
    fn pop_unit(&mut self) -> CResult<Value> {
        let unit = self
            .units
            .pop()
            .ok_or_else(|| internal("unit stack underflow"))?;
        let code = unit.finish(self.source.clone()).map_err(|m| internal(&m))?;
        Ok(Rc::new(code).object())
    }

    /// Records a leading docstring; for modules and classes it is also stored as `__doc__`.
    fn set_docstring(&mut self, body: &[Stmt], _namespace: bool) {
        if let Some(Stmt {
            kind: StmtKind::Expr(e),
            ..
        }) = body.first()
        {
            if let crate::syntax::ast::ExprKind::Constant(crate::syntax::ast::Constant::Str(s)) =
                &e.kind
            {
                self.unit().doc = Some(crate::object::str::PyStr::new(s));
            }
        }
    }

    fn line_of(&self, span: Span) -> u32 {
        self.source.line_of(span.start as usize)
    }

    fn load_name(&mut self, name: &str) {
        let res = self.resolve(name);
        let kind = self.scope_kind();
        let op = match (kind, res) {
            (_, Resolution::GlobalExplicit) => Op::LoadGlobal(self.unit().name_index(name)),
            (ScopeKind::Module, _) => Op::LoadName(self.unit().name_index(name)),
            (ScopeKind::Class, Resolution::Free) => Op::LoadClassDeref(self.unit().slot(name)),
            (ScopeKind::Class, _) => Op::LoadName(self.unit().name_index(name)),
            (_, Resolution::Local) => Op::LoadFast(self.unit().slot(name)),
            (_, Resolution::Cell | Resolution::Free) => Op::LoadDeref(self.unit().slot(name)),
            (_, Resolution::GlobalImplicit) => Op::LoadGlobal(self.unit().name_index(name)),
        };
        self.emit(op);
    }

    fn store_name(&mut self, name: &str) {
        let res = self.resolve(name);
        let kind = self.scope_kind();
        let op = match (kind, res) {
            (_, Resolution::GlobalExplicit) => Op::StoreGlobal(self.unit().name_index(name)),
            (ScopeKind::Class, Resolution::Free) => Op::StoreDeref(self.unit().slot(name)),
            (ScopeKind::Module | ScopeKind::Class, _) => {
                Op::StoreName(self.unit().name_index(name))
            }
            (_, Resolution::Local) => Op::StoreFast(self.unit().slot(name)),
            (_, Resolution::Cell | Resolution::Free) => Op::StoreDeref(self.unit().slot(name)),
            (_, Resolution::GlobalImplicit) => Op::StoreGlobal(self.unit().name_index(name)),
        };
        self.emit(op);
    }

    fn delete_name(&mut self, name: &str) {
        let res = self.resolve(name);
        let kind = self.scope_kind();
        let op = match (kind, res) {
            (_, Resolution::GlobalExplicit) => Op::DeleteGlobal(self.unit().name_index(name)),
            (ScopeKind::Module | ScopeKind::Class, _) => {
                Op::DeleteName(self.unit().name_index(name))
            }
            (_, Resolution::Local) => Op::DeleteFast(self.unit().slot(name)),
            (_, Resolution::Cell | Resolution::Free) => Op::DeleteDeref(self.unit().slot(name)),
            (_, Resolution::GlobalImplicit) => Op::DeleteGlobal(self.unit().name_index(name)),
        };
        self.emit(op);
    }

    fn push_fblock(&mut self, b: FBlock) {
        self.unit().fblocks.push(b);
    }

    fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }
}
