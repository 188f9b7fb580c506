//! CPython's larger `invalid_*` rules for expressions and assignments, run only in the
//! second pass. Each one looks at the text from the current position, raises its message if
//! the text matches, and otherwise puts the position back and returns `Ok(())` (the rule did
//! not match, so the ordinary alternatives follow).

use super::super::ast::*;
use super::super::token::TokenKind as T;
use super::target::{expr_name, Targets};
use super::{Fail, PResult, Parser};

impl<'s> Parser<'s> {
    /// invalid_expression:
    /// !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
    ///     → "invalid syntax. Perhaps you forgot a comma?" (inside brackets only)
    /// | a=disjunction 'if' b=disjunction !('else'|':') → "expected 'else' after 'if' expression"
    pub(super) fn invalid_expression(&mut self) -> PResult<()> {
        let start = self.pos;
        let name_string = self.at(T::Name) && self.peek_at(1) == T::String;
        // CPython's SOFT_KEYWORD token test compares only as many characters as the name
        // has, so any prefix of `_`, `case` or `match` counts (`c`, `ma`, ...).
        let soft_keyword = self.at(T::Name) && {
            let text = self.text_of(&self.cur());
            ["_", "case", "match"].iter().any(|k| k.starts_with(text))
        };
        if !name_string && !soft_keyword {
            if let Some((a, b)) = self.opt(|p| {
                let a = p.disjunction()?;
                let b = p.expression_without_invalid()?;
                Ok((a, b))
            })? {
                let legacy = is_legacy_name(&a);
                let level = self.level_of(self.pos.saturating_sub(1));
                if !legacy && level > 0 {
                    return Err(self.raise_range(
                        "invalid syntax. Perhaps you forgot a comma?",
                        a.span,
                        b.span,
                    ));
                }
            }
            self.pos = start;
        }
        if let Some((a, b)) = self.opt(|p| {
            let a = p.disjunction()?;
            p.expect(T::If)?;
            let b = p.disjunction()?;
            if matches!(p.peek(), T::Else | T::Colon) {
                return Err(Fail::Syntax);
            }
            Ok((a, b))
        })? {
            return Err(self.raise_range("expected 'else' after 'if' expression", a.span, b.span));
        }
        self.pos = start;
        Ok(())
    }

    /// invalid_legacy_expression: a=NAME !'(' b=star_expressions
    ///     → "Missing parentheses in call to 'print'. Did you mean print(...)?"
    pub(super) fn invalid_legacy_expression(&mut self) -> PResult<()> {
        if !self.at(T::Name) {
            return Ok(());
        }
        let start = self.pos;
        let a = self.cur();
        if self.peek_at(1) == T::LPar {
            return Ok(());
        }
        self.bump();
        let b = self.opt(|p| p.star_expressions())?;
        self.pos = start;
        if let Some(b) = b {
            let name = self.text_of(&a);
            if name == "print" || name == "exec" {
                let msg =
                    format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                return Err(self.raise_range(&msg, a.span, b.span));
            }
        }
        Ok(())
    }

    /// invalid_named_expression:
    /// a=expression ':=' expression → "cannot use assignment expressions with X"
    /// | a=NAME '=' b=bitwise_or !('='|':=') → "invalid syntax. Maybe you meant '==' or ':='
    ///   instead of '='?"
    /// | !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
    ///   → "cannot assign to X here. Maybe you meant '==' instead of '='?"
    pub(super) fn invalid_named_expression(&mut self) -> PResult<()> {
        let start = self.pos;
        if let Some(a) = self.opt(|p| {
            let a = p.expression()?;
            p.expect(T::ColonEqual)?;
            p.expression()?;
            Ok(a)
        })? {
            let msg = format!("cannot use assignment expressions with {}", expr_name(&a));
            return Err(self.raise_at(&msg, a.span));
        }
        self.pos = start;
        if self.at(T::Name) && self.peek_at(1) == T::Equal {
            let a = self.cur();
            if let Some(b) = self.opt(|p| {
                p.bump();
                p.bump();
                let b = p.bitwise_or()?;
                if matches!(p.peek(), T::Equal | T::ColonEqual) {
                    return Err(Fail::Syntax);
                }
                Ok(b)
            })? {
                return Err(self.raise_range(
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    a.span,
                    b.span,
                ));
            }
            self.pos = start;
        }
        if !self.lookahead_display_or_singleton()? {
            if let Some(a) = self.opt(|p| {
                let a = p.bitwise_or()?;
                p.expect(T::Equal)?;
                p.bitwise_or()?;
                if matches!(p.peek(), T::Equal | T::ColonEqual) {
                    return Err(Fail::Syntax);
                }
                Ok(a)
            })? {
                let msg = format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(&a)
                );
                return Err(self.raise_at(&msg, a.span));
            }
        }
        self.pos = start;
        Ok(())
    }

    /// `&(list|tuple|genexp|'True'|'None'|'False')`
    fn lookahead_display_or_singleton(&mut self) -> PResult<bool> {
        match self.peek() {
            T::True | T::None | T::False => Ok(true),
            T::LSqb | T::LPar => {
                let start = self.pos;
                let r = self.opt(|p| p.atom_for_lookahead())?;
                self.pos = start;
                Ok(matches!(
                    r.map(|e| e.kind),
                    Some(ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. })
                ))
            }
            _ => Ok(false),
        }
    }

    /// An atom, for the lookahead above (a parenthesized group is not a tuple).
    fn atom_for_lookahead(&mut self) -> PResult<Expr> {
        let open = self.cur();
        let e = self.primary_atom_only()?;
        // `(x)` is a group, not a tuple, even if `x` is a tuple: check the span.
        if open.kind == T::LPar && e.span.start != open.span.start {
            return Err(Fail::Syntax);
        }
        Ok(e)
    }

    /// invalid_assignment, at the start of a simple statement.
    pub(super) fn invalid_assignment(&mut self) -> PResult<()> {
        let start = self.pos;
        // a=invalid_ann_assign_target ':' expression
        if let Some(a) = self.opt(|p| {
            let a = p.invalid_ann_assign_target()?;
            p.expect(T::Colon)?;
            p.expression()?;
            Ok(a)
        })? {
            let msg = format!(
                "only single target (not {}) can be annotated",
                expr_name(&a)
            );
            return Err(self.raise_at(&msg, a.span));
        }
        self.pos = start;
        // a=star_named_expression ',' star_named_expressions* ':' expression
        if let Some(a) = self.opt(|p| {
            let a = p.star_named_expression()?;
            p.expect(T::Comma)?;
            // star_named_expressions*: each one is ','.star_named_expression+ [','].
            while p.opt(|p| p.star_named_expression())?.is_some() {
                while p.eat(T::Comma).is_some() {
                    if p.opt(|p| p.star_named_expression())?.is_none() {
                        break;
                    }
                }
            }
            p.expect(T::Colon)?;
            p.expression()?;
            Ok(a)
        })? {
            return Err(self.raise_at("only single target (not tuple) can be annotated", a.span));
        }
        self.pos = start;
        // a=expression ':' expression
        if let Some(a) = self.opt(|p| {
            let a = p.expression()?;
            p.expect(T::Colon)?;
            p.expression()?;
            Ok(a)
        })? {
            return Err(self.raise_at("illegal target for annotation", a.span));
        }
        self.pos = start;
        // (star_targets '=')* a=star_expressions '='
        self.skip_star_targets_equal()?;
        if let Some(a) = self.opt(|p| {
            let a = p.star_expressions()?;
            p.expect(T::Equal)?;
            Ok(a)
        })? {
            self.raise_invalid_target(Targets::Star, &a)?;
        }
        self.pos = start;
        // (star_targets '=')* a=yield_expr '='
        self.skip_star_targets_equal()?;
        if let Some(a) = self.opt(|p| {
            let a = p.yield_expr()?;
            p.expect(T::Equal)?;
            Ok(a)
        })? {
            return Err(self.raise_at("assignment to yield expression not possible", a.span));
        }
        self.pos = start;
        // a=star_expressions augassign (yield_expr | star_expressions)
        if let Some(a) = self.opt(|p| {
            let a = p.star_expressions()?;
            if !p.peek().is_augassign() {
                return Err(Fail::Syntax);
            }
            p.bump();
            if p.at(T::Yield) {
                p.yield_expr()?;
            } else {
                p.star_expressions()?;
            }
            Ok(a)
        })? {
            let msg = format!(
                "'{}' is an illegal expression for augmented assignment",
                expr_name(&a)
            );
            return Err(self.raise_at(&msg, a.span));
        }
        self.pos = start;
        Ok(())
    }

    /// `(star_targets '=')*`
    fn skip_star_targets_equal(&mut self) -> PResult<()> {
        while self
            .opt(|p| {
                p.star_targets()?;
                p.expect(T::Equal)
            })?
            .is_some()
        {}
        Ok(())
    }

    /// invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
    fn invalid_ann_assign_target(&mut self) -> PResult<Expr> {
        match self.peek() {
            T::LSqb => {
                let e = self.primary_atom_only()?;
                if matches!(e.kind, ExprKind::List(_)) {
                    Ok(e)
                } else {
                    Err(Fail::Syntax)
                }
            }
            T::LPar => {
                let start = self.pos;
                if let Some(e) = self.opt(|p| {
                    let open = p.cur();
                    let e = p.primary_atom_only()?;
                    if matches!(e.kind, ExprKind::Tuple(_)) && e.span.start == open.span.start {
                        Ok(e)
                    } else {
                        Err(Fail::Syntax)
                    }
                })? {
                    return Ok(e);
                }
                self.pos = start;
                self.bump();
                let e = self.nested(|p| p.invalid_ann_assign_target())?;
                self.expect(T::RPar)?;
                Ok(e)
            }
            _ => Err(Fail::Syntax),
        }
    }

    /// A bracketed atom on its own (no trailers).
    fn primary_atom_only(&mut self) -> PResult<Expr> {
        match self.peek() {
            T::LPar | T::LSqb | T::LBrace => {
                // `primary` would also take trailers; parse the atom by itself.
                self.atom()
            }
            _ => Err(Fail::Syntax),
        }
    }

    /// invalid_group: '(' starred_expression ')' | '(' '**' expression ')'
    pub(super) fn invalid_group(&mut self) -> PResult<()> {
        let start = self.pos;
        if let Some(a) = self.opt(|p| {
            p.expect(T::LPar)?;
            let star = p.expect(T::Star)?;
            p.expression()?;
            let a = p.span_from(star.span.start);
            p.expect(T::RPar)?;
            Ok(a)
        })? {
            return Err(self.raise_at("cannot use starred expression here", a));
        }
        self.pos = start;
        if let Some(a) = self.opt(|p| {
            p.expect(T::LPar)?;
            let a = p.expect(T::DoubleStar)?;
            p.expression()?;
            p.expect(T::RPar)?;
            Ok(a)
        })? {
            return Err(self.raise_at("cannot use double starred expression here", a.span));
        }
        self.pos = start;
        Ok(())
    }

    /// invalid_comprehension:
    /// ('[' | '(' | '{') a=starred_expression for_if_clauses
    ///     → "iterable unpacking cannot be used in comprehension"
    /// | ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
    ///     → "did you forget parentheses around the comprehension target?"
    /// | ('[' | '{') a=star_named_expression b=',' for_if_clauses → likewise
    pub(super) fn invalid_comprehension(&mut self) -> PResult<()> {
        let start = self.pos;
        let open = self.peek();
        if !matches!(open, T::LSqb | T::LPar | T::LBrace) {
            return Ok(());
        }
        if let Some(a) = self.opt(|p| {
            p.bump();
            let star = p.expect(T::Star)?;
            p.expression()?;
            let a = p.span_from(star.span.start);
            p.for_if_clauses()?;
            Ok(a)
        })? {
            return Err(self.raise_at("iterable unpacking cannot be used in comprehension", a));
        }
        self.pos = start;
        if open == T::LPar {
            return Ok(());
        }
        if let Some((a, b)) = self.opt(|p| {
            p.bump();
            let a = p.star_named_expression()?;
            p.expect(T::Comma)?;
            let mut last = p.star_named_expression()?.span;
            while p.at(T::Comma) {
                p.bump();
                match p.opt(|p| p.star_named_expression())? {
                    Some(e) => last = e.span,
                    None => break,
                }
            }
            p.for_if_clauses()?;
            Ok((a.span, last))
        })? {
            return Err(self.raise_range(
                "did you forget parentheses around the comprehension target?",
                a,
                b,
            ));
        }
        self.pos = start;
        if let Some((a, b)) = self.opt(|p| {
            p.bump();
            let a = p.star_named_expression()?;
            let b = p.expect(T::Comma)?;
            p.for_if_clauses()?;
            Ok((a.span, b.span))
        })? {
            return Err(self.raise_range(
                "did you forget parentheses around the comprehension target?",
                a,
                b,
            ));
        }
        self.pos = start;
        Ok(())
    }

    /// invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}'
    pub(super) fn invalid_dict_comprehension(&mut self) -> PResult<()> {
        let start = self.pos;
        if let Some(a) = self.opt(|p| {
            p.expect(T::LBrace)?;
            let a = p.expect(T::DoubleStar)?;
            p.bitwise_or()?;
            p.for_if_clauses()?;
            p.expect(T::RBrace)?;
            Ok(a)
        })? {
            return Err(self.raise_at(
                "dict unpacking cannot be used in dict comprehension",
                a.span,
            ));
        }
        self.pos = start;
        Ok(())
    }

    /// invalid_double_starred_kvpairs (the cursor is after `{`):
    /// ','.double_starred_kvpair+ ',' invalid_kvpair
    /// | expression ':' a='*' bitwise_or → "cannot use a starred expression in a dictionary value"
    /// | expression a=':' &('}'|',') → "expression expected after dictionary key and ':'"
    pub(super) fn invalid_double_starred_kvpairs(&mut self) -> PResult<()> {
        let start = self.pos;
        if self
            .opt(|p| {
                p.double_starred_kvpair(true)?;
                while p.at(T::Comma) {
                    let save = p.pos;
                    p.bump();
                    if p.opt(|p| p.double_starred_kvpair(false))?.is_none() {
                        p.pos = save;
                        break;
                    }
                }
                p.expect(T::Comma)?;
                p.invalid_kvpair()?;
                Err::<(), Fail>(Fail::Syntax)
            })?
            .is_some()
        {
            return Ok(());
        }
        self.pos = start;
        self.kvpair_value_errors()?;
        self.pos = start;
        Ok(())
    }

    /// The two alternatives shared by invalid_double_starred_kvpairs and invalid_kvpair.
    fn kvpair_value_errors(&mut self) -> PResult<()> {
        let start = self.pos;
        if let Some(a) = self.opt(|p| {
            p.expression()?;
            p.expect(T::Colon)?;
            let a = p.expect(T::Star)?;
            p.bitwise_or()?;
            Ok(a)
        })? {
            return Err(self.raise_starting_from(
                "cannot use a starred expression in a dictionary value",
                a.span,
            ));
        }
        self.pos = start;
        if let Some(a) = self.opt(|p| {
            p.expression()?;
            let a = p.expect(T::Colon)?;
            if matches!(p.peek(), T::RBrace | T::Comma) {
                Ok(a)
            } else {
                Err(Fail::Syntax)
            }
        })? {
            return Err(self.raise_at("expression expected after dictionary key and ':'", a.span));
        }
        self.pos = start;
        Ok(())
    }

    /// invalid_kvpair: a=expression !(':') → "':' expected after dictionary key", or the
    /// value errors.
    fn invalid_kvpair(&mut self) -> PResult<()> {
        let start = self.pos;
        if let Some(a) = self.opt(|p| {
            let a = p.later_dict_key()?;
            if p.at(T::Colon) {
                return Err(Fail::Syntax);
            }
            Ok(a)
        })? {
            // CPython: (a.lineno, a.end_col_offset - 1) to (a.end_lineno, -1).
            let end = a.span.end.max(1) - 1;
            let mut e = self.error_at(
                "':' expected after dictionary key",
                Span { start: end, end },
            );
            e.location.end_offset = 0;
            e.location.end_lineno = self.line_of(a.span.end);
            return Err(self.raise(e));
        }
        self.pos = start;
        self.kvpair_value_errors()
    }

    /// double_starred_kvpair: '**' bitwise_or | expression ':' expression
    fn double_starred_kvpair(&mut self, first: bool) -> PResult<()> {
        if self.eat(T::DoubleStar).is_some() {
            self.bitwise_or()?;
            return Ok(());
        }
        if first {
            self.expression()?;
        } else {
            self.later_dict_key()?;
        }
        self.expect(T::Colon)?;
        self.expression()?;
        Ok(())
    }
}

/// CPython's `_PyPegen_check_legacy_stmt`: the name `print` or `exec`.
fn is_legacy_name(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Name(n) if &**n == "print" || &**n == "exec")
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
    fn second_pass_messages() {
        check(
            "x.y := 1",
            "SyntaxError: cannot use assignment expressions with attribute @ 1:1",
        );
        check(
            "{**x for x in y}",
            "SyntaxError: dict unpacking cannot be used in dict comprehension @ 1:2",
        );
        check(
            "d = {'a': *b}",
            "SyntaxError: cannot use a starred expression in a dictionary value @ 1:11",
        );
        check(
            "d = {'a':}",
            "SyntaxError: expression expected after dictionary key and ':' @ 1:9",
        );
        check(
            "d = {1: 2, 3}",
            "SyntaxError: ':' expected after dictionary key @ 1:12",
        );
        check(
            "[*x for x in y]",
            "SyntaxError: iterable unpacking cannot be used in comprehension @ 1:2",
        );
        check(
            "yield x = 1",
            "SyntaxError: assignment to yield expression not possible @ 1:1",
        );
    }
}
