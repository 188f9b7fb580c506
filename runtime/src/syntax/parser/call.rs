//! Call arguments: CPython's `arguments`, `args`, `kwargs` and their invalid rules
//! (`Generator expression must be parenthesized`, `positional argument follows keyword
//! argument`, `expression cannot contain assignment ...`).
//!
//! The rules are written as CPython orders them. The one PEG choice that could re-parse
//! text, `primary genexp` before `primary '(' arguments ')'`, is only tried when the
//! parentheses hold a `for` at their own level, so nested calls stay linear.

use super::super::ast::*;
use super::super::token::TokenKind as T;
use super::{Fail, PResult, Parser};

/// One entry of a keyword section: `*x` goes with the positional arguments.
enum KwItem {
    Starred(Expr),
    Keyword(Keyword),
}

impl<'s> Parser<'s> {
    /// A call's parentheses and what is between them; the cursor is on `(`.
    pub(super) fn call_trailer(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let lpar_index = self.pos;
        if self.has_for(lpar_index) {
            // primary genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
            let genexp = self.opt(|p| {
                let start = p.bump().span.start;
                let elt = p.genexp_element()?;
                if !matches!(p.peek(), T::For | T::Async) {
                    return Err(Fail::Syntax);
                }
                let generators = p.for_if_clauses()?;
                p.expect(T::RPar)?;
                Ok(Expr::new(
                    ExprKind::GeneratorExp {
                        elt: Box::new(elt),
                        generators,
                    },
                    p.span_from(start),
                ))
            })?;
            if let Some(genexp) = genexp {
                return Ok((vec![genexp], Vec::new()));
            }
        }
        if self.second_pass {
            // genexp's invalid_comprehension alternative.
            self.pos = lpar_index;
            self.invalid_comprehension()?;
            self.pos = lpar_index;
        }
        self.bump();
        let r = if self.at(T::RPar) {
            (Vec::new(), Vec::new())
        } else {
            self.arguments()?
        };
        self.expect(T::RPar)?;
        Ok(r)
    }

    /// arguments: args [','] &')' | invalid_arguments. The cursor is after `(`; the `)` is
    /// left for the caller.
    pub(super) fn arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let start = self.pos;
        let r = self.opt(|p| {
            let r = p.args()?;
            p.eat(T::Comma);
            if p.at(T::RPar) {
                Ok(r)
            } else {
                Err(Fail::Syntax)
            }
        })?;
        if let Some(r) = r {
            self.check_repeated_keywords(&r.1);
            return Ok(r);
        }
        if self.second_pass {
            self.pos = start;
            self.invalid_arguments()?;
        }
        Err(Fail::Syntax)
    }

    /// args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
    /// [',' kwargs] | kwargs
    pub(super) fn args(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        if let Some(first) = self.opt(|p| p.positional_arg())? {
            let mut args = vec![first];
            loop {
                let save = self.pos;
                if self.eat(T::Comma).is_none() {
                    break;
                }
                match self.opt(|p| p.positional_arg())? {
                    Some(e) => args.push(e),
                    None => {
                        self.pos = save;
                        break;
                    }
                }
            }
            let mut keywords = Vec::new();
            let save = self.pos;
            if self.eat(T::Comma).is_some() {
                match self.opt(|p| p.kwargs())? {
                    Some((starred, kws)) => {
                        args.extend(starred);
                        keywords = kws;
                    }
                    None => self.pos = save,
                }
            }
            return Ok((args, keywords));
        }
        self.kwargs()
    }

    /// `(','.positional+ ',' kwargs) | kwargs`: arguments that end with a keyword section.
    fn args_with_kwargs(&mut self) -> PResult<()> {
        let start = self.pos;
        if self
            .opt(|p| {
                p.positional_arg()?;
                loop {
                    let save = p.pos;
                    if p.eat(T::Comma).is_none() {
                        break;
                    }
                    if p.opt(|p| p.positional_arg())?.is_none() {
                        p.pos = save;
                        break;
                    }
                }
                p.expect(T::Comma)?;
                p.kwargs()
            })?
            .is_some()
        {
            return Ok(());
        }
        self.pos = start;
        self.kwargs()?;
        Ok(())
    }

    /// starred_expression | (assignment_expression | expression !':=') !'='
    fn positional_arg(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            return self.starred_expression();
        }
        let e = self.genexp_element()?;
        if self.at(T::Equal) {
            return Err(Fail::Syntax);
        }
        Ok(e)
    }

    /// starred_expression: '*' expression
    fn starred_expression(&mut self) -> PResult<Expr> {
        let start = self.expect(T::Star)?.span.start;
        let value = self.expression()?;
        Ok(Expr::new(
            ExprKind::Starred(Box::new(value)),
            self.span_from(start),
        ))
    }

    /// kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
    /// | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+
    fn kwargs(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut starred = Vec::new();
        let mut keywords = Vec::new();
        let mut push = |item: KwItem| match item {
            KwItem::Starred(e) => starred.push(e),
            KwItem::Keyword(k) => keywords.push(k),
        };
        let double_list = |p: &mut Self, push: &mut dyn FnMut(KwItem)| -> PResult<()> {
            push(p.kwarg_or_double_starred()?);
            loop {
                let save = p.pos;
                if p.eat(T::Comma).is_none() {
                    break;
                }
                match p.opt(|p| p.kwarg_or_double_starred())? {
                    Some(item) => push(item),
                    None => {
                        p.pos = save;
                        break;
                    }
                }
            }
            Ok(())
        };
        if let Some(item) = self.opt(|p| p.kwarg_or_starred())? {
            push(item);
            loop {
                let save = self.pos;
                if self.eat(T::Comma).is_none() {
                    break;
                }
                match self.opt(|p| p.kwarg_or_starred())? {
                    Some(item) => push(item),
                    None => {
                        self.pos = save;
                        break;
                    }
                }
            }
            let save = self.pos;
            if self.eat(T::Comma).is_some() && self.opt(|p| double_list(p, &mut push))?.is_none() {
                self.pos = save;
            }
        } else {
            double_list(self, &mut push)?;
        }
        Ok((starred, keywords))
    }

    /// kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
    fn kwarg_or_starred(&mut self) -> PResult<KwItem> {
        if self.second_pass {
            self.invalid_kwarg()?;
        }
        if self.at(T::Name) && self.peek_at(1) == T::Equal {
            return Ok(KwItem::Keyword(self.keyword()?));
        }
        Ok(KwItem::Starred(self.starred_expression()?))
    }

    /// kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression
    fn kwarg_or_double_starred(&mut self) -> PResult<KwItem> {
        if self.second_pass {
            self.invalid_kwarg()?;
        }
        if self.at(T::Name) && self.peek_at(1) == T::Equal {
            return Ok(KwItem::Keyword(self.keyword()?));
        }
        let start = self.expect(T::DoubleStar)?.span.start;
        let value = self.expression()?;
        Ok(KwItem::Keyword(Keyword {
            arg: None,
            value,
            span: self.span_from(start),
        }))
    }

    /// NAME '=' expression
    fn keyword(&mut self) -> PResult<Keyword> {
        let t = self.expect(T::Name)?;
        let arg = self.name_of(&t);
        self.expect(T::Equal)?;
        let value = self.expression()?;
        Ok(Keyword {
            arg: Some(arg),
            value,
            span: self.span_from(t.span.start),
        })
    }

    /// `keyword argument repeated: x` is a compiler error in CPython: it is reported only if
    /// the whole text parses.
    fn check_repeated_keywords(&mut self, keywords: &[Keyword]) {
        if self.deferred.is_some() || keywords.len() < 2 {
            return;
        }
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if keywords[..i].iter().any(|o| o.arg.as_ref() == Some(name)) {
                self.deferred = Some((format!("keyword argument repeated: {name}"), k.span));
                return;
            }
        }
    }

    /// invalid_arguments, tried when `args [','] &')'` fails.
    fn invalid_arguments(&mut self) -> PResult<()> {
        let start = self.pos;
        // ((','.positional+ ',' kwargs) | kwargs) ',' a='*'
        if let Some(star) = self.opt(|p| {
            p.args_with_kwargs()?;
            p.expect(T::Comma)?;
            p.expect(T::Star)
        })? {
            return Err(self.raise_at(
                "iterable argument unpacking follows keyword argument unpacking",
                star.span,
            ));
        }
        self.pos = start;
        // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
        if let Some((a, last)) = self.opt(|p| {
            let a = p.expression()?;
            let gens = p.for_if_clauses()?;
            p.expect(T::Comma)?;
            let save = p.pos;
            if p.opt(|p| p.args())?.is_none() {
                p.pos = save;
                p.opt(|p| {
                    p.expression()?;
                    p.for_if_clauses()
                })?;
            }
            Ok((a, last_comprehension_item(&gens)))
        })? {
            return Err(self.raise_range(
                "Generator expression must be parenthesized",
                a.span,
                last,
            ));
        }
        self.pos = start;
        // a=NAME b='=' expression for_if_clauses
        if let Some((a, b)) = self.opt(|p| {
            let a = p.expect(T::Name)?;
            let b = p.expect(T::Equal)?;
            p.expression()?;
            p.for_if_clauses()?;
            Ok((a, b))
        })? {
            return Err(self.raise_range(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                a.span,
                b.span,
            ));
        }
        self.pos = start;
        // a=args b=for_if_clauses
        if let Some((args, gens)) = self.opt(|p| {
            let (args, _) = p.args()?;
            let gens = p.for_if_clauses()?;
            Ok((args, gens))
        })? {
            if args.len() > 1 {
                let last = last_comprehension_item(&gens);
                let first = args[args.len() - 1].span;
                return Err(self.raise_range(
                    "Generator expression must be parenthesized",
                    first,
                    last,
                ));
            }
        }
        self.pos = start;
        // args ',' a=expression b=for_if_clauses
        if let Some((a, last)) = self.opt(|p| {
            p.args()?;
            p.expect(T::Comma)?;
            let a = p.expression()?;
            let gens = p.for_if_clauses()?;
            Ok((a, last_comprehension_item(&gens)))
        })? {
            return Err(self.raise_range(
                "Generator expression must be parenthesized",
                a.span,
                last,
            ));
        }
        self.pos = start;
        // a=args ',' args
        if let Some(keywords) = self.opt(|p| {
            let (_, keywords) = p.args()?;
            p.expect(T::Comma)?;
            p.args()?;
            Ok(keywords)
        })? {
            let msg = if keywords.iter().any(|k| k.arg.is_none()) {
                "positional argument follows keyword argument unpacking"
            } else {
                "positional argument follows keyword argument"
            };
            return Err(self.raise_on_last_token(msg));
        }
        self.pos = start;
        Ok(())
    }

    /// invalid_kwarg
    fn invalid_kwarg(&mut self) -> PResult<()> {
        let start = self.pos;
        // a=('True'|'False'|'None') b='='
        if matches!(self.peek(), T::True | T::False | T::None) && self.peek_at(1) == T::Equal {
            let a = self.cur();
            let b = self.tok(self.pos + 1);
            let msg = format!("cannot assign to {}", self.text_of(&a));
            return Err(self.raise_range(&msg, a.span, b.span));
        }
        // a=NAME b='=' expression for_if_clauses
        if let Some((a, b)) = self.opt(|p| {
            let a = p.expect(T::Name)?;
            let b = p.expect(T::Equal)?;
            p.expression()?;
            p.for_if_clauses()?;
            Ok((a, b))
        })? {
            return Err(self.raise_range(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                a.span,
                b.span,
            ));
        }
        self.pos = start;
        // !(NAME '=') a=expression b='='
        let name_eq = self.at(T::Name) && self.peek_at(1) == T::Equal;
        if !name_eq {
            if let Some((a, b)) = self.opt(|p| {
                let a = p.expression()?;
                let b = p.expect(T::Equal)?;
                Ok((a, b))
            })? {
                return Err(self.raise_range(
                    "expression cannot contain assignment, perhaps you meant \"==\"?",
                    a.span,
                    b.span,
                ));
            }
        }
        self.pos = start;
        Ok(())
    }
}

/// CPython's `_PyPegen_get_last_comprehension_item`: the last `if`, or the iterable.
fn last_comprehension_item(gens: &[Comprehension]) -> Span {
    match gens.last() {
        Some(c) => c.ifs.last().map_or(c.iter.span, |e| e.span),
        None => Span::default(),
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
    fn arguments() {
        check("f(a, *b, c=1, *d, **e)", "(call f a (* b) (* d) c=1 **e)");
        check("f(x for x in y)", "(call f (genexp x (for x y)))");
        check("f(a, (x for x in y))", "(call f a (genexp x (for x y)))");
        check("f(x := 1)", "(call f (:= x 1))");
    }

    #[test]
    fn argument_errors() {
        check(
            "f(a=1, b)",
            "SyntaxError: positional argument follows keyword argument @ 1:9",
        );
        check(
            "f(**k, b)",
            "SyntaxError: positional argument follows keyword argument unpacking @ 1:9",
        );
        check(
            "f(**k, *a)",
            "SyntaxError: iterable argument unpacking follows keyword argument unpacking @ 1:8",
        );
        check(
            "f(x for x in y, 1)",
            "SyntaxError: Generator expression must be parenthesized @ 1:3",
        );
        check(
            "f(a.b=1)",
            "SyntaxError: expression cannot contain assignment, perhaps you meant \"==\"? @ 1:3",
        );
        check("f(True=1)", "SyntaxError: cannot assign to True @ 1:3");
        check(
            "f(a=1, a=2)",
            "SyntaxError: keyword argument repeated: a @ 1:8",
        );
    }
}
