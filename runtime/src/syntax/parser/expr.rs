//! Expressions: CPython's rules from `star_expressions` down to `atom`, displays,
//! comprehensions, slices, `lambda` and `yield`.
//!
//! Binary operators use precedence climbing (one Rust frame per operator level actually
//! used, which keeps deep nesting cheap on the stack); the resulting trees are the ones
//! CPython's left-recursive rules build. Every construct that nests adds to the parser's depth
//! count, so no input can build a tree deeper than [`super::MAX_DEPTH`].

use super::super::ast::*;
use super::super::token::TokenKind as T;
use super::{starts_expression, Fail, Memo, PResult, Parser};

/// Binary operators by precedence: `|`, `^`, `&`, shifts, `+ -`, `* / // % @`.
fn binop(kind: T) -> Option<(BinOp, u8)> {
    Some(match kind {
        T::VBar => (BinOp::BitOr, 0),
        T::Circumflex => (BinOp::BitXor, 1),
        T::Amper => (BinOp::BitAnd, 2),
        T::LeftShift => (BinOp::LShift, 3),
        T::RightShift => (BinOp::RShift, 3),
        T::Plus => (BinOp::Add, 4),
        T::Minus => (BinOp::Sub, 4),
        T::Star => (BinOp::Mult, 5),
        T::Slash => (BinOp::Div, 5),
        T::DoubleSlash => (BinOp::FloorDiv, 5),
        T::Percent => (BinOp::Mod, 5),
        T::At => (BinOp::MatMult, 5),
        _ => return None,
    })
}

impl<'s> Parser<'s> {
    /// star_expressions: star_expression (',' star_expression)* [',']
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        self.expr_list(true)
    }

    /// expressions: expression (',' expression)* [',']
    pub(super) fn expressions(&mut self) -> PResult<Expr> {
        self.expr_list(false)
    }

    fn expr_list(&mut self, star: bool) -> PResult<Expr> {
        let start = self.cur().span.start;
        let item = |p: &mut Self| {
            if star {
                p.star_expression()
            } else {
                p.expression()
            }
        };
        let first = item(self)?;
        if !self.at(T::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma).is_some() {
            let k = self.peek();
            if !(starts_expression(k) || (star && k == T::Star)) {
                break;
            }
            // An element that does not parse leaves the comma as a trailing one (PEG).
            match self.opt(item)? {
                Some(e) => elts.push(e),
                None => break,
            }
        }
        Ok(Expr::new(ExprKind::Tuple(elts), self.span_from(start)))
    }

    /// star_expression: '*' bitwise_or | expression
    fn star_expression(&mut self) -> PResult<Expr> {
        self.memoized(Memo::StarExpression, |p| p.star_expression_inner())
    }

    fn star_expression_inner(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            let start = self.bump().span.start;
            let value = self.nested(|p| p.bitwise_or())?;
            return Ok(Expr::new(
                ExprKind::Starred(Box::new(value)),
                self.span_from(start),
            ));
        }
        self.expression()
    }

    /// star_named_expression: '*' bitwise_or | named_expression
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            return self.star_expression();
        }
        self.named_expression()
    }

    /// named_expression: assignment_expression | invalid_named_expression
    /// | expression !':='
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        if self.at(T::Name) && self.peek_at(1) == T::ColonEqual {
            return self.assignment_expression();
        }
        if self.second_pass {
            self.invalid_named_expression()?;
        }
        let e = self.expression()?;
        if self.at(T::ColonEqual) {
            return Err(Fail::Syntax);
        }
        Ok(e)
    }

    /// assignment_expression: NAME ':=' ~ expression
    pub(super) fn assignment_expression(&mut self) -> PResult<Expr> {
        let t = self.expect(T::Name)?;
        let target = self.name_of(&t);
        self.expect(T::ColonEqual)?;
        let value = self.nested(|p| p.expression())?;
        Ok(Expr::new(
            ExprKind::NamedExpr {
                target,
                value: Box::new(value),
            },
            self.span_from(t.span.start),
        ))
    }

    /// `(assignment_expression | expression !':=')`, the element of a generator expression.
    pub(super) fn genexp_element(&mut self) -> PResult<Expr> {
        if self.at(T::Name) && self.peek_at(1) == T::ColonEqual {
            return self.assignment_expression();
        }
        let e = self.expression()?;
        if self.at(T::ColonEqual) {
            return Err(Fail::Syntax);
        }
        Ok(e)
    }

    /// expression: invalid_expression | invalid_legacy_expression
    /// | disjunction 'if' disjunction 'else' expression | disjunction | lambdef
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.memoized(Memo::Expression, |p| p.nested(|p| p.expression_inner()))
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.second_pass && self.quiet_expression_at != Some(self.pos) {
            self.invalid_expression()?;
            self.invalid_legacy_expression()?;
        }
        if self.at(T::Lambda) {
            return self.lambdef();
        }
        let start = self.cur().span.start;
        let body = self.disjunction()?;
        if self.at(T::If) {
            let r = self.opt(|p| {
                p.bump();
                let test = p.disjunction()?;
                p.expect(T::Else)?;
                let orelse = p.expression()?;
                Ok((test, orelse))
            })?;
            if let Some((test, orelse)) = r {
                let span = self.span_from(start);
                return Ok(Expr::new(
                    ExprKind::IfExp {
                        test: Box::new(test),
                        body: Box::new(body),
                        orelse: Box::new(orelse),
                    },
                    span,
                ));
            }
        }
        Ok(body)
    }

    /// CPython's `expression_without_invalid`: the same rule with the invalid_* rules off.
    pub(super) fn expression_without_invalid(&mut self) -> PResult<Expr> {
        self.without_invalid(|p| {
            p.nested(|p| {
                if p.at(T::Lambda) {
                    return p.lambdef();
                }
                let start = p.cur().span.start;
                let body = p.disjunction()?;
                if p.at(T::If) {
                    let r = p.opt(|p| {
                        p.bump();
                        let test = p.disjunction()?;
                        p.expect(T::Else)?;
                        let orelse = p.expression()?;
                        Ok((test, orelse))
                    })?;
                    if let Some((test, orelse)) = r {
                        let span = p.span_from(start);
                        return Ok(Expr::new(
                            ExprKind::IfExp {
                                test: Box::new(test),
                                body: Box::new(body),
                                orelse: Box::new(orelse),
                            },
                            span,
                        ));
                    }
                }
                Ok(body)
            })
        })
    }

    /// disjunction: conjunction ('or' conjunction)*
    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        self.memoized(Memo::Disjunction, |p| p.bool_op(BoolOp::Or))
    }

    fn bool_op(&mut self, op: BoolOp) -> PResult<Expr> {
        let (kw, operand): (T, fn(&mut Self) -> PResult<Expr>) = match op {
            BoolOp::Or => (T::Or, |p| p.bool_op(BoolOp::And)),
            BoolOp::And => (T::And, |p| p.inversion()),
        };
        let start = self.cur().span.start;
        let first = operand(self)?;
        if !self.at(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.at(kw) {
            let save = self.pos;
            self.bump();
            match self.opt(operand)? {
                Some(v) => values.push(v),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if values.len() == 1 {
            return Ok(values.pop().expect("one value"));
        }
        Ok(Expr::new(
            ExprKind::BoolOp { op, values },
            self.span_from(start),
        ))
    }

    /// inversion: 'not' inversion | comparison
    fn inversion(&mut self) -> PResult<Expr> {
        if self.at(T::Not) {
            let start = self.bump().span.start;
            let operand = self.nested(|p| p.inversion())?;
            return Ok(Expr::new(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(operand),
                },
                self.span_from(start),
            ));
        }
        self.comparison()
    }

    /// comparison: bitwise_or compare_op_bitwise_or_pair*
    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.cur().span.start;
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let (op, width) = match self.peek() {
                T::EqEqual => (CmpOp::Eq, 1),
                T::NotEqual => (CmpOp::NotEq, 1),
                T::LessEqual => (CmpOp::LtE, 1),
                T::Less => (CmpOp::Lt, 1),
                T::GreaterEqual => (CmpOp::GtE, 1),
                T::Greater => (CmpOp::Gt, 1),
                T::In => (CmpOp::In, 1),
                T::Not => {
                    if self.peek_at(1) == T::In {
                        (CmpOp::NotIn, 2)
                    } else {
                        break;
                    }
                }
                T::Is => {
                    if self.peek_at(1) == T::Not {
                        (CmpOp::IsNot, 2)
                    } else {
                        (CmpOp::Is, 1)
                    }
                }
                _ => break,
            };
            // A pair whose operand does not parse is not part of the comparison (PEG).
            let save = self.pos;
            for _ in 0..width {
                self.bump();
            }
            match self.opt(|p| p.bitwise_or())? {
                Some(e) => {
                    ops.push(op);
                    comparators.push(e);
                }
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let span = self.span_from(start);
        Ok(Expr::new(
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            span,
        ))
    }

    /// bitwise_or and the operator levels below it, down to `factor`.
    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.memoized(Memo::BitwiseOr, |p| p.binary(0))
    }

    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let start = self.cur().span.start;
        let mut left = self.factor()?;
        let mut nest = 0;
        let result = loop {
            let Some((op, prec)) = binop(self.peek()) else {
                break Ok(left);
            };
            if prec < min_prec {
                break Ok(left);
            }
            let save = self.pos;
            self.bump();
            if let Err(e) = self.enter() {
                break Err(e);
            }
            let right = match self.opt(|p| p.binary(prec + 1)) {
                Ok(Some(r)) => r,
                Ok(None) => {
                    // `a + <not an operand>`: the sum ends before the `+` (PEG).
                    self.leave();
                    self.pos = save;
                    break Ok(left);
                }
                Err(e) => break Err(e),
            };
            nest += 1;
            let span = self.span_from(start);
            left = Expr::new(
                ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
                span,
            );
        };
        for _ in 0..nest {
            self.leave();
        }
        result
    }

    /// factor: '+' factor | '-' factor | '~' factor | power
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            T::Plus => UnaryOp::UAdd,
            T::Minus => UnaryOp::USub,
            T::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.bump().span.start;
        let operand = self.nested(|p| p.factor())?;
        Ok(Expr::new(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
            self.span_from(start),
        ))
    }

    /// power: await_primary '**' factor | await_primary
    fn power(&mut self) -> PResult<Expr> {
        let start = self.cur().span.start;
        let base = self.await_primary()?;
        if !self.at(T::DoubleStar) {
            return Ok(base);
        }
        let save = self.pos;
        self.bump();
        let Some(exp) = self.opt(|p| p.nested(|p| p.factor()))? else {
            self.pos = save;
            return Ok(base);
        };
        let span = self.span_from(start);
        Ok(Expr::new(
            ExprKind::BinOp {
                left: Box::new(base),
                op: BinOp::Pow,
                right: Box::new(exp),
            },
            span,
        ))
    }

    /// await_primary: AWAIT primary | primary
    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at(T::Await) {
            let start = self.bump().span.start;
            let value = self.nested(|p| p.primary())?;
            return Ok(Expr::new(
                ExprKind::Await(Box::new(value)),
                self.span_from(start),
            ));
        }
        self.primary()
    }

    /// primary: an atom followed by `.name`, calls and subscripts. A trailer that does not
    /// parse is left for the caller, as CPython's left-recursive rule does.
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        self.memoized(Memo::Primary, |p| p.primary_inner())
    }

    fn primary_inner(&mut self) -> PResult<Expr> {
        let start = self.cur().span.start;
        let mut e = self.atom()?;
        let mut nest = 0;
        let result = loop {
            if self.second_pass && matches!(self.peek(), T::LSqb | T::LBrace) {
                // CPython tries `primary genexp` at every trailer position, and genexp's
                // invalid_comprehension alternative looks inside `[` and `{` too.
                let save = self.pos;
                if let Err(err) = self.invalid_comprehension() {
                    break Err(err);
                }
                self.pos = save;
            }
            match self.peek() {
                T::Dot => {
                    if self.peek_at(1) != T::Name {
                        break Ok(e);
                    }
                    self.bump();
                    let t = self.bump();
                    let attr = self.name_of(&t);
                    let span = self.span_from(start);
                    e = Expr::new(
                        ExprKind::Attribute {
                            value: Box::new(e),
                            attr,
                        },
                        span,
                    );
                }
                T::LPar => match self.opt(|p| p.call_trailer()) {
                    Ok(Some((args, keywords))) => {
                        let span = self.span_from(start);
                        e = Expr::new(
                            ExprKind::Call {
                                func: Box::new(e),
                                args,
                                keywords,
                            },
                            span,
                        );
                    }
                    Ok(None) => break Ok(e),
                    Err(err) => break Err(err),
                },
                T::LSqb => {
                    let r = self.opt(|p| {
                        p.bump();
                        let s = p.slices()?;
                        p.expect(T::RSqb)?;
                        Ok(s)
                    });
                    match r {
                        Ok(Some(slice)) => {
                            let span = self.span_from(start);
                            e = Expr::new(
                                ExprKind::Subscript {
                                    value: Box::new(e),
                                    slice: Box::new(slice),
                                },
                                span,
                            );
                        }
                        Ok(None) => break Ok(e),
                        Err(err) => break Err(err),
                    }
                }
                _ => break Ok(e),
            }
            if let Err(err) = self.enter() {
                break Err(err);
            }
            nest += 1;
        };
        for _ in 0..nest {
            self.leave();
        }
        result
    }

    /// slices: slice !',' | ','.(slice | starred_expression)+ [',']
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.cur().span.start;
        let first = self.slice_or_starred()?;
        if !self.at(T::Comma) && !matches!(first.kind, ExprKind::Starred(_)) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma).is_some() {
            let k = self.peek();
            if !(starts_expression(k) || k == T::Star || k == T::Colon) {
                break;
            }
            match self.opt(|p| p.slice_or_starred())? {
                Some(e) => elts.push(e),
                None => break,
            }
        }
        Ok(Expr::new(ExprKind::Tuple(elts), self.span_from(start)))
    }

    fn slice_or_starred(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            let start = self.bump().span.start;
            let value = self.expression()?;
            return Ok(Expr::new(
                ExprKind::Starred(Box::new(value)),
                self.span_from(start),
            ));
        }
        self.slice()
    }

    /// slice: [expression] ':' [expression] [':' [expression]] | named_expression
    fn slice(&mut self) -> PResult<Expr> {
        let start_pos = self.pos;
        let start = self.cur().span.start;
        let lower = if self.at(T::Colon) {
            None
        } else if self.at(T::Name) && self.peek_at(1) == T::ColonEqual {
            return self.named_expression();
        } else {
            match self.expression() {
                Ok(e) => {
                    if !self.at(T::Colon) {
                        if self.second_pass {
                            self.pos = start_pos;
                            return self.named_expression();
                        }
                        if self.at(T::ColonEqual) {
                            return Err(Fail::Syntax);
                        }
                        return Ok(e);
                    }
                    Some(e)
                }
                Err(Fail::Syntax) if self.second_pass => {
                    self.pos = start_pos;
                    return self.named_expression();
                }
                Err(e) => return Err(e),
            }
        };
        self.expect(T::Colon)?;
        let upper = if starts_expression(self.peek()) {
            Some(Box::new(self.expression()?))
        } else {
            None
        };
        let step = if self.eat(T::Colon).is_some() {
            if starts_expression(self.peek()) {
                Some(Box::new(self.expression()?))
            } else {
                None
            }
        } else {
            None
        };
        Ok(Expr::new(
            ExprKind::Slice {
                lower: lower.map(Box::new),
                upper,
                step,
            },
            self.span_from(start),
        ))
    }

    /// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple/group/genexp
    /// | list/listcomp | dict/set/dictcomp/setcomp | '...'
    pub(super) fn atom(&mut self) -> PResult<Expr> {
        let t = self.cur();
        let kind = match self.peek() {
            T::Name => ExprKind::Name(self.name_of(&t)),
            T::True => ExprKind::Constant(Constant::True),
            T::False => ExprKind::Constant(Constant::False),
            T::None => ExprKind::Constant(Constant::None),
            T::Ellipsis => ExprKind::Constant(Constant::Ellipsis),
            T::Number => {
                self.bump();
                let value = self.number(&t)?;
                return Ok(Expr::new(ExprKind::Constant(value), t.span));
            }
            T::String => return self.strings(),
            T::LPar => return self.nested(|p| p.paren_atom()),
            T::LSqb => return self.nested(|p| p.list_atom()),
            T::LBrace => return self.nested(|p| p.brace_atom()),
            _ => return Err(Fail::Syntax),
        };
        self.bump();
        Ok(Expr::new(kind, t.span))
    }

    /// tuple | group | genexp
    fn paren_atom(&mut self) -> PResult<Expr> {
        let start_pos = self.pos;
        let start = self.bump().span.start;
        if self.at(T::RPar) {
            self.bump();
            return Ok(Expr::new(
                ExprKind::Tuple(Vec::new()),
                self.span_from(start),
            ));
        }
        if self.at(T::Yield) {
            let e = self.yield_expr()?;
            self.expect(T::RPar)?;
            return Ok(e);
        }
        let first = match self.star_named_expression() {
            Ok(e) => e,
            Err(Fail::Syntax) => {
                if self.second_pass {
                    self.pos = start_pos;
                    self.invalid_group()?;
                }
                return Err(Fail::Syntax);
            }
            Err(e) => return Err(e),
        };
        match self.peek() {
            T::Comma => {
                let mut elts = vec![first];
                while self.eat(T::Comma).is_some() {
                    if self.at(T::RPar) {
                        break;
                    }
                    elts.push(self.star_named_expression()?);
                }
                self.expect(T::RPar)?;
                Ok(Expr::new(ExprKind::Tuple(elts), self.span_from(start)))
            }
            T::RPar if !matches!(first.kind, ExprKind::Starred(_)) => {
                self.bump();
                Ok(first)
            }
            T::For | T::Async if !matches!(first.kind, ExprKind::Starred(_)) => {
                let generators = self.for_if_clauses()?;
                self.expect(T::RPar)?;
                Ok(Expr::new(
                    ExprKind::GeneratorExp {
                        elt: Box::new(first),
                        generators,
                    },
                    self.span_from(start),
                ))
            }
            _ => {
                if self.second_pass {
                    self.pos = start_pos;
                    self.invalid_group()?;
                    self.pos = start_pos;
                    self.invalid_comprehension()?;
                }
                Err(Fail::Syntax)
            }
        }
    }

    /// list | listcomp
    fn list_atom(&mut self) -> PResult<Expr> {
        let start_pos = self.pos;
        let start = self.bump().span.start;
        if self.eat(T::RSqb).is_some() {
            return Ok(Expr::new(ExprKind::List(Vec::new()), self.span_from(start)));
        }
        let first = self.star_named_expression()?;
        if matches!(self.peek(), T::For | T::Async) && !matches!(first.kind, ExprKind::Starred(_)) {
            let generators = self.comprehension_or_invalid(start_pos)?;
            self.expect(T::RSqb)?;
            return Ok(Expr::new(
                ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
                self.span_from(start),
            ));
        }
        let mut elts = vec![first];
        let r = self.opt(|p| {
            while p.eat(T::Comma).is_some() {
                if p.at(T::RSqb) {
                    break;
                }
                elts.push(p.star_named_expression()?);
            }
            p.expect(T::RSqb)
        })?;
        if r.is_none() {
            if self.second_pass {
                self.pos = start_pos;
                self.invalid_comprehension()?;
            }
            return Err(Fail::Syntax);
        }
        Ok(Expr::new(ExprKind::List(elts), self.span_from(start)))
    }

    /// for_if_clauses, and in the second pass CPython's invalid_comprehension if they fail.
    fn comprehension_or_invalid(&mut self, start_pos: usize) -> PResult<Vec<Comprehension>> {
        match self.for_if_clauses() {
            Err(Fail::Syntax) if self.second_pass => {
                self.pos = start_pos;
                self.invalid_comprehension()?;
                Err(Fail::Syntax)
            }
            r => r,
        }
    }

    /// dict | set | dictcomp | setcomp
    fn brace_atom(&mut self) -> PResult<Expr> {
        let start_pos = self.pos;
        let start = self.bump().span.start;
        if self.eat(T::RBrace).is_some() {
            return Ok(Expr::new(
                ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
                self.span_from(start),
            ));
        }
        if self.at(T::DoubleStar) {
            return self.dict_rest(start, start_pos, None);
        }
        let elem_pos = self.pos;
        let first = if self.at(T::Star) || (self.at(T::Name) && self.peek_at(1) == T::ColonEqual) {
            self.star_named_expression()?
        } else {
            let key = match self.expression() {
                Ok(k) => k,
                Err(Fail::Syntax) if self.second_pass => {
                    self.pos = elem_pos;
                    self.star_named_expression()?;
                    return Err(Fail::Syntax);
                }
                Err(e) => return Err(e),
            };
            if self.at(T::Colon) {
                return self.dict_rest(start, start_pos, Some(key));
            }
            if self.second_pass {
                self.pos = elem_pos;
                self.star_named_expression()?
            } else {
                if self.at(T::ColonEqual) {
                    return Err(Fail::Syntax);
                }
                key
            }
        };
        // A set or a set comprehension.
        if matches!(self.peek(), T::For | T::Async) && !matches!(first.kind, ExprKind::Starred(_)) {
            let generators = self.comprehension_or_invalid(start_pos)?;
            self.expect(T::RBrace)?;
            return Ok(Expr::new(
                ExprKind::SetComp {
                    elt: Box::new(first),
                    generators,
                },
                self.span_from(start),
            ));
        }
        let mut elts = vec![first];
        let r = self.opt(|p| {
            while p.eat(T::Comma).is_some() {
                if p.at(T::RBrace) {
                    break;
                }
                elts.push(p.star_named_expression()?);
            }
            p.expect(T::RBrace)
        })?;
        if r.is_none() {
            if self.second_pass {
                self.pos = start_pos;
                self.invalid_comprehension()?;
            }
            return Err(Fail::Syntax);
        }
        Ok(Expr::new(ExprKind::Set(elts), self.span_from(start)))
    }

    /// The rest of a dict display or comprehension; the cursor is on the first `:` (after
    /// `first_key`) or on the first `**`.
    fn dict_rest(
        &mut self,
        start: u32,
        start_pos: usize,
        first_key: Option<Expr>,
    ) -> PResult<Expr> {
        let r = self.opt(|p| p.dict_items(start, first_key));
        match r {
            Ok(Some(e)) => Ok(e),
            Ok(None) => {
                if self.second_pass {
                    self.pos = start_pos + 1;
                    self.invalid_double_starred_kvpairs()?;
                    self.pos = start_pos;
                    self.invalid_dict_comprehension()?;
                }
                Err(Fail::Syntax)
            }
            Err(e) => Err(e),
        }
    }

    fn dict_items(&mut self, start: u32, first_key: Option<Expr>) -> PResult<Expr> {
        let mut keys = Vec::new();
        let mut values = Vec::new();
        match first_key {
            Some(key) => {
                self.expect(T::Colon)?;
                let value = self.expression()?;
                if matches!(self.peek(), T::For | T::Async) {
                    let generators = self.for_if_clauses()?;
                    self.expect(T::RBrace)?;
                    return Ok(Expr::new(
                        ExprKind::DictComp {
                            key: Box::new(key),
                            value: Box::new(value),
                            generators,
                        },
                        self.span_from(start),
                    ));
                }
                keys.push(Some(key));
                values.push(value);
            }
            None => {
                self.expect(T::DoubleStar)?;
                values.push(self.bitwise_or()?);
                keys.push(None);
            }
        }
        while self.eat(T::Comma).is_some() {
            if self.at(T::RBrace) {
                break;
            }
            if self.eat(T::DoubleStar).is_some() {
                values.push(self.bitwise_or()?);
                keys.push(None);
            } else {
                let key = self.later_dict_key()?;
                self.expect(T::Colon)?;
                values.push(self.expression()?);
                keys.push(Some(key));
            }
        }
        self.expect(T::RBrace)?;
        Ok(Expr::new(
            ExprKind::Dict { keys, values },
            self.span_from(start),
        ))
    }

    /// The key of a dict item after the first. CPython's second pass does not run the
    /// `invalid_expression` and `invalid_legacy_expression` alternatives for such a key (its
    /// `invalid_kvpair` rule reports "':' expected after dictionary key" instead); nested
    /// expressions keep theirs.
    pub(super) fn later_dict_key(&mut self) -> PResult<Expr> {
        self.quiet_expression_at = Some(self.pos);
        let key = self.expression();
        self.quiet_expression_at = None;
        key
    }

    /// for_if_clauses: for_if_clause+
    pub(super) fn for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = vec![self.for_if_clause()?];
        while matches!(self.peek(), T::For | T::Async) {
            match self.opt(|p| p.for_if_clause())? {
                Some(g) => generators.push(g),
                None => break,
            }
        }
        Ok(generators)
    }

    /// for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
    /// | invalid_for_target
    fn for_if_clause(&mut self) -> PResult<Comprehension> {
        let start_pos = self.pos;
        let is_async = if self.at(T::Async) {
            if self.peek_at(1) != T::For {
                return Err(Fail::Syntax);
            }
            self.bump();
            true
        } else {
            false
        };
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
        let iter = self.disjunction()?;
        let mut ifs = Vec::new();
        while self.at(T::If) {
            let save = self.pos;
            self.bump();
            match self.opt(|p| p.disjunction())? {
                Some(cond) => ifs.push(cond),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        Ok(Comprehension {
            target,
            iter,
            ifs,
            is_async,
        })
    }

    /// lambdef: 'lambda' [lambda_params] ':' expression
    fn lambdef(&mut self) -> PResult<Expr> {
        let start = self.bump().span.start;
        let args = if self.at(T::Colon) {
            Arguments::default()
        } else {
            self.opt(|p| p.lambda_params())?.unwrap_or_default()
        };
        self.expect(T::Colon)?;
        let body = self.expression()?;
        Ok(Expr::new(
            ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
            self.span_from(start),
        ))
    }

    /// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.expect(T::Yield)?.span.start;
        if self.at(T::From) {
            // 'yield' 'from' expression; if that fails, 'yield' [star_expressions] follows,
            // and `from` cannot start an expression.
            let from = self.opt(|p| {
                p.bump();
                p.expression()
            })?;
            let kind = match from {
                Some(value) => ExprKind::YieldFrom(Box::new(value)),
                None => ExprKind::Yield(None),
            };
            return Ok(Expr::new(kind, self.span_from(start)));
        }
        let value = if self.can_start_star_expression() {
            self.opt(|p| p.star_expressions())?.map(Box::new)
        } else {
            None
        };
        Ok(Expr::new(ExprKind::Yield(value), self.span_from(start)))
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
    fn precedence() {
        check("-2 ** 2", "(- (** 2 2))");
        check("2 ** -1", "(** 2 (- 1))");
        check("a + b * c ** d", "(+ a (* b (** c d)))");
        check("not a == b", "(not (== a b))");
        check("a if b else c if d else e", "(if b a (if d c e))");
        check("a < b <= c", "(cmp a < b <= c)");
        check("a not in b is not c", "(cmp a not in b is not c)");
        check("a or b and not c", "(or a (and b (not c)))");
        check("a | b ^ c & d << e", "(| a (^ b (& c (<< d e))))");
    }

    #[test]
    fn displays_and_comprehensions() {
        check(
            "(1,), (), [*a, b], {}, {1}, {**a, 'b': c}",
            "(tuple (tuple 1) (tuple) (list (* a) b) (dict) (set 1) (dict (** a) ('b' c)))",
        );
        check("[x for x in y if z]", "(listcomp x (for x y (if z)))");
        check("{k: v for k, v in d}", "(dictcomp k v (for (tuple k v) d))");
        check("(x async for x in y)", "(genexp x (async-for x y))");
        check(
            "[x, y for x in z]",
            "SyntaxError: did you forget parentheses around the comprehension target? @ 1:2",
        );
    }

    #[test]
    fn primaries_and_slices() {
        check(
            "a.b(c)[d:e, ::2]",
            "([] (call (. a b) c) (tuple (: d e _) (: _ _ 2)))",
        );
        check("a[*b]", "([] a (tuple (* b)))");
        check("await x ** 2", "(** (await x) 2)");
        check("lambda a, *b, c=1, **d: a", "(lambda (a *b c=1 **d) a)");
        check("(yield)", "(yield)");
    }

    #[test]
    fn expression_errors() {
        check(
            "print(a b)",
            "SyntaxError: invalid syntax. Perhaps you forgot a comma? @ 1:7",
        );
        check(
            "x = a if b",
            "SyntaxError: expected 'else' after 'if' expression @ 1:5",
        );
        check(
            "if x = 1: pass",
            "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? @ 1:4",
        );
        check(
            "(*a)",
            "SyntaxError: cannot use starred expression here @ 1:2",
        );
    }
}
