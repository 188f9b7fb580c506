//! f-strings, as CPython 3.11 parses them (`Parser/string_parser.c`): the whole literal is one
//! STRING token; its body is scanned for literal text and `{...}` replacement fields, and each
//! field's expression is parsed by a separate parser over the text `(expr)`.
//!
//! The scanner's rules and messages are CPython's: no backslash and no `#` in an expression
//! part, quotes must close inside the field, `{{`/`}}` escape braces at the top level, a format
//! spec may hold fields one level deep, `!r`/`!s`/`!a` conversions, and the `=` specifier,
//! which adds the expression's text (with the `=` and surrounding spaces) to the literal and
//! defaults the conversion to `r` unless a conversion or a format spec is given.
//!
//! Errors from the scanner are located at the token after the string, as CPython does; errors
//! inside an expression are located in the `(expr)` text and prefixed with `f-string: `.

use std::rc::Rc;

use super::super::ast::*;
use super::super::lexer;
use super::super::token::Token;
use super::strings::{decode_str, Literal};
use super::{Context, PResult, Parser};

/// CPython's `MAXLEVEL` for brackets inside a replacement field.
const MAX_LEVEL: usize = 200;

/// CPython's `FstringParser`: the literal text gathered so far and the finished parts.
#[derive(Default)]
pub(super) struct FStringState {
    last_str: String,
    parts: Vec<Expr>,
    /// Some part was an f-string, so the result is a JoinedStr.
    fmode: bool,
}

impl FStringState {
    /// Adds literal text (empty text adds nothing, as in CPython).
    pub(super) fn push_literal(&mut self, s: &str) {
        self.last_str.push_str(s);
    }

    fn push_field(&mut self, field: Expr, span: Span) {
        if !self.last_str.is_empty() {
            let text = std::mem::take(&mut self.last_str);
            self.parts.push(str_constant(text, span));
        }
        self.parts.push(field);
    }

    /// The finished node: a str constant if no f-string took part, else a JoinedStr.
    pub(super) fn finish(mut self, span: Span) -> Expr {
        if !self.fmode {
            return str_constant(self.last_str, span);
        }
        if !self.last_str.is_empty() {
            let text = std::mem::take(&mut self.last_str);
            self.parts.push(str_constant(text, span));
        }
        Expr::new(ExprKind::JoinedStr(self.parts), span)
    }
}

fn str_constant(text: String, span: Span) -> Expr {
    Expr::new(ExprKind::Constant(Constant::Str(Rc::from(text))), span)
}

/// Where an f-string token's body is, for locating its expressions.
struct Source<'a> {
    body: &'a [u8],
    text: &'a str,
    raw: bool,
    token: Token,
    /// Byte offset of the body in the source.
    body_start: usize,
    /// The body as written, when `text` had its line breaks translated (CRLF to LF).
    original: Option<&'a str>,
    /// The span of the whole string concatenation (CPython locates parts there).
    span: Span,
    /// Newlines in the token text before the body.
    newlines_before_body: u32,
}

impl Source<'_> {
    /// The offset in the body as written of offset `i` in the translated body.
    fn original_offset(&self, i: usize) -> usize {
        let Some(original) = self.original else {
            return i;
        };
        let bytes = original.as_bytes();
        let (mut o, mut t) = (0, 0);
        while t < i && o < bytes.len() {
            if bytes[o] == b'\r' && bytes.get(o + 1) == Some(&b'\n') {
                o += 1;
                continue;
            }
            o += 1;
            t += 1;
        }
        o
    }
}

impl<'s> Parser<'s> {
    /// Adds one f-string token to `state`.
    pub(super) fn fstring_token(
        &mut self,
        state: &mut FStringState,
        t: &Token,
        lit: &Literal<'_>,
        body: &str,
        span: Span,
    ) -> PResult<()> {
        state.fmode = true;
        let src = Source {
            body: body.as_bytes(),
            text: body,
            raw: lit.prefix.raw,
            token: *t,
            body_start: t.span.start as usize + lit.body_offset,
            original: (body.len() != lit.body.len()).then_some(lit.body),
            span,
            newlines_before_body: 0,
        };
        let mut pos = 0;
        self.fstring_concat(state, &src, &mut pos, 0)
    }

    /// CPython's `_PyPegen_FstringParser_ConcatFstring`.
    fn fstring_concat(
        &mut self,
        state: &mut FStringState,
        src: &Source<'_>,
        pos: &mut usize,
        level: u32,
    ) -> PResult<()> {
        state.fmode = true;
        let end = src.body.len();
        loop {
            let doubled = self.fstring_literal(state, src, pos, level)?;
            if doubled {
                continue;
            }
            if *pos >= end || src.body[*pos] == b'}' {
                break;
            }
            let (expr_text, field) = self.fstring_field(src, pos, level)?;
            if let Some(text) = expr_text {
                state.push_literal(&text);
            }
            state.push_field(field, src.span);
        }
        if level == 0 && *pos + 1 < end {
            return Err(self.raise_on_last_token("f-string: unexpected end of string"));
        }
        if level != 0 && (*pos >= end || src.body[*pos] != b'}') {
            return Err(self.raise_on_last_token("f-string: expecting '}'"));
        }
        Ok(())
    }

    /// CPython's `fstring_find_literal`: literal text up to a `{` or `}`. Returns true for a
    /// doubled brace at the top level (one brace was added; scanning goes on).
    fn fstring_literal(
        &mut self,
        state: &mut FStringState,
        src: &Source<'_>,
        pos: &mut usize,
        level: u32,
    ) -> PResult<bool> {
        let body = src.body;
        let end = body.len();
        let literal_start = *pos;
        let mut s = *pos;
        let mut doubled = false;
        while s < end {
            let mut ch = body[s];
            s += 1;
            if !src.raw && ch == b'\\' && s < end {
                ch = body[s];
                s += 1;
                if ch == b'N' {
                    let brace = s < end && body[s] == b'{';
                    s += 1;
                    if brace {
                        while s < end {
                            s += 1;
                            if body[s - 1] == b'}' {
                                break;
                            }
                        }
                        continue;
                    }
                    break;
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if s < end && body[s] == ch {
                        doubled = true;
                        break;
                    }
                    if ch == b'}' {
                        *pos = s - 1;
                        return Err(self.raise_on_last_token("f-string: single '}' is not allowed"));
                    }
                }
                s -= 1;
                break;
            }
        }
        let s = s.min(end);
        if literal_start != s {
            let text = &src.text[literal_start..s];
            if src.raw {
                state.push_literal(text);
            } else {
                match decode_str(text) {
                    Ok(decoded) => state.push_literal(&decoded),
                    Err(msg) => return Err(self.raise_on_last_token(&msg)),
                }
            }
        }
        *pos = if doubled { s + 1 } else { s };
        Ok(doubled)
    }

    /// CPython's `fstring_find_expr`: one `{...}` field; the cursor is on the `{`.
    fn fstring_field(
        &mut self,
        src: &Source<'_>,
        pos: &mut usize,
        level: u32,
    ) -> PResult<(Option<String>, Expr)> {
        let body = src.body;
        let end = body.len();
        if level >= 2 {
            return Err(self.raise_on_last_token("f-string: expressions nested too deeply"));
        }
        *pos += 1;
        let expr_start = *pos;
        let mut quote: u8 = 0;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while *pos < end {
            let ch = body[*pos];
            if ch == b'\\' {
                return Err(
                    self.raise_on_last_token("f-string expression part cannot include a backslash")
                );
            }
            if quote != 0 {
                if ch == quote {
                    if triple {
                        if *pos + 2 < end && body[*pos + 1] == ch && body[*pos + 2] == ch {
                            *pos += 3;
                            quote = 0;
                            triple = false;
                            continue;
                        }
                    } else {
                        quote = 0;
                        *pos += 1;
                        continue;
                    }
                }
            } else if ch == b'\'' || ch == b'"' {
                if *pos + 2 < end && body[*pos + 1] == ch && body[*pos + 2] == ch {
                    triple = true;
                    *pos += 2;
                } else {
                    triple = false;
                }
                quote = ch;
            } else if matches!(ch, b'[' | b'{' | b'(') {
                if stack.len() >= MAX_LEVEL {
                    return Err(self.raise_on_last_token("f-string: too many nested parenthesis"));
                }
                stack.push(ch);
            } else if ch == b'#' {
                return Err(self.raise_on_last_token("f-string expression part cannot include '#'"));
            } else if stack.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'<' | b'>') {
                if *pos + 1 < end {
                    let next = body[*pos + 1];
                    if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        *pos += 2;
                        continue;
                    }
                }
                // A lone `<` or `>` does not end the expression (unlike `!`).
                if ch == b'<' || ch == b'>' {
                    *pos += 1;
                    continue;
                }
                break;
            } else if matches!(ch, b']' | b'}' | b')') {
                let Some(open) = stack.pop() else {
                    let msg = format!("f-string: unmatched '{}'", ch as char);
                    return Err(self.raise_on_last_token(&msg));
                };
                let matching = matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !matching {
                    let msg = format!(
                        "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                        ch as char, open as char
                    );
                    return Err(self.raise_on_last_token(&msg));
                }
            }
            *pos += 1;
        }
        let expr_end = (*pos).min(end);
        if quote != 0 {
            return Err(self.raise_on_last_token("f-string: unterminated string"));
        }
        if let Some(&open) = stack.last() {
            let msg = format!("f-string: unmatched '{}'", open as char);
            return Err(self.raise_on_last_token(&msg));
        }
        if *pos >= end {
            return Err(self.raise_on_last_token("f-string: expecting '}'"));
        }
        let value = self.fstring_compile(src, expr_start, expr_end)?;
        let mut expr_text = None;
        if body[*pos] == b'=' {
            *pos += 1;
            while *pos < end && matches!(body[*pos], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                *pos += 1;
            }
            expr_text = Some(src.text[expr_start..*pos].to_string());
        }
        let mut conversion = None;
        if *pos < end && body[*pos] == b'!' {
            *pos += 1;
            if *pos >= end {
                return Err(self.raise_on_last_token("f-string: expecting '}'"));
            }
            let c = body[*pos];
            *pos += 1;
            if !matches!(c, b's' | b'r' | b'a') {
                return Err(self.raise_on_last_token(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
            conversion = Some(c as char);
        }
        if *pos >= end {
            return Err(self.raise_on_last_token("f-string: expecting '}'"));
        }
        let mut format_spec = None;
        if body[*pos] == b':' {
            *pos += 1;
            if *pos >= end {
                return Err(self.raise_on_last_token("f-string: expecting '}'"));
            }
            let mut spec = FStringState::default();
            self.fstring_concat(&mut spec, src, pos, level + 1)?;
            format_spec = Some(Box::new(spec.finish(src.token.span)));
        }
        if *pos >= end || body[*pos] != b'}' {
            return Err(self.raise_on_last_token("f-string: expecting '}'"));
        }
        *pos += 1;
        if expr_text.is_some() && format_spec.is_none() && conversion.is_none() {
            conversion = Some('r');
        }
        let field = Expr::new(
            ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
            src.span,
        );
        Ok((expr_text, field))
    }

    /// CPython's `fstring_compile_expr`: parses `(expr)` with a parser of its own.
    fn fstring_compile(&mut self, src: &Source<'_>, start: usize, end: usize) -> PResult<Expr> {
        let text = &src.text[start..end];
        if text
            .bytes()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c))
        {
            let msg = match src.body.get(end) {
                Some(&c @ (b'!' | b':' | b'=')) => {
                    format!("f-string: expression required before '{}'", c as char)
                }
                _ => "f-string: empty expression not allowed".to_string(),
            };
            return Err(self.raise_on_last_token(&msg));
        }
        let wrapped = format!("({text})");
        let newlines = src.newlines_before_body
            + src.body[..start].iter().filter(|&&b| b == b'\n').count() as u32;
        let line_base = (src.token.line + newlines).saturating_sub(1);
        let padded = lexer::padded(&wrapped);
        let lexed = lexer::tokenize(&padded);
        let mut sub = Parser::new(&padded, lexed, Context::FString { line_base });
        sub.depth = self.depth;
        sub.stack_base = self.stack_base;
        let result = sub.run_with(|p| p.star_expressions());
        match result {
            Ok(mut e) => {
                let origin = src.body_start + src.original_offset(start);
                // `(` sits at offset 0 of the wrapped text, the expression at 1.
                let delta = origin as u32 - 1;
                shift_expr(&mut e, delta);
                if let Some((msg, mut span)) = sub.deferred.take() {
                    if self.deferred.is_none() {
                        shift(&mut span, delta);
                        self.deferred = Some((msg, span));
                    }
                }
                Ok(e)
            }
            Err(error) => Err(self.raise(error)),
        }
    }
}

/// Moves every span in `e` by `delta` bytes (from the wrapped text to the source).
fn shift_expr(e: &mut Expr, delta: u32) {
    shift(&mut e.span, delta);
    match &mut e.kind {
        ExprKind::BoolOp { values, .. } => values.iter_mut().for_each(|v| shift_expr(v, delta)),
        ExprKind::NamedExpr { value, .. } => shift_expr(value, delta),
        ExprKind::BinOp { left, right, .. } => {
            shift_expr(left, delta);
            shift_expr(right, delta);
        }
        ExprKind::UnaryOp { operand, .. } => shift_expr(operand, delta),
        ExprKind::Lambda { args, body } => {
            shift_arguments(args, delta);
            shift_expr(body, delta);
        }
        ExprKind::IfExp { test, body, orelse } => {
            shift_expr(test, delta);
            shift_expr(body, delta);
            shift_expr(orelse, delta);
        }
        ExprKind::Dict { keys, values } => {
            keys.iter_mut().flatten().for_each(|k| shift_expr(k, delta));
            values.iter_mut().for_each(|v| shift_expr(v, delta));
        }
        ExprKind::Set(elts) | ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter_mut().for_each(|v| shift_expr(v, delta))
        }
        ExprKind::JoinedStr(values) => values.iter_mut().for_each(|v| shift_expr(v, delta)),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            shift_expr(elt, delta);
            shift_generators(generators, delta);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            shift_expr(key, delta);
            shift_expr(value, delta);
            shift_generators(generators, delta);
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => shift_expr(v, delta),
        ExprKind::Yield(v) => {
            if let Some(v) = v {
                shift_expr(v, delta);
            }
        }
        ExprKind::Compare {
            left, comparators, ..
        } => {
            shift_expr(left, delta);
            comparators.iter_mut().for_each(|v| shift_expr(v, delta));
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            shift_expr(func, delta);
            args.iter_mut().for_each(|v| shift_expr(v, delta));
            for k in keywords {
                shift(&mut k.span, delta);
                shift_expr(&mut k.value, delta);
            }
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            shift_expr(value, delta);
            if let Some(spec) = format_spec {
                shift_expr(spec, delta);
            }
        }
        ExprKind::Attribute { value, .. } => shift_expr(value, delta),
        ExprKind::Subscript { value, slice } => {
            shift_expr(value, delta);
            shift_expr(slice, delta);
        }
        ExprKind::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                shift_expr(part, delta);
            }
        }
        ExprKind::Constant(_) | ExprKind::Name(_) => {}
    }
}

fn shift(span: &mut Span, delta: u32) {
    span.start += delta;
    span.end += delta;
}

fn shift_generators(generators: &mut [Comprehension], delta: u32) {
    for g in generators {
        shift_expr(&mut g.target, delta);
        shift_expr(&mut g.iter, delta);
        g.ifs.iter_mut().for_each(|v| shift_expr(v, delta));
    }
}

fn shift_arguments(args: &mut Arguments, delta: u32) {
    for a in args
        .posonly
        .iter_mut()
        .chain(args.args.iter_mut())
        .chain(args.vararg.iter_mut())
        .chain(args.kwonly.iter_mut())
        .chain(args.kwarg.iter_mut())
    {
        shift(&mut a.span, delta);
        if let Some(ann) = &mut a.annotation {
            shift_expr(ann, delta);
        }
    }
    args.kw_defaults
        .iter_mut()
        .flatten()
        .for_each(|v| shift_expr(v, delta));
    args.defaults.iter_mut().for_each(|v| shift_expr(v, delta));
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
    fn fields() {
        check(
            "f'a {b!r:>{w}} c'",
            "(f 'a ' (fmt b !r (f '>' (fmt w))) ' c')",
        );
        check("f'{x=}'", "(f 'x=' (fmt x !r))");
        check("f'{x = :>4}'", "(f 'x = ' (fmt x (f '>4')))");
        check("f'{{}}' 'b' f'{c}'", "(f '{}b' (fmt c))");
        check("'a' 'b'", "'ab'");
        check("f''", "(f)");
    }

    #[test]
    fn errors() {
        check(
            "f'{}'",
            "SyntaxError: f-string: empty expression not allowed @ 1:6",
        );
        check("f'{a'", "SyntaxError: f-string: expecting '}' @ 1:6");
        check(
            "f'}'",
            "SyntaxError: f-string: single '}' is not allowed @ 1:5",
        );
        check(
            "f'{a b}'",
            "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? @ 1:2",
        );
        check(
            "f'{a!x}'",
            "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' @ 1:9",
        );
    }
}
