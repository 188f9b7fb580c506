//! Statements to bytecode: assignments, control flow, `try`, `with`, imports.
//!
//! `try`, `with` and loops push an `FBlock` while their bodies compile, so `break`, `continue`
//! and `return` can unwind through them: popping loop iterators, running `finally` bodies
//! inline, calling `__exit__`, restoring the handled exception. The layout of handlers follows
//! CPython 3.11's compiler (`compiler_try_except`, `compiler_try_finally`, `compiler_with`).

use std::rc::Rc;

use crate::bytecode::Op;
use crate::object::value::Value;
use crate::syntax::ast::*;

use super::unit::FBlock;
use super::{unsupported, CResult, CompileError, Compiler};

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.unit().span = s.span;
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Copy(1));
                    }
                    self.assign(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.assign(target)?;
                }
                let in_namespace = matches!(
                    self.scope_kind(),
                    super::ScopeKind::Module | super::ScopeKind::Class
                );
                if in_namespace {
                    if let (true, ExprKind::Name(name)) = (*simple, &target.kind) {
                        self.emit(Op::SetupAnnotations);
                        self.expr(annotation)?;
                        let i = self.unit().name_index("__annotations__");
                        self.emit(Op::LoadName(i));
                        self.unit().load_const(Value::str(name));
                        self.emit(Op::StoreSubscr);
                    } else {
                        self.expr(annotation)?;
                        self.emit(Op::Pop);
                    }
                }
            }
            StmtKind::If { test, body, orelse } => {
                let end = self.unit().new_label();
                let orelse_label = self.unit().new_label();
                self.jump_if(test, false, orelse_label)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    if !self.unit().last_is_terminal() {
                        self.emit(Op::Jump(end.0));
                    }
                    self.unit().bind(orelse_label);
                    self.stmts(orelse)?;
                } else {
                    self.unit().bind(orelse_label);
                }
                self.unit().bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                let top = self.unit().new_label();
                let end = self.unit().new_label();
                let orelse_label = self.unit().new_label();
                self.unit().bind(top);
                if !is_true_constant(test) {
                    self.jump_if(test, false, orelse_label)?;
                }
                self.push_fblock(FBlock::While { start: top, end });
                self.stmts(body)?;
                self.pop_fblock();
                self.unit().span = s.span;
                self.emit(Op::JumpBackward(top.0));
                self.unit().bind(orelse_label);
                self.stmts(orelse)?;
                self.unit().bind(end);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    return unsupported("'async for'", s.span);
                }
                let top = self.unit().new_label();
                let end = self.unit().new_label();
                let orelse_label = self.unit().new_label();
                self.expr(iter)?;
                self.unit().span = s.span;
                self.emit(Op::GetIter);
                self.unit().bind(top);
                self.emit(Op::ForIter(orelse_label.0));
                self.assign(target)?;
                self.push_fblock(FBlock::For { start: top, end });
                self.stmts(body)?;
                self.pop_fblock();
                self.unit().span = s.span;
                self.emit(Op::JumpBackward(top.0));
                self.unit().bind(orelse_label);
                self.stmts(orelse)?;
                self.unit().bind(end);
            }
            StmtKind::Break => self.break_continue(true, s.span)?,
            StmtKind::Continue => self.break_continue(false, s.span)?,
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {
                self.emit(Op::Nop);
            }
            StmtKind::FunctionDef(f) => self.function_def(f, s.span)?,
            StmtKind::ClassDef(c) => self.class_def(c, s.span)?,
            StmtKind::Return(value) => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.unit().load_const(Value::None),
                }
                self.unit().span = s.span;
                self.unwind_fblocks(true, None)?;
                self.emit(Op::Return);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                if matches!(&test.kind, ExprKind::Tuple(items) if !items.is_empty()) {
                    self.warn(
                        "assertion is always true, perhaps remove parentheses?",
                        s.span,
                    );
                }
                let end = self.unit().new_label();
                // The failure path stays where `jump_if` leaves the location: on the last
                // comparison of the test, else on the statement.
                self.jump_if(test, true, end)?;
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.unit().bind(end);
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.unit().span = s.span;
                self.emit(Op::Raise(n));
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    return unsupported("'async with'", s.span);
                }
                self.with(items, body, s.span)?;
            }
            StmtKind::Import(names) => {
                // Every instruction of an import statement is located at the whole statement.
                for alias in names {
                    self.unit().load_const(Value::Int(0));
                    let fromlist = if alias.asname.is_some() {
                        Value::Bool(true)
                    } else {
                        Value::None
                    };
                    self.unit().load_const(fromlist);
                    let i = self.unit().name_index(&alias.name);
                    self.emit(Op::ImportName(i));
                    match &alias.asname {
                        Some(a) => self.store_name(a),
                        None => {
                            let first = alias
                                .name
                                .split('.')
                                .next()
                                .unwrap_or(&alias.name)
                                .to_string();
                            self.store_name(&first);
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                if *level > 0 {
                    return unsupported("relative import", s.span);
                }
                let module = module.clone().unwrap_or_else(|| Rc::from(""));
                self.unit().load_const(Value::Int(*level as i64));
                let fromlist: Vec<Value> = names.iter().map(|a| Value::str(&a.name)).collect();
                self.unit().load_const(Value::tuple(fromlist));
                let i = self.unit().name_index(&module);
                self.emit(Op::ImportName(i));
                for alias in names {
                    if &*alias.name == "*" {
                        self.emit(Op::ImportStar);
                        return Ok(());
                    }
                    let i = self.unit().name_index(&alias.name);
                    self.emit(Op::ImportFrom(i));
                    let bound = alias.asname.clone().unwrap_or_else(|| alias.name.clone());
                    self.store_name(&bound);
                }
                self.emit(Op::Pop);
            }
        }
        Ok(())
    }

    /// Stores the top of the stack into an assignment target.
    pub(super) fn assign(&mut self, t: &'a Expr) -> CResult<()> {
        let saved = self.unit().span;
        self.unit().span = t.span;
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.unit().span = self.attr_span(t.span, attr);
                let i = self.unit().name_index(attr);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.unit().span = t.span;
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    Some(pos) => {
                        if items[pos + 1..]
                            .iter()
                            .any(|e| matches!(e.kind, ExprKind::Starred(_)))
                        {
                            return Err(CompileError::Syntax {
                                msg: "multiple starred expressions in assignment".into(),
                                span: t.span,
                            });
                        }
                        let after = items.len() - pos - 1;
                        if pos >= 256 || after >= (1 << 16) {
                            return unsupported("this many targets", t.span);
                        }
                        self.emit(Op::UnpackEx(pos as u32 | (after as u32) << 16));
                    }
                    None => self.emit(Op::UnpackSequence(items.len() as u32)),
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.assign(inner)?,
                        _ => self.assign(item)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(CompileError::Syntax {
                    msg: "starred assignment target must be in a list or tuple".into(),
                    span: t.span,
                })
            }
            _ => {
                return Err(CompileError::Syntax {
                    msg: "cannot assign to expression".into(),
                    span: t.span,
                })
            }
        }
        self.unit().span = saved;
        Ok(())
    }

    /// `target op= value`, located as CPython's `compiler_augassign` locates it: loading and
    /// storing the target at the target (an attribute at its name when it spans lines), the
    /// operation at the whole statement.
    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> CResult<()> {
        let stmt_span = self.unit().span;
        match &target.kind {
            ExprKind::Name(n) => {
                self.unit().span = target.span;
                self.load_name(n);
                self.expr(value)?;
                self.unit().span = stmt_span;
                self.emit(Op::InplaceOp(op));
                self.unit().span = target.span;
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.unit().span = target.span;
                self.expr(obj)?;
                self.emit(Op::Copy(1));
                let i = self.unit().name_index(attr);
                self.unit().span = self.attr_span(target.span, attr);
                self.emit(Op::LoadAttr(i));
                self.unit().span = stmt_span;
                self.expr(value)?;
                self.emit(Op::InplaceOp(op));
                self.unit().span = self.attr_span(target.span, attr);
                self.emit(Op::Swap(2));
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.unit().span = target.span;
                self.expr(obj)?;
                self.subscript_key(slice)?;
                self.emit(Op::Copy(2));
                self.emit(Op::Copy(2));
                self.emit(Op::Subscr);
                self.unit().span = stmt_span;
                self.expr(value)?;
                self.emit(Op::InplaceOp(op));
                self.unit().span = target.span;
                self.emit(Op::Swap(3));
                self.emit(Op::Swap(2));
                self.emit(Op::StoreSubscr);
            }
            _ => {
                return Err(CompileError::Syntax {
                    msg: "'expression' is an illegal expression for augmented assignment".into(),
                    span: target.span,
                })
            }
        }
        Ok(())
    }

    fn delete(&mut self, t: &'a Expr) -> CResult<()> {
        self.unit().span = t.span;
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.unit().span = self.attr_span(t.span, attr);
                let i = self.unit().name_index(attr);
                self.emit(Op::DeleteAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.unit().span = t.span;
                self.emit(Op::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => {
                return Err(CompileError::Syntax {
                    msg: "cannot delete expression".into(),
                    span: t.span,
                })
            }
        }
        Ok(())
    }

    fn break_continue(&mut self, is_break: bool, span: crate::syntax::ast::Span) -> CResult<()> {
        let loop_index = self
            .unit()
            .fblocks
            .iter()
            .rposition(|b| matches!(b, FBlock::While { .. } | FBlock::For { .. }));
        let Some(loop_index) = loop_index else {
            let msg = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(CompileError::Syntax {
                msg: msg.into(),
                span,
            });
        };
        self.unit().span = span;
        self.unwind_fblocks(false, Some(loop_index + 1))?;
        let target = self.unit().fblocks[loop_index].clone();
        match (target, is_break) {
            (FBlock::For { end, .. }, true) => {
                self.emit(Op::Pop);
                self.emit(Op::Jump(end.0));
            }
            (FBlock::While { end, .. }, true) => self.emit(Op::Jump(end.0)),
            (FBlock::For { start, .. } | FBlock::While { start, .. }, false) => {
                self.emit(Op::JumpBackward(start.0))
            }
            _ => {}
        }
        Ok(())
    }

    /// Emits the code that leaves every block above `stop` (all blocks for `None`), innermost
    /// first. With `preserve`, the value on top of the stack (a return value) is kept on top.
    pub(super) fn unwind_fblocks(&mut self, preserve: bool, stop: Option<usize>) -> CResult<()> {
        let stop = stop.unwrap_or(0);
        let mut suspended: Vec<(u32, Option<usize>)> = Vec::new();
        let saved_blocks = self.unit().fblocks.clone();
        while self.unit().fblocks.len() > stop {
            let Some(block) = self.unit().fblocks.pop() else {
                break;
            };
            self.unwind_one(&block, preserve, &mut suspended)?;
            if matches!(block, FBlock::While { .. } | FBlock::For { .. }) && stop > 0 {
                // Only reached for return (stop == 0): loops below the target are left too.
            }
        }
        self.unit().fblocks = saved_blocks;
        for (id, pos) in suspended.into_iter().rev() {
            self.unit().resume_handler(id, pos);
        }
        Ok(())
    }

    fn unwind_one(
        &mut self,
        block: &FBlock,
        preserve: bool,
        suspended: &mut Vec<(u32, Option<usize>)>,
    ) -> CResult<()> {
        match block {
            FBlock::While { .. } => {}
            FBlock::For { .. } => {
                if preserve {
                    self.emit(Op::Swap(2));
                }
                self.emit(Op::Pop);
            }
            FBlock::TryExcept { handler } => {
                let pos = self.unit().suspend_handler(*handler);
                suspended.push((*handler, pos));
            }
            FBlock::FinallyTry { handler, body } => {
                let pos = self.unit().suspend_handler(*handler);
                suspended.push((*handler, pos));
                let body = self.finally_bodies[*body];
                if preserve {
                    self.push_fblock(FBlock::PopValue);
                }
                let span = self.unit().span;
                self.stmts(body)?;
                self.unit().span = span;
                if preserve {
                    self.pop_fblock();
                }
            }
            FBlock::FinallyEnd { handler } => {
                let pos = self.unit().suspend_handler(*handler);
                suspended.push((*handler, pos));
                if preserve {
                    self.emit(Op::Swap(2));
                }
                self.emit(Op::Pop);
                if preserve {
                    self.emit(Op::Swap(2));
                }
                self.emit(Op::PopExcept);
            }
            FBlock::With { handler, span } => {
                let pos = self.unit().suspend_handler(*handler);
                suspended.push((*handler, pos));
                let saved = self.unit().span;
                self.unit().span = *span;
                if preserve {
                    self.emit(Op::Swap(2));
                }
                self.call_exit_none();
                self.unit().span = saved;
            }
            FBlock::HandlerCleanup {
                handler,
                cleanup,
                name,
            } => {
                if let Some(h) = handler {
                    let pos = self.unit().suspend_handler(*h);
                    suspended.push((*h, pos));
                }
                let pos = self.unit().suspend_handler(*cleanup);
                suspended.push((*cleanup, pos));
                if let Some(n) = name {
                    self.unit().load_const(Value::None);
                    self.store_name(n);
                    self.delete_name(n);
                }
                if preserve {
                    self.emit(Op::Swap(2));
                }
                self.emit(Op::PopExcept);
            }
            FBlock::PopValue => {
                if preserve {
                    self.emit(Op::Swap(2));
                }
                self.emit(Op::Pop);
            }
        }
        Ok(())
    }

    /// `[exit] -> []`: calls `exit(None, None, None)` and drops the result.
    fn call_exit_none(&mut self) {
        self.unit().load_const(Value::None);
        self.unit().load_const(Value::None);
        self.unit().load_const(Value::None);
        self.emit(Op::Call(3));
        self.emit(Op::Pop);
    }

    /// `[prev exc] -> raise exc after restoring prev`: the cleanup every handler body shares.
    fn emit_cleanup_reraise(&mut self) {
        self.emit(Op::Swap(2));
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        let span = self.unit().span;
        let handler_label = self.unit().new_label();
        let end = self.unit().new_label();
        let h = self.unit().push_handler(handler_label, 0);
        self.push_fblock(FBlock::TryExcept { handler: h });
        self.stmts(body)?;
        self.pop_fblock();
        self.unit().pop_handler();
        self.stmts(orelse)?;
        if !self.unit().last_is_terminal() {
            self.emit(Op::Jump(end.0));
        }

        // [exc] on entry.
        self.unit().bind(handler_label);
        self.unit().span = span;
        self.emit(Op::PushExcInfo);
        let cleanup = self.unit().new_label();
        let hc = self.unit().push_handler(cleanup, -1);
        for handler in handlers {
            // CPython locates a handler's instructions at the whole clause, body included.
            let clause = match handler.body.last() {
                Some(last) => handler.span.to(last.span),
                None => handler.span,
            };
            self.unit().span = clause;
            let next = self.unit().new_label();
            if let Some(t) = &handler.typ {
                self.expr(t)?;
                self.emit(Op::CheckExcMatch);
                self.emit(Op::PopJumpIfFalse(next.0));
            }
            match &handler.name {
                Some(name) => {
                    self.store_name(name);
                    let named_cleanup = self.unit().new_label();
                    let hn = self.unit().push_handler(named_cleanup, 0);
                    self.push_fblock(FBlock::HandlerCleanup {
                        handler: Some(hn),
                        cleanup: hc,
                        name: Some(name.clone()),
                    });
                    self.stmts(&handler.body)?;
                    self.pop_fblock();
                    self.unit().pop_handler();
                    self.unit().span = handler.span;
                    if !self.unit().last_is_terminal() {
                        self.unit().load_const(Value::None);
                        self.store_name(name);
                        self.delete_name(name);
                        self.emit(Op::PopExcept);
                        self.emit(Op::Jump(end.0));
                    }
                    // [prev exc2]: clear the name, then re-raise through the outer cleanup.
                    self.unit().bind(named_cleanup);
                    self.unit().load_const(Value::None);
                    self.store_name(name);
                    self.delete_name(name);
                    self.emit(Op::Reraise);
                }
                None => {
                    self.emit(Op::Pop);
                    self.push_fblock(FBlock::HandlerCleanup {
                        handler: None,
                        cleanup: hc,
                        name: None,
                    });
                    self.stmts(&handler.body)?;
                    self.pop_fblock();
                    self.unit().span = handler.span;
                    if !self.unit().last_is_terminal() {
                        self.emit(Op::PopExcept);
                        self.emit(Op::Jump(end.0));
                    }
                }
            }
            self.unit().bind(next);
        }
        self.unit().span = span;
        // No clause matched: re-raise; the cleanup handler restores the previous exception.
        self.emit(Op::Reraise);
        self.unit().pop_handler();
        self.unit().bind(cleanup);
        self.emit_cleanup_reraise();
        self.unit().bind(end);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult<()> {
        let span = self.unit().span;
        let handler_label = self.unit().new_label();
        let end = self.unit().new_label();
        let body_index = self.finally_bodies.len();
        self.finally_bodies.push(finalbody);
        let h = self.unit().push_handler(handler_label, 0);
        self.push_fblock(FBlock::FinallyTry {
            handler: h,
            body: body_index,
        });
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.pop_fblock();
        self.unit().pop_handler();
        if !self.unit().last_is_terminal() {
            self.stmts(finalbody)?;
            if !self.unit().last_is_terminal() {
                self.emit(Op::Jump(end.0));
            }
        }

        // [exc] on entry: run the finally body with exc as the handled exception, re-raise.
        self.unit().bind(handler_label);
        self.unit().span = span;
        self.emit(Op::PushExcInfo);
        let cleanup = self.unit().new_label();
        let hc = self.unit().push_handler(cleanup, -1);
        self.push_fblock(FBlock::FinallyEnd { handler: hc });
        self.stmts(finalbody)?;
        self.pop_fblock();
        self.unit().span = span;
        if !self.unit().last_is_terminal() {
            self.emit(Op::Reraise);
        }
        self.unit().pop_handler();
        self.unit().bind(cleanup);
        self.emit_cleanup_reraise();
        self.unit().bind(end);
        Ok(())
    }

    fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt], span: Span) -> CResult<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler_label = self.unit().new_label();
        let end = self.unit().new_label();
        self.expr(&item.context_expr)?;
        self.unit().span = span;
        self.emit(Op::BeforeWith);
        // The handler unwinds to [exit], below the __enter__ result still on the stack.
        let h = self.unit().push_handler(handler_label, -1);
        match &item.optional_vars {
            Some(target) => self.assign(target)?,
            None => self.emit(Op::Pop),
        }
        self.push_fblock(FBlock::With { handler: h, span });
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with(rest, body, span)?;
        }
        self.pop_fblock();
        self.unit().pop_handler();
        self.unit().span = span;
        if !self.unit().last_is_terminal() {
            self.call_exit_none();
            self.emit(Op::Jump(end.0));
        }

        // [exit exc] on entry.
        self.unit().bind(handler_label);
        self.unit().span = span;
        self.emit(Op::PushExcInfo);
        let cleanup = self.unit().new_label();
        self.unit().push_handler(cleanup, -1);
        self.emit(Op::WithExceptStart);
        let suppress = self.unit().new_label();
        self.emit(Op::PopJumpIfTrue(suppress.0));
        self.emit(Op::Reraise);
        self.unit().pop_handler();
        // [exit prev exc]: the exception is suppressed.
        self.unit().bind(suppress);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        self.emit(Op::Jump(end.0));
        self.unit().bind(cleanup);
        self.emit_cleanup_reraise();
        self.unit().bind(end);
        Ok(())
    }
}

fn is_true_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(Constant::True) => true,
        ExprKind::Constant(Constant::Int(i)) => *i != 0,
        _ => false,
    }
}
