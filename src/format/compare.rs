//! Comparing what two texts say rather than how they are laid out: syntax
//! trees with every span erased. The formatter checks its own output with
//! this before anything is written.

use crate::ast::{
    Clause, ClauseBody, DateLit, Expr, ExprKind, File, Head, Ident, NumberLit, NumberValue,
    Statement, Str, Value,
};
use crate::syntax::span::Span;

/// A copy of the tree with every span set to zero and every string's value
/// and identifier's name held in the tree: two files whose trees are equal
/// after this say the same thing. `text` is the file the tree was parsed
/// from.
pub fn erase_spans(file: &File, text: &str) -> File {
    let mut file = file.clone();
    for statement in &mut file.statements {
        erase_statement(statement, text);
    }
    file
}

const NOWHERE: Span = Span::empty(0);

fn erase_statement(s: &mut Statement, text: &str) {
    s.span = NOWHERE;
    if let Some(id) = &mut s.id {
        erase_ident(id, text);
    }
    match &mut s.head {
        Head::Text(t) => erase_str(t, text),
        Head::Value(v) => erase_value(v),
        Head::Check(r) => {
            r.op_span = NOWHERE;
            erase_expr(&mut r.lhs, text);
            erase_expr(&mut r.rhs, text);
        }
        Head::Missing => {}
    }
    for clause in &mut s.clauses {
        erase_clause(clause, text);
    }
}

fn erase_clause(c: &mut Clause, text: &str) {
    c.span = NOWHERE;
    match &mut c.body {
        ClauseBody::Text(s) => erase_str(s, text),
        ClauseBody::Date(d) => erase_date(d),
        ClauseBody::Word(w) | ClauseBody::Ref(w) => erase_ident(w, text),
        ClauseBody::Cites { source, locator } => {
            erase_ident(source, text);
            if let Some(l) = locator {
                erase_str(l, text);
            }
        }
        ClauseBody::Quote {
            source,
            text: quoted,
        } => {
            erase_ident(source, text);
            erase_str(quoted, text);
        }
        ClauseBody::Groups(groups) => {
            for g in groups {
                g.span = NOWHERE;
                g.members.iter_mut().for_each(|m| erase_ident(m, text));
            }
        }
        ClauseBody::Refs(refs) => refs.iter_mut().for_each(|r| erase_ident(r, text)),
        ClauseBody::Allow { rule, reason } => {
            erase_ident(rule, text);
            erase_str(reason, text);
        }
    }
}

fn erase_ident(i: &mut Ident, text: &str) {
    *i = i.to_owned_name(text);
    i.span = NOWHERE;
}

fn erase_str(s: &mut Str, text: &str) {
    *s = s.to_owned_value(text);
    s.span = NOWHERE;
}

fn erase_date(d: &mut DateLit) {
    d.span = NOWHERE;
}

fn erase_number(n: &mut NumberLit) {
    n.span = NOWHERE;
}

fn erase_value(v: &mut Value) {
    match v {
        Value::Date(d) => erase_date(d),
        Value::Number(n) => erase_number_value(n),
    }
}

fn erase_number_value(n: &mut NumberValue) {
    n.span = NOWHERE;
    erase_number(&mut n.number);
    if let Some((_, span)) = &mut n.hedge {
        *span = NOWHERE;
    }
    if let Some((_, span)) = &mut n.scale {
        *span = NOWHERE;
    }
    if let Some(u) = &mut n.unit {
        u.span = NOWHERE;
    }
    if let Some(t) = &mut n.tolerance {
        t.span = NOWHERE;
        erase_number(&mut t.number);
        if let Some((_, span)) = &mut t.scale {
            *span = NOWHERE;
        }
    }
}

/// Walks the expression with an explicit stack.
fn erase_expr(expr: &mut Expr, text: &str) {
    let mut stack = vec![expr];
    while let Some(e) = stack.pop() {
        e.span = NOWHERE;
        match &mut e.kind {
            ExprKind::Literal(v) => erase_value(v),
            ExprKind::Ref(id) => erase_ident(id, text),
            ExprKind::Neg(inner) | ExprKind::Paren(inner) => stack.push(inner),
            ExprKind::Binary { lhs, rhs, .. } => {
                stack.push(lhs);
                stack.push(rhs);
            }
            ExprKind::Call { args, .. } => stack.extend(args.iter_mut()),
        }
    }
}
