//! Where instructions are located: CPython 3.11's rules for the source position of each
//! instruction, which tracebacks show as the `^^^^` line under the source.
//!
//! Every instruction carries the span of the node being compiled (`Unit::span`), and an
//! expression restores its parent's span when it is done (`Compiler::expr`), as CPython's
//! `compiler_visit_expr` does with `SET_LOC`. On top of that, CPython 3.11 has a few rules
//! that this module implements, each named after the CPython function it follows:
//!
//! - [`Compiler::attr_span`] (`update_location_to_match_attr`): an attribute access that
//!   spans lines is located at its attribute name, so `obj\n    .method()` points at
//!   `method()`.
//! - [`Compiler::is_import_originated`] (`is_import_originated`): a call of a method of a
//!   name bound by a module-level `import` is not compiled as a method call by CPython, which
//!   only changes where the call of a multi-line attribute is located.
//! - [`Compiler::call_span`] (`maybe_optimize_method_call`): where a call is located.
//! - [`Compiler::jump_if`] (`compiler_jump_if`): branching on a comparison moves the current
//!   location to the comparison and leaves it there for the rest of the statement, so a
//!   failing `assert x == 1` points at `x == 1`, while `if x:` stays at the whole statement.
//!
//! Spans are byte offsets; CPython's columns are byte offsets too, so nothing is converted
//! here. An empty span (`start == end`) means "no column information" (CPython's `None`
//! columns), as for the first instruction of a generator.
//!
//! What this module does not do: render anything. `vm/traceback.rs` turns spans into lines,
//! columns and caret lines, and only when a traceback is printed.

use std::collections::HashSet;
use std::rc::Rc;

use crate::bytecode::Op;
use crate::syntax::ast::*;

use super::unit::Label;
use super::{CResult, Compiler};

/// CPython's `STACK_USE_GUIDELINE`: calls with this many arguments or more are not compiled as
/// method calls.
const STACK_USE_GUIDELINE: usize = 30;

impl<'a> Compiler<'a> {
    /// The location of an instruction that accesses `attr` on the node at `span`: the whole
    /// node on one line, or from the attribute name to the end when the node spans lines.
    ///
    /// CPython computes the start column as the end column (in bytes) minus the length of the
    /// name in characters; for a non-ASCII name that is not the name's first byte, and we keep
    /// that quirk.
    pub(super) fn attr_span(&self, span: Span, attr: &str) -> Span {
        let first = self.source.line_of(span.start as usize);
        let last = self.source.line_of(span.end as usize);
        if first == last {
            return span;
        }
        let len = attr.chars().count() as u32;
        Span {
            start: span.end.saturating_sub(len),
            end: span.end,
        }
    }

    /// Whether `e` is a name that the module binds with an `import` statement (anywhere at
    /// module level, including inside `if` and `try` blocks, but not inside functions or
    /// classes).
    pub(super) fn is_import_originated(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Name(n) => self.imported.contains(n),
            _ => false,
        }
    }

    /// The location of the call instruction of `func(args, keywords)` whose whole span is
    /// `span`: the whole call, except that a method call (an attribute call CPython compiles
    /// with `LOAD_METHOD`) whose attribute spans lines starts at the attribute name.
    pub(super) fn call_span(
        &self,
        span: Span,
        func: &Expr,
        args: &[Expr],
        keywords: &[Keyword],
    ) -> Span {
        let ExprKind::Attribute { value, attr } = &func.kind else {
            return span;
        };
        let kw = keywords.len();
        let method = !self.is_import_originated(value)
            && args.len() + kw + usize::from(kw != 0) < STACK_USE_GUIDELINE
            && !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            && !keywords.iter().any(|k| k.arg.is_none());
        if !method {
            return span;
        }
        Span {
            start: self.attr_span(func.span, attr).start,
            end: span.end,
        }
    }

    /// Jumps to `target` when the truth of `test` is `when`, compiled as CPython's
    /// `compiler_jump_if`: `not` flips the condition, `and`/`or` and conditional expressions
    /// branch on each part, and a comparison moves the current location (`Unit::span`) to
    /// itself, where it stays after this returns. Every other test is evaluated and branched
    /// on at the current location.
    pub(super) fn jump_if(&mut self, test: &'a Expr, when: bool, target: Label) -> CResult<()> {
        match &test.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.jump_if(operand, !when, target),
            ExprKind::BoolOp { op, values } => {
                let Some((last, rest)) = values.split_last() else {
                    return Ok(());
                };
                let is_or = *op == BoolOp::Or;
                let next2 = if is_or != when {
                    self.unit().new_label()
                } else {
                    target
                };
                for v in rest {
                    self.jump_if(v, is_or, next2)?;
                }
                self.jump_if(last, when, target)?;
                if next2 != target {
                    self.unit().bind(next2);
                }
                Ok(())
            }
            ExprKind::IfExp {
                test: cond,
                body,
                orelse,
            } => {
                let end = self.unit().new_label();
                let next2 = self.unit().new_label();
                self.jump_if(cond, false, next2)?;
                self.jump_if(body, when, target)?;
                self.emit(Op::Jump(end.0));
                self.unit().bind(next2);
                self.jump_if(orelse, when, target)?;
                self.unit().bind(end);
                Ok(())
            }
            ExprKind::Compare { .. } => {
                self.unit().span = test.span;
                self.branch_on(test, when, target)
            }
            _ => self.branch_on(test, when, target),
        }
    }

    /// Evaluates `test` and jumps on its truth, at the current location.
    fn branch_on(&mut self, test: &'a Expr, when: bool, target: Label) -> CResult<()> {
        self.expr(test)?;
        self.emit(if when {
            Op::PopJumpIfTrue(target.0)
        } else {
            Op::PopJumpIfFalse(target.0)
        });
        Ok(())
    }
}

/// The names a module binds with `import` at module level (CPython's `DEF_IMPORT` flag in the
/// module's symbol table).
pub(super) fn imported_names(body: &[Stmt]) -> HashSet<Rc<str>> {
    let mut names = HashSet::new();
    collect_imports(body, &mut names);
    names
}

fn collect_imports(body: &[Stmt], names: &mut HashSet<Rc<str>>) {
    for s in body {
        match &s.kind {
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = match &a.asname {
                        Some(n) => n.clone(),
                        None => Rc::from(a.name.split('.').next().unwrap_or(&a.name)),
                    };
                    names.insert(bound);
                }
            }
            StmtKind::ImportFrom { names: aliases, .. } => {
                for a in aliases {
                    if &*a.name != "*" {
                        names.insert(a.asname.clone().unwrap_or_else(|| a.name.clone()));
                    }
                }
            }
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                collect_imports(body, names);
                collect_imports(orelse, names);
            }
            StmtKind::With { body, .. } => collect_imports(body, names),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                collect_imports(body, names);
                for h in handlers {
                    collect_imports(&h.body, names);
                }
                collect_imports(orelse, names);
                collect_imports(finalbody, names);
            }
            _ => {}
        }
    }
}
