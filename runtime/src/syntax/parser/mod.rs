//! The parser: tokens to [`Module`], with CPython 3.11's error messages and locations.
//!
//! The shape follows CPython's PEG parser (`Grammar/python.gram`) closely, because CPython's
//! error reporting is a product of that shape:
//!
//! - The first pass is an ordinary recursive descent over the token vector. Rules are the
//!   grammar's rules (`star_expressions`, `named_expression`, `star_targets`, ...), written
//!   predictively where the grammar allows and with explicit backtracking where it does not.
//!   It records the furthest token it looked at, which is where CPython reports a plain
//!   `invalid syntax`.
//! - If the first pass fails, a second pass runs with the grammar's `invalid_*` rules switched
//!   on. They are the hooks (`self.second_pass`) that recognise common mistakes and raise the
//!   specific messages (`expected ':'`, `Perhaps you forgot a comma?`, ...).
//! - `Parser::finish_error` then applies CPython's precedence between tokenizer and parser
//!   errors (an unterminated string anywhere beats a parser error; an unclosed bracket beats a
//!   parser error on a later line) and sets `incomplete` when the first pass ran into the end
//!   of the input.
//!
//! Submodules: `stmt` (simple statements and blocks), `compound` (compound statements), `params` (def and lambda parameters), `expr`
//! (expressions and displays), `call` (call arguments), `target` (assignment, `for` and `del`
//! targets), `invalid` (the larger second-pass rules), `strings` and `fstring` (literals),
//! `number` (numeric literals).
//!
//! What it deliberately does not do: scope checks (`'return' outside function`, `nonlocal`
//! at module level; the compiler does those), `match` statements, `except*` and type
//! parameters (rejected with a `SyntaxError` naming the feature), and warnings.

mod call;
mod compound;
mod expr;
mod fstring;
mod invalid;
mod number;
mod params;
mod stmt;
mod strings;
mod target;

use hashbrown::HashMap;

use super::ast::{Expr, Module, Name, Span};
use super::lexer::{self, LexError, Lexed};
use super::source::LineIndex;
use super::token::{Token, TokenKind};
use super::{PyLocation, SyntaxError, SyntaxErrorKind};

/// The deepest nesting of expressions (and of the parser's recursion) Coro accepts. CPython
/// gives up near 3,000 levels with a `MemoryError` or `RecursionError`; Coro stops earlier with
/// a `SyntaxError`, so that the compiler and every other tree walk can recurse safely.
pub const MAX_DEPTH: u32 = 1000;

/// The most stack the parser lets itself use. Frame sizes differ between builds, so nesting
/// is also refused when this much stack is in use; the parser is then safe on any thread
/// with a 2 MiB stack (Rust's default for spawned threads).
pub const STACK_BUDGET: usize = 1536 * 1024;

/// Parses a module, a notebook cell or a script.
pub fn parse(source: &str) -> Result<Module, SyntaxError> {
    let text = lexer::padded(source);
    let lexed = lexer::tokenize(&text);
    let mut parser = Parser::new(&text, lexed, Context::Module);
    parser.run().map_err(|mut e| {
        // Jupyter's completeness check (codeop) parses the text with a newline added. Only
        // after a backslash that ends the last line does that change anything (the added
        // newline makes an empty continuation line), so only then can the answers differ.
        if e.incomplete && source.ends_with('\n') {
            let extended = format!("{source}\n");
            let lexed = lexer::tokenize(&extended);
            let mut again = Parser::new(&extended, lexed, Context::Module);
            e.incomplete = match again.run() {
                Ok(_) => true,
                Err(other) => other.incomplete,
            };
        }
        e
    })
}

/// Why a rule did not produce a value.
#[derive(Clone, Debug)]
pub(crate) enum Fail {
    /// No alternative matched. The caller may try another; if nothing matches, the error is
    /// `invalid syntax` at the furthest token the first pass saw.
    Syntax,
    /// A definite error, raised the way CPython raises: it stops the whole parse.
    Error(Box<SyntaxError>),
}

pub(crate) type PResult<T> = Result<T, Fail>;

/// What a parser instance parses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Context {
    /// A whole module.
    Module,
    /// The expression of an f-string replacement field, wrapped in parentheses as CPython's
    /// `fstring_compile_expr` does. Errors get the `f-string: ` prefix and are located in the
    /// wrapped text; `line_base` is added to their line numbers.
    FString { line_base: u32 },
}

/// Rules whose results the second pass memoizes, as CPython does (our first pass never
/// parses the same text twice with them, so it keeps no memo).
///
/// The memo is shared between the stretches where the invalid_* rules are on and off, as in
/// CPython: a result computed inside `expression_without_invalid` is reused later where the
/// rules are on, and then those rules do not run. Several CPython messages depend on this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Memo {
    Expression,
    StarExpression,
    Disjunction,
    BitwiseOr,
    Primary,
}

/// The memoized results at one token position, by [`Memo`] rule: the result and the position
/// after it.
type MemoSlot = [Option<(PResult<Expr>, usize)>; 5];

pub(crate) struct Parser<'s> {
    /// The text being parsed (with its final newline).
    text: &'s str,
    toks: Vec<Token>,
    pos: usize,
    /// The furthest token index looked at, CPython's `p->fill - 1`.
    max_seen: usize,
    /// The `invalid_*` rules are on (the second pass, outside `_without_invalid` rules).
    second_pass: bool,
    /// The second pass is running: memoize (see [`Memo`]).
    memo_on: bool,
    lex_error: Option<LexError>,
    /// The parser has looked at the lexer's `Error` token: CPython raises the tokenizer's
    /// error at that moment, and it stands.
    lex_hit: bool,
    names: HashMap<&'s str, Name>,
    /// Current nesting, checked against [`MAX_DEPTH`].
    depth: u32,
    index: Option<LineIndex>,
    /// Per token position, the memoized results of the [`Memo`] rules that started there.
    memo: Vec<Option<Box<MemoSlot>>>,
    context: Context,
    /// Token indices of `(` whose parentheses hold a `for` at their own level: only those
    /// can be a generator expression, so only there is that PEG alternative tried.
    parens_with_for: Vec<u32>,
    /// An error CPython's compiler or symbol table would raise (`keyword argument repeated`,
    /// `duplicate argument`): reported only if the whole text parses.
    deferred: Option<(String, Span)>,
    /// An address near the top of the stack when the outermost parser started; nesting is
    /// refused once the stack has grown [`STACK_BUDGET`] bytes past it.
    stack_base: usize,
    /// A token position where `expression` skips its invalid alternatives (see
    /// `later_dict_key`).
    quiet_expression_at: Option<usize>,
    /// Where the last top-level statement the first pass parsed ends.
    first_pass_good_prefix: usize,
}

impl<'s> Parser<'s> {
    pub(crate) fn new(text: &'s str, lexed: Lexed, context: Context) -> Parser<'s> {
        let parens_with_for = parens_with_for(&lexed.tokens);
        Parser {
            text,
            toks: lexed.tokens,
            pos: 0,
            max_seen: 0,
            second_pass: false,
            memo_on: false,
            lex_error: lexed.error,
            lex_hit: false,
            names: HashMap::new(),
            depth: 0,
            index: None,
            memo: Vec::new(),
            context,
            parens_with_for,
            deferred: None,
            quiet_expression_at: None,
            first_pass_good_prefix: 0,
            stack_base: {
                let here = 0u8;
                std::hint::black_box(&here) as *const u8 as usize
            },
        }
    }

    /// Whether the `(` at token `index` may hold a generator expression.
    pub(crate) fn has_for(&self, index: usize) -> bool {
        self.parens_with_for.binary_search(&(index as u32)).is_ok()
    }

    /// Runs both passes and turns a failure into CPython's error.
    fn run(&mut self) -> Result<Module, SyntaxError> {
        let module = self.run_with(|p| p.file())?;
        if let Some((msg, span)) = self.deferred.take() {
            return Err(self.compiler_error(&msg, span));
        }
        Ok(module)
    }

    /// Runs `entry` as the start rule: the first pass, and on failure the second pass with
    /// the invalid_* rules, then CPython's choice of error.
    pub(crate) fn run_with<T>(
        &mut self,
        entry: impl Fn(&mut Self) -> PResult<T>,
    ) -> Result<T, SyntaxError> {
        let start_depth = self.depth;
        let first = entry(self);
        let first_max = self.max_seen;
        let failure = match first {
            Ok(value) => return Ok(value),
            Err(fail) => fail,
        };
        let incomplete = self.at_end_of_input(first_max);
        if self.lex_hit {
            return Err(self.lexer_error(incomplete));
        }
        if let Fail::Error(error) = failure {
            return Err(self.finish_error(*error, incomplete));
        }
        // The second pass, with the invalid_* rules.
        self.pos = 0;
        self.depth = start_depth;
        self.second_pass = true;
        self.memo_on = true;
        self.memo.clear();
        self.memo.resize_with(self.toks.len(), || None);
        let second = entry(self);
        if self.lex_hit {
            return Err(self.lexer_error(incomplete));
        }
        if let Err(Fail::Error(error)) = second {
            return Err(self.finish_error(*error, incomplete));
        }
        Err(self.generic_error(first_max, incomplete))
    }

    /// Whether token `index` is the last token and stands for the end of the input (CPython's
    /// `_is_end_of_source`: the tokenizer reached the end, inside brackets, a triple-quoted
    /// string or after a backslash, or normally).
    ///
    /// CPython's tokenizer notes the end of input when it measures the indentation of the
    /// line after the last one, before it hands out the DEDENTs that close open blocks; so
    /// those DEDENTs count as "at the end" too.
    fn at_end_of_input(&self, index: usize) -> bool {
        let end = self.text.len() as u32;
        let Some(t) = self.toks.get(index) else {
            return false;
        };
        match t.kind {
            TokenKind::EndMarker | TokenKind::Dedent => t.span.start >= end,
            TokenKind::Error => self.lex_error.as_ref().is_some_and(|e| e.at_eof),
            _ => false,
        }
    }

    fn lexer_error(&self, incomplete: bool) -> SyntaxError {
        let mut error = self
            .lex_error
            .as_ref()
            .map(|e| e.error.clone())
            .unwrap_or_else(|| self.bare_error("invalid syntax"));
        error.incomplete = incomplete;
        // Inside an f-string field the tokenizer's lines are relative to the field; CPython
        // shifts them but adds no "f-string: " prefix to tokenizer messages.
        if let Context::FString { line_base } = self.context {
            error.location.lineno += line_base;
            error.location.end_lineno += line_base;
        }
        error
    }

    fn bare_error(&self, msg: &str) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::Syntax,
            msg: msg.to_string(),
            span: Span::default(),
            incomplete: false,
            location: PyLocation::default(),
        }
    }

    /// CPython's treatment of a raised parser error: if the tokenizer had not finished, it
    /// tokenizes the rest of the text, and an error found there replaces the parser's.
    fn finish_error(&mut self, error: SyntaxError, incomplete: bool) -> SyntaxError {
        let err_line = self.toks[self.max_seen.min(self.toks.len() - 1)].line;
        let mut error = self.tokenizer_override(error, err_line);
        error.incomplete = incomplete;
        error
    }

    fn tokenizer_override(&self, error: SyntaxError, err_line: u32) -> SyntaxError {
        let Some(lex) = &self.lex_error else {
            return error;
        };
        if lex.eager {
            return lex.error.clone();
        }
        if let Some(open) = lex.open_bracket {
            if err_line > open.line {
                return self.unclosed_bracket(open);
            }
        }
        error
    }

    fn unclosed_bracket(&self, open: lexer::OpenBracket) -> SyntaxError {
        let index = self.line_index();
        let offset = index.chars_before(open.line, open.col + 1) as i32;
        SyntaxError {
            kind: SyntaxErrorKind::Syntax,
            msg: format!("'{}' was never closed", open.ch),
            span: Span::new(open.pos, open.pos + 1),
            incomplete: false,
            location: PyLocation {
                lineno: open.line,
                offset,
                end_lineno: open.line,
                end_offset: 0,
            },
        }
    }

    /// CPython's `_PyPegen_set_syntax_error` for a parse that failed without a specific
    /// error: `unexpected indent`/`unindent` at a layout token, otherwise `invalid syntax` at
    /// the furthest token of the first pass.
    fn generic_error(&mut self, first_max: usize, incomplete: bool) -> SyntaxError {
        let last = self.toks[first_max.min(self.toks.len() - 1)];
        let mut error = match last.kind {
            TokenKind::Indent | TokenKind::Dedent => {
                let msg = if last.kind == TokenKind::Indent {
                    "unexpected indent"
                } else {
                    "unexpected unindent"
                };
                self.error_on_last_token(SyntaxErrorKind::Indentation, msg)
            }
            _ => {
                let error = self.error_at_token(&last, "invalid syntax");
                // CPython compares the bracket's line with the furthest token fetched by
                // either pass.
                let furthest = self.tok(self.max_seen).line;
                self.tokenizer_override(error, furthest)
            }
        };
        error.incomplete = incomplete;
        error
    }

    // ----- Tokens ---------------------------------------------------------------------------

    /// The kind of the current token (and note that the parser has looked at it).
    pub(crate) fn peek(&mut self) -> TokenKind {
        self.peek_at(0)
    }

    /// The kind of the token `n` places ahead.
    pub(crate) fn peek_at(&mut self, n: usize) -> TokenKind {
        let i = (self.pos + n).min(self.toks.len() - 1);
        if i > self.max_seen {
            self.max_seen = i;
        }
        let kind = self.toks[i].kind;
        if kind == TokenKind::Error {
            self.lex_hit = true;
        }
        kind
    }

    pub(crate) fn tok(&self, i: usize) -> Token {
        self.toks[i.min(self.toks.len() - 1)]
    }

    pub(crate) fn cur(&self) -> Token {
        self.tok(self.pos)
    }

    pub(crate) fn at(&mut self, kind: TokenKind) -> bool {
        self.peek() == kind
    }

    /// Consumes the current token.
    pub(crate) fn bump(&mut self) -> Token {
        let t = self.cur();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    pub(crate) fn eat(&mut self, kind: TokenKind) -> Option<Token> {
        if self.at(kind) {
            Some(self.bump())
        } else {
            None
        }
    }

    pub(crate) fn expect(&mut self, kind: TokenKind) -> PResult<Token> {
        self.eat(kind).ok_or(Fail::Syntax)
    }

    /// CPython's `&&token`: the token must come next, or `expected 'x'` is raised at once.
    pub(crate) fn expect_forced(&mut self, kind: TokenKind) -> PResult<Token> {
        if let Some(t) = self.eat(kind) {
            return Ok(t);
        }
        let t = self.cur();
        Err(self.raise_at_token(&t, &format!("expected '{}'", kind.describe())))
    }

    /// The end of the last consumed token that is not layout (NEWLINE, INDENT, DEDENT), as
    /// CPython's `_PyPegen_get_last_nonnwhitespace_token` finds it for node ends.
    pub(crate) fn prev_end(&self) -> u32 {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            let t = &self.toks[i];
            if !matches!(
                t.kind,
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker
            ) {
                return t.span.end;
            }
        }
        0
    }

    pub(crate) fn span_from(&self, start: u32) -> Span {
        Span {
            start,
            end: self.prev_end().max(start),
        }
    }

    pub(crate) fn text_of(&self, t: &Token) -> &'s str {
        let text: &'s str = self.text;
        text.get(t.span.start as usize..t.span.end as usize)
            .unwrap_or("")
    }

    /// An interned name for the text of `t`.
    pub(crate) fn name_of(&mut self, t: &Token) -> Name {
        let text = self.text_of(t);
        if let Some(name) = self.names.get(text) {
            return name.clone();
        }
        let name: Name = Name::from(text);
        self.names.insert(text, name.clone());
        name
    }

    /// Runs `f`; if it fails without a specific error, puts the position back and returns
    /// `None` (a PEG alternative that did not match).
    pub(crate) fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<Option<T>> {
        let start = self.pos;
        let depth = self.depth;
        match f(self) {
            Ok(v) => Ok(Some(v)),
            Err(Fail::Syntax) => {
                self.pos = start;
                self.depth = depth;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Runs `f` and always puts the position back (a lookahead). Returns whether it matched.
    pub(crate) fn lookahead<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> PResult<T>,
    ) -> PResult<bool> {
        let start = self.pos;
        let r = self.opt(f)?;
        self.pos = start;
        Ok(r.is_some())
    }

    /// Runs `f` with the invalid_* rules off (CPython's `_without_invalid` rules).
    pub(crate) fn without_invalid<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> PResult<T>,
    ) -> PResult<T> {
        let saved = self.second_pass;
        self.second_pass = false;
        let r = f(self);
        self.second_pass = saved;
        r
    }

    /// The bracket nesting level CPython's tokenizer gives token `index` (after the token:
    /// an opening bracket is inside, a closing one outside).
    pub(crate) fn level_of(&self, index: usize) -> u32 {
        let mut level: i64 = 0;
        for t in &self.toks[..=index.min(self.toks.len() - 1)] {
            match t.kind {
                TokenKind::LPar | TokenKind::LSqb | TokenKind::LBrace => level += 1,
                TokenKind::RPar | TokenKind::RSqb | TokenKind::RBrace => level -= 1,
                _ => {}
            }
        }
        level.max(0) as u32
    }

    // ----- Nesting --------------------------------------------------------------------------

    /// Enters one level of nesting; errors past [`MAX_DEPTH`].
    pub(crate) fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH || self.stack_used() > STACK_BUDGET {
            let t = self.cur();
            return Err(self.raise_at_token(&t, "expression too deeply nested"));
        }
        Ok(())
    }

    /// Bytes of stack used since the outermost parser started.
    fn stack_used(&self) -> usize {
        let here = 0u8;
        let addr = std::hint::black_box(&here) as *const u8 as usize;
        self.stack_base.abs_diff(addr)
    }

    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Runs `f` one nesting level deeper.
    pub(crate) fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.enter()?;
        let r = f(self);
        self.leave();
        r
    }

    // ----- Memo (second pass) ---------------------------------------------------------------

    pub(crate) fn memoized(
        &mut self,
        rule: Memo,
        f: impl FnOnce(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        if !self.memo_on {
            return f(self);
        }
        let start = self.pos;
        if let Some(Some((result, end))) = self
            .memo
            .get(start)
            .and_then(|slot| slot.as_ref())
            .map(|slot| &slot[rule as usize])
        {
            let (result, end) = (result.clone(), *end);
            self.pos = end;
            return result;
        }
        let result = f(self);
        if matches!(result, Err(Fail::Syntax)) {
            self.pos = start;
        }
        if let Some(slot) = self.memo.get_mut(start) {
            let slot = slot.get_or_insert_with(Box::default);
            slot[rule as usize] = Some((result.clone(), self.pos));
        }
        result
    }

    // ----- Errors ---------------------------------------------------------------------------

    pub(crate) fn line_index(&self) -> LineIndex {
        match &self.index {
            Some(index) => index.clone(),
            None => LineIndex::new(self.text),
        }
    }

    fn index(&mut self) -> &LineIndex {
        if self.index.is_none() {
            self.index = Some(LineIndex::new(self.text));
        }
        self.index.as_ref().expect("just built")
    }

    /// A specific error, unless the tokenizer's error was already met (then that one stands,
    /// as in CPython, where a raised error stops every later rule).
    pub(crate) fn raise(&mut self, error: SyntaxError) -> Fail {
        if self.lex_hit {
            return Fail::Error(Box::new(self.lexer_error(false)));
        }
        Fail::Error(Box::new(error))
    }

    /// Builds an error at CPython's location numbers (prefixed and shifted for f-strings).
    fn make_error(
        &mut self,
        kind: SyntaxErrorKind,
        msg: &str,
        span: Span,
        mut location: PyLocation,
    ) -> SyntaxError {
        let msg = match self.context {
            Context::Module => msg.to_string(),
            Context::FString { line_base } => {
                location.lineno += line_base;
                location.end_lineno += line_base;
                format!("f-string: {msg}")
            }
        };
        SyntaxError {
            kind,
            msg,
            span,
            incomplete: false,
            location,
        }
    }

    /// 1-based character offset of byte column `col + 1` on `line`, as CPython converts.
    fn char_offset(&mut self, line: u32, byte_col_plus_one: usize) -> i32 {
        // CPython's text for a line the tokenizer has already left has no newline, which
        // lowers the clamp for offsets past its end by one.
        let mut bytes = byte_col_plus_one;
        if line < self.tokenizer_line() {
            bytes = bytes.min(self.index().line_text(line).len() + 1);
        }
        self.index().chars_before(line, bytes) as i32
    }

    /// The line CPython's tokenizer is on: where the furthest token fetched ends.
    fn tokenizer_line(&mut self) -> u32 {
        let t = self.tok(self.max_seen);
        if t.kind.is_columnless() {
            t.line
        } else {
            self.line_of(t.span.end)
        }
    }

    /// CPython's `RAISE_SYNTAX_ERROR_KNOWN_RANGE`: from the start of `a` to the end of `b`.
    pub(crate) fn error_range(&mut self, msg: &str, a: Span, b: Span) -> SyntaxError {
        let (line, col) = self.line_col(a.start as usize);
        let (end_line, end_col) = self.line_col(b.end as usize);
        let offset = self.char_offset(line, col + 1);
        // CPython converts the end column with the text of the start line.
        let end_offset = self.char_offset(line, end_col + 1);
        self.make_error(
            SyntaxErrorKind::Syntax,
            msg,
            Span::new(a.start as usize, b.end as usize),
            loc(line, offset, end_line, end_offset),
        )
    }

    /// CPython's `RAISE_SYNTAX_ERROR_KNOWN_LOCATION` for a node.
    pub(crate) fn error_at(&mut self, msg: &str, span: Span) -> SyntaxError {
        self.error_range(msg, span, span)
    }

    /// An error CPython's compiler or symbol table would raise (reported only if the text
    /// parses): located like [`SyntaxError::at_span`], in bytes.
    pub(crate) fn compiler_error(&mut self, msg: &str, span: Span) -> SyntaxError {
        let index = self.line_index();
        let mut e = SyntaxError::at_span(SyntaxErrorKind::Syntax, msg, span, &index);
        if let Context::FString { line_base } = self.context {
            e.location.lineno += line_base;
            e.location.end_lineno += line_base;
        }
        e
    }

    pub(crate) fn raise_at(&mut self, msg: &str, span: Span) -> Fail {
        let e = self.error_at(msg, span);
        self.raise(e)
    }

    pub(crate) fn raise_range(&mut self, msg: &str, a: Span, b: Span) -> Fail {
        let e = self.error_range(msg, a, b);
        self.raise(e)
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION` for a token (columnless tokens report offset 0).
    pub(crate) fn error_at_token(&mut self, t: &Token, msg: &str) -> SyntaxError {
        if t.kind.is_columnless() {
            return self.make_error(
                SyntaxErrorKind::Syntax,
                msg,
                t.span,
                loc(t.line, 0, t.line, 0),
            );
        }
        self.error_at(msg, t.span)
    }

    pub(crate) fn raise_at_token(&mut self, t: &Token, msg: &str) -> Fail {
        let e = self.error_at_token(t, msg);
        self.raise(e)
    }

    /// CPython's `RAISE_SYNTAX_ERROR` / `RAISE_INDENTATION_ERROR` without a location: at the
    /// furthest token fetched so far. For a token without a column (INDENT, DEDENT, the end
    /// of input), CPython uses the tokenizer's cursor, which sits where the token was made.
    pub(crate) fn error_on_last_token(&mut self, kind: SyntaxErrorKind, msg: &str) -> SyntaxError {
        let t = self.tok(self.max_seen);
        if t.kind.is_columnless() {
            let line = t.line;
            let start = self.index().line_start(line);
            let bytes = (t.span.start as usize).saturating_sub(start);
            let offset = self.index().chars_before(line, bytes) as i32;
            return self.make_error(kind, msg, t.span, loc(line, offset, line, -1));
        }
        let (line, col) = self.line_col(t.span.start as usize);
        let (end_line, end_col) = self.line_col(t.span.end as usize);
        let offset = self.char_offset(line, col + 1);
        let end_offset = self.char_offset(line, end_col + 1);
        self.make_error(kind, msg, t.span, loc(line, offset, end_line, end_offset))
    }

    pub(crate) fn raise_on_last_token(&mut self, msg: &str) -> Fail {
        let e = self.error_on_last_token(SyntaxErrorKind::Syntax, msg);
        self.raise(e)
    }

    pub(crate) fn raise_indentation(&mut self, msg: &str) -> Fail {
        let e = self.error_on_last_token(SyntaxErrorKind::Indentation, msg);
        self.raise(e)
    }

    /// CPython's `RAISE_SYNTAX_ERROR_STARTING_FROM`: from `a` to the tokenizer's cursor (the
    /// end of the furthest token fetched).
    pub(crate) fn raise_starting_from(&mut self, msg: &str, a: Span) -> Fail {
        let (line, col) = self.line_col(a.start as usize);
        let offset = self.char_offset(line, col + 1);
        let t = self.tok(self.max_seen);
        let (end_line, end_col) = if t.kind.is_columnless() {
            let start = self.index().line_start(t.line);
            (t.line, (t.span.start as usize).saturating_sub(start))
        } else {
            self.line_col(t.span.end as usize)
        };
        // CPython takes the cursor's column as it is (no +1 here).
        let end_offset = self.char_offset(line, end_col);
        let e = self.make_error(
            SyntaxErrorKind::Syntax,
            msg,
            Span::new(a.start as usize, t.span.end as usize),
            loc(line, offset, end_line, end_offset),
        );
        self.raise(e)
    }

    /// Line (1-based) and byte column of a byte offset.
    fn line_col(&mut self, offset: usize) -> (u32, usize) {
        let lc = self.index().line_col(offset);
        (lc.line, lc.col as usize)
    }

    /// Line (1-based) of a byte offset.
    pub(crate) fn line_of(&mut self, offset: u32) -> u32 {
        self.index().line_of(offset as usize)
    }
}

/// CPython's location numbers.
fn loc(lineno: u32, offset: i32, end_lineno: u32, end_offset: i32) -> PyLocation {
    PyLocation {
        lineno,
        offset,
        end_lineno,
        end_offset,
    }
}

/// Token indices of the `(` tokens whose parentheses contain `for` at their own level.
fn parens_with_for(tokens: &[Token]) -> Vec<u32> {
    let mut stack: Vec<(usize, bool)> = Vec::new();
    let mut found = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            TokenKind::LPar | TokenKind::LSqb | TokenKind::LBrace => stack.push((i, false)),
            TokenKind::RPar | TokenKind::RSqb | TokenKind::RBrace => {
                if let Some((open, has_for)) = stack.pop() {
                    if has_for && tokens[open].kind == TokenKind::LPar {
                        found.push(open as u32);
                    }
                }
            }
            // `async` too: CPython's for_if_clauses looks at the token after it.
            TokenKind::For | TokenKind::Async => {
                if let Some(top) = stack.last_mut() {
                    top.1 = true;
                }
            }
            _ => {}
        }
    }
    for (open, has_for) in stack {
        if has_for && tokens[open].kind == TokenKind::LPar {
            found.push(open as u32);
        }
    }
    found.sort_unstable();
    found
}

/// Tokens that can start an expression (used to decide whether to try one).
pub(crate) fn starts_expression(kind: TokenKind) -> bool {
    use TokenKind::*;
    matches!(
        kind,
        Name | Number
            | String
            | LPar
            | LSqb
            | LBrace
            | Minus
            | Plus
            | Tilde
            | Not
            | Await
            | Lambda
            | Ellipsis
            | True
            | False
            | None
    )
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod unit_tests {
    fn check(source: &str, expect: &str) {
        assert_eq!(super::tests::render(source), expect, "parsing {source:?}");
    }

    #[test]
    fn error_precedence() {
        // An unterminated string anywhere beats a parser error.
        check(
            "x = = 1\ny = 'abc",
            "SyntaxError: unterminated string literal (detected at line 2) @ 2:5",
        );
        // An unclosed bracket on an earlier line beats a parser error on a later one.
        check("x = (1,\ny z", "SyntaxError: '(' was never closed @ 1:5");
        check("x y\nz = (1,", "SyntaxError: invalid syntax @ 1:3");
    }

    #[test]
    fn incomplete_input() {
        check("x = (1,", "SyntaxError: '(' was never closed @ 1:5 !");
        check(
            "s = '''abc",
            "SyntaxError: unterminated triple-quoted string literal (detected at line 1) @ 1:5 !",
        );
        check("@dec", "SyntaxError: invalid syntax @ 1:0 !");
        check(
            "x = 1 + \\",
            "SyntaxError: unexpected EOF while parsing @ 1:10 !",
        );
        check(
            "x = 1 + \\\n",
            "SyntaxError: unexpected EOF while parsing @ 1:10",
        );
        check("x = )", "SyntaxError: unmatched ')' @ 1:5");
        check("print('hi')", "(call print 'hi')");
    }

    #[test]
    fn nesting_limits() {
        check(
            &format!("{}1", "-".repeat(5000)),
            "SyntaxError: expression too deeply nested @ 1:1001",
        );
        check(
            &format!("{}1{}", "(".repeat(300), ")".repeat(300)),
            "SyntaxError: too many nested parentheses @ 1:201",
        );
    }
}
