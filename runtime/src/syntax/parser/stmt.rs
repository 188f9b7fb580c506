//! Simple statements and blocks: CPython's `file`, `statement`, `block`, `simple_stmts`
//! (assignments, imports, `del`, `raise`, ...) and their `invalid_*` companions. Compound
//! statements are in `compound.rs`.
//!
//! Simple statements are parsed the way a predictive parser does (a `star_expressions`, then
//! `=`, `:` or an augmented operator decides), which reaches the same tokens as CPython's
//! ordered alternatives; in the second pass CPython's `invalid_assignment` runs wherever its
//! alternatives would have.

use super::super::ast::*;
use super::super::token::TokenKind as T;
use super::{Fail, PResult, Parser};

impl<'s> Parser<'s> {
    /// file: [statements] ENDMARKER
    pub(super) fn file(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        if self.second_pass {
            // The top-level statements the first pass parsed are valid, and the invalid_*
            // rules do not match valid code: start the second pass at the failing one.
            self.pos = self.first_pass_good_prefix;
        }
        while !self.at(T::EndMarker) {
            self.statement(&mut body)?;
            if !self.second_pass {
                self.first_pass_good_prefix = self.pos;
            }
        }
        Ok(Module { body })
    }

    /// statement: compound_stmt | simple_stmts. Appends to `out`.
    pub(super) fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        if let Some(stmt) = self.compound_stmt()? {
            out.push(stmt);
            return Ok(());
        }
        self.simple_stmts(out)
    }

    /// statements: statement+ (a block's body, up to its DEDENT).
    fn statements(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        self.statement(&mut body)?;
        while !matches!(self.peek(), T::Dedent | T::EndMarker) {
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    /// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
    pub(super) fn block(&mut self) -> PResult<Vec<Stmt>> {
        if self.at(T::Newline) {
            let save = self.pos;
            self.bump();
            if self.eat(T::Indent).is_some() {
                let body = self.statements()?;
                self.expect(T::Dedent)?;
                return Ok(body);
            }
            self.pos = save;
            if self.second_pass {
                // invalid_block: NEWLINE !INDENT
                return Err(self.raise_indentation("expected an indented block"));
            }
            return Err(Fail::Syntax);
        }
        let mut body = Vec::new();
        self.simple_stmts(&mut body)?;
        Ok(body)
    }

    /// True if the tokens at the current position are NEWLINE and then not INDENT (CPython's
    /// `NEWLINE !INDENT`), looking at both as CPython does.
    pub(super) fn newline_without_indent(&mut self) -> bool {
        self.peek() == T::Newline && self.peek_at(1) != T::Indent
    }

    // ----- Simple statements ------------------------------------------------------------

    /// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let stmt = self.simple_stmt()?;
            out.push(stmt);
            if self.eat(T::Semi).is_none() {
                break;
            }
            if self.at(T::Newline) {
                break;
            }
        }
        self.expect(T::Newline)?;
        Ok(())
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start_tok = self.cur();
        let start = start_tok.span.start;
        match self.peek() {
            T::Return => {
                self.bump();
                let value = if self.can_start_star_expression() {
                    Some(self.star_expressions()?)
                } else {
                    None
                };
                Ok(Stmt::new(StmtKind::Return(value), self.span_from(start)))
            }
            T::Import | T::From => self.import_stmt(),
            T::Raise => self.raise_stmt(),
            T::Pass => {
                self.bump();
                Ok(Stmt::new(StmtKind::Pass, self.span_from(start)))
            }
            T::Break => {
                self.bump();
                Ok(Stmt::new(StmtKind::Break, self.span_from(start)))
            }
            T::Continue => {
                self.bump();
                Ok(Stmt::new(StmtKind::Continue, self.span_from(start)))
            }
            T::Del => self.del_stmt(),
            T::Assert => {
                self.bump();
                let test = self.expression()?;
                let msg = if self.eat(T::Comma).is_some() {
                    Some(self.expression()?)
                } else {
                    None
                };
                Ok(Stmt::new(
                    StmtKind::Assert { test, msg },
                    self.span_from(start),
                ))
            }
            T::Global | T::Nonlocal => {
                let global = self.bump().kind == T::Global;
                let mut names = vec![self.name()?];
                while self.at(T::Comma) {
                    self.bump();
                    names.push(self.name()?);
                }
                let kind = if global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                };
                Ok(Stmt::new(kind, self.span_from(start)))
            }
            T::Yield => {
                if self.second_pass {
                    self.invalid_assignment()?;
                }
                let value = self.yield_expr()?;
                let span = value.span;
                Ok(Stmt::new(StmtKind::Expr(value), span))
            }
            _ => self.assignment_or_expression(),
        }
    }

    /// A NAME token as an identifier.
    pub(super) fn name(&mut self) -> PResult<Name> {
        let t = self.expect(T::Name)?;
        Ok(self.name_of(&t))
    }

    /// CPython's `assignment` alternatives, `invalid_assignment`, and the expression
    /// statement, in that order.
    fn assignment_or_expression(&mut self) -> PResult<Stmt> {
        let start_pos = self.pos;
        let start = self.cur().span.start;
        let starts_with_paren = self.at(T::LPar);
        let first = match self.star_expressions() {
            Ok(e) => e,
            Err(Fail::Syntax) => {
                if self.second_pass {
                    self.pos = start_pos;
                    self.invalid_assignment()?;
                }
                return Err(Fail::Syntax);
            }
            Err(e) => return Err(e),
        };
        let after_first = self.pos;
        let attempt = match self.peek() {
            T::Colon => self.annotated(first.clone(), start, starts_with_paren)?,
            T::Equal => self.assign_chain(first.clone(), start)?,
            k if k.is_augassign() => match self.aug_assign(first.clone(), start) {
                Ok(stmt) => stmt,
                // The cut after the operator: no other alternative is tried.
                Err(Fail::Syntax) if self.pos > after_first => return Err(Fail::Syntax),
                Err(e) => return Err(e),
            },
            _ => None,
        };
        if let Some(stmt) = attempt {
            return Ok(stmt);
        }
        if self.second_pass {
            self.pos = start_pos;
            self.invalid_assignment()?;
        }
        self.pos = after_first;
        let span = first.span;
        Ok(Stmt::new(StmtKind::Expr(first), span))
    }

    /// `target: annotation [= value]`, if `target` may be annotated. `None` (position
    /// restored) if not, or if the rest does not parse.
    fn annotated(
        &mut self,
        target: Expr,
        start: u32,
        starts_with_paren: bool,
    ) -> PResult<Option<Stmt>> {
        let simple = match target.kind {
            ExprKind::Name(_) => !starts_with_paren,
            ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
            _ => return Ok(None),
        };
        self.opt(|p| {
            p.expect(T::Colon)?;
            let annotation = p.expression()?;
            // ['=' annotated_rhs]: a value that does not parse leaves the `=` unconsumed.
            let value = if p.at(T::Equal) {
                p.opt(|p| {
                    p.bump();
                    p.annotated_rhs()
                })?
            } else {
                None
            };
            Ok(Stmt::new(
                StmtKind::AnnAssign {
                    target,
                    annotation,
                    value,
                    simple,
                },
                p.span_from(start),
            ))
        })
    }

    /// annotated_rhs: yield_expr | star_expressions
    fn annotated_rhs(&mut self) -> PResult<Expr> {
        if self.at(T::Yield) {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    /// `(star_targets '=')+ (yield_expr | star_expressions) !'='`. `None` (position restored)
    /// when a target is not a valid target or the chain does not parse.
    fn assign_chain(&mut self, first: Expr, start: u32) -> PResult<Option<Stmt>> {
        if !self.is_star_target_expr(&first) {
            return Ok(None);
        }
        self.opt(|p| {
            let mut targets = vec![first];
            loop {
                p.expect(T::Equal)?;
                let value = p.annotated_rhs()?;
                if p.at(T::Equal) {
                    if !p.is_star_target_expr(&value) {
                        return Err(Fail::Syntax);
                    }
                    targets.push(value);
                    continue;
                }
                return Ok(Stmt::new(
                    StmtKind::Assign { targets, value },
                    p.span_from(start),
                ));
            }
        })
    }

    /// single_target augassign ~ (yield_expr | star_expressions)
    fn aug_assign(&mut self, target: Expr, start: u32) -> PResult<Option<Stmt>> {
        if !matches!(
            target.kind,
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
        ) {
            return Ok(None);
        }
        let op = match self.bump().kind {
            T::PlusEqual => BinOp::Add,
            T::MinEqual => BinOp::Sub,
            T::StarEqual => BinOp::Mult,
            T::AtEqual => BinOp::MatMult,
            T::SlashEqual => BinOp::Div,
            T::PercentEqual => BinOp::Mod,
            T::AmperEqual => BinOp::BitAnd,
            T::VBarEqual => BinOp::BitOr,
            T::CircumflexEqual => BinOp::BitXor,
            T::LeftShiftEqual => BinOp::LShift,
            T::RightShiftEqual => BinOp::RShift,
            T::DoubleStarEqual => BinOp::Pow,
            _ => BinOp::FloorDiv,
        };
        let value = self.annotated_rhs()?;
        Ok(Some(Stmt::new(
            StmtKind::AugAssign { target, op, value },
            self.span_from(start),
        )))
    }

    /// raise_stmt: 'raise' expression ['from' expression] | 'raise'
    fn raise_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump().span.start;
        let mut exc = None;
        let mut cause = None;
        if let Some(e) = self.opt(|p| p.expression())? {
            exc = Some(e);
            if self.eat(T::From).is_some() {
                cause = Some(self.expression()?);
            }
        }
        Ok(Stmt::new(
            StmtKind::Raise { exc, cause },
            self.span_from(start),
        ))
    }

    /// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
    fn del_stmt(&mut self) -> PResult<Stmt> {
        let start_pos = self.pos;
        let start = self.bump().span.start;
        let targets = self.opt(|p| {
            let targets = p.del_targets()?;
            if matches!(p.peek(), T::Semi | T::Newline) {
                Ok(targets)
            } else {
                Err(Fail::Syntax)
            }
        })?;
        match targets {
            Some(targets) => Ok(Stmt::new(StmtKind::Delete(targets), self.span_from(start))),
            None => {
                if self.second_pass {
                    // invalid_del_stmt: 'del' star_expressions
                    self.pos = start_pos + 1;
                    if let Some(e) = self.opt(|p| p.star_expressions())? {
                        self.raise_invalid_target(super::target::Targets::Del, &e)?;
                    }
                }
                Err(Fail::Syntax)
            }
        }
    }

    // ----- Imports ------------------------------------------------------------------------

    fn import_stmt(&mut self) -> PResult<Stmt> {
        let start_tok = self.bump();
        let start = start_tok.span.start;
        if start_tok.kind == T::Import {
            let mut names = vec![self.dotted_as_name()?];
            while self.eat(T::Comma).is_some() {
                names.push(self.dotted_as_name()?);
            }
            return Ok(Stmt::new(StmtKind::Import(names), self.span_from(start)));
        }
        // 'from' ('.' | '...')* dotted_name 'import' targets | 'from' ('.' | '...')+ 'import' targets
        let mut level = 0;
        loop {
            match self.peek() {
                T::Dot => level += 1,
                T::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if self.at(T::Name) {
            Some(self.dotted_name()?.0)
        } else if level == 0 {
            return Err(Fail::Syntax);
        } else {
            None
        };
        self.expect(T::Import)?;
        let names = self.import_from_targets()?;
        Ok(Stmt::new(
            StmtKind::ImportFrom {
                module,
                names,
                level,
            },
            self.span_from(start),
        ))
    }

    /// import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !','
    /// | '*' | invalid_import_from_targets
    fn import_from_targets(&mut self) -> PResult<Vec<Alias>> {
        if self.at(T::LPar) {
            self.bump();
            let names = self.import_from_as_names()?;
            self.eat(T::Comma);
            self.expect(T::RPar)?;
            return Ok(names);
        }
        if self.at(T::Star) {
            let t = self.bump();
            return Ok(vec![Alias {
                name: Name::from("*"),
                asname: None,
                span: t.span,
            }]);
        }
        let names = self.import_from_as_names()?;
        if self.at(T::Comma) {
            if self.second_pass && self.peek_at(1) == T::Newline {
                self.bump();
                self.peek();
                return Err(self.raise_on_last_token(
                    "trailing comma not allowed without surrounding parentheses",
                ));
            }
            return Err(Fail::Syntax);
        }
        Ok(names)
    }

    fn import_from_as_names(&mut self) -> PResult<Vec<Alias>> {
        let mut names = vec![self.import_from_as_name()?];
        while self.at(T::Comma) && self.peek_at(1) == T::Name {
            self.bump();
            names.push(self.import_from_as_name()?);
        }
        Ok(names)
    }

    /// NAME ['as' NAME]
    fn import_from_as_name(&mut self) -> PResult<Alias> {
        let t = self.expect(T::Name)?;
        let name = self.name_of(&t);
        let asname = if self.eat(T::As).is_some() {
            Some(self.name()?)
        } else {
            None
        };
        Ok(Alias {
            name,
            asname,
            span: self.span_from(t.span.start),
        })
    }

    /// dotted_name ['as' NAME]
    fn dotted_as_name(&mut self) -> PResult<Alias> {
        let (name, start) = self.dotted_name()?;
        let asname = if self.eat(T::As).is_some() {
            Some(self.name()?)
        } else {
            None
        };
        Ok(Alias {
            name,
            asname,
            span: self.span_from(start),
        })
    }

    /// dotted_name: NAME ('.' NAME)*; the joined name and its start.
    fn dotted_name(&mut self) -> PResult<(Name, u32)> {
        let first = self.expect(T::Name)?;
        let mut name = self.name_of(&first);
        if self.at(T::Dot) {
            let mut joined = name.to_string();
            while self.at(T::Dot) && self.peek_at(1) == T::Name {
                self.bump();
                let t = self.bump();
                joined.push('.');
                joined.push_str(self.text_of(&t));
            }
            name = Name::from(joined.as_str());
        }
        Ok((name, first.span.start))
    }

    /// True if the current token can start a star_expression.
    pub(super) fn can_start_star_expression(&mut self) -> bool {
        let k = self.peek();
        k == T::Star || super::starts_expression(k)
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
    fn simple_statements() {
        check(
            "x = 1\nx += 2\ny: int = 3\n(z): int\na, *b = c = d\ndel a, b[0]",
            "(= x 1)\n(+= x 2)\n(ann y int 3)\n(ann nonsimple z int)\n(= (tuple a (* b)) c d)\n(del a ([] b 0))",
        );
        check(
            "assert x, 'm'\nraise E from F\nraise\nglobal g, h\npass; break; continue",
            "(assert x 'm')\n(raise E from F)\n(raise)\n(global g h)\npass\nbreak\ncontinue",
        );
        check("x = yield\n", "(= x (yield))");
        check("x = y = yield from z", "(= x y (yield-from z))");
    }

    #[test]
    fn imports() {
        check(
            "import a.b as c, d\nfrom . import x\nfrom ..m import (a, b as bb,)\nfrom m import *",
            "(import a.b as c, d)\n(from . import x)\n(from ..m import a, b as bb)\n(from m import *)",
        );
        check("from ... import x", "(from ... import x)");
        check(
            "from x import a,",
            "SyntaxError: trailing comma not allowed without surrounding parentheses @ 1:17",
        );
    }

    #[test]
    fn assignment_errors() {
        check(
            "f() = 1",
            "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @ 1:1",
        );
        check(
            "x = f() = 1",
            "SyntaxError: cannot assign to function call @ 1:5",
        );
        check(
            "a, b += 1",
            "SyntaxError: 'tuple' is an illegal expression for augmented assignment @ 1:1",
        );
        check(
            "(a, b): int",
            "SyntaxError: only single target (not tuple) can be annotated @ 1:1",
        );
        check("del f()", "SyntaxError: cannot delete function call @ 1:5");
        check(
            "print 'x'",
            "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @ 1:1",
        );
    }

    #[test]
    fn blocks_and_layout() {
        check("if x: a; b", "(if x\n  a\n  b)");
        check(
            "x = 1\n    y = 2",
            "IndentationError: unexpected indent @ 2:4",
        );
        check(
            "if x:\npass",
            "IndentationError: expected an indented block after 'if' statement on line 1 @ 2:1",
        );
        check("x = 1 +", "SyntaxError: invalid syntax @ 1:8");
    }
}
