//! Nodes that create code objects: `def`, `lambda`, `class` and comprehensions.
//!
//! Each compiles its body into a new `Unit`, then emits, in the enclosing unit, the
//! instructions that build the function: defaults, keyword-only defaults, the closure (the
//! enclosing scope's cells for the child's free variables), the code constant and
//! `MakeFunction`. Comprehensions are functions called at once with the first iterator, so
//! their frames show up in tracebacks as `<listcomp>` and `<genexpr>`, as in CPython 3.11.

use crate::bytecode::Op;
use crate::object::value::Value;
use crate::syntax::ast::*;

use super::symtable::ScopeKind;
use super::{internal, unsupported, CResult, Compiler};

impl<'a> Compiler<'a> {
    pub(super) fn function_def(&mut self, f: &'a FunctionDef, span: Span) -> CResult<()> {
        let scope = self
            .table
            .scope_of(f)
            .ok_or_else(|| internal("function scope missing"))?;
        if self.table.scopes[scope].is_coroutine && self.table.scopes[scope].is_generator {
            return unsupported(
                "an asynchronous generator ('yield' inside 'async def')",
                span,
            );
        }
        for d in &f.decorators {
            self.expr(d)?;
        }
        self.unit().span = span;
        let flags = self.defaults(&f.args)?;
        let first_line = match f.decorators.first() {
            Some(d) => self.line_of(d.span),
            None => self.line_of(f.header),
        };
        self.push_unit(scope, &f.name, first_line);
        self.set_args(&f.args);
        self.set_docstring(&f.body, false);
        if self.table.scopes[scope].is_generator || self.table.scopes[scope].is_coroutine {
            // A generator starts at its first line (the first decorator's, else the `def`'s),
            // without columns: that is where an exception thrown into a just-created
            // generator is raised, and what `gi_frame.f_lineno` says.
            let start = match f.decorators.first() {
                Some(d) => d.span.start,
                None => f.header.start,
            };
            self.unit().span = Span { start, end: start };
            self.emit(Op::Nop);
        }
        self.stmts(&f.body)?;
        self.finish_function(scope, flags, span)?;
        self.apply_decorators(&f.decorators);
        self.unit().span = span;
        self.store_name(&f.name);
        Ok(())
    }

    pub(super) fn lambda(
        &mut self,
        e: &'a Expr,
        args: &'a Arguments,
        body: &'a Expr,
    ) -> CResult<()> {
        let scope = self
            .table
            .scope_of(e)
            .ok_or_else(|| internal("lambda scope missing"))?;
        let flags = self.defaults(args)?;
        let line = self.line_of(e.span);
        self.push_unit(scope, "<lambda>", line);
        self.set_args(args);
        self.unit().span = body.span;
        self.expr(body)?;
        if !self.table.scopes[scope].is_generator {
            self.emit(Op::Return);
        } else {
            self.emit(Op::Pop);
        }
        self.finish_function(scope, flags, e.span)
    }

    /// Emits the positional and keyword-only defaults; returns the `MakeFunction` flags.
    fn defaults(&mut self, args: &'a Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(args.defaults.len() as u32));
            flags |= 1;
        }
        let kw: Vec<(&Arg, &Expr)> = args
            .kwonly
            .iter()
            .zip(&args.kw_defaults)
            .filter_map(|(a, d)| d.as_ref().map(|d| (a, d)))
            .collect();
        if !kw.is_empty() {
            for (a, d) in &kw {
                self.unit().load_const(Value::str(&a.name));
                self.expr(d)?;
            }
            self.emit(Op::BuildMap(kw.len() as u32));
            flags |= 2;
        }
        Ok(flags)
    }

    fn set_args(&mut self, args: &Arguments) {
        let u = self.unit();
        u.posonlyargcount = args.posonly.len() as u32;
        u.argcount = (args.posonly.len() + args.args.len()) as u32;
        u.kwonlyargcount = args.kwonly.len() as u32;
        if args.vararg.is_some() {
            u.flags |= crate::bytecode::flags::VARARGS;
        }
        if args.kwarg.is_some() {
            u.flags |= crate::bytecode::flags::VARKEYWORDS;
        }
    }

    /// Closes the child unit and emits the closure, code and `MakeFunction` in the parent.
    fn finish_function(&mut self, scope: usize, mut flags: u32, span: Span) -> CResult<()> {
        let code = self.pop_unit()?;
        self.unit().span = span;
        let free = self.table.scopes[scope].free_names();
        if !free.is_empty() {
            for name in &free {
                let slot = self.unit().slot(name);
                self.emit(Op::LoadClosure(slot));
            }
            self.emit(Op::BuildTuple(free.len() as u32));
            flags |= 8;
        }
        self.unit().load_const(code);
        self.emit(Op::MakeFunction(flags));
        Ok(())
    }

    pub(super) fn class_def(&mut self, c: &'a ClassDef, span: Span) -> CResult<()> {
        let scope = self
            .table
            .scope_of(c)
            .ok_or_else(|| internal("class scope missing"))?;
        for d in &c.decorators {
            self.expr(d)?;
        }
        self.unit().span = span;
        self.emit(Op::LoadBuildClass);
        let first_line = match c.decorators.first() {
            Some(d) => self.line_of(d.span),
            None => self.line_of(c.header),
        };
        self.push_unit(scope, &c.name, first_line);
        self.unit().span = c.header;
        let module = self.unit().name_index("__name__");
        self.emit(Op::LoadName(module));
        let i = self.unit().name_index("__module__");
        self.emit(Op::StoreName(i));
        let qualname = self.table.scopes[scope].own_qualname.clone();
        self.unit().load_const(Value::str(&qualname));
        let i = self.unit().name_index("__qualname__");
        self.emit(Op::StoreName(i));
        self.set_docstring(&c.body, true);
        self.stmts(&c.body)?;
        self.unit().span = c.header;
        if self.table.scopes[scope].needs_class_cell {
            let slot = self.unit().slot("__class__");
            self.emit(Op::LoadClosure(slot));
            let i = self.unit().name_index("__classcell__");
            self.emit(Op::StoreName(i));
        }
        self.unit().load_const(Value::None);
        self.emit(Op::Return);
        self.finish_function(scope, 0, span)?;
        self.unit().load_const(Value::str(&c.name));
        let has_star = c
            .bases
            .iter()
            .any(|b| matches!(b.kind, ExprKind::Starred(_)));
        if has_star || c.keywords.iter().any(|k| k.arg.is_none()) {
            return unsupported("star arguments in a class definition", span);
        }
        for b in &c.bases {
            self.expr(b)?;
        }
        self.unit().span = span;
        if c.keywords.is_empty() {
            self.emit(Op::Call(2 + c.bases.len() as u32));
        } else {
            for k in &c.keywords {
                self.expr(&k.value)?;
            }
            let names: Vec<Value> = c
                .keywords
                .iter()
                .map(|k| Value::str(k.arg.as_deref().unwrap_or("")))
                .collect();
            self.unit().load_const(Value::tuple(names));
            self.emit(Op::CallKw((2 + c.bases.len() + c.keywords.len()) as u32));
        }
        self.apply_decorators(&c.decorators);
        self.unit().span = span;
        self.store_name(&c.name);
        Ok(())
    }

    /// Calls the decorators on the function or class on the stack, innermost first, each
    /// call located at its decorator expression (CPython's `compiler_apply_decorators`).
    fn apply_decorators(&mut self, decorators: &[Expr]) {
        for d in decorators.iter().rev() {
            self.unit().span = d.span;
            self.emit(Op::Call(1));
        }
    }

    pub(super) fn comprehension(
        &mut self,
        node: &'a Expr,
        name: &str,
        elts: &[&'a Expr],
        generators: &'a [Comprehension],
    ) -> CResult<()> {
        let scope = self
            .table
            .scope_of(node)
            .ok_or_else(|| internal("comprehension scope missing"))?;
        if generators.iter().any(|g| g.is_async) {
            return unsupported("an asynchronous comprehension", node.span);
        }
        let Some(first) = generators.first() else {
            return Err(internal("comprehension without 'for'"));
        };
        let line = self.line_of(node.span);
        self.push_unit(scope, name, line);
        self.unit().argcount = 1;
        self.unit().span = node.span;
        let depth = generators.len() as u32 + 1;
        match name {
            "<listcomp>" => self.emit(Op::BuildList(0)),
            "<setcomp>" => self.emit(Op::BuildSet(0)),
            "<dictcomp>" => self.emit(Op::BuildMap(0)),
            _ => {}
        }
        self.comprehension_loop(name, elts, generators, 0, depth)?;
        self.unit().span = node.span;
        if name == "<genexpr>" {
            self.unit().load_const(Value::None);
        }
        self.emit(Op::Return);
        debug_assert_eq!(self.table.scopes[scope].kind, ScopeKind::Comprehension);
        self.finish_function(scope, 0, node.span)?;
        self.expr(&first.iter)?;
        self.unit().span = node.span;
        self.emit(Op::GetIter);
        self.emit(Op::Call(1));
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        name: &str,
        elts: &[&'a Expr],
        generators: &'a [Comprehension],
        index: usize,
        depth: u32,
    ) -> CResult<()> {
        let g = &generators[index];
        let top = self.unit().new_label();
        let end = self.unit().new_label();
        // Everything but the parts' own expressions is at the current location: the whole
        // comprehension, until a comparison in an `if` moves it (see `jump_if`).
        if index == 0 {
            let slot = self.unit().slot(".0");
            self.emit(Op::LoadFast(slot));
        } else {
            self.expr(&g.iter)?;
            self.emit(Op::GetIter);
        }
        self.unit().bind(top);
        self.emit(Op::ForIter(end.0));
        self.assign(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, top)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_loop(name, elts, generators, index + 1, depth)?;
        } else {
            match name {
                "<listcomp>" => {
                    self.expr(elts[0])?;
                    self.emit(Op::ListAppend(depth));
                }
                "<setcomp>" => {
                    self.expr(elts[0])?;
                    self.emit(Op::SetAdd(depth));
                }
                "<dictcomp>" => {
                    self.expr(elts[0])?;
                    self.expr(elts[1])?;
                    self.emit(Op::MapAdd(depth));
                }
                _ => {
                    self.expr(elts[0])?;
                    self.emit(Op::Yield);
                    self.emit(Op::Pop);
                }
            }
        }
        self.emit(Op::JumpBackward(top.0));
        self.unit().bind(end);
        Ok(())
    }
}
