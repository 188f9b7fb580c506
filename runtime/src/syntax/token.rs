//! Tokens: what the lexer produces and the parser consumes.
//!
//! A [`Token`] is a [`TokenKind`] and a byte [`Span`]; the text of names, numbers and strings
//! is read back from the source through the span, so lexing allocates nothing per token.
//! Keywords are recognised by the lexer (CPython's tokenizer reports them as names and the
//! parser compares strings; doing it once here is cheaper). The soft keywords `match`, `case`
//! and `_` stay names.
//!
//! The layout tokens follow CPython's tokenizer: `Newline` ends at the line break it stands for
//! and starts there too, or at the comment before it; `Indent`, `Dedent` and `EndMarker` span nothing and sit where the
//! tokenizer's cursor was when it made them (after the indentation of the next line, or at the
//! end of the text). CPython gives those three no column, which shows in some error offsets.

use super::ast::Span;

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
    /// The 1-based line the token starts on, as CPython's tokenizer counts it (the end of
    /// input belongs to the last line that has text).
    pub line: u32,
}

impl Token {
    pub fn new(kind: TokenKind, start: usize, end: usize, line: u32) -> Token {
        Token {
            kind,
            span: Span::new(start, end),
            line,
        }
    }

    /// The token's text in `source`.
    pub fn text<'s>(&self, source: &'s str) -> &'s str {
        source
            .get(self.span.start as usize..self.span.end as usize)
            .unwrap_or("")
    }
}

macro_rules! token_kinds {
    (
        layout { $($(#[$lmeta:meta])* $lname:ident => $ldesc:literal,)* }
        keywords { $($kname:ident => $ktext:literal,)* }
        operators { $($oname:ident => $otext:literal,)* }
    ) => {
        /// Every kind of token.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum TokenKind {
            $($(#[$lmeta])* $lname,)*
            $($kname,)*
            $($oname,)*
        }

        impl TokenKind {
            /// A short name for token dumps: the text of an operator or keyword, or the
            /// token class in capitals.
            pub fn describe(self) -> &'static str {
                match self {
                    $(TokenKind::$lname => $ldesc,)*
                    $(TokenKind::$kname => $ktext,)*
                    $(TokenKind::$oname => $otext,)*
                }
            }

            /// The keyword spelled `text`, if it is one (hard keywords only).
            pub fn keyword(text: &str) -> Option<TokenKind> {
                match text {
                    $($ktext => Some(TokenKind::$kname),)*
                    _ => None,
                }
            }

            /// True for hard keywords.
            pub fn is_keyword(self) -> bool {
                matches!(self, $(TokenKind::$kname)|*)
            }

            /// The operator or delimiter spelled `text`, if any.
            pub fn operator(text: &str) -> Option<TokenKind> {
                match text {
                    $($otext => Some(TokenKind::$oname),)*
                    _ => None,
                }
            }
        }
    };
}

token_kinds! {
    layout {
        Name => "NAME",
        Number => "NUMBER",
        String => "STRING",
        Newline => "NEWLINE",
        Indent => "INDENT",
        Dedent => "DEDENT",
        EndMarker => "ENDMARKER",
        /// A character CPython's tokenizer passes on as an operator although no rule uses it
        /// (`$`, `?`, `!`, a backquote); the parser reports `invalid syntax` there.
        Unknown => "OP",
        /// Where the lexer stopped with an error; always the last token.
        Error => "ERRORTOKEN",
    }
    keywords {
        False => "False",
        None => "None",
        True => "True",
        And => "and",
        As => "as",
        Assert => "assert",
        Async => "async",
        Await => "await",
        Break => "break",
        Class => "class",
        Continue => "continue",
        Def => "def",
        Del => "del",
        Elif => "elif",
        Else => "else",
        Except => "except",
        Finally => "finally",
        For => "for",
        From => "from",
        Global => "global",
        If => "if",
        Import => "import",
        In => "in",
        Is => "is",
        Lambda => "lambda",
        Nonlocal => "nonlocal",
        Not => "not",
        Or => "or",
        Pass => "pass",
        Raise => "raise",
        Return => "return",
        Try => "try",
        While => "while",
        With => "with",
        Yield => "yield",
    }
    operators {
        LPar => "(",
        RPar => ")",
        LSqb => "[",
        RSqb => "]",
        LBrace => "{",
        RBrace => "}",
        Colon => ":",
        Comma => ",",
        Semi => ";",
        Plus => "+",
        Minus => "-",
        Star => "*",
        Slash => "/",
        VBar => "|",
        Amper => "&",
        Less => "<",
        Greater => ">",
        Equal => "=",
        Dot => ".",
        Percent => "%",
        EqEqual => "==",
        NotEqual => "!=",
        LessEqual => "<=",
        GreaterEqual => ">=",
        Tilde => "~",
        Circumflex => "^",
        LeftShift => "<<",
        RightShift => ">>",
        DoubleStar => "**",
        PlusEqual => "+=",
        MinEqual => "-=",
        StarEqual => "*=",
        SlashEqual => "/=",
        PercentEqual => "%=",
        AmperEqual => "&=",
        VBarEqual => "|=",
        CircumflexEqual => "^=",
        LeftShiftEqual => "<<=",
        RightShiftEqual => ">>=",
        DoubleStarEqual => "**=",
        DoubleSlash => "//",
        DoubleSlashEqual => "//=",
        At => "@",
        AtEqual => "@=",
        RArrow => "->",
        Ellipsis => "...",
        ColonEqual => ":=",
        NotEqualAlt => "<>",
    }
}

impl TokenKind {
    /// Tokens that CPython makes without a column (`col_offset == -1`).
    pub fn is_columnless(self) -> bool {
        matches!(
            self,
            TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker | TokenKind::Error
        )
    }

    /// True for the augmented assignment operators (`+=` and friends).
    pub fn is_augassign(self) -> bool {
        use TokenKind::*;
        matches!(
            self,
            PlusEqual
                | MinEqual
                | StarEqual
                | SlashEqual
                | PercentEqual
                | AmperEqual
                | VBarEqual
                | CircumflexEqual
                | LeftShiftEqual
                | RightShiftEqual
                | DoubleStarEqual
                | DoubleSlashEqual
                | AtEqual
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Option<&str>) {
        let got = TokenKind::keyword(text)
            .or_else(|| TokenKind::operator(text))
            .map(|k| k.describe());
        assert_eq!(got, expect, "classifying {text:?}");
    }

    #[test]
    fn spellings() {
        check("if", Some("if"));
        check("await", Some("await"));
        check("match", None);
        check("**=", Some("**="));
        check(":=", Some(":="));
        check("x", None);
    }
}
