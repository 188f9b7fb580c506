//! Valid programs: Coro's parser must accept them and build CPython's tree.
//!
//! - `syntax/valid.txt` snippets are parsed and dumped with `coro_runtime::syntax::dump`; the
//!   dump must equal `syntax/valid.expected`, which `tests/record_syntax.py` renders from
//!   CPython 3.11's `ast` module in the same S-expression format.
//! - Every Python example of the course material (`/work/shared/seeds/*.txt`) and every
//!   benchmark program (`/work/shared/bench/programs/*.py`) must parse.

mod common;

use coro_runtime::syntax::{dump, parse};

/// `### name` headers followed by the dump lines, as written by the recorder.
fn expected_dumps() -> Vec<(String, String)> {
    let text = common::read_file("valid.expected");
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with("# ") {
            continue;
        }
        if let Some(name) = line.strip_prefix("### ") {
            out.push((name.to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    out
}

#[test]
fn valid_snippets_build_cpythons_tree() {
    let snippets = common::snippets(&common::read_file("valid.txt"));
    let expected = expected_dumps();
    assert_eq!(
        snippets.len(),
        expected.len(),
        "valid.expected is out of date; run tests/record_syntax.py"
    );
    let mut report = String::new();
    for (s, (name, want)) in snippets.iter().zip(&expected) {
        assert_eq!(&s.name, name, "valid.expected is out of date");
        match parse(&s.source) {
            Ok(module) => {
                let got = dump(&module);
                if got != *want {
                    report.push_str(&format!("--- {name}\n{}", diff(want, &got)));
                }
            }
            Err(e) => report.push_str(&format!(
                "--- {name}: {}: {} at {}:{}\n",
                e.class_name(),
                e.msg,
                e.location.lineno,
                e.location.offset
            )),
        }
    }
    assert!(report.is_empty(), "\n{report}");
}

/// The lines that differ, CPython's first.
fn diff(want: &str, got: &str) -> String {
    let mut out = String::new();
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i).copied(), g.get(i).copied());
        if a != b {
            out.push_str(&format!(
                "  cpython: {}\n  coro:    {}\n",
                a.unwrap_or("<none>"),
                b.unwrap_or("<none>")
            ));
        }
    }
    out
}

#[test]
fn course_examples_parse() {
    let examples = common::seed_examples();
    assert!(
        !examples.is_empty(),
        "no examples found in /work/shared/seeds"
    );
    for (name, source) in examples {
        if let Err(e) = parse(&source) {
            panic!(
                "{name}: {}: {} at {}:{}",
                e.class_name(),
                e.msg,
                e.location.lineno,
                e.location.offset
            );
        }
    }
}

#[test]
fn bench_programs_parse() {
    let programs = common::bench_programs();
    assert!(
        !programs.is_empty(),
        "no programs found in /work/shared/bench/programs"
    );
    for (name, source) in programs {
        if let Err(e) = parse(&source) {
            panic!(
                "{name}: {}: {} at {}:{}",
                e.class_name(),
                e.msg,
                e.location.lineno,
                e.location.offset
            );
        }
    }
}

/// The recorded positions: `### name` headers followed by sorted `Kind l:c-l:c` lines.
fn expected_spans() -> Vec<(String, Vec<String>)> {
    let text = common::read_file("valid.spans");
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if line.starts_with("# ") {
            continue;
        }
        if let Some(name) = line.strip_prefix("### ") {
            out.push((name.to_string(), Vec::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push(line.to_string());
        }
    }
    out
}

#[test]
fn valid_snippets_have_cpythons_positions() {
    let snippets = common::snippets(&common::read_file("valid.txt"));
    let expected = expected_spans();
    assert_eq!(snippets.len(), expected.len(), "valid.spans is out of date");
    let known = spans::known_differences();
    let mut report = String::new();
    for (s, (name, want)) in snippets.iter().zip(&expected) {
        let module = parse(&s.source).expect("valid snippets parse");
        let mut got = spans::collect(&s.source, &module);
        got.sort();
        let missing: Vec<&String> = want.iter().filter(|w| !got.contains(w)).collect();
        let extra: Vec<&String> = got.iter().filter(|g| !want.contains(g)).collect();
        let expected_diff = known.iter().any(|k| k == name);
        if (missing.is_empty() && extra.is_empty()) == expected_diff {
            if expected_diff {
                report.push_str(&format!(
                    "--- {name}: listed as differing but matches now\n"
                ));
                continue;
            }
            report.push_str(&format!("--- {name}\n"));
            for m in missing {
                report.push_str(&format!("  cpython: {m}\n"));
            }
            for e in extra {
                report.push_str(&format!("  coro:    {e}\n"));
            }
        }
    }
    assert!(report.is_empty(), "\n{report}");
}

/// Node positions in CPython's terms (class name, line, byte column).
mod spans {
    use coro_runtime::syntax::ast::*;
    use coro_runtime::syntax::LineIndex;

    /// Snippets whose positions are known to differ from CPython's (none yet).
    pub fn known_differences() -> Vec<String> {
        Vec::new()
    }

    pub fn collect(source: &str, module: &Module) -> Vec<String> {
        let mut c = Collector {
            index: LineIndex::new(source),
            out: Vec::new(),
        };
        c.stmts(&module.body);
        c.out
    }

    struct Collector {
        index: LineIndex,
        out: Vec<String>,
    }

    impl Collector {
        fn push(&mut self, kind: &str, span: Span) {
            let a = self.index.line_col(span.start as usize);
            let b = self.index.line_col(span.end as usize);
            self.out
                .push(format!("{kind} {}:{}-{}:{}", a.line, a.col, b.line, b.col));
        }

        fn stmts(&mut self, body: &[Stmt]) {
            for s in body {
                self.stmt(s);
            }
        }

        fn stmt(&mut self, s: &Stmt) {
            let kind = match &s.kind {
                StmtKind::Expr(e) => {
                    self.expr(e);
                    "Expr"
                }
                StmtKind::Assign { targets, value } => {
                    targets.iter().for_each(|t| self.expr(t));
                    self.expr(value);
                    "Assign"
                }
                StmtKind::AugAssign { target, value, .. } => {
                    self.expr(target);
                    self.expr(value);
                    "AugAssign"
                }
                StmtKind::AnnAssign {
                    target,
                    annotation,
                    value,
                    ..
                } => {
                    self.expr(target);
                    self.expr(annotation);
                    value.iter().for_each(|v| self.expr(v));
                    "AnnAssign"
                }
                StmtKind::If { test, body, orelse } => {
                    self.expr(test);
                    self.stmts(body);
                    self.stmts(orelse);
                    "If"
                }
                StmtKind::While { test, body, orelse } => {
                    self.expr(test);
                    self.stmts(body);
                    self.stmts(orelse);
                    "While"
                }
                StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse,
                    is_async,
                } => {
                    self.expr(target);
                    self.expr(iter);
                    self.stmts(body);
                    self.stmts(orelse);
                    if *is_async {
                        "AsyncFor"
                    } else {
                        "For"
                    }
                }
                StmtKind::Break => "Break",
                StmtKind::Continue => "Continue",
                StmtKind::Pass => "Pass",
                StmtKind::FunctionDef(f) => {
                    self.arguments(&f.args);
                    f.decorators.iter().for_each(|d| self.expr(d));
                    f.returns.iter().for_each(|r| self.expr(r));
                    self.stmts(&f.body);
                    if f.is_async {
                        "AsyncFunctionDef"
                    } else {
                        "FunctionDef"
                    }
                }
                StmtKind::ClassDef(c) => {
                    c.bases.iter().for_each(|b| self.expr(b));
                    c.keywords.iter().for_each(|k| self.keyword(k));
                    c.decorators.iter().for_each(|d| self.expr(d));
                    self.stmts(&c.body);
                    "ClassDef"
                }
                StmtKind::Return(v) => {
                    v.iter().for_each(|v| self.expr(v));
                    "Return"
                }
                StmtKind::Global(_) => "Global",
                StmtKind::Nonlocal(_) => "Nonlocal",
                StmtKind::Delete(targets) => {
                    targets.iter().for_each(|t| self.expr(t));
                    "Delete"
                }
                StmtKind::Assert { test, msg } => {
                    self.expr(test);
                    msg.iter().for_each(|m| self.expr(m));
                    "Assert"
                }
                StmtKind::Raise { exc, cause } => {
                    exc.iter().for_each(|e| self.expr(e));
                    cause.iter().for_each(|c| self.expr(c));
                    "Raise"
                }
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => {
                    self.stmts(body);
                    for h in handlers {
                        h.typ.iter().for_each(|t| self.expr(t));
                        self.stmts(&h.body);
                    }
                    self.stmts(orelse);
                    self.stmts(finalbody);
                    "Try"
                }
                StmtKind::With {
                    items,
                    body,
                    is_async,
                } => {
                    for item in items {
                        self.expr(&item.context_expr);
                        item.optional_vars.iter().for_each(|v| self.expr(v));
                    }
                    self.stmts(body);
                    if *is_async {
                        "AsyncWith"
                    } else {
                        "With"
                    }
                }
                StmtKind::Import(names) => {
                    names.iter().for_each(|a| self.push("alias", a.span));
                    "Import"
                }
                StmtKind::ImportFrom { names, .. } => {
                    names.iter().for_each(|a| self.push("alias", a.span));
                    "ImportFrom"
                }
            };
            self.push(kind, s.span);
        }

        fn arguments(&mut self, a: &Arguments) {
            for arg in a
                .posonly
                .iter()
                .chain(&a.args)
                .chain(&a.vararg)
                .chain(&a.kwonly)
                .chain(&a.kwarg)
            {
                arg.annotation.iter().for_each(|e| self.expr(e));
                self.push("arg", arg.span);
            }
            a.defaults.iter().for_each(|d| self.expr(d));
            a.kw_defaults.iter().flatten().for_each(|d| self.expr(d));
        }

        fn keyword(&mut self, k: &Keyword) {
            self.expr(&k.value);
            self.push("keyword", k.span);
        }

        fn generators(&mut self, generators: &[Comprehension]) {
            for g in generators {
                self.expr(&g.target);
                self.expr(&g.iter);
                g.ifs.iter().for_each(|i| self.expr(i));
            }
        }

        fn expr(&mut self, e: &Expr) {
            let kind = match &e.kind {
                ExprKind::BoolOp { values, .. } => {
                    values.iter().for_each(|v| self.expr(v));
                    "BoolOp"
                }
                ExprKind::NamedExpr { value, .. } => {
                    self.expr(value);
                    // CPython's target is a Name node spanning the name.
                    let name_span = Span {
                        start: e.span.start,
                        end: e.span.start + named_target_len(e),
                    };
                    self.push("Name", name_span);
                    "NamedExpr"
                }
                ExprKind::BinOp { left, right, .. } => {
                    self.expr(left);
                    self.expr(right);
                    "BinOp"
                }
                ExprKind::UnaryOp { operand, .. } => {
                    self.expr(operand);
                    "UnaryOp"
                }
                ExprKind::Lambda { args, body } => {
                    self.arguments(args);
                    self.expr(body);
                    "Lambda"
                }
                ExprKind::IfExp { test, body, orelse } => {
                    self.expr(test);
                    self.expr(body);
                    self.expr(orelse);
                    "IfExp"
                }
                ExprKind::Dict { keys, values } => {
                    keys.iter().flatten().for_each(|k| self.expr(k));
                    values.iter().for_each(|v| self.expr(v));
                    "Dict"
                }
                ExprKind::Set(elts) => {
                    elts.iter().for_each(|v| self.expr(v));
                    "Set"
                }
                ExprKind::List(elts) => {
                    elts.iter().for_each(|v| self.expr(v));
                    "List"
                }
                ExprKind::Tuple(elts) => {
                    elts.iter().for_each(|v| self.expr(v));
                    "Tuple"
                }
                ExprKind::ListComp { elt, generators } => {
                    self.expr(elt);
                    self.generators(generators);
                    "ListComp"
                }
                ExprKind::SetComp { elt, generators } => {
                    self.expr(elt);
                    self.generators(generators);
                    "SetComp"
                }
                ExprKind::GeneratorExp { elt, generators } => {
                    self.expr(elt);
                    self.generators(generators);
                    "GeneratorExp"
                }
                ExprKind::DictComp {
                    key,
                    value,
                    generators,
                } => {
                    self.expr(key);
                    self.expr(value);
                    self.generators(generators);
                    "DictComp"
                }
                ExprKind::Await(v) => {
                    self.expr(v);
                    "Await"
                }
                ExprKind::Yield(v) => {
                    v.iter().for_each(|v| self.expr(v));
                    "Yield"
                }
                ExprKind::YieldFrom(v) => {
                    self.expr(v);
                    "YieldFrom"
                }
                ExprKind::Compare {
                    left, comparators, ..
                } => {
                    self.expr(left);
                    comparators.iter().for_each(|c| self.expr(c));
                    "Compare"
                }
                ExprKind::Call {
                    func,
                    args,
                    keywords,
                } => {
                    self.expr(func);
                    args.iter().for_each(|a| self.expr(a));
                    keywords.iter().for_each(|k| self.keyword(k));
                    "Call"
                }
                ExprKind::FormattedValue {
                    value, format_spec, ..
                } => {
                    self.expr(value);
                    format_spec.iter().for_each(|s| self.expr(s));
                    "FormattedValue"
                }
                ExprKind::JoinedStr(values) => {
                    values.iter().for_each(|v| self.expr(v));
                    "JoinedStr"
                }
                ExprKind::Constant(_) => "Constant",
                ExprKind::Attribute { value, .. } => {
                    self.expr(value);
                    "Attribute"
                }
                ExprKind::Subscript { value, slice } => {
                    self.expr(value);
                    self.expr(slice);
                    "Subscript"
                }
                ExprKind::Starred(v) => {
                    self.expr(v);
                    "Starred"
                }
                ExprKind::Name(_) => "Name",
                ExprKind::Slice { lower, upper, step } => {
                    for part in [lower, upper, step].into_iter().flatten() {
                        self.expr(part);
                    }
                    "Slice"
                }
            };
            self.push(kind, e.span);
        }
    }

    fn named_target_len(e: &Expr) -> u32 {
        match &e.kind {
            ExprKind::NamedExpr { target, .. } => target.len() as u32,
            _ => 0,
        }
    }
}
