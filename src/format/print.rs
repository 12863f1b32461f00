//! The canonical text of each statement head and clause, printed from the
//! syntax tree. What the tree does not keep (the hedge word as written, the
//! spelling of a tolerance sign) is read back from the source text through
//! the node's span; everything else comes from the tree, so spacing is
//! normalised.

use crate::ast::{
    ClauseBody, Expr, ExprKind, Head, Ident, NumberValue, Relation, Statement, Str, Tolerance,
    Value,
};

/// How wide lines may grow before strings are folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The column strings are folded at; a word longer than a line still
    /// overflows it.
    pub width: usize,
}

/// Indentation of a clause line.
pub const CLAUSE_INDENT: &str = "  ";
/// Indentation of the lines a folded string continues on.
pub const CONTINUATION_INDENT: &str = "    ";

/// Prints heads and clauses into `out`, folding string literals at the
/// layout's width.
pub struct Printer<'a> {
    /// The source text the spans index into; without it (a tree built in
    /// memory) each hedge and tolerance sign is printed in its first spelling,
    /// and strings and identifiers must hold their values and names.
    pub source: Option<&'a str>,
    pub layout: Layout,
    /// The text printed so far.
    pub out: String,
}

impl Printer<'_> {
    /// The column (in Unicode scalar values) where the next character goes.
    fn column(&self) -> usize {
        let line_start = self.out.rfind('\n').map_or(0, |k| k + 1);
        self.out[line_start..].chars().count()
    }

    /// The statement's first line: keyword, identifier and head.
    pub fn head(&mut self, statement: &Statement) {
        self.out.push_str(statement.kind.keyword());
        match &statement.head {
            Head::Text(text) => {
                self.out.push(' ');
                self.ident_opt(statement);
                self.out.push(' ');
                self.string(text);
            }
            Head::Value(value) => {
                self.out.push(' ');
                self.ident_opt(statement);
                self.out.push_str(" = ");
                self.value(value);
            }
            Head::Check(relation) => {
                self.out.push(' ');
                if let Some(id) = &statement.id {
                    self.ident(id);
                    self.out.push_str(": ");
                }
                self.relation(relation);
            }
            Head::Missing => {
                // Only files without syntax errors are printed.
                self.ident_opt(statement);
            }
        }
    }

    fn ident(&mut self, id: &Ident) {
        let text = self.source.unwrap_or_default();
        self.out.push_str(id.name(text));
    }

    fn ident_opt(&mut self, statement: &Statement) {
        if let Some(id) = &statement.id {
            self.ident(id);
        }
    }

    /// A clause, without its indentation.
    pub fn clause(&mut self, clause: &crate::ast::Clause) {
        self.out.push_str(clause.keyword.keyword());
        self.out.push(' ');
        match &clause.body {
            ClauseBody::Text(s) => self.string(s),
            ClauseBody::Date(d) => self.out.push_str(&d.to_string()),
            ClauseBody::Word(w) => self.ident(w),
            ClauseBody::Cites { source, locator } => {
                self.ident(source);
                if let Some(locator) = locator {
                    self.out.push_str(" at ");
                    self.string(locator);
                }
            }
            ClauseBody::Quote { source, text } => {
                self.ident(source);
                self.out.push(' ');
                self.string(text);
            }
            ClauseBody::Groups(groups) => {
                for (k, group) in groups.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str(", ");
                    }
                    for (m, member) in group.members.iter().enumerate() {
                        if m > 0 {
                            self.out.push_str(" + ");
                        }
                        self.ident(member);
                    }
                }
            }
            ClauseBody::Refs(refs) => {
                for (k, r) in refs.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str(", ");
                    }
                    self.ident(r);
                }
            }
            ClauseBody::Ref(r) => self.ident(r),
            ClauseBody::Allow { rule, reason } => {
                self.ident(rule);
                self.out.push(' ');
                self.string(reason);
            }
        }
    }

    /// A string literal holding `s`'s value, folded at the layout's width where
    /// that loses nothing (see [`fold_points`]).
    pub fn string(&mut self, s: &Str) {
        let words = fold_words(s.value(self.source.unwrap_or_default()));
        let mut column = self.column() + 1;
        self.out.push('"');
        for (k, word) in words.iter().enumerate() {
            let escaped = escape(word);
            let len = escaped.chars().count();
            if k > 0 {
                // The closing quote counts on the last line.
                let closing = usize::from(k + 1 == words.len());
                if column + 1 + len + closing > self.layout.width {
                    self.out.push('\n');
                    self.out.push_str(CONTINUATION_INDENT);
                    column = CONTINUATION_INDENT.len();
                } else {
                    self.out.push(' ');
                    column += 1;
                }
            }
            self.out.push_str(&escaped);
            column += len;
        }
        self.out.push('"');
    }

    /// `value = number-value | date ;`
    pub fn value(&mut self, value: &Value) {
        match value {
            Value::Date(d) => self.out.push_str(&d.to_string()),
            Value::Number(n) => self.number_value(n),
        }
    }

    fn number_value(&mut self, n: &NumberValue) {
        if let Some((hedge, span)) = n.hedge {
            // `more than`, `at least`: the words as written, one space apart.
            match self.source.and_then(|s| s.get(span.range())) {
                Some(written) => {
                    let words: Vec<&str> = written.split_whitespace().collect();
                    self.out.push_str(&words.join(" "));
                }
                None => self.out.push_str(hedge.word()),
            }
            self.out.push(' ');
        }
        self.out.push_str(&n.number.text);
        if let Some((scale, _)) = n.scale {
            self.out.push(' ');
            self.out.push_str(scale.word());
        }
        if let Some(unit) = &n.unit {
            self.out.push(' ');
            self.out.push_str(&unit.text);
        }
        if let Some(t) = &n.tolerance {
            self.tolerance(t);
        }
    }

    fn tolerance(&mut self, t: &Tolerance) {
        let written = self
            .source
            .and_then(|s| s.get(t.span.start()..t.span.end()));
        let sign = if written.is_some_and(|w| w.starts_with("+/-")) {
            "+/-"
        } else {
            "±"
        };
        self.out.push(' ');
        self.out.push_str(sign);
        self.out.push(' ');
        self.out.push_str(&t.number.text);
        if let Some((scale, _)) = t.scale {
            self.out.push(' ');
            self.out.push_str(scale.word());
        }
    }

    /// `relation = expr rel-op expr ;` with one space around the operator.
    pub fn relation(&mut self, relation: &Relation) {
        self.expr(&relation.lhs);
        self.out.push(' ');
        self.out.push_str(relation.op.symbol());
        self.out.push(' ');
        self.expr(&relation.rhs);
    }

    /// An expression with one space around each binary operator. Parentheses
    /// are nodes of the tree, so printing it reproduces its grouping. The
    /// parser bounds the nesting depth, so this recursion is bounded too.
    pub fn expr(&mut self, expr: &Expr) {
        match &expr.kind {
            ExprKind::Literal(v) => self.value(v),
            ExprKind::Ref(id) => self.ident(id),
            ExprKind::Neg(inner) => {
                self.out.push('-');
                self.expr(inner);
            }
            ExprKind::Binary { op, lhs, rhs } => {
                self.expr(lhs);
                self.out.push(' ');
                self.out.push_str(op.symbol());
                self.out.push(' ');
                self.expr(rhs);
            }
            ExprKind::Call { func, args } => {
                self.out.push_str(func.name());
                self.out.push('(');
                for (k, arg) in args.iter().enumerate() {
                    if k > 0 {
                        self.out.push_str(", ");
                    }
                    self.expr(arg);
                }
                self.out.push(')');
            }
            ExprKind::Paren(inner) => {
                self.out.push('(');
                self.expr(inner);
                self.out.push(')');
            }
        }
    }
}

/// A string's value as the words a fold may break between. A line break and
/// the indentation after it read as one space, so a break can stand for a
/// single space between two other characters, and for nothing else. A string
/// with a run of spaces stays on one line: it was written that way on
/// purpose, and refolding around the run would be hard to read.
fn fold_words(value: &str) -> Vec<&str> {
    if value.contains("  ") {
        return vec![value];
    }
    let points = fold_points(value);
    let mut words = Vec::with_capacity(points.len() + 1);
    let mut start = 0;
    for p in points {
        words.push(&value[start..p]);
        start = p + 1;
    }
    words.push(&value[start..]);
    words
}

/// Byte offsets of the spaces where a string may be folded: a space with a
/// character other than whitespace on each side.
pub fn fold_points(value: &str) -> Vec<usize> {
    let bytes = value.as_bytes();
    let is_blank = |b: u8| b == b' ' || b == b'\t' || b == b'\r' || b == b'\n';
    (1..bytes.len().saturating_sub(1))
        .filter(|&k| bytes[k] == b' ' && !is_blank(bytes[k - 1]) && !is_blank(bytes[k + 1]))
        .collect()
}

/// The escapes of a string literal: `\"`, `\\` and `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_fold_only_at_single_spaces() {
        assert_eq!(fold_words("a b  c"), ["a b  c"]);
        assert_eq!(fold_words("a b c"), ["a", "b", "c"]);
        assert_eq!(fold_words(" a b "), [" a", "b "]);
        assert_eq!(fold_words("a \tb c"), ["a \tb", "c"]);
        assert_eq!(fold_words(""), [""]);
    }

    #[test]
    fn escapes_round_trip() {
        assert_eq!(escape("say \"hi\"\\\n"), "say \\\"hi\\\"\\\\\\n");
    }
}
