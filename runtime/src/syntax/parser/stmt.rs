//! Statements and blocks: CPython's `file`, `statement`, `simple_stmts`, `compound_stmt`
//! and their `invalid_*` companions.
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
        while !self.at(T::EndMarker) {
            self.statement(&mut body)?;
        }
        Ok(Module { body })
    }

    /// statement: compound_stmt | simple_stmts. Appends to `out`.
    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
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
    fn newline_without_indent(&mut self) -> bool {
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
            let value = if p.eat(T::Equal).is_some() {
                Some(p.annotated_rhs()?)
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

    // ----- Compound statements ------------------------------------------------------------

    /// compound_stmt, or `None` if the current token starts none.
    fn compound_stmt(&mut self) -> PResult<Option<Stmt>> {
        let stmt = match self.peek() {
            T::Def => self.function_def(Vec::new())?,
            T::At => self.decorated()?,
            T::Async => match self.peek_at(1) {
                T::Def => self.function_def(Vec::new())?,
                T::With => self.with_stmt()?,
                T::For => self.for_stmt()?,
                _ => return Err(Fail::Syntax),
            },
            T::If => self.if_stmt()?,
            T::Class => self.class_def(Vec::new())?,
            T::With => self.with_stmt()?,
            T::For => self.for_stmt()?,
            T::Try => self.try_stmt()?,
            T::While => self.while_stmt()?,
            T::Name if self.text_of(&self.cur()) == "match" => {
                self.match_stmt()?;
                return Ok(None);
            }
            _ => return Ok(None),
        };
        Ok(Some(stmt))
    }

    /// decorators: ('@' named_expression NEWLINE)+, then a def or a class.
    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(T::At).is_some() {
            decorators.push(self.named_expression()?);
            self.expect(T::Newline)?;
        }
        match self.peek() {
            T::Def => self.function_def(decorators),
            T::Async if self.peek_at(1) == T::Def => self.function_def(decorators),
            T::Class => self.class_def(decorators),
            _ => Err(Fail::Syntax),
        }
    }

    /// function_def_raw: invalid_def_raw | [ASYNC] 'def' NAME &&'(' [params] ')'
    /// ['->' expression] &&':' block
    fn function_def(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        if self.second_pass {
            self.invalid_def_raw()?;
        }
        let start = self.cur().span.start;
        let is_async = self.eat(T::Async).is_some();
        self.expect(T::Def)?;
        let name = self.name()?;
        self.expect_forced(T::LPar)?;
        let args = self.params()?;
        self.expect(T::RPar)?;
        let returns = if self.eat(T::RArrow).is_some() {
            Some(self.expression()?)
        } else {
            None
        };
        self.expect_forced(T::Colon)?;
        let header = self.span_from(start);
        let body = self.block()?;
        Ok(Stmt::new(
            StmtKind::FunctionDef(Box::new(FunctionDef {
                name,
                args,
                body,
                decorators,
                returns,
                is_async,
                header,
            })),
            self.span_from(start),
        ))
    }

    /// [ASYNC] a='def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
    fn invalid_def_raw(&mut self) -> PResult<()> {
        let start = self.pos;
        let matched = self.lookahead(|p| {
            p.eat(T::Async);
            let def = p.expect(T::Def)?;
            p.expect(T::Name)?;
            p.expect(T::LPar)?;
            p.opt(|p| p.params())?;
            p.expect(T::RPar)?;
            if p.eat(T::RArrow).is_some() {
                p.expression()?;
            }
            p.expect(T::Colon)?;
            if p.newline_without_indent() {
                Ok(def.line)
            } else {
                Err(Fail::Syntax)
            }
        })?;
        if matched {
            let line = self.find_keyword_line(start, T::Def);
            return Err(self.raise_indentation(&format!(
                "expected an indented block after function definition on line {line}"
            )));
        }
        Ok(())
    }

    /// The line of the first `kind` token at or after token `start`.
    fn find_keyword_line(&self, start: usize, kind: T) -> u32 {
        self.toks[start..]
            .iter()
            .find(|t| t.kind == kind)
            .map_or(0, |t| t.line)
    }

    /// class_def_raw: invalid_class_def_raw | 'class' NAME ['(' [arguments] ')'] ':' block
    fn class_def(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let start_pos = self.pos;
        if self.second_pass {
            self.invalid_class_def_raw()?;
        }
        let start = self.bump().span.start;
        let name = self.name()?;
        let (bases, keywords) = if self.eat(T::LPar).is_some() {
            let r = if self.at(T::RPar) {
                (Vec::new(), Vec::new())
            } else {
                self.arguments()?
            };
            self.expect(T::RPar)?;
            r
        } else {
            (Vec::new(), Vec::new())
        };
        self.expect(T::Colon)?;
        let header = self.span_from(start);
        let body = self.block()?;
        let _ = start_pos;
        Ok(Stmt::new(
            StmtKind::ClassDef(Box::new(ClassDef {
                name,
                bases,
                keywords,
                body,
                decorators,
                header,
            })),
            self.span_from(start),
        ))
    }

    fn invalid_class_def_raw(&mut self) -> PResult<()> {
        // 'class' NAME ['(' [arguments] ')'] NEWLINE → expected ':'
        // a='class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT → expected an indented block
        let start = self.pos;
        let header = |p: &mut Self| -> PResult<u32> {
            let class = p.expect(T::Class)?;
            p.expect(T::Name)?;
            if p.at(T::LPar) {
                p.opt(|p| {
                    p.bump();
                    if !p.at(T::RPar) {
                        p.arguments()?;
                    }
                    p.expect(T::RPar)
                })?;
            }
            Ok(class.line)
        };
        if let Some(_line) = self.opt(|p| {
            let line = header(p)?;
            p.expect(T::Newline)?;
            Ok(line)
        })? {
            return Err(self.raise_on_last_token("expected ':'"));
        }
        self.pos = start;
        if let Some(line) = self.opt(|p| {
            let line = header(p)?;
            p.expect(T::Colon)?;
            if p.newline_without_indent() {
                Ok(line)
            } else {
                Err(Fail::Syntax)
            }
        })? {
            return Err(self.raise_indentation(&format!(
                "expected an indented block after class definition on line {line}"
            )));
        }
        self.pos = start;
        Ok(())
    }

    /// For `if`, `elif` and `while`: `kw named_expression NEWLINE` → expected ':', and
    /// `kw named_expression ':' NEWLINE !INDENT` → expected an indented block.
    fn invalid_header(&mut self, kw: T, what: &str) -> PResult<()> {
        let start = self.pos;
        if self
            .opt(|p| {
                p.expect(kw)?;
                p.named_expression()?;
                p.expect(T::Newline)
            })?
            .is_some()
        {
            return Err(self.raise_on_last_token("expected ':'"));
        }
        self.pos = start;
        if let Some((kw_line, test_start)) = self.opt(|p| {
            let t = p.expect(kw)?;
            let test = p.named_expression()?;
            p.expect(T::Colon)?;
            if p.newline_without_indent() {
                Ok((t.line, test.span.start))
            } else {
                Err(Fail::Syntax)
            }
        })? {
            // CPython's invalid_if_stmt reports the line of the condition, the others the
            // line of the keyword.
            let line = if kw == T::If {
                self.line_of(test_start)
            } else {
                kw_line
            };
            return Err(self.raise_indentation(&format!(
                "expected an indented block after '{what}' statement on line {line}"
            )));
        }
        self.pos = start;
        Ok(())
    }

    /// if_stmt / elif_stmt
    fn if_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.peek();
        if self.second_pass {
            self.invalid_header(kw, if kw == T::If { "if" } else { "elif" })?;
        }
        let start = self.bump().span.start;
        let test = self.named_expression()?;
        self.expect(T::Colon)?;
        let body = self.block()?;
        let orelse = match self.peek() {
            T::Elif => vec![self.if_stmt()?],
            T::Else => self.else_block()?,
            _ => Vec::new(),
        };
        Ok(Stmt::new(
            StmtKind::If { test, body, orelse },
            self.span_from(start),
        ))
    }

    /// else_block: invalid_else_stmt | 'else' &&':' block
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        self.simple_block_header(T::Else, "else")
    }

    /// `kw &&':' block` with its invalid rule (`else`, `finally`).
    fn simple_block_header(&mut self, kw: T, what: &str) -> PResult<Vec<Stmt>> {
        if self.second_pass {
            let start = self.pos;
            if let Some(line) = self.opt(|p| {
                let t = p.expect(kw)?;
                p.expect(T::Colon)?;
                if p.newline_without_indent() {
                    Ok(t.line)
                } else {
                    Err(Fail::Syntax)
                }
            })? {
                return Err(self.raise_indentation(&format!(
                    "expected an indented block after '{what}' statement on line {line}"
                )));
            }
            self.pos = start;
        }
        self.expect(kw)?;
        self.expect_forced(T::Colon)?;
        self.block()
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        if self.second_pass {
            self.invalid_header(T::While, "while")?;
        }
        let start = self.bump().span.start;
        let test = self.named_expression()?;
        self.expect(T::Colon)?;
        let body = self.block()?;
        let orelse = if self.at(T::Else) {
            self.else_block()?
        } else {
            Vec::new()
        };
        Ok(Stmt::new(
            StmtKind::While { test, body, orelse },
            self.span_from(start),
        ))
    }

    /// for_stmt: invalid_for_stmt | [ASYNC] 'for' star_targets 'in' ~ star_expressions ':'
    /// block [else_block] | invalid_for_target
    fn for_stmt(&mut self) -> PResult<Stmt> {
        let start_pos = self.pos;
        if self.second_pass {
            self.invalid_for_stmt()?;
        }
        let start = self.cur().span.start;
        let is_async = self.eat(T::Async).is_some();
        self.expect(T::For)?;
        let target = self.opt(|p| {
            let t = p.star_targets()?;
            p.expect(T::In)?;
            Ok(t)
        })?;
        let Some(target) = target else {
            if self.second_pass {
                self.pos = start_pos;
                self.invalid_for_target()?;
            }
            return Err(Fail::Syntax);
        };
        // The cut: from here on a failure is final for this statement.
        let iter = self.star_expressions()?;
        self.expect(T::Colon)?;
        let body = self.block()?;
        let orelse = if self.at(T::Else) {
            self.else_block()?
        } else {
            Vec::new()
        };
        Ok(Stmt::new(
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            },
            self.span_from(start),
        ))
    }

    fn invalid_for_stmt(&mut self) -> PResult<()> {
        let start = self.pos;
        let header = |p: &mut Self| -> PResult<u32> {
            p.eat(T::Async);
            let t = p.expect(T::For)?;
            p.star_targets()?;
            p.expect(T::In)?;
            p.star_expressions()?;
            Ok(t.line)
        };
        if self
            .opt(|p| {
                header(p)?;
                p.expect(T::Newline)
            })?
            .is_some()
        {
            return Err(self.raise_on_last_token("expected ':'"));
        }
        self.pos = start;
        if let Some(line) = self.opt(|p| {
            let line = header(p)?;
            p.expect(T::Colon)?;
            if p.newline_without_indent() {
                Ok(line)
            } else {
                Err(Fail::Syntax)
            }
        })? {
            return Err(self.raise_indentation(&format!(
                "expected an indented block after 'for' statement on line {line}"
            )));
        }
        self.pos = start;
        Ok(())
    }

    /// invalid_for_target: ASYNC? 'for' star_expressions
    pub(super) fn invalid_for_target(&mut self) -> PResult<()> {
        let start = self.pos;
        self.eat(T::Async);
        if self.eat(T::For).is_some() {
            if let Some(e) = self.opt(|p| p.star_expressions())? {
                self.raise_invalid_target(super::target::Targets::For, &e)?;
            }
        }
        self.pos = start;
        Ok(())
    }

    /// with_stmt: invalid_with_stmt_indent | [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':'
    /// block | [ASYNC] 'with' ','.with_item+ ':' block | invalid_with_stmt
    fn with_stmt(&mut self) -> PResult<Stmt> {
        let start_pos = self.pos;
        if self.second_pass {
            self.invalid_with_stmt(true)?;
        }
        let start = self.cur().span.start;
        let is_async = self.eat(T::Async).is_some();
        self.expect(T::With)?;
        let after_with = self.pos;
        // The parenthesized form first.
        let items = if self.at(T::LPar) {
            self.opt(|p| {
                p.bump();
                let mut items = vec![p.with_item()?];
                while p.eat(T::Comma).is_some() {
                    if p.at(T::RPar) {
                        break;
                    }
                    items.push(p.with_item()?);
                }
                p.expect(T::RPar)?;
                p.expect(T::Colon)?;
                Ok(items)
            })?
        } else {
            None
        };
        let items = match items {
            Some(items) => items,
            None => {
                self.pos = after_with;
                let r = self.opt(|p| {
                    let mut items = vec![p.with_item()?];
                    while p.eat(T::Comma).is_some() {
                        items.push(p.with_item()?);
                    }
                    p.expect(T::Colon)?;
                    Ok(items)
                })?;
                match r {
                    Some(items) => items,
                    None => {
                        if self.second_pass {
                            self.pos = start_pos;
                            self.invalid_with_stmt(false)?;
                        }
                        return Err(Fail::Syntax);
                    }
                }
            }
        };
        let body = self.block()?;
        Ok(Stmt::new(
            StmtKind::With {
                items,
                body,
                is_async,
            },
            self.span_from(start),
        ))
    }

    /// with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item
    /// | expression
    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        if self.at(T::As) {
            let save = self.pos;
            self.bump();
            let target = self.opt(|p| {
                let t = p.star_target()?;
                if matches!(p.peek(), T::Comma | T::RPar | T::Colon) {
                    Ok(t)
                } else {
                    Err(Fail::Syntax)
                }
            })?;
            if let Some(target) = target {
                return Ok(WithItem {
                    context_expr,
                    optional_vars: Some(target),
                });
            }
            if self.second_pass {
                // invalid_with_item: expression 'as' a=expression &(',' | ')' | ':')
                if let Some(a) = self.opt(|p| {
                    let a = p.expression()?;
                    if matches!(p.peek(), T::Comma | T::RPar | T::Colon) {
                        Ok(a)
                    } else {
                        Err(Fail::Syntax)
                    }
                })? {
                    self.raise_invalid_target(super::target::Targets::Star, &a)?;
                }
            }
            self.pos = save;
        }
        Ok(WithItem {
            context_expr,
            optional_vars: None,
        })
    }

    /// invalid_with_stmt (`indent == false`) and invalid_with_stmt_indent (`indent == true`).
    fn invalid_with_stmt(&mut self, indent: bool) -> PResult<()> {
        let start = self.pos;
        let item = |p: &mut Self, many: bool| -> PResult<()> {
            if many {
                p.expressions()?;
            } else {
                p.expression()?;
            }
            if p.eat(T::As).is_some() {
                p.star_target()?;
            }
            Ok(())
        };
        // [ASYNC] 'with' ','.(expression ['as' star_target])+ (NEWLINE | ':' NEWLINE !INDENT)
        // [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' (likewise)
        for parenthesized in [false, true] {
            self.pos = start;
            let r = self.opt(|p| {
                p.eat(T::Async);
                let with = p.expect(T::With)?;
                if parenthesized {
                    p.expect(T::LPar)?;
                    item(p, true)?;
                    while p.at(T::Comma) {
                        p.bump();
                        if p.at(T::RPar) {
                            break;
                        }
                        item(p, true)?;
                    }
                    p.expect(T::RPar)?;
                } else {
                    item(p, false)?;
                    while p.eat(T::Comma).is_some() {
                        item(p, false)?;
                    }
                }
                if indent {
                    p.expect(T::Colon)?;
                    if p.newline_without_indent() {
                        Ok(with.line)
                    } else {
                        Err(Fail::Syntax)
                    }
                } else {
                    p.expect(T::Newline)?;
                    Ok(with.line)
                }
            })?;
            if let Some(line) = r {
                if indent {
                    return Err(self.raise_indentation(&format!(
                        "expected an indented block after 'with' statement on line {line}"
                    )));
                }
                return Err(self.raise_on_last_token("expected ':'"));
            }
        }
        self.pos = start;
        Ok(())
    }

    /// try_stmt
    fn try_stmt(&mut self) -> PResult<Stmt> {
        if self.second_pass {
            self.invalid_try_stmt()?;
        }
        let start = self.bump().span.start;
        self.expect_forced(T::Colon)?;
        let body = self.block()?;
        let mut handlers = Vec::new();
        while self.at(T::Except) {
            handlers.push(self.except_block()?);
        }
        let mut orelse = Vec::new();
        let mut finalbody = Vec::new();
        if handlers.is_empty() {
            if !self.at(T::Finally) {
                return Err(Fail::Syntax);
            }
        } else if self.at(T::Else) {
            orelse = self.else_block()?;
        }
        if self.at(T::Finally) {
            finalbody = self.simple_block_header(T::Finally, "finally")?;
        }
        Ok(Stmt::new(
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
            self.span_from(start),
        ))
    }

    fn invalid_try_stmt(&mut self) -> PResult<()> {
        let start = self.pos;
        if let Some(line) = self.opt(|p| {
            let t = p.expect(T::Try)?;
            p.expect(T::Colon)?;
            if p.newline_without_indent() {
                Ok(t.line)
            } else {
                Err(Fail::Syntax)
            }
        })? {
            return Err(self.raise_indentation(&format!(
                "expected an indented block after 'try' statement on line {line}"
            )));
        }
        self.pos = start;
        // 'try' ':' block !('except' | 'finally')
        if self
            .opt(|p| {
                p.expect(T::Try)?;
                p.expect(T::Colon)?;
                p.block()?;
                if matches!(p.peek(), T::Except | T::Finally) {
                    Err(Fail::Syntax)
                } else {
                    Ok(())
                }
            })?
            .is_some()
        {
            return Err(self.raise_on_last_token("expected 'except' or 'finally' block"));
        }
        self.pos = start;
        Ok(())
    }

    /// except_block: invalid_except_stmt_indent | 'except' expression ['as' NAME] ':' block
    /// | 'except' ':' block | invalid_except_stmt
    fn except_block(&mut self) -> PResult<ExceptHandler> {
        let start_pos = self.pos;
        if self.second_pass {
            self.invalid_except_stmt_indent()?;
        }
        let except = self.bump();
        if self.at(T::Star) {
            let star = self.cur();
            return Err(self.raise_range(
                "except* is not supported by Coro",
                except.span,
                star.span,
            ));
        }
        let r = self.opt(|p| {
            let (typ, name) = if p.at(T::Colon) {
                (None, None)
            } else {
                let typ = p.expression()?;
                let name = if p.eat(T::As).is_some() {
                    Some(p.name()?)
                } else {
                    None
                };
                (Some(typ), name)
            };
            p.expect(T::Colon)?;
            Ok((typ, name))
        })?;
        let Some((typ, name)) = r else {
            if self.second_pass {
                self.pos = start_pos;
                self.invalid_except_stmt()?;
            }
            return Err(Fail::Syntax);
        };
        let span = self.span_from(except.span.start);
        let body = self.block()?;
        Ok(ExceptHandler {
            typ,
            name,
            body,
            span,
        })
    }

    fn invalid_except_stmt_indent(&mut self) -> PResult<()> {
        let start = self.pos;
        if let Some(line) = self.opt(|p| {
            let t = p.expect(T::Except)?;
            if !p.at(T::Colon) {
                p.expression()?;
                if p.eat(T::As).is_some() {
                    p.expect(T::Name)?;
                }
            }
            p.expect(T::Colon)?;
            if p.newline_without_indent() {
                Ok(t.line)
            } else {
                Err(Fail::Syntax)
            }
        })? {
            return Err(self.raise_indentation(&format!(
                "expected an indented block after 'except' statement on line {line}"
            )));
        }
        self.pos = start;
        Ok(())
    }

    fn invalid_except_stmt(&mut self) -> PResult<()> {
        let start = self.pos;
        // 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
        if let Some(a) = self.opt(|p| {
            p.expect(T::Except)?;
            p.eat(T::Star);
            let a = p.expression()?;
            p.expect(T::Comma)?;
            p.expressions()?;
            if p.eat(T::As).is_some() {
                p.expect(T::Name)?;
            }
            p.expect(T::Colon)?;
            Ok(a)
        })? {
            return Err(
                self.raise_starting_from("multiple exception types must be parenthesized", a.span)
            );
        }
        self.pos = start;
        // a='except' '*'? expression ['as' NAME ] NEWLINE | a='except' NEWLINE
        if self
            .opt(|p| {
                p.expect(T::Except)?;
                if !p.at(T::Newline) {
                    p.eat(T::Star);
                    p.expression()?;
                    if p.eat(T::As).is_some() {
                        p.expect(T::Name)?;
                    }
                }
                p.expect(T::Newline)
            })?
            .is_some()
        {
            return Err(self.raise_on_last_token("expected ':'"));
        }
        self.pos = start;
        Ok(())
    }

    /// The `match` statement: Coro does not have it. `"match" subject_expr ':' NEWLINE`
    /// is reported; anything else starting with the name `match` is an ordinary statement.
    fn match_stmt(&mut self) -> PResult<()> {
        let start = self.pos;
        let header = self.opt(|p| {
            let m = p.bump();
            p.subject_expr()?;
            let colon = p.eat(T::Colon);
            Ok((m, colon))
        })?;
        if let Some((m, colon)) = header {
            match colon {
                Some(_) if self.at(T::Newline) => {
                    if self.peek_at(1) != T::Indent {
                        // invalid_match_stmt: "match" subject ':' NEWLINE !INDENT
                        if self.second_pass {
                            return Err(self.raise_indentation(&format!(
                                "expected an indented block after 'match' statement on line {}",
                                m.line
                            )));
                        }
                        return Err(Fail::Syntax);
                    }
                    return Err(
                        self.raise_at_token(&m, "match statements are not supported by Coro")
                    );
                }
                None if self.second_pass && self.at(T::Newline) => {
                    return Err(self.raise_on_last_token("expected ':'"));
                }
                _ => {}
            }
        }
        self.pos = start;
        Ok(())
    }

    /// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
    fn subject_expr(&mut self) -> PResult<Expr> {
        let first = self.star_named_expression()?;
        if self.at(T::Comma) {
            let start = first.span.start;
            let mut elts = vec![first];
            while self.eat(T::Comma).is_some() {
                if !self.can_start_star_expression() {
                    break;
                }
                elts.push(self.star_named_expression()?);
            }
            return Ok(Expr::new(ExprKind::Tuple(elts), self.span_from(start)));
        }
        if matches!(first.kind, ExprKind::Starred(_)) {
            return Err(Fail::Syntax);
        }
        Ok(first)
    }

    /// True if the current token can start a star_expression.
    pub(super) fn can_start_star_expression(&mut self) -> bool {
        let k = self.peek();
        k == T::Star || super::starts_expression(k)
    }
}
