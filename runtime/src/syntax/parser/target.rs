//! Targets: what may stand left of `=`, after `for`, after `as` and after `del`.
//!
//! CPython has a separate target grammar (`star_targets`, `t_primary`, `del_targets`). Here a
//! target is parsed as a primary expression and then checked, which accepts exactly the same
//! texts: a name, an attribute, a subscript, or a parenthesized or bracketed list of targets
//! (with `*` where allowed). The AST is the same, since Coro's AST has no load/store context.
//!
//! This module also holds CPython's `_PyPegen_get_expr_name` and
//! `_PyPegen_get_invalid_target`, which word the "cannot assign to ..." messages.

use super::super::ast::*;
use super::super::token::TokenKind as T;
use super::{Fail, PResult, Parser};

/// Which kind of target a check is for (CPython's `TARGETS_TYPE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Targets {
    /// Assignment and `with ... as` targets.
    Star,
    /// `for` targets, where `a in b` was parsed as a comparison.
    For,
    /// `del` targets.
    Del,
}

impl<'s> Parser<'s> {
    /// star_targets: star_target !',' | star_target (',' star_target)* [',']
    pub(super) fn star_targets(&mut self) -> PResult<Expr> {
        let start = self.cur().span.start;
        let first = self.star_target()?;
        if !self.at(T::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma).is_some() {
            if !self.can_start_star_expression() {
                break;
            }
            match self.opt(|p| p.star_target())? {
                Some(t) => elts.push(t),
                None => break,
            }
        }
        Ok(Expr::new(ExprKind::Tuple(elts), self.span_from(start)))
    }

    /// star_target: '*' (!'*' star_target) | target_with_star_atom
    pub(super) fn star_target(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            let start = self.bump().span.start;
            if self.at(T::Star) {
                return Err(Fail::Syntax);
            }
            let inner = self.nested(|p| p.star_target())?;
            return Ok(Expr::new(
                ExprKind::Starred(Box::new(inner)),
                self.span_from(start),
            ));
        }
        let e = self.primary()?;
        if self.is_star_target_expr(&e) {
            Ok(e)
        } else {
            Err(Fail::Syntax)
        }
    }

    /// del_targets: ','.del_target+ [',']
    pub(super) fn del_targets(&mut self) -> PResult<Vec<Expr>> {
        let mut targets = vec![self.del_target()?];
        while self.eat(T::Comma).is_some() {
            if !super::starts_expression(self.peek()) {
                break;
            }
            match self.opt(|p| p.del_target())? {
                Some(t) => targets.push(t),
                None => break,
            }
        }
        Ok(targets)
    }

    fn del_target(&mut self) -> PResult<Expr> {
        let e = self.primary()?;
        if is_del_target(&e) {
            Ok(e)
        } else {
            Err(Fail::Syntax)
        }
    }

    /// True if `e` has the shape of a star target.
    pub(super) fn is_star_target_expr(&self, e: &Expr) -> bool {
        is_star_target(e)
    }

    /// CPython's `RAISE_SYNTAX_ERROR_INVALID_TARGET`: raises "cannot assign to X" or
    /// "cannot delete X" at the first part of `e` that is not a target, or does nothing
    /// (the rule does not match) if every part is.
    pub(super) fn raise_invalid_target(&mut self, kind: Targets, e: &Expr) -> PResult<()> {
        let Some(bad) = invalid_target(e, kind) else {
            return Ok(());
        };
        let verb = if kind == Targets::Del {
            "cannot delete"
        } else {
            "cannot assign to"
        };
        let msg = format!("{verb} {}", expr_name(bad));
        let span = bad.span;
        Err(self.raise_at(&msg, span))
    }
}

fn is_star_target(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => true,
        ExprKind::Starred(v) => !matches!(v.kind, ExprKind::Starred(_)) && is_star_target(v),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => elts.iter().all(is_star_target),
        _ => false,
    }
}

fn is_del_target(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => true,
        ExprKind::Tuple(elts) | ExprKind::List(elts) => elts.iter().all(is_del_target),
        _ => false,
    }
}

/// CPython's `_PyPegen_get_invalid_target`.
pub(crate) fn invalid_target(e: &Expr, kind: Targets) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().find_map(|elt| invalid_target(elt, kind))
        }
        ExprKind::Starred(value) => {
            if kind == Targets::Del {
                Some(e)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if kind == Targets::For {
                if ops.first() == Some(&CmpOp::In) {
                    return invalid_target(left, kind);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// CPython's `_PyPegen_get_expr_name`: how error messages name an expression.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::False => "False",
            Constant::True => "True",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

#[cfg(test)]
mod tests {
    fn check(source: &str, expect: &str) {
        assert_eq!(
            super::super::tests::render(source),
            expect,
            "parsing {source:?}"
        );
    }

    #[test]
    fn targets() {
        check(
            "for (a, *b), c.d in e: pass",
            "(for (tuple (tuple a (* b)) (. c d)) e\n  pass)",
        );
        check(
            "for f() in x: pass",
            "SyntaxError: cannot assign to function call @ 1:5",
        );
        check(
            "for a + 1 in x: pass",
            "SyntaxError: cannot assign to expression @ 1:5",
        );
        check(
            "with a as 1: pass",
            "SyntaxError: cannot assign to literal @ 1:11",
        );
        check("del (a, 1)", "SyntaxError: cannot delete literal @ 1:9");
        check("del *a", "SyntaxError: cannot delete starred @ 1:5");
    }
}
