//! A compact S-expression rendering of the AST, for tests (the parser's and the compiler's).
//!
//! One statement per line; the bodies of compound statements are indented by two spaces and
//! close on their last line. Expressions are prefix forms: `(+ a b)`, `(call f x k=1 **kw)`,
//! `(. obj attr)`, `([] obj index)`, `(: lower upper step)` with `_` for a missing part,
//! `(f 'text' (fmt x !r spec))` for f-strings. Constants print as Python literals would, in
//! short form (`'s'`, `b'x'`, `1.5`, `2j`, `...`). Spans are not shown.

use std::fmt::Write;

use super::ast::*;

/// Renders a module.
pub fn dump(module: &Module) -> String {
    let mut out = String::new();
    for stmt in &module.body {
        stmt_to(&mut out, stmt, 0);
    }
    out
}

/// Renders one expression.
pub fn dump_expr(e: &Expr) -> String {
    let mut out = String::new();
    expr_to(&mut out, e);
    out
}

fn line(out: &mut String, indent: usize, text: &str) {
    for _ in 0..indent {
        out.push_str("  ");
    }
    out.push_str(text);
    out.push('\n');
}

/// Writes `header` and a body, then labelled parts (`else`) that are not empty; the closing
/// parenthesis goes on the last line.
fn block(out: &mut String, indent: usize, header: &str, parts: &[(&str, &[Stmt])]) {
    line(out, indent, header);
    for (label, body) in parts {
        if label.is_empty() {
            for s in *body {
                stmt_to(out, s, indent + 1);
            }
        } else if !body.is_empty() {
            line(out, indent + 1, &format!("({label}"));
            for s in *body {
                stmt_to(out, s, indent + 2);
            }
            close(out);
        }
    }
    close(out);
}

/// Appends `)` to the last line.
fn close(out: &mut String) {
    if out.ends_with('\n') {
        out.pop();
    }
    out.push_str(")\n");
}

fn stmt_to(out: &mut String, stmt: &Stmt, indent: usize) {
    let simple = |out: &mut String, text: String| line(out, indent, &text);
    match &stmt.kind {
        StmtKind::Expr(e) => simple(out, dump_expr(e)),
        StmtKind::Assign { targets, value } => {
            let mut t = String::from("(=");
            for target in targets {
                t.push(' ');
                expr_to(&mut t, target);
            }
            t.push(' ');
            expr_to(&mut t, value);
            t.push(')');
            simple(out, t);
        }
        StmtKind::AugAssign { target, op, value } => simple(
            out,
            format!(
                "({}= {} {})",
                op.symbol(),
                dump_expr(target),
                dump_expr(value)
            ),
        ),
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple: is_simple,
        } => {
            let mut t = String::from("(ann ");
            if !is_simple {
                t.push_str("nonsimple ");
            }
            expr_to(&mut t, target);
            t.push(' ');
            expr_to(&mut t, annotation);
            if let Some(v) = value {
                t.push(' ');
                expr_to(&mut t, v);
            }
            t.push(')');
            simple(out, t);
        }
        StmtKind::If { test, body, orelse } => {
            let header = format!("(if {}", dump_expr(test));
            block(out, indent, &header, &[("", body), ("else", orelse)]);
        }
        StmtKind::While { test, body, orelse } => {
            let header = format!("(while {}", dump_expr(test));
            block(out, indent, &header, &[("", body), ("else", orelse)]);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async,
        } => {
            let kw = if *is_async { "async-for" } else { "for" };
            let header = format!("({kw} {} {}", dump_expr(target), dump_expr(iter));
            block(out, indent, &header, &[("", body), ("else", orelse)]);
        }
        StmtKind::Break => simple(out, "break".into()),
        StmtKind::Continue => simple(out, "continue".into()),
        StmtKind::Pass => simple(out, "pass".into()),
        StmtKind::FunctionDef(f) => {
            let mut header = String::from(if f.is_async { "(async-def " } else { "(def " });
            header.push_str(&f.name);
            header.push(' ');
            arguments_to(&mut header, &f.args);
            if let Some(r) = &f.returns {
                header.push_str(" -> ");
                expr_to(&mut header, r);
            }
            for d in &f.decorators {
                header.push_str(" @");
                expr_to(&mut header, d);
            }
            block(out, indent, &header, &[("", &f.body)]);
        }
        StmtKind::ClassDef(c) => {
            let mut header = format!("(class {} (", c.name);
            let mut first = true;
            for b in &c.bases {
                if !first {
                    header.push(' ');
                }
                first = false;
                expr_to(&mut header, b);
            }
            for k in &c.keywords {
                if !first {
                    header.push(' ');
                }
                first = false;
                keyword_to(&mut header, k);
            }
            header.push(')');
            for d in &c.decorators {
                header.push_str(" @");
                expr_to(&mut header, d);
            }
            block(out, indent, &header, &[("", &c.body)]);
        }
        StmtKind::Return(v) => simple(
            out,
            match v {
                Some(v) => format!("(return {})", dump_expr(v)),
                None => "(return)".into(),
            },
        ),
        StmtKind::Global(names) => simple(out, format!("(global {})", names.join(" "))),
        StmtKind::Nonlocal(names) => simple(out, format!("(nonlocal {})", names.join(" "))),
        StmtKind::Delete(targets) => {
            let parts: Vec<String> = targets.iter().map(dump_expr).collect();
            simple(out, format!("(del {})", parts.join(" ")));
        }
        StmtKind::Assert { test, msg } => simple(
            out,
            match msg {
                Some(m) => format!("(assert {} {})", dump_expr(test), dump_expr(m)),
                None => format!("(assert {})", dump_expr(test)),
            },
        ),
        StmtKind::Raise { exc, cause } => {
            let mut t = String::from("(raise");
            if let Some(e) = exc {
                t.push(' ');
                expr_to(&mut t, e);
            }
            if let Some(c) = cause {
                t.push_str(" from ");
                expr_to(&mut t, c);
            }
            t.push(')');
            simple(out, t);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            line(out, indent, "(try");
            for s in body {
                stmt_to(out, s, indent + 1);
            }
            for h in handlers {
                let mut header = String::from("(except");
                if let Some(t) = &h.typ {
                    header.push(' ');
                    expr_to(&mut header, t);
                }
                if let Some(n) = &h.name {
                    header.push_str(" as ");
                    header.push_str(n);
                }
                block(out, indent + 1, &header, &[("", &h.body)]);
            }
            for (label, part) in [("else", orelse), ("finally", finalbody)] {
                if !part.is_empty() {
                    block(out, indent + 1, &format!("({label}"), &[("", part)]);
                }
            }
            close(out);
        }
        StmtKind::With {
            items,
            body,
            is_async,
        } => {
            let mut header = String::from(if *is_async { "(async-with" } else { "(with" });
            for item in items {
                header.push_str(" (");
                expr_to(&mut header, &item.context_expr);
                if let Some(v) = &item.optional_vars {
                    header.push_str(" as ");
                    expr_to(&mut header, v);
                }
                header.push(')');
            }
            block(out, indent, &header, &[("", body)]);
        }
        StmtKind::Import(names) => simple(out, format!("(import {})", aliases(names))),
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => simple(
            out,
            format!(
                "(from {}{} import {})",
                ".".repeat(*level as usize),
                module.as_deref().unwrap_or(""),
                aliases(names)
            ),
        ),
    }
}

fn aliases(names: &[Alias]) -> String {
    let parts: Vec<String> = names
        .iter()
        .map(|a| match &a.asname {
            Some(asname) => format!("{} as {asname}", a.name),
            None => a.name.to_string(),
        })
        .collect();
    parts.join(", ")
}

fn arguments_to(out: &mut String, args: &Arguments) {
    out.push('(');
    let mut parts: Vec<String> = Vec::new();
    let positional: Vec<&Arg> = args.posonly.iter().chain(&args.args).collect();
    let first_default = positional.len() - args.defaults.len().min(positional.len());
    for (i, a) in positional.iter().enumerate() {
        let mut p = arg(a);
        if i >= first_default {
            p.push('=');
            expr_to(&mut p, &args.defaults[i - first_default]);
        }
        parts.push(p);
        if i + 1 == args.posonly.len() {
            parts.push("/".into());
        }
    }
    if let Some(v) = &args.vararg {
        parts.push(format!("*{}", arg(v)));
    } else if !args.kwonly.is_empty() {
        parts.push("*".into());
    }
    for (a, d) in args.kwonly.iter().zip(&args.kw_defaults) {
        let mut p = arg(a);
        if let Some(d) = d {
            p.push('=');
            expr_to(&mut p, d);
        }
        parts.push(p);
    }
    if let Some(k) = &args.kwarg {
        parts.push(format!("**{}", arg(k)));
    }
    out.push_str(&parts.join(" "));
    out.push(')');
}

fn arg(a: &Arg) -> String {
    match &a.annotation {
        Some(ann) => format!("{}:{}", a.name, dump_expr(ann)),
        None => a.name.to_string(),
    }
}

fn keyword_to(out: &mut String, k: &Keyword) {
    match &k.arg {
        Some(name) => {
            out.push_str(name);
            out.push('=');
        }
        None => out.push_str("**"),
    }
    expr_to(out, &k.value);
}

fn seq(out: &mut String, head: &str, items: &[Expr]) {
    out.push('(');
    out.push_str(head);
    for e in items {
        out.push(' ');
        expr_to(out, e);
    }
    out.push(')');
}

fn generators_to(out: &mut String, generators: &[Comprehension]) {
    for g in generators {
        out.push_str(if g.is_async { " (async-for " } else { " (for " });
        expr_to(out, &g.target);
        out.push(' ');
        expr_to(out, &g.iter);
        for cond in &g.ifs {
            out.push_str(" (if ");
            expr_to(out, cond);
            out.push(')');
        }
        out.push(')');
    }
}

fn opt_to(out: &mut String, e: &Option<Box<Expr>>) {
    match e {
        Some(e) => expr_to(out, e),
        None => out.push('_'),
    }
}

fn expr_to(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            seq(out, if *op == BoolOp::And { "and" } else { "or" }, values)
        }
        ExprKind::NamedExpr { target, value } => {
            let _ = write!(out, "(:= {target} ");
            expr_to(out, value);
            out.push(')');
        }
        ExprKind::BinOp { left, op, right } => {
            let _ = write!(out, "({} ", op.symbol());
            expr_to(out, left);
            out.push(' ');
            expr_to(out, right);
            out.push(')');
        }
        ExprKind::UnaryOp { op, operand } => {
            let sym = match op {
                UnaryOp::Invert => "~",
                UnaryOp::Not => "not",
                UnaryOp::UAdd => "+",
                UnaryOp::USub => "-",
            };
            let _ = write!(out, "({sym} ");
            expr_to(out, operand);
            out.push(')');
        }
        ExprKind::Lambda { args, body } => {
            out.push_str("(lambda ");
            arguments_to(out, args);
            out.push(' ');
            expr_to(out, body);
            out.push(')');
        }
        ExprKind::IfExp { test, body, orelse } => {
            out.push_str("(if ");
            expr_to(out, test);
            out.push(' ');
            expr_to(out, body);
            out.push(' ');
            expr_to(out, orelse);
            out.push(')');
        }
        ExprKind::Dict { keys, values } => {
            out.push_str("(dict");
            for (k, v) in keys.iter().zip(values) {
                out.push_str(" (");
                match k {
                    Some(k) => {
                        expr_to(out, k);
                        out.push(' ');
                    }
                    None => out.push_str("** "),
                }
                expr_to(out, v);
                out.push(')');
            }
            out.push(')');
        }
        ExprKind::Set(elts) => seq(out, "set", elts),
        ExprKind::List(elts) => seq(out, "list", elts),
        ExprKind::Tuple(elts) => seq(out, "tuple", elts),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            let head = match &e.kind {
                ExprKind::ListComp { .. } => "listcomp",
                ExprKind::SetComp { .. } => "setcomp",
                _ => "genexp",
            };
            let _ = write!(out, "({head} ");
            expr_to(out, elt);
            generators_to(out, generators);
            out.push(')');
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push_str("(dictcomp ");
            expr_to(out, key);
            out.push(' ');
            expr_to(out, value);
            generators_to(out, generators);
            out.push(')');
        }
        ExprKind::Await(v) => {
            out.push_str("(await ");
            expr_to(out, v);
            out.push(')');
        }
        ExprKind::Yield(v) => match v {
            Some(v) => {
                out.push_str("(yield ");
                expr_to(out, v);
                out.push(')');
            }
            None => out.push_str("(yield)"),
        },
        ExprKind::YieldFrom(v) => {
            out.push_str("(yield-from ");
            expr_to(out, v);
            out.push(')');
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            if ops.len() == 1 {
                let _ = write!(out, "({} ", ops[0].symbol());
                expr_to(out, left);
                out.push(' ');
                expr_to(out, &comparators[0]);
            } else {
                out.push_str("(cmp ");
                expr_to(out, left);
                for (op, c) in ops.iter().zip(comparators) {
                    let _ = write!(out, " {} ", op.symbol());
                    expr_to(out, c);
                }
            }
            out.push(')');
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            out.push_str("(call ");
            expr_to(out, func);
            for a in args {
                out.push(' ');
                expr_to(out, a);
            }
            for k in keywords {
                out.push(' ');
                keyword_to(out, k);
            }
            out.push(')');
        }
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => {
            out.push_str("(fmt ");
            expr_to(out, value);
            if let Some(c) = conversion {
                let _ = write!(out, " !{c}");
            }
            if let Some(spec) = format_spec {
                out.push(' ');
                expr_to(out, spec);
            }
            out.push(')');
        }
        ExprKind::JoinedStr(values) => seq(out, "f", values),
        ExprKind::Constant(c) => constant_to(out, c),
        ExprKind::Attribute { value, attr } => {
            out.push_str("(. ");
            expr_to(out, value);
            let _ = write!(out, " {attr})");
        }
        ExprKind::Subscript { value, slice } => {
            out.push_str("([] ");
            expr_to(out, value);
            out.push(' ');
            expr_to(out, slice);
            out.push(')');
        }
        ExprKind::Starred(v) => {
            out.push_str("(* ");
            expr_to(out, v);
            out.push(')');
        }
        ExprKind::Name(n) => out.push_str(n),
        ExprKind::Slice { lower, upper, step } => {
            out.push_str("(: ");
            opt_to(out, lower);
            out.push(' ');
            opt_to(out, upper);
            out.push(' ');
            opt_to(out, step);
            out.push(')');
        }
    }
}

fn constant_to(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::True => out.push_str("True"),
        Constant::False => out.push_str("False"),
        Constant::Ellipsis => out.push_str("..."),
        Constant::Int(v) => {
            let _ = write!(out, "{v}");
        }
        Constant::BigInt(v) => {
            let _ = write!(out, "{v}");
        }
        Constant::Float(v) => out.push_str(&py_float_repr(*v)),
        Constant::Imaginary(v) => {
            out.push_str(&py_float_repr(*v));
            out.push('j');
        }
        Constant::Str(s) => {
            out.push('\'');
            for ch in s.chars() {
                match ch {
                    '\'' => out.push_str("\\'"),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    '\r' => out.push_str("\\r"),
                    c if (c as u32) < 0x20 || c == '\x7f' => {
                        let _ = write!(out, "\\x{:02x}", c as u32);
                    }
                    c => out.push(c),
                }
            }
            out.push('\'');
        }
        Constant::Bytes(b) => {
            out.push_str("b'");
            for &byte in b.iter() {
                match byte {
                    b'\'' => out.push_str("\\'"),
                    b'\\' => out.push_str("\\\\"),
                    b'\n' => out.push_str("\\n"),
                    0x20..=0x7e => out.push(byte as char),
                    _ => {
                        let _ = write!(out, "\\x{byte:02x}");
                    }
                }
            }
            out.push('\'');
        }
    }
}

/// A float as Python's `repr` writes it: the shortest digits that read back the same value,
/// in positional notation when the decimal point falls within 16 places (`1e+16`, `1e-05`,
/// `0.0001`, `100.0`).
pub fn py_float_repr(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sci = format!("{:e}", v.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let decpt = exp + 1;
    if decpt <= -4 || decpt > 16 {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{first}{dot}e{esign}{:02}", exp.abs());
    }
    let n = digits.len() as i32;
    if decpt <= 0 {
        format!("{sign}0.{}{digits}", "0".repeat((-decpt) as usize))
    } else if decpt >= n {
        format!("{sign}{digits}{}.0", "0".repeat((decpt - n) as usize))
    } else {
        let (int, frac) = digits.split_at(decpt as usize);
        format!("{sign}{int}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(v: f64, expect: &str) {
        assert_eq!(py_float_repr(v), expect, "repr of {v:e}");
    }

    #[test]
    fn float_reprs() {
        check(1.5, "1.5");
        check(100.0, "100.0");
        check(0.1, "0.1");
        check(1e16, "1e+16");
        check(1e15, "1000000000000000.0");
        check(0.0001, "0.0001");
        check(0.00001, "1e-05");
        check(1.5e-7, "1.5e-07");
        check(123456789012345680.0, "1.2345678901234568e+17");
        check(0.0, "0.0");
        check(-0.0, "-0.0");
        check(f64::INFINITY, "inf");
        check(2.5e300, "2.5e+300");
    }
}
