//! Graphviz DOT. Fill colours show the labels (IN green, OUT red, UNDECIDED
//! amber), shapes show kinds, and a legend says so. Support is green, attack
//! red with a tee head, `contradicts` a dashed red edge with a head at each
//! end; a linked support group runs through a junction point. A statement
//! with findings carries a badge naming their rules, and its tooltip lists
//! the messages. Claims that support nothing are the conclusions: they get
//! a double border. Output is deterministic: statements in workspace order,
//! edges in the order [`MapView::edges`] documents.

use super::view::{EdgeKind, MapView};
use super::{DrawOptions, shorten, wrap};
use crate::ast::StatementKind;
use crate::finding::Severity;
use crate::model::StmtId;
use crate::model::evaluation::Label;
use std::fmt::Write;

/// Characters per line of a wrapped text.
const WRAP: usize = 34;
/// Longest text shown in a box before it is cut with an ellipsis.
const MAX_TEXT: usize = 200;

/// Fill and border colour of a label (`None` for a source).
fn colours(label: Option<Label>) -> (&'static str, &'static str) {
    match label {
        Some(Label::In) => ("#dcfce7", "#15803d"),
        Some(Label::Out) => ("#fee2e2", "#b91c1c"),
        Some(Label::Undecided) => ("#fef3c7", "#b45309"),
        None => ("#f3f4f6", "#6b7280"),
    }
}

/// Shape and style of a kind.
fn shape(kind: StatementKind) -> (&'static str, &'static str) {
    match kind {
        StatementKind::Claim => ("box", "rounded,filled"),
        StatementKind::Premise => ("box", "filled"),
        StatementKind::Evidence => ("note", "filled"),
        StatementKind::Quantity => ("box", "filled,diagonals"),
        StatementKind::Check => ("hexagon", "filled"),
        StatementKind::Source => ("tab", "filled"),
    }
}

const SUPPORT: &str = "#15803d";
const ATTACK: &str = "#b91c1c";
const MUTED: &str = "#6b7280";

/// The DOT document of the map.
pub fn to_dot(view: &MapView<'_>, options: &DrawOptions) -> String {
    let mut out = String::new();
    out.push_str("digraph argcheck {\n");
    let _ = writeln!(
        out,
        "  graph [rankdir={}, fontname=\"Helvetica\", nodesep=0.25, ranksep=0.45, tooltip=\"argcheck map\"];",
        options.direction.code()
    );
    out.push_str("  node [fontname=\"Helvetica\", fontsize=10, margin=\"0.1,0.05\"];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=8, arrowsize=0.7];\n");
    legend(&mut out, view, options);
    let super::Clusters {
        clusters, loose, ..
    } = super::clusters(view, options);
    for (k, ((_, title), members)) in clusters.iter().enumerate() {
        let _ = writeln!(out, "  subgraph \"cluster_{k}\" {{");
        let _ = writeln!(
            out,
            "    graph [label={}, style=\"rounded,dashed\", color=\"#9ca3af\", fontsize=11, fontcolor=\"#374151\"];",
            quoted(title)
        );
        for &s in members {
            node(&mut out, view, options, s, "    ");
        }
        out.push_str("  }\n");
    }
    for &s in &loose {
        node(&mut out, view, options, s, "  ");
    }
    for group in &view.linked {
        let _ = writeln!(
            out,
            "  {} [shape=point, width=0.09, color=\"{SUPPORT}\", tooltip={}];",
            junction(group.group),
            quoted(&format!(
                "linked: {} support {} only together",
                group
                    .members
                    .iter()
                    .map(|&m| view.id(m))
                    .collect::<Vec<_>>()
                    .join(" + "),
                view.id(group.target)
            ))
        );
    }
    let mut junction_drawn = Vec::new();
    for e in &view.edges {
        let (from, to) = (quoted(&view.id(e.from)), quoted(&view.id(e.to)));
        match e.kind {
            EdgeKind::Support => edge(&mut out, &from, &to, &format!("color=\"{SUPPORT}\"")),
            EdgeKind::Linked { group } => {
                let j = junction(group);
                edge(
                    &mut out,
                    &from,
                    &j,
                    &format!("color=\"{SUPPORT}\", arrowhead=none"),
                );
                if !junction_drawn.contains(&group) {
                    junction_drawn.push(group);
                    edge(
                        &mut out,
                        &j,
                        &to,
                        &format!("color=\"{SUPPORT}\", label=\"linked\", fontcolor=\"{SUPPORT}\""),
                    );
                }
            }
            EdgeKind::Attack => edge(
                &mut out,
                &from,
                &to,
                &format!("color=\"{ATTACK}\", arrowhead=tee, penwidth=1.3"),
            ),
            EdgeKind::Contradicts => edge(
                &mut out,
                &from,
                &to,
                &format!(
                    "color=\"{ATTACK}\", style=dashed, dir=both, label=\"contradicts\", fontcolor=\"{ATTACK}\""
                ),
            ),
            EdgeKind::SameAs => edge(
                &mut out,
                &from,
                &to,
                &format!(
                    "color=\"{MUTED}\", style=dashed, dir=none, label=\"same as\", fontcolor=\"{MUTED}\""
                ),
            ),
            EdgeKind::Operand => edge(
                &mut out,
                &from,
                &to,
                "color=\"#9ca3af\", style=dotted, arrowhead=none",
            ),
            EdgeKind::Cites | EdgeKind::Quotes if options.sources => edge(
                &mut out,
                &from,
                &to,
                &format!(
                    "color=\"#9ca3af\", style=dotted, arrowhead=empty, tooltip=\"{}\"",
                    e.kind.as_str()
                ),
            ),
            EdgeKind::Cites | EdgeKind::Quotes => {}
        }
    }
    out.push_str("}\n");
    out
}

fn junction(group: usize) -> String {
    quoted(&format!("group#{group}"))
}

/// One edge line.
fn edge(out: &mut String, from: &str, to: &str, attributes: &str) {
    let _ = writeln!(out, "  {from} -> {to} [{attributes}];");
}

/// One statement's box.
fn node(out: &mut String, view: &MapView<'_>, options: &DrawOptions, s: StmtId, indent: &str) {
    let stmt = view.ws.stmt(s);
    let kind = stmt.kind();
    let label = view.label(s);
    let (fill, border) = colours(label);
    let (shape, style) = shape(kind);
    let conclusion = view.conclusion[s];
    let mut html =
        String::from("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
    let title_size = if conclusion { 12 } else { 10 };
    let _ = write!(
        html,
        "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"{title_size}\"><B>{}</B> {}</FONT></TD>",
        if conclusion {
            "conclusion"
        } else {
            kind.keyword()
        },
        escape(&view.id(s))
    );
    if let Some(label) = label {
        let _ = write!(
            html,
            "<TD ALIGN=\"RIGHT\"><FONT POINT-SIZE=\"8\" COLOR=\"{border}\"><B>{}</B></FONT></TD>",
            label.as_str().to_uppercase()
        );
    }
    html.push_str("</TR>");
    let columns = if label.is_some() {
        " COLSPAN=\"2\""
    } else {
        ""
    };
    let findings = &view.findings[s];
    if !findings.is_empty() {
        let worst = findings.iter().map(|f| f.severity).max();
        let badge = match worst {
            Some(Severity::Error) => "#b91c1c",
            Some(Severity::Warning) => "#b45309",
            _ => MUTED,
        };
        let mut rules: Vec<&str> = findings.iter().map(|f| f.rule).collect();
        rules.dedup();
        let text = format!("! {}", rules.join(", "));
        let _ = write!(
            html,
            "<TR><TD ALIGN=\"LEFT\" BGCOLOR=\"{badge}\"{columns}><FONT COLOR=\"#ffffff\" POINT-SIZE=\"8\"><B>{}</B></FONT></TD></TR>",
            lines(&text, WRAP + 8)
        );
    }
    let text = view.text(s);
    if !text.is_empty() {
        let _ = write!(
            html,
            "<TR><TD ALIGN=\"LEFT\"{columns}>{}</TD></TR>",
            lines(&shorten(&text, MAX_TEXT), WRAP)
        );
    }
    if !options.sources {
        let sources = view.sources_of(s);
        if !sources.is_empty() {
            let _ = write!(
                html,
                "<TR><TD ALIGN=\"LEFT\"{columns}><FONT POINT-SIZE=\"8\" COLOR=\"{MUTED}\">{}</FONT></TD></TR>",
                lines(&format!("source: {}", sources.join(", ")), WRAP + 8)
            );
        }
    }
    html.push_str("</TABLE>");
    let extra = if conclusion {
        ", peripheries=2, penwidth=1.5"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "{indent}{} [shape={shape}, style=\"{style}\", fillcolor=\"{fill}\", color=\"{border}\"{extra}, label=<{html}>, tooltip={}];",
        quoted(&view.id(s)),
        quoted(&tooltip(view, s))
    );
}

/// The tooltip: the statement, its label, and every finding's message.
fn tooltip(view: &MapView<'_>, s: StmtId) -> String {
    let stmt = view.ws.stmt(s);
    let mut text = format!("{} {}", stmt.kind(), view.id(s));
    if let Some(label) = view.label(s) {
        let _ = write!(text, ": {}", label.as_str().to_uppercase());
    }
    for f in &view.findings[s] {
        let _ = write!(text, "\n{} [{}]: {}", f.severity, f.rule, f.message);
    }
    for a in &view.allowed[s] {
        let _ = write!(
            text,
            "\nacknowledged [{}]: {} ({})",
            a.finding.rule, a.finding.message, a.reason
        );
    }
    text
}

/// Wrapped lines for an HTML label, each left-aligned.
fn lines(text: &str, width: usize) -> String {
    wrap(text, width)
        .iter()
        .map(|l| format!("{}<BR ALIGN=\"LEFT\"/>", escape(l)))
        .collect()
}

/// The legend: what the colours, shapes and edges mean, with the counts of
/// each label.
fn legend(out: &mut String, view: &MapView<'_>, options: &DrawOptions) {
    let (ins, outs, undecided) = view.counts();
    let mut html = String::from(
        "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\" COLOR=\"#9ca3af\">",
    );
    html.push_str("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>");
    let rows = [
        (Some(Label::In), format!("IN: stands ({ins})")),
        (Some(Label::Out), format!("OUT: falls ({outs})")),
        (
            Some(Label::Undecided),
            format!("UNDECIDED: not settled ({undecided})"),
        ),
    ];
    for (label, text) in rows {
        let (fill, border) = colours(label);
        let _ = write!(
            html,
            "<TR><TD BGCOLOR=\"{fill}\" BORDER=\"1\" COLOR=\"{border}\" WIDTH=\"18\"> </TD><TD ALIGN=\"LEFT\">{}</TD></TR>",
            escape(&text)
        );
    }
    let mut notes = vec![
        "rounded box: claim; double border: conclusion".to_owned(),
        "box: premise; folded: evidence".to_owned(),
        "crossed box: quantity; hexagon: check".to_owned(),
    ];
    if options.sources {
        notes.push("tab: source; dotted: cites or quotes".to_owned());
    }
    notes.push(format!(
        "<FONT COLOR=\"{SUPPORT}\">green arrow</FONT>: supports; dot: linked group"
    ));
    notes.push(format!(
        "<FONT COLOR=\"{ATTACK}\">red tee</FONT>: attacks; dashed: contradicts"
    ));
    notes.push("grey dotted: a quantity the check relates".to_owned());
    notes.push("! badge: findings (tooltip lists them)".to_owned());
    for note in notes {
        let _ = write!(
            html,
            "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">{note}</FONT></TD></TR>"
        );
    }
    html.push_str("</TABLE>");
    let _ = writeln!(
        out,
        "  \"legend#\" [shape=plain, label=<{html}>, tooltip=\"legend\"];"
    );
}

/// Text for an HTML-like label.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
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
    fn quoting_and_escaping() {
        assert_eq!(quoted("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }
}
