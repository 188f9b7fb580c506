//! The `SyntaxWarning`s CPython's compiler gives for code that will certainly fail or is
//! almost certainly a typo: calling or subscripting a literal (a missing comma), `is` with a
//! literal, and `assert` of a non-empty tuple. The checks mirror `check_caller`,
//! `check_subscripter`, `check_index` and `check_compare` in CPython's `Python/compile.c`.

use crate::syntax::ast::*;

use super::{Compiler, Warning};

/// The type CPython's compiler infers for an expression (`infer_type`), if it can.
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Constant(c) => match c {
            Constant::None => "NoneType",
            Constant::True | Constant::False => "bool",
            Constant::Ellipsis => "ellipsis",
            Constant::Int(_) | Constant::BigInt(_) => "int",
            Constant::Float(_) => "float",
            Constant::Imaginary(_) => "complex",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
        },
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set(_) | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "str",
        _ => return None,
    })
}

impl<'a> Compiler<'a> {
    pub(super) fn warn(&mut self, msg: &str, span: Span) {
        self.warnings.push(Warning {
            msg: msg.to_string(),
            span,
        });
    }

    /// `check_caller`: calling something that cannot be called.
    pub(super) fn check_caller(&mut self, func: &Expr) {
        let literal = matches!(
            func.kind,
            ExprKind::Constant(_)
                | ExprKind::Tuple(_)
                | ExprKind::List(_)
                | ExprKind::ListComp { .. }
                | ExprKind::Dict { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::Set(_)
                | ExprKind::SetComp { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::JoinedStr(_)
                | ExprKind::FormattedValue { .. }
        );
        if let (true, Some(t)) = (literal, infer_type(func)) {
            let span = self.unit().span;
            self.warn(
                &format!("'{t}' object is not callable; perhaps you missed a comma?"),
                span,
            );
        }
    }

    /// `check_subscripter` and `check_index`.
    pub(super) fn check_subscript(&mut self, value: &Expr, index: &Expr) {
        let span = self.unit().span;
        let not_subscriptable = match &value.kind {
            ExprKind::Constant(c) => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Int(_)
                    | Constant::BigInt(_)
                    | Constant::Float(_)
                    | Constant::Imaginary(_)
            ),
            ExprKind::Set(_)
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Lambda { .. } => true,
            _ => false,
        };
        if not_subscriptable {
            if let Some(t) = infer_type(value) {
                self.warn(
                    &format!("'{t}' object is not subscriptable; perhaps you missed a comma?"),
                    span,
                );
            }
            return;
        }
        let Some(index_type) = infer_type(index) else {
            return;
        };
        if matches!(index_type, "int" | "bool") || matches!(index.kind, ExprKind::Slice { .. }) {
            return;
        }
        let sequence = match &value.kind {
            ExprKind::Constant(c) => matches!(c, Constant::Str(_) | Constant::Bytes(_)),
            ExprKind::Tuple(_)
            | ExprKind::List(_)
            | ExprKind::ListComp { .. }
            | ExprKind::JoinedStr(_)
            | ExprKind::FormattedValue { .. } => true,
            _ => false,
        };
        if let (true, Some(t)) = (sequence, infer_type(value)) {
            self.warn(
                &format!("{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"),
                span,
            );
        }
    }

    /// `check_compare`: `is` or `is not` with a literal operand.
    pub(super) fn check_compare(&mut self, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let is_arg_ok = |e: &Expr| match &e.kind {
            ExprKind::Constant(c) => matches!(
                c,
                Constant::None | Constant::True | Constant::False | Constant::Ellipsis
            ),
            _ => true,
        };
        let mut left_ok = is_arg_ok(left);
        for (op, right) in ops.iter().zip(comparators) {
            let right_ok = is_arg_ok(right);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (!left_ok || !right_ok) {
                let msg = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                let span = self.unit().span;
                self.warn(msg, span);
                return;
            }
            left_ok = right_ok;
        }
    }
}
