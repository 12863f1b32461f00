//! Graphviz DOT. Each kind of statement has its own shape and colour;
//! support, attack, contradiction and citation edges look different; a linked
//! support group is drawn through a junction point; statements with findings
//! get a red border and the count in their label. Output is deterministic:
//! statements in workspace order, edges in the order written.

use crate::ast::{Head, StatementKind, Value};
use crate::finding::Finding;
use crate::model::{StmtId, Workspace};
use std::fmt::Write;

/// Characters per line of a wrapped label.
const WRAP: usize = 32;
/// Longest text shown in a node before it is cut with an ellipsis.
const MAX_TEXT: usize = 160;

/// The DOT document for the workspace. `findings` marks statements.
pub fn to_dot(ws: &Workspace, findings: &[Finding]) -> String {
    let mut counts = vec![0usize; ws.statements.len()];
    for f in findings {
        if let Some(s) = f.statement {
            counts[s] += 1;
        }
    }
    let ids: Vec<String> = (0..ws.statements.len()).map(|s| node_id(ws, s)).collect();
    let mut out = String::new();
    out.push_str("digraph argcheck {\n");
    out.push_str("  graph [rankdir=BT, fontname=\"Helvetica\", nodesep=0.3, ranksep=0.5];\n");
    out.push_str("  node [fontname=\"Helvetica\", fontsize=10, margin=\"0.12,0.06\"];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (s, stmt) in ws.statements.iter().enumerate() {
        let (shape, style, fill) = match stmt.kind() {
            StatementKind::Claim => ("box", "rounded,filled,bold", "#dbeafe"),
            StatementKind::Premise => ("box", "rounded,filled", "#e0e7ff"),
            StatementKind::Evidence => ("box", "filled", "#fef9c3"),
            StatementKind::Source => ("note", "filled", "#f3f4f6"),
            StatementKind::Quantity => ("box", "filled,diagonals", "#dcfce7"),
            StatementKind::Check => ("hexagon", "filled", "#fae8ff"),
        };
        let mut label = format!("{} {}", stmt.kind(), stmt.name().unwrap_or("(check)"));
        if counts[s] > 0 {
            let _ = write!(
                label,
                "  [{} finding{}]",
                counts[s],
                if counts[s] == 1 { "" } else { "s" }
            );
        }
        if let Some(body) = body_text(ws, s) {
            label.push('\n');
            label.push_str(&wrap(&body));
        }
        let border = if counts[s] > 0 {
            ", color=\"#dc2626\", penwidth=2"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {} [shape={shape}, style=\"{style}\", fillcolor=\"{fill}\", label={}{border}];",
            ids[s],
            quoted(&label)
        );
    }
    const SUPPORT: &str = "color=\"#16a34a\"";
    for (g, group) in ws.relations.groups.iter().enumerate() {
        match group.members.as_slice() {
            [] => {}
            [single] => edge(&mut out, &ids[*single], &ids[group.target], SUPPORT),
            members => {
                let junction = quoted(&format!("group#{g}"));
                let _ = writeln!(out, "  {junction} [shape=point, width=0.08, {SUPPORT}];");
                for &m in members {
                    edge(
                        &mut out,
                        &ids[m],
                        &junction,
                        "color=\"#16a34a\", arrowhead=none",
                    );
                }
                edge(
                    &mut out,
                    &junction,
                    &ids[group.target],
                    "color=\"#16a34a\", label=\"linked\"",
                );
            }
        }
    }
    let relations = [
        (&ws.relations.attacks, "color=\"#dc2626\", arrowhead=tee"),
        (
            &ws.relations.contradictions,
            "color=\"#dc2626\", style=dashed, dir=both, label=\"contradicts\"",
        ),
        (
            &ws.relations.same_as,
            "color=\"#6b7280\", style=dashed, dir=none, label=\"same as\"",
        ),
    ];
    for (edges, attributes) in relations {
        for e in edges {
            edge(&mut out, &ids[e.from], &ids[e.to], attributes);
        }
    }
    for c in &ws.relations.citations {
        edge(
            &mut out,
            &ids[c.from],
            &ids[c.source],
            "color=\"#9ca3af\", style=dotted, arrowhead=empty, label=\"cites\"",
        );
    }
    out.push_str("}\n");
    out
}

/// One edge line.
fn edge(out: &mut String, from: &str, to: &str, attributes: &str) {
    let _ = writeln!(out, "  {from} -> {to} [{attributes}];");
}

/// A stable node identifier: the statement's name, or its index for an
/// anonymous check (and for a duplicate, which has no name of its own).
fn node_id(ws: &Workspace, s: StmtId) -> String {
    let stmt = ws.stmt(s);
    match stmt.name() {
        Some(name) if ws.lookup(name) == Some(s) => quoted(name),
        _ => quoted(&format!("#{s}")),
    }
}

/// The text shown under a node's title: its text, value or relation.
fn body_text(ws: &Workspace, s: StmtId) -> Option<String> {
    let stmt = ws.stmt(s);
    let text = &ws.files[stmt.file].text;
    let shown = match &stmt.ast.head {
        Head::Text(t) => t.value.clone(),
        Head::Value(Value::Number(n)) => text.get(n.span.start..n.span.end)?.to_owned(),
        Head::Value(Value::Date(d)) => d.to_string(),
        Head::Check(rel) => text.get(rel.lhs.span.start..rel.rhs.span.end)?.to_owned(),
        Head::Missing => return None,
    };
    let folded: String = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() > MAX_TEXT {
        let cut: String = folded.chars().take(MAX_TEXT).collect();
        Some(format!("{cut}…"))
    } else {
        Some(folded)
    }
}

/// Greedy word wrap at [`WRAP`] characters.
fn wrap(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > WRAP {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
}

/// A DOT double-quoted string; line breaks become `\n` escapes.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_wrapping() {
        assert_eq!(quoted("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
        assert_eq!(wrap("one two three"), "one two three");
        let long = "word ".repeat(20);
        assert!(wrap(&long).lines().all(|l| l.chars().count() <= WRAP));
    }
}
