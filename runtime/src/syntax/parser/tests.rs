//! Parser tests: source text to the S-expression dump of its AST, or to the error.

use super::super::dump::dump;
use super::parse;

fn check(source: &str, expect: &str) {
    let got = match parse(source) {
        Ok(module) => dump(&module),
        Err(e) => format!(
            "{}: {} @ {}:{}",
            e.class_name(),
            e.msg,
            e.location.lineno,
            e.location.offset
        ),
    };
    assert_eq!(got.trim(), expect.trim(), "parsing {source:?}");
}

#[test]
fn statements() {
    check(
        "x = 1\nx += 2\ny: int = 3\n(z): int\na, *b = c = d\ndel a, b[0]\nassert x, 'm'\nraise E from F\nraise\nglobal g, h\npass; break; continue",
        "(= x 1)\n(+= x 2)\n(ann y int 3)\n(ann nonsimple z int)\n(= (tuple a (* b)) c d)\n(del a ([] b 0))\n(assert x 'm')\n(raise E from F)\n(raise)\n(global g h)\npass\nbreak\ncontinue",
    );
    check(
        "import a.b as c, d\nfrom . import x\nfrom ..m import (a, b as bb,)\nfrom m import *",
        "(import a.b as c, d)\n(from . import x)\n(from ..m import a, b as bb)\n(from m import *)",
    );
}
