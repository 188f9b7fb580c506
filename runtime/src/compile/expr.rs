//! Expressions to bytecode.
//!
//! Every instruction gets the span of the expression that produced it: a child restores its
//! parent's span when it finishes, so a call's `Call` instruction carries the whole call's
//! span, as in CPython 3.11.

use std::rc::Rc;

use crate::bytecode::Op;
use crate::object::bytes::PyBytes;
use crate::object::str::PyStr;
use crate::object::tuple::PyTuple;
use crate::object::value::Value;
use crate::syntax::ast::*;

use super::{unsupported, CResult, CompileError, Compiler};

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) -> CResult<()> {
        let saved = self.unit().span;
        self.unit().span = e.span;
        let r = self.expr_inner(e);
        self.unit().span = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        match &e.kind {
            ExprKind::Constant(c) => {
                let v = constant_value(c, e.span)?;
                self.unit().load_const(v);
            }
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::BoolOp { op, values } => {
                let end = self.unit().new_label();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        match op {
                            BoolOp::And => self.emit(Op::JumpIfFalseOrPop(end.0)),
                            BoolOp::Or => self.emit(Op::JumpIfTrueOrPop(end.0)),
                        }
                    }
                }
                self.unit().bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Copy(1));
                self.store_name(target);
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Op::BinaryOp(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                if let (UnaryOp::USub, ExprKind::Constant(c)) = (op, &operand.kind) {
                    if let Some(v) = negate_constant(c) {
                        self.unit().load_const(v);
                        return Ok(());
                    }
                }
                self.expr(operand)?;
                self.emit(match op {
                    UnaryOp::Invert => Op::UnaryInvert,
                    UnaryOp::Not => Op::UnaryNot,
                    UnaryOp::UAdd => Op::UnaryPos,
                    UnaryOp::USub => Op::UnaryNeg,
                });
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let else_label = self.unit().new_label();
                let end = self.unit().new_label();
                self.jump_if(test, false, else_label)?;
                self.expr(body)?;
                self.emit(Op::Jump(end.0));
                self.unit().bind(else_label);
                self.expr(orelse)?;
                self.unit().bind(end);
            }
            ExprKind::Dict { keys, values } => {
                if keys.iter().all(Option::is_some) {
                    for (k, v) in keys.iter().zip(values) {
                        if let Some(k) = k {
                            self.expr(k)?;
                        }
                        self.expr(v)?;
                    }
                    self.emit(Op::BuildMap(values.len() as u32));
                } else {
                    self.emit(Op::BuildMap(0));
                    for (k, v) in keys.iter().zip(values) {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Op::MapAdd(1));
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Op::DictUpdate(1));
                            }
                        }
                    }
                }
            }
            ExprKind::Set(items) => match super::constset::folded_set(items) {
                Some(folded) => {
                    self.emit(Op::BuildSet(0));
                    self.unit().load_const(folded);
                    self.emit(Op::SetUpdate(1));
                }
                None => self.sequence(items, Op::BuildSet, Op::SetAdd(1), Op::SetUpdate(1))?,
            },
            ExprKind::List(items) => {
                self.sequence(items, Op::BuildList, Op::ListAppend(1), Op::ListExtend(1))?
            }
            ExprKind::Tuple(items) => {
                if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    self.sequence(items, Op::BuildList, Op::ListAppend(1), Op::ListExtend(1))?;
                    self.emit(Op::ListToTuple);
                } else if let Some(v) = constant_tuple(items) {
                    self.unit().load_const(v);
                } else {
                    for i in items {
                        self.expr(i)?;
                    }
                    self.emit(Op::BuildTuple(items.len() as u32));
                }
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
                self.expr(v)?;
                self.emit(Op::GetAwaitable);
                self.unit().load_const(Value::None);
                self.emit(Op::YieldFrom);
            }
            ExprKind::Yield(v) => {
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.unit().load_const(Value::None),
                }
                self.emit(Op::Yield);
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.emit(Op::GetYieldFromIter);
                self.unit().load_const(Value::None);
                self.emit(Op::YieldFrom);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                let mut flags = match conversion {
                    None => 0,
                    Some('s') => 1,
                    Some('r') => 2,
                    Some('a') => 3,
                    Some(c) => {
                        return Err(CompileError::Syntax {
                            msg: format!("f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"),
                            span: e.span,
                        })
                    }
                };
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    flags |= 4;
                }
                self.emit(Op::FormatValue(flags));
            }
            ExprKind::JoinedStr(parts) => {
                if parts.is_empty() {
                    self.unit().load_const(Value::str(""));
                } else {
                    for p in parts {
                        self.expr(p)?;
                    }
                    if parts.len() > 1 || !matches!(parts[0].kind, ExprKind::Constant(_)) {
                        self.emit(Op::BuildString(parts.len() as u32));
                    }
                }
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.unit().name_index(attr);
                self.unit().span = self.attr_span(e.span, attr);
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.check_subscript(value, slice);
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.emit(Op::Subscr);
            }
            ExprKind::Starred(_) => {
                return Err(CompileError::Syntax {
                    msg: "can't use starred expression here".into(),
                    span: e.span,
                })
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.unit().load_const(Value::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => self.emit(Op::BuildSlice(2)),
                }
            }
        }
        Ok(())
    }

    /// The key of a subscript: a slice becomes a slice object.
    pub(super) fn subscript_key(&mut self, key: &'a Expr) -> CResult<()> {
        self.expr(key)
    }

    /// Builds a list, set or tuple display, with `*iterable` entries spliced in.
    fn sequence(
        &mut self,
        items: &'a [Expr],
        build: fn(u32) -> Op,
        add: Op,
        extend: Op,
    ) -> CResult<()> {
        if !items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
            for i in items {
                self.expr(i)?;
            }
            self.emit(build(items.len() as u32));
            return Ok(());
        }
        self.emit(build(0));
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(extend);
                }
                _ => {
                    self.expr(i)?;
                    self.emit(add);
                }
            }
        }
        Ok(())
    }

    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> CResult<()> {
        self.check_compare(left, ops, comparators);
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&comparators[0])?;
            self.emit(Op::Compare(ops[0]));
            return Ok(());
        }
        let cleanup = self.unit().new_label();
        let end = self.unit().new_label();
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            self.expr(right)?;
            if i + 1 < ops.len() {
                self.emit(Op::Swap(2));
                self.emit(Op::Copy(2));
                self.emit(Op::Compare(*op));
                self.emit(Op::JumpIfFalseOrPop(cleanup.0));
            } else {
                self.emit(Op::Compare(*op));
            }
        }
        self.emit(Op::Jump(end.0));
        self.unit().bind(cleanup);
        self.emit(Op::Swap(2));
        self.emit(Op::Pop);
        self.unit().bind(end);
        Ok(())
    }

    fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult<()> {
        self.check_caller(func);
        let span = self.unit().span;
        let call_span = self.call_span(span, func, args, keywords);
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let has_dstar = keywords.iter().any(|k| k.arg.is_none());
        // super() with no arguments: pass the class cell and the first argument explicitly.
        if let (ExprKind::Name(n), true, true) = (&func.kind, args.is_empty(), keywords.is_empty())
        {
            if &**n == "super" && self.zero_arg_super()? {
                return Ok(());
            }
        }
        if has_star || has_dstar {
            self.expr(func)?;
            if !has_star {
                for a in args {
                    self.expr(a)?;
                }
                self.emit(Op::BuildTuple(args.len() as u32));
            } else {
                self.sequence(args, Op::BuildList, Op::ListAppend(1), Op::ListExtend(1))?;
                self.emit(Op::ListToTuple);
            }
            let has_kwargs = !keywords.is_empty();
            if has_kwargs {
                self.emit(Op::BuildMap(0));
                for k in keywords {
                    match &k.arg {
                        Some(name) => {
                            self.unit().load_const(Value::str(name));
                            self.expr(&k.value)?;
                            self.emit(Op::MapAdd(1));
                        }
                        None => {
                            self.expr(&k.value)?;
                            self.emit(Op::DictMerge(1));
                        }
                    }
                }
            }
            self.emit(Op::CallEx(has_kwargs as u32));
            return Ok(());
        }
        if let (ExprKind::Attribute { value, attr }, true) = (&func.kind, keywords.is_empty()) {
            self.expr(value)?;
            let i = self.unit().name_index(attr);
            self.unit().span = self.attr_span(func.span, attr);
            self.emit(Op::LoadMethod(i));
            for a in args {
                self.expr(a)?;
            }
            self.unit().span = call_span;
            self.emit(Op::CallMethod(args.len() as u32));
            return Ok(());
        }
        self.expr(func)?;
        for a in args {
            self.expr(a)?;
        }
        self.unit().span = call_span;
        if keywords.is_empty() {
            self.emit(Op::Call(args.len() as u32));
        } else {
            for k in keywords {
                self.expr(&k.value)?;
            }
            let names: Vec<Value> = keywords
                .iter()
                .map(|k| Value::Str(PyStr::intern(k.arg.as_deref().unwrap_or(""))))
                .collect();
            self.unit().load_const(Value::Tuple(PyTuple::new(names)));
            self.emit(Op::CallKw((args.len() + keywords.len()) as u32));
        }
        Ok(())
    }

    /// Compiles `super()` inside a method as `super(__class__, <first argument>)`. Returns
    /// false when `super` is not the builtin or there is no enclosing class (the call then
    /// raises at run time, as in CPython).
    fn zero_arg_super(&mut self) -> CResult<bool> {
        let kind = self.scope_kind();
        if kind != super::ScopeKind::Function {
            return Ok(false);
        }
        if !matches!(self.resolve("super"), super::Resolution::GlobalImplicit) {
            return Ok(false);
        }
        let scope = self.units.last().map(|u| u.scope).unwrap_or(0);
        let first = self.table.scopes[scope].params.first().cloned();
        if !self.unit().has_slot("__class__") {
            return Ok(false);
        }
        let Some(first) = first else {
            return Ok(false);
        };
        self.load_name("super");
        let class_slot = self.unit().slot("__class__");
        self.emit(Op::LoadDeref(class_slot));
        self.load_name(&first);
        self.emit(Op::Call(2));
        Ok(true)
    }
}

/// The runtime value of a literal.
pub(super) fn constant_value(c: &Constant, span: Span) -> CResult<Value> {
    Ok(match c {
        Constant::None => Value::None,
        Constant::True => Value::Bool(true),
        Constant::False => Value::Bool(false),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => Value::from_bigint((**b).clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Imaginary(_) => return unsupported("complex numbers", span),
        Constant::Str(s) => Value::Str(PyStr::new(s)),
        Constant::Bytes(b) => Value::Bytes(Rc::new(PyBytes::new(b.to_vec()))),
    })
}

fn negate_constant(c: &Constant) -> Option<Value> {
    Some(match c {
        Constant::Int(i) => match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::from_bigint(-num_bigint::BigInt::from(*i)),
        },
        Constant::BigInt(b) => Value::from_bigint(-(**b).clone()),
        Constant::Float(f) => Value::Float(-f),
        _ => return None,
    })
}

/// A tuple display of constants, folded into one constant as CPython does.
fn constant_tuple(items: &[Expr]) -> Option<Value> {
    if items.is_empty() {
        return Some(Value::Tuple(PyTuple::empty()));
    }
    let mut values = Vec::with_capacity(items.len());
    for i in items {
        match &i.kind {
            ExprKind::Constant(c) if !matches!(c, Constant::Imaginary(_)) => {
                values.push(constant_value(c, i.span).ok()?)
            }
            _ => return None,
        }
    }
    Some(Value::tuple(values))
}
