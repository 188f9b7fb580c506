//! Parameters of `def` and `lambda`: CPython's `params`/`lambda_params` rules.
//!
//! The list is read item by item (a name with its annotation and default, `/`, `*`, `*args`,
//! `**kwargs`) and checked against the grammar's order rules as it goes, stopping at the
//! first item that cannot follow; that is also where CPython's alternatives give up. In the
//! second pass CPython's `invalid_parameters`, `invalid_star_etc`, `invalid_kwds` and
//! `invalid_default` (and their lambda twins) run first and give the specific messages.

use super::super::ast::*;
use super::super::token::TokenKind as T;
use super::{Fail, PResult, Parser};

/// `def` parameters end at `)` and may be annotated; lambda parameters end at `:`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Def,
    Lambda,
}

impl Kind {
    fn close(self) -> T {
        match self {
            Kind::Def => T::RPar,
            Kind::Lambda => T::Colon,
        }
    }
}

/// One parameter as read: name, annotation, default.
struct Param {
    arg: Arg,
    default: Option<Expr>,
}

impl<'s> Parser<'s> {
    /// params: invalid_parameters | parameters. Empty when the list is empty (the `)` is
    /// next).
    pub(super) fn params(&mut self) -> PResult<Arguments> {
        if self.at(T::RPar) {
            return Ok(Arguments::default());
        }
        self.parameter_list(Kind::Def)
    }

    /// lambda_params: invalid_lambda_parameters | lambda_parameters
    pub(super) fn lambda_params(&mut self) -> PResult<Arguments> {
        self.parameter_list(Kind::Lambda)
    }

    fn parameter_list(&mut self, kind: Kind) -> PResult<Arguments> {
        if self.second_pass {
            self.invalid_parameters(kind)?;
        }
        let close = kind.close();
        let mut args = Arguments::default();
        let mut positional: Vec<Arg> = Vec::new();
        let mut seen_default = false;
        let mut seen_slash = false;
        // None: positional section; Some(false): after `*`; Some(true): after `**`.
        let mut star: Option<bool> = None;
        loop {
            match self.peek() {
                T::Name => {
                    if star == Some(true) {
                        return Err(Fail::Syntax);
                    }
                    let p = self.param(kind, false, true)?;
                    if star.is_none() {
                        match p.default {
                            Some(d) => {
                                seen_default = true;
                                args.defaults.push(d);
                            }
                            None if seen_default => return Err(Fail::Syntax),
                            None => {}
                        }
                        positional.push(p.arg);
                    } else {
                        args.kwonly.push(p.arg);
                        args.kw_defaults.push(p.default);
                    }
                }
                T::Slash => {
                    if seen_slash || star.is_some() || positional.is_empty() {
                        return Err(Fail::Syntax);
                    }
                    self.bump();
                    seen_slash = true;
                    args.posonly = std::mem::take(&mut positional);
                }
                T::Star => {
                    if star.is_some() {
                        return Err(Fail::Syntax);
                    }
                    if self.second_pass {
                        self.invalid_star_etc(kind)?;
                    }
                    self.bump();
                    star = Some(false);
                    if self.at(T::Name) {
                        let p = self.param(kind, true, false)?;
                        args.vararg = Some(p.arg);
                    } else {
                        // A bare `*` must be followed by `,` and a keyword-only parameter.
                        self.expect(T::Comma)?;
                        if !self.at(T::Name) {
                            return Err(Fail::Syntax);
                        }
                        continue;
                    }
                }
                T::DoubleStar => {
                    if star == Some(true) {
                        return Err(Fail::Syntax);
                    }
                    if self.second_pass {
                        self.invalid_kwds(kind)?;
                    }
                    self.bump();
                    let p = self.param(kind, false, false)?;
                    args.kwarg = Some(p.arg);
                    star = Some(true);
                }
                _ => return Err(Fail::Syntax),
            }
            // Each item is followed by `,` or by the closing token.
            if self.eat(T::Comma).is_some() {
                if self.at(close) {
                    break;
                }
                continue;
            }
            if self.at(close) {
                break;
            }
            return Err(Fail::Syntax);
        }
        args.args = positional;
        self.check_duplicate_params(&args);
        Ok(args)
    }

    /// param: NAME annotation? default? (lambda: NAME default?). `star` allows the
    /// `*args: *Ts` annotation; without `with_default` a `=` ends the parse (CPython's
    /// `param_no_default` looks at it and stops).
    fn param(&mut self, kind: Kind, star: bool, with_default: bool) -> PResult<Param> {
        let t = self.expect(T::Name)?;
        let name = self.name_of(&t);
        let annotation = if kind == Kind::Def && self.eat(T::Colon).is_some() {
            Some(if star && self.at(T::Star) {
                let start = self.bump().span.start;
                let value = self.bitwise_or()?;
                Expr::new(ExprKind::Starred(Box::new(value)), self.span_from(start))
            } else {
                self.expression()?
            })
        } else {
            None
        };
        let span = self.span_from(t.span.start);
        if !with_default && self.at(T::Equal) {
            return Err(Fail::Syntax);
        }
        let default = if self.at(T::Equal) {
            if self.second_pass {
                self.invalid_default(kind)?;
            }
            self.bump();
            Some(self.expression()?)
        } else {
            None
        };
        Ok(Param {
            arg: Arg {
                name,
                annotation,
                span,
            },
            default,
        })
    }

    /// `duplicate argument 'x' in function definition` comes from CPython's symbol table: it
    /// is reported only if the whole text parses.
    fn check_duplicate_params(&mut self, args: &Arguments) {
        if self.deferred.is_some() {
            return;
        }
        let all: Vec<&Arg> = args
            .posonly
            .iter()
            .chain(&args.args)
            .chain(&args.vararg)
            .chain(&args.kwonly)
            .chain(&args.kwarg)
            .collect();
        for (i, a) in all.iter().enumerate() {
            if all[..i].iter().any(|o| o.name == a.name) {
                self.deferred = Some((
                    format!("duplicate argument '{}' in function definition", a.name),
                    a.span,
                ));
                return;
            }
        }
    }

    // ----- The second pass --------------------------------------------------------------

    /// `param_no_default`: param ',' | param &close. Returns the parameter's span.
    fn peg_param_no_default(&mut self, kind: Kind) -> PResult<Span> {
        let p = self.peg_param(kind)?;
        if self.at(T::Equal) {
            return Err(Fail::Syntax);
        }
        self.param_end(kind)?;
        Ok(p)
    }

    /// `param_with_default`: param default (',' | &close).
    fn peg_param_with_default(&mut self, kind: Kind) -> PResult<Span> {
        let p = self.peg_param(kind)?;
        self.expect(T::Equal)?;
        self.expression()?;
        self.param_end(kind)?;
        Ok(p)
    }

    /// `param_maybe_default`: param default? (',' | &close).
    fn peg_param_maybe_default(&mut self, kind: Kind) -> PResult<Span> {
        let p = self.peg_param(kind)?;
        if self.eat(T::Equal).is_some() {
            self.expression()?;
        }
        self.param_end(kind)?;
        Ok(p)
    }

    /// `param`: NAME annotation? (lambda: NAME).
    fn peg_param(&mut self, kind: Kind) -> PResult<Span> {
        let t = self.expect(T::Name)?;
        if kind == Kind::Def && self.eat(T::Colon).is_some() {
            self.expression()?;
        }
        Ok(self.span_from(t.span.start))
    }

    fn param_end(&mut self, kind: Kind) -> PResult<()> {
        if self.eat(T::Comma).is_some() || self.at(kind.close()) {
            Ok(())
        } else {
            Err(Fail::Syntax)
        }
    }

    /// Repeats `f` while it matches; the number of matches.
    fn many(&mut self, mut f: impl FnMut(&mut Self) -> PResult<Span>) -> PResult<usize> {
        let mut n = 0;
        while self.opt(&mut f)?.is_some() {
            n += 1;
        }
        Ok(n)
    }

    /// slash_no_default: param_no_default+ '/' (',' | &close)
    fn peg_slash_no_default(&mut self, kind: Kind) -> PResult<()> {
        if self.many(|p| p.peg_param_no_default(kind))? == 0 {
            return Err(Fail::Syntax);
        }
        self.expect(T::Slash)?;
        self.param_end(kind)
    }

    /// slash_with_default: param_no_default* param_with_default+ '/' (',' | &close)
    fn peg_slash_with_default(&mut self, kind: Kind) -> PResult<()> {
        self.many(|p| p.peg_param_no_default(kind))?;
        if self.many(|p| p.peg_param_with_default(kind))? == 0 {
            return Err(Fail::Syntax);
        }
        self.expect(T::Slash)?;
        self.param_end(kind)
    }

    fn peg_slash_any(&mut self, kind: Kind) -> PResult<()> {
        if self.opt(|p| p.peg_slash_no_default(kind))?.is_some() {
            return Ok(());
        }
        self.peg_slash_with_default(kind)
    }

    /// invalid_parameters / invalid_lambda_parameters, in CPython 3.11's order.
    fn invalid_parameters(&mut self, kind: Kind) -> PResult<()> {
        let start = self.pos;
        // param_no_default* invalid_parameters_helper a=param_no_default
        if let Some(a) = self.opt(|p| {
            p.many(|p| p.peg_param_no_default(kind))?;
            // invalid_parameters_helper: slash_with_default | param_with_default+
            if p.opt(|p| p.peg_slash_with_default(kind))?.is_none()
                && p.many(|p| p.peg_param_with_default(kind))? == 0
            {
                return Err(Fail::Syntax);
            }
            p.peg_param_no_default(kind)
        })? {
            return Err(self.raise_at("non-default argument follows default argument", a));
        }
        self.pos = start;
        // param_no_default* a='(' param_no_default+ ','? b=')'   (lambda: ','.lambda_param+)
        if let Some((a, b)) = self.opt(|p| {
            p.many(|p| p.peg_param_no_default(kind))?;
            let a = p.expect(T::LPar)?;
            match kind {
                Kind::Def => {
                    let saved = p.pos;
                    let mut n = 0;
                    while p
                        .opt(|p| {
                            let t = p.expect(T::Name)?;
                            if p.eat(T::Colon).is_some() {
                                p.expression()?;
                            }
                            if p.eat(T::Comma).is_none() && !p.at(T::RPar) {
                                return Err(Fail::Syntax);
                            }
                            Ok(t)
                        })?
                        .is_some()
                    {
                        n += 1;
                    }
                    if n == 0 {
                        p.pos = saved;
                        return Err(Fail::Syntax);
                    }
                }
                Kind::Lambda => {
                    p.expect(T::Name)?;
                    while p.at(T::Comma) && p.peek_at(1) == T::Name {
                        p.bump();
                        p.bump();
                    }
                    p.eat(T::Comma);
                }
            }
            let b = p.expect(T::RPar)?;
            Ok((a, b))
        })? {
            let msg = match kind {
                Kind::Def => "Function parameters cannot be parenthesized",
                Kind::Lambda => "Lambda expression parameters cannot be parenthesized",
            };
            return Err(self.raise_range(msg, a.span, b.span));
        }
        self.pos = start;
        // a="/" ','
        if self.at(T::Slash) && self.peek_at(1) == T::Comma {
            let a = self.cur();
            return Err(self.raise_at("at least one argument must precede /", a.span));
        }
        // (slash_no_default | slash_with_default) param_maybe_default* a='/'
        if let Some(a) = self.opt(|p| {
            p.peg_slash_any(kind)?;
            p.many(|p| p.peg_param_maybe_default(kind))?;
            p.expect(T::Slash)
        })? {
            return Err(self.raise_at("/ may appear only once", a.span));
        }
        self.pos = start;
        // (slash_no_default | slash_with_default)? param_maybe_default* '*'
        // (',' | param_no_default) param_maybe_default* a='/'
        if let Some(a) = self.opt(|p| {
            p.opt(|p| p.peg_slash_any(kind))?;
            p.many(|p| p.peg_param_maybe_default(kind))?;
            p.expect(T::Star)?;
            if p.eat(T::Comma).is_none() {
                p.peg_param_no_default(kind)?;
            }
            p.many(|p| p.peg_param_maybe_default(kind))?;
            p.expect(T::Slash)
        })? {
            return Err(self.raise_at("/ must be ahead of *", a.span));
        }
        self.pos = start;
        // param_maybe_default+ '/' a='*'
        if let Some(a) = self.opt(|p| {
            if p.many(|p| p.peg_param_maybe_default(kind))? == 0 {
                return Err(Fail::Syntax);
            }
            p.expect(T::Slash)?;
            p.expect(T::Star)
        })? {
            return Err(self.raise_at("expected comma between / and *", a.span));
        }
        self.pos = start;
        Ok(())
    }

    /// invalid_default: a='=' &(')'|',')   (lambda: &(':'|','))
    fn invalid_default(&mut self, kind: Kind) -> PResult<()> {
        if self.at(T::Equal) {
            // CPython's rule looks for `)` or `,`, for lambdas too.
            let _ = kind;
            let next = self.peek_at(1);
            if next == T::RPar || next == T::Comma {
                let a = self.cur();
                return Err(self.raise_at("expected default value expression", a.span));
            }
        }
        Ok(())
    }

    /// invalid_star_etc / invalid_lambda_star_etc; the cursor is on `*`.
    fn invalid_star_etc(&mut self, kind: Kind) -> PResult<()> {
        let start = self.pos;
        let star = self.cur();
        // a='*' (close | ',' (close | '**'))
        let next = self.peek_at(1);
        let bare = next == kind.close()
            || (next == T::Comma
                && matches!(self.peek_at(2), k if k == kind.close() || k == T::DoubleStar));
        if bare {
            return match kind {
                Kind::Def => Err(self.raise_at("named arguments must follow bare *", star.span)),
                Kind::Lambda => Err(self.raise_on_last_token("named arguments must follow bare *")),
            };
        }
        // '*' param a='='
        if let Some(a) = self.opt(|p| {
            p.bump();
            p.peg_param(kind)?;
            p.expect(T::Equal)
        })? {
            return Err(self.raise_at("var-positional argument cannot have default value", a.span));
        }
        self.pos = start;
        // '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
        if let Some(a) = self.opt(|p| {
            p.bump();
            if p.eat(T::Comma).is_none() {
                p.peg_param_no_default(kind)?;
            }
            p.many(|p| p.peg_param_maybe_default(kind))?;
            let a = p.expect(T::Star)?;
            if p.eat(T::Comma).is_none() {
                p.peg_param_no_default(kind)?;
            }
            Ok(a)
        })? {
            return Err(self.raise_at("* argument may appear only once", a.span));
        }
        self.pos = start;
        Ok(())
    }

    /// invalid_kwds / invalid_lambda_kwds; the cursor is on `**`.
    fn invalid_kwds(&mut self, kind: Kind) -> PResult<()> {
        let start = self.pos;
        // '**' param a='='
        if let Some(a) = self.opt(|p| {
            p.bump();
            p.peg_param(kind)?;
            p.expect(T::Equal)
        })? {
            return Err(self.raise_at("var-keyword argument cannot have default value", a.span));
        }
        self.pos = start;
        // '**' param ',' a=param | '**' param ',' a=('*'|'**'|'/')
        if let Some(a) = self.opt(|p| {
            p.bump();
            p.peg_param(kind)?;
            p.expect(T::Comma)?;
            if matches!(p.peek(), T::Star | T::DoubleStar | T::Slash) {
                return Ok(p.bump().span);
            }
            p.peg_param(kind)
        })? {
            return Err(self.raise_at("arguments cannot follow var-keyword argument", a));
        }
        self.pos = start;
        Ok(())
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
    fn parameter_lists() {
        check(
            "def f(a, b=1, /, c=2, *, d, e=3, **f): pass",
            "(def f (a b=1 / c=2 * d e=3 **f)\n  pass)",
        );
        check("def f(*a: *Ts): pass", "(def f (*a:(* Ts))\n  pass)");
        check("lambda *, a: a", "(lambda (* a) a)");
    }

    #[test]
    fn parameter_errors() {
        check(
            "def f(a=1, b): pass",
            "SyntaxError: non-default argument follows default argument @ 1:12",
        );
        check(
            "def f(*): pass",
            "SyntaxError: named arguments must follow bare * @ 1:7",
        );
        check(
            "def f(**k, a): pass",
            "SyntaxError: arguments cannot follow var-keyword argument @ 1:12",
        );
        check(
            "def f(/, a): pass",
            "SyntaxError: at least one argument must precede / @ 1:7",
        );
        check(
            "def f(a, a): pass",
            "SyntaxError: duplicate argument 'a' in function definition @ 1:10",
        );
        check(
            "lambda (a): 0",
            "SyntaxError: Lambda expression parameters cannot be parenthesized @ 1:8",
        );
    }
}
