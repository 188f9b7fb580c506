//! Compound statements: CPython's `compound_stmt` (`def`, `class`, `if`, `while`, `for`,
//! `with`, `try`, decorators, and the `match` statement Coro does not have), with the
//! `invalid_*` rules that give `expected ':'` and `expected an indented block after ...`.

use super::super::ast::*;
use super::super::token::TokenKind as T;
use super::{Fail, PResult, Parser};

impl<'s> Parser<'s> {
    /// compound_stmt, or `None` if the current token starts none.
    pub(super) fn compound_stmt(&mut self) -> PResult<Option<Stmt>> {
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
        let returns = if self.at(T::RArrow) {
            self.opt(|p| {
                p.bump();
                p.expression()
            })?
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
        self.invalid_block_header(header, "class definition")
    }

    /// The two invalid rules compound headers share: `header NEWLINE` gives `expected ':'`, and
    /// `header ':' NEWLINE !INDENT` gives `expected an indented block after {what} on line N`,
    /// with the line `header` returns. Consumes nothing when neither matches.
    fn invalid_block_header(
        &mut self,
        header: impl Fn(&mut Self) -> PResult<u32>,
        what: &str,
    ) -> PResult<()> {
        if self
            .opt(|p| {
                header(p)?;
                p.expect(T::Newline)
            })?
            .is_some()
        {
            return Err(self.raise_on_last_token("expected ':'"));
        }
        self.invalid_indented_block(header, what)
    }

    /// `header ':' NEWLINE !INDENT`: `expected an indented block after {what} on line N`, with
    /// the line `header` returns. Consumes nothing when it does not match.
    fn invalid_indented_block(
        &mut self,
        header: impl FnOnce(&mut Self) -> PResult<u32>,
        what: &str,
    ) -> PResult<()> {
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
                "expected an indented block after {what} on line {line}"
            )));
        }
        Ok(())
    }

    /// For `if`, `elif` and `while`: `kw named_expression NEWLINE` → expected ':', and
    /// `kw named_expression ':' NEWLINE !INDENT` → expected an indented block.
    fn invalid_header(&mut self, kw: T, what: &str) -> PResult<()> {
        let header = |p: &mut Self| -> PResult<u32> {
            let t = p.expect(kw)?;
            let test = p.named_expression()?;
            // CPython's invalid_if_stmt reports the line of the condition, the others the
            // line of the keyword.
            Ok(if kw == T::If {
                p.line_of(test.span.start)
            } else {
                t.line
            })
        };
        self.invalid_block_header(header, &format!("'{what}' statement"))
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
            self.invalid_indented_block(
                |p| Ok(p.expect(kw)?.line),
                &format!("'{what}' statement"),
            )?;
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
        let header = |p: &mut Self| -> PResult<u32> {
            p.eat(T::Async);
            let t = p.expect(T::For)?;
            p.star_targets()?;
            p.expect(T::In)?;
            p.star_expressions()?;
            Ok(t.line)
        };
        self.invalid_block_header(header, "'for' statement")
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
        self.invalid_indented_block(|p| Ok(p.expect(T::Try)?.line), "'try' statement")?;
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
            // except_star_block: 'except' '*' expression ['as' NAME] ':' block. Coro has no
            // exception groups: a well-formed header is reported as unsupported, a broken
            // one gets CPython's message.
            let star = self.cur();
            let header = self.lookahead(|p| {
                p.bump();
                p.expression()?;
                if p.eat(T::As).is_some() {
                    p.expect(T::Name)?;
                }
                p.expect(T::Colon)
            })?;
            if header {
                return Err(self.raise_range(
                    "except* is not supported by Coro",
                    except.span,
                    star.span,
                ));
            }
            if self.second_pass {
                self.pos = start_pos;
                self.invalid_except_stmt()?;
            }
            return Err(Fail::Syntax);
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
        let header = |p: &mut Self| -> PResult<u32> {
            let t = p.expect(T::Except)?;
            if !p.at(T::Colon) {
                p.expression()?;
                if p.eat(T::As).is_some() {
                    p.expect(T::Name)?;
                }
            }
            Ok(t.line)
        };
        self.invalid_indented_block(header, "'except' statement")
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
        // a='except' '*' (NEWLINE | ':')
        if self.at(T::Except)
            && self.peek_at(1) == T::Star
            && matches!(self.peek_at(2), T::Newline | T::Colon)
        {
            return Err(self.raise_on_last_token("expected one or more exception types"));
        }
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
    fn definitions() {
        check(
            "@dec\nasync def f(a, /, b=1, *c, d, **e) -> int:\n    return a",
            "(async-def f (a / b=1 *c d **e) -> int @dec\n  (return a))",
        );
        check(
            "class C(B, metaclass=M):\n    x = 1",
            "(class C (B metaclass=M)\n  (= x 1))",
        );
        check("def f:", "SyntaxError: expected '(' @ 1:6");
        check("def f()", "SyntaxError: expected ':' @ 1:8");
        check(
            "def f():",
            "IndentationError: expected an indented block after function definition on line 1 @ 1:9 !",
        );
    }

    #[test]
    fn control_flow() {
        check(
            "if a:\n    pass\nelif b:\n    x\nelse:\n    y",
            "(if a\n  pass\n  (else\n    (if b\n      x\n      (else\n        y))))",
        );
        check(
            "for i, in x:\n    pass\nelse:\n    pass",
            "(for (tuple i) x\n  pass\n  (else\n    pass))",
        );
        check("while x\n    pass", "SyntaxError: expected ':' @ 1:8");
        check(
            "for i in range(3):",
            "IndentationError: expected an indented block after 'for' statement on line 1 @ 1:19 !",
        );
    }

    #[test]
    fn try_and_with() {
        check(
            "try:\n    a\nexcept (E, F) as e:\n    b\nelse:\n    c\nfinally:\n    d",
            "(try\n  a\n  (except (tuple E F) as e\n    b)\n  (else\n    c)\n  (finally\n    d))",
        );
        check("with (a as b, c):\n    pass", "(with (a as b) (c)\n  pass)");
        check(
            "with (a, b) as c:\n    pass",
            "(with ((tuple a b) as c)\n  pass)",
        );
        check(
            "try:\n    pass\nx = 1",
            "SyntaxError: expected 'except' or 'finally' block @ 3:1",
        );
        check(
            "try:\n    pass\nexcept* E:\n    pass",
            "SyntaxError: except* is not supported by Coro @ 3:1",
        );
    }

    #[test]
    fn match_is_a_soft_keyword() {
        check("match = 3\nmatch(x)", "(= match 3)\n(call match x)");
        check(
            "match x:\n    case 1:\n        pass",
            "SyntaxError: match statements are not supported by Coro @ 1:1",
        );
    }
}
