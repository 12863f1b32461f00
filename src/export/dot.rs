//! Graphviz DOT. Fill colours show the labels (IN green, OUT red, UNDECIDED
//! amber), shapes show kinds, and a legend says so. Support is green, attack
//! red with a tee head, `contradicts` a dashed red edge with a head at each
//! end; a linked support group runs through a junction point. A statement
//! with findings carries a badge naming their rules, and its tooltip lists
//! the messages. Claims that support nothing are the conclusions: they get
//! a double border. Output is deterministic: statements in workspace order,
//! edges in the order [`MapView::edges`] documents.

use super::view::{EdgeKind, MapEdge, MapView};
use super::{DrawOptions, shorten};
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

/// Statements or edges rendered by one task; a batch of tasks runs in
/// parallel and is handed over in order before the next, which bounds the
/// text held at once.
const CHUNK: usize = 1024;
const CHUNKS_PER_BATCH: usize = 32;

/// Hands over the text drawn so far, and clears it.
type Spill<'s> = &'s mut dyn FnMut(&mut String) -> std::io::Result<()>;

/// The DOT document of the map.
pub fn to_dot(view: &MapView<'_>, options: &DrawOptions) -> String {
    let mut whole = String::new();
    let mut out = String::new();
    // Everything is kept, so nothing can fail.
    let _ = draw(view, options, &mut out, &mut |text| {
        whole.push_str(text);
        text.clear();
        Ok(())
    });
    whole.push_str(&out);
    whole
}

/// Writes the DOT document to `w` batch by batch as it is drawn, so the
/// text of a large map is never held whole.
pub fn write_dot(
    view: &MapView<'_>,
    options: &DrawOptions,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut out = String::new();
    draw(view, options, &mut out, &mut |text| {
        w.write_all(text.as_bytes())?;
        text.clear();
        Ok(())
    })?;
    w.write_all(out.as_bytes())?;
    w.flush()
}

fn draw(
    view: &MapView<'_>,
    options: &DrawOptions,
    out: &mut String,
    spill: Spill<'_>,
) -> std::io::Result<()> {
    out.push_str("digraph argcheck {\n");
    let _ = writeln!(
        out,
        "  graph [rankdir={}, fontname=\"Helvetica\", nodesep=0.25, ranksep=0.45, tooltip=\"argcheck map\"];",
        options.direction.code()
    );
    out.push_str("  node [fontname=\"Helvetica\", fontsize=10, margin=\"0.1,0.05\"];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=8, arrowsize=0.7];\n");
    legend(out, view, options);
    let super::Clusters {
        clusters, loose, ..
    } = super::clusters(view, options);
    for (k, ((_, title), members)) in clusters.iter().enumerate() {
        let _ = writeln!(out, "  subgraph \"cluster_{k}\" {{");
        out.push_str("    graph [label=");
        push_quoted(out, title);
        out.push_str(
            ", style=\"rounded,dashed\", color=\"#9ca3af\", fontsize=11, fontcolor=\"#374151\"];\n",
        );
        in_parallel(out, spill, members, |out, scratch, &s| {
            node(out, scratch, view, options, s, "    ");
        })?;
        out.push_str("  }\n");
    }
    in_parallel(out, spill, &loose, |out, scratch, &s| {
        node(out, scratch, view, options, s, "  ");
    })?;
    in_parallel(out, spill, &view.linked, |out, _, group| {
        out.push_str("  ");
        push_junction(out, group.group);
        let _ = write!(
            out,
            " [shape=point, width=0.09, color=\"{SUPPORT}\", tooltip=\"linked: "
        );
        for (k, &m) in group.members.iter().enumerate() {
            if k > 0 {
                out.push_str(" + ");
            }
            push_quoted_body(out, view.id_str(m));
        }
        out.push_str(" support ");
        push_quoted_body(out, view.id_str(group.target));
        out.push_str(" only together\"];\n");
    })?;
    // The junction of a linked group leads to its target once, after the
    // group's first member.
    let mut junction_drawn = vec![false; view.ws.relations.groups.len()];
    let edges: Vec<(MapEdge, bool)> = view
        .edges
        .iter()
        .map(|e| {
            let first = match e.kind {
                EdgeKind::Linked { group } => !std::mem::replace(&mut junction_drawn[group], true),
                _ => false,
            };
            (*e, first)
        })
        .collect();
    in_parallel(out, spill, &edges, |out, _, &(e, first_of_group)| {
        edge(out, view, options, e, first_of_group);
    })?;
    out.push_str("}\n");
    Ok(())
}

/// Per-task buffers reused from one statement to the next.
#[derive(Default)]
struct Scratch {
    text: String,
    line: String,
}

/// Appends `render` of each item, in order, rendering chunks in parallel.
fn in_parallel<T: Sync>(
    out: &mut String,
    spill: Spill<'_>,
    items: &[T],
    render: impl Fn(&mut String, &mut Scratch, &T) + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    // One buffer per chunk of a batch, reused by the next batch.
    let mut parts: Vec<(String, Scratch)> = Vec::new();
    for batch in items.chunks(CHUNK * CHUNKS_PER_BATCH) {
        let chunks = batch.len().div_ceil(CHUNK);
        if parts.len() < chunks {
            parts.resize_with(chunks, Default::default);
        }
        batch
            .par_chunks(CHUNK)
            .zip(parts[..chunks].par_iter_mut())
            .for_each(|(chunk, (part, scratch))| {
                part.clear();
                for item in chunk {
                    render(part, scratch, item);
                }
            });
        // Written out part by part rather than gathered into `out` first:
        // the map is the largest output, and each copy of it costs.
        spill(out)?;
        for (part, _) in &mut parts[..chunks] {
            spill(part)?;
        }
    }
    Ok(())
}

/// One edge, and for the first member of a linked group the edge from its
/// junction to the target.
fn edge(out: &mut String, view: &MapView<'_>, options: &DrawOptions, e: MapEdge, first: bool) {
    let (from, to) = (view.id_str(e.from), view.id_str(e.to));
    match e.kind {
        EdgeKind::Support => edge_line(out, from, to, &["color=\"", SUPPORT, "\""]),
        EdgeKind::Linked { group } => {
            out.push_str("  ");
            push_quoted(out, from);
            out.push_str(" -> ");
            push_junction(out, group);
            out.push_str(" [color=\"");
            out.push_str(SUPPORT);
            out.push_str("\", arrowhead=none];\n");
            if first {
                out.push_str("  ");
                push_junction(out, group);
                out.push_str(" -> ");
                push_quoted(out, to);
                let _ = writeln!(
                    out,
                    " [color=\"{SUPPORT}\", label=\"linked\", fontcolor=\"{SUPPORT}\"];"
                );
            }
        }
        EdgeKind::Attack => edge_line(
            out,
            from,
            to,
            &["color=\"", ATTACK, "\", arrowhead=tee, penwidth=1.3"],
        ),
        EdgeKind::Contradicts => edge_line(
            out,
            from,
            to,
            &[
                "color=\"",
                ATTACK,
                "\", style=dashed, dir=both, label=\"contradicts\", fontcolor=\"",
                ATTACK,
                "\"",
            ],
        ),
        EdgeKind::SameAs => edge_line(
            out,
            from,
            to,
            &[
                "color=\"",
                MUTED,
                "\", style=dashed, dir=none, label=\"same as\", fontcolor=\"",
                MUTED,
                "\"",
            ],
        ),
        EdgeKind::Operand => edge_line(
            out,
            from,
            to,
            &["color=\"#9ca3af\", style=dotted, arrowhead=none"],
        ),
        EdgeKind::Cites | EdgeKind::Quotes if options.sources => edge_line(
            out,
            from,
            to,
            &[
                "color=\"#9ca3af\", style=dotted, arrowhead=empty, tooltip=\"",
                e.kind.as_str(),
                "\"",
            ],
        ),
        EdgeKind::Cites | EdgeKind::Quotes => {}
    }
}

/// The junction point of linked group `group`, quoted.
fn push_junction(out: &mut String, group: usize) {
    let _ = write!(out, "\"group#{group}\"");
}

/// One edge line between two statements; `attributes` are written in a row.
fn edge_line(out: &mut String, from: &str, to: &str, attributes: &[&str]) {
    out.push_str("  ");
    push_quoted(out, from);
    out.push_str(" -> ");
    push_quoted(out, to);
    out.push_str(" [");
    for a in attributes {
        out.push_str(a);
    }
    out.push_str("];\n");
}

/// One statement's box.
fn node(
    out: &mut String,
    scratch: &mut Scratch,
    view: &MapView<'_>,
    options: &DrawOptions,
    s: StmtId,
    indent: &str,
) {
    let stmt = view.ws.stmt(s);
    let kind = stmt.kind();
    let label = view.label(s);
    let (fill, border) = colours(label);
    let (shape, style) = shape(kind);
    let conclusion = view.conclusion[s];
    let id = view.id_str(s);
    out.push_str(indent);
    push_quoted(out, id);
    out.push_str(" [shape=");
    out.push_str(shape);
    out.push_str(", style=\"");
    out.push_str(style);
    out.push_str("\", fillcolor=\"");
    out.push_str(fill);
    out.push_str("\", color=\"");
    out.push_str(border);
    out.push('"');
    if conclusion {
        out.push_str(", peripheries=2, penwidth=1.5");
    }
    out.push_str(", label=<");
    out.push_str(
        "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\"><TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"",
    );
    out.push_str(if conclusion { "12" } else { "10" });
    out.push_str("\"><B>");
    out.push_str(if conclusion {
        "conclusion"
    } else {
        kind.keyword()
    });
    out.push_str("</B> ");
    push_escaped(out, id);
    out.push_str("</FONT></TD>");
    if let Some(label) = label {
        out.push_str("<TD ALIGN=\"RIGHT\"><FONT POINT-SIZE=\"8\" COLOR=\"");
        out.push_str(border);
        out.push_str("\"><B>");
        out.push_str(upper(label));
        out.push_str("</B></FONT></TD>");
    }
    out.push_str("</TR>");
    let columns = if label.is_some() {
        " COLSPAN=\"2\""
    } else {
        ""
    };
    let findings = view.findings(s);
    if findings.len() > 0 {
        let worst = findings.clone().map(|f| f.severity).max();
        let badge = match worst {
            Some(Severity::Error) => "#b91c1c",
            Some(Severity::Warning) => "#b45309",
            _ => MUTED,
        };
        // "! " and the rules, a rule repeated in a row named once.
        let text = &mut scratch.line;
        text.clear();
        text.push_str("! ");
        let mut previous = None;
        for f in findings {
            if previous != Some(f.rule) {
                if previous.is_some() {
                    text.push_str(", ");
                }
                text.push_str(f.rule);
                previous = Some(f.rule);
            }
        }
        out.push_str("<TR><TD ALIGN=\"LEFT\" BGCOLOR=\"");
        out.push_str(badge);
        out.push('"');
        out.push_str(columns);
        out.push_str("><FONT COLOR=\"#ffffff\" POINT-SIZE=\"8\"><B>");
        push_lines(out, text, WRAP + 8);
        out.push_str("</B></FONT></TD></TR>");
    }
    let text = &mut scratch.text;
    text.clear();
    view.push_text(s, text);
    if !text.is_empty() {
        out.push_str("<TR><TD ALIGN=\"LEFT\"");
        out.push_str(columns);
        out.push('>');
        push_shortened_lines(out, text, WRAP);
        out.push_str("</TD></TR>");
    }
    if !options.sources {
        let sources = view.cited(s);
        if sources.len() > 0 {
            let text = &mut scratch.line;
            text.clear();
            text.push_str("source: ");
            for (k, t) in sources.enumerate() {
                if k > 0 {
                    text.push_str(", ");
                }
                text.push_str(view.id_str(t));
            }
            out.push_str("<TR><TD ALIGN=\"LEFT\"");
            out.push_str(columns);
            out.push_str("><FONT POINT-SIZE=\"8\" COLOR=\"");
            out.push_str(MUTED);
            out.push_str("\">");
            push_lines(out, text, WRAP + 8);
            out.push_str("</FONT></TD></TR>");
        }
    }
    let assumed = view.assumed_lines(s);
    for line in &assumed {
        out.push_str("<TR><TD ALIGN=\"LEFT\"");
        out.push_str(columns);
        out.push_str("><FONT POINT-SIZE=\"8\" COLOR=\"");
        out.push_str(MUTED);
        out.push_str("\"><I>");
        push_shortened_lines(out, line, WRAP + 8);
        out.push_str("</I></FONT></TD></TR>");
    }
    out.push_str("</TABLE>>, tooltip=\"");
    tooltip(out, view, s, &assumed);
    out.push_str("\"];\n");
}

/// The tooltip, DOT-escaped: the statement, its label, why it is assumed,
/// and every finding's message.
fn tooltip(out: &mut String, view: &MapView<'_>, s: StmtId, assumed: &[String]) {
    // Piece by piece rather than through `write!`: escaping is byte by byte,
    // so the pieces escape to the same text, without the formatting
    // machinery for every finding of a large map.
    let stmt = view.ws.stmt(s);
    out.push_str(stmt.kind().keyword());
    out.push(' ');
    push_quoted_body(out, view.id_str(s));
    if let Some(label) = view.label(s) {
        out.push_str(": ");
        out.push_str(upper(label));
    }
    for line in assumed {
        out.push_str("\\n");
        push_quoted_body(out, line);
    }
    for f in view.findings(s) {
        out.push_str("\\n");
        out.push_str(f.severity.as_str());
        out.push_str(" [");
        out.push_str(f.rule);
        out.push_str("]: ");
        push_quoted_body(out, &f.message);
    }
    for a in view.allowed(s) {
        out.push_str("\\nacknowledged [");
        out.push_str(a.finding.rule);
        out.push_str("]: ");
        push_quoted_body(out, &a.finding.message);
        out.push_str(" (");
        push_quoted_body(out, &a.reason);
        out.push(')');
    }
}

/// A label as shown in a box: `IN`, `OUT`, `UNDECIDED`.
fn upper(label: Label) -> &'static str {
    match label {
        Label::In => "IN",
        Label::Out => "OUT",
        Label::Undecided => "UNDECIDED",
    }
}

/// [`push_lines`] of `text`, shortened to [`MAX_TEXT`] characters first.
fn push_shortened_lines(out: &mut String, text: &str, width: usize) {
    if crate::text::char_count(text) > MAX_TEXT {
        push_lines(out, &shorten(text, MAX_TEXT), width);
    } else {
        push_lines(out, text, width);
    }
}

/// Appends `text` wrapped at `width` characters (as [`super::wrap`] does) for an
/// HTML label, each line escaped and left-aligned.
fn push_lines(out: &mut String, text: &str, width: usize) {
    const BREAK: &str = "<BR ALIGN=\"LEFT\"/>";
    let mut any = false;
    for (starts_line, word) in super::wrapped_words(text, width) {
        if !starts_line {
            out.push(' ');
        } else if any {
            out.push_str(BREAK);
        }
        any = true;
        push_escaped(out, word);
    }
    if any {
        out.push_str(BREAK);
    }
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
    push_escaped(&mut out, s);
    out
}

/// Appends `s` escaped for an HTML-like label.
fn push_escaped(out: &mut String, s: &str) {
    push_replacing(out, s, [b'&', b'<', b'>', b'"'], |b| match b {
        b'&' => "&amp;",
        b'<' => "&lt;",
        b'>' => "&gt;",
        _ => "&quot;",
    });
}

/// Appends `s` with each of the four bytes `special` replaced by what
/// `replace` gives for it, copying the runs between them whole. The special
/// bytes are ASCII, so their positions are character boundaries.
fn push_replacing(
    out: &mut String,
    s: &str,
    special: [u8; 4],
    replace: impl Fn(u8) -> &'static str,
) {
    let mut written = 0;
    while let Some(i) = crate::text::first_of_four(&s.as_bytes()[written..], special) {
        let at = written + i;
        out.push_str(&s[written..at]);
        out.push_str(replace(s.as_bytes()[at]));
        written = at + 1;
    }
    out.push_str(&s[written..]);
}

/// A DOT double-quoted string; line breaks become `\n` escapes.
#[cfg(test)]
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_quoted(&mut out, s);
    out
}

/// Appends `s` as a DOT double-quoted string.
fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    push_quoted_body(out, s);
    out.push('"');
}

/// Appends `s` escaped for the inside of a DOT double-quoted string.
fn push_quoted_body(out: &mut String, s: &str) {
    push_replacing(out, s, [b'"', b'\\', b'\n', b'\r'], |b| match b {
        b'"' => "\\\"",
        b'\\' => "\\\\",
        b'\n' => "\\n",
        _ => "",
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_escaping() {
        assert_eq!(quoted("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
        assert_eq!(quoted("a\r\nb"), "\"a\\nb\"");
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }

    /// A tooltip's pieces are escaped as the whole text would be: quotes,
    /// backslashes and line breaks in an assumed reason, a message and an
    /// acknowledgement's reason.
    #[test]
    fn tooltips_escape_every_piece() {
        let text = "claim c-1 \"A \\\"quoted\\\" \\\\ claim\"\n  \
                    allow unsupported-claim \"said \\\"so\\\" \\\\\\nhere\"\n\n\
                    premise p-2 \"P\"\n  assumed \"a \\\"given\\\" \\\\ line\\nbreak\"\n";
        let ws = crate::input::load_texts(&[("t.arg", text)]);
        let (outcome, labelling) =
            crate::rules::check_and_label(&ws, &crate::numeric::NumberSettings::default());
        let view = MapView::build(
            &ws,
            &outcome,
            &labelling,
            &crate::export::view::Selection::All,
        )
        .unwrap();
        let dot = to_dot(&view, &DrawOptions::default());
        let tooltip_of = |id: &str| {
            let line = dot
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("\"{id}\" [")))
                .unwrap();
            line[line.find("tooltip=").unwrap()..].to_owned()
        };
        // The view folds an assumed reason's line break to a space.
        let premise = "premise p-2: IN\nassumed: a \"given\" \\ line break\n\
                       warning [unused-premise]: premise `p-2` neither supports nor attacks anything";
        assert_eq!(tooltip_of("p-2"), format!("tooltip={}];", quoted(premise)));
        let claim = "claim c-1: OUT\nacknowledged [unsupported-claim]: claim `c-1` has no support (said \"so\" \\\nhere)";
        assert_eq!(tooltip_of("c-1"), format!("tooltip={}];", quoted(claim)));
    }

    /// More statements and edges than one batch, so the streamed document
    /// is handed over in several pieces: they must join to the same text.
    #[test]
    fn the_streamed_document_is_the_whole_document() {
        use crate::export::view::Selection;
        let count = CHUNK * CHUNKS_PER_BATCH + 10;
        let mut text = String::new();
        for k in 0..count {
            text.push_str(&format!("claim c{k} \"claim {k}\"\n"));
            if k + 1 < count {
                text.push_str(&format!("  supported-by c{}\n", k + 1));
            }
            text.push('\n');
        }
        let ws = crate::input::load_texts(&[("big.arg", &text)]);
        let (outcome, labelling) =
            crate::rules::check_and_label(&ws, &crate::numeric::NumberSettings::default());
        let view = MapView::build(&ws, &outcome, &labelling, &Selection::All).unwrap();
        let options = DrawOptions::default();
        let whole = to_dot(&view, &options);
        let mut streamed = Vec::new();
        let mut pieces = 0;
        struct Counting<'a>(&'a mut Vec<u8>, &'a mut usize);
        impl std::io::Write for Counting<'_> {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                *self.1 += 1;
                self.0.extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        write_dot(&view, &options, &mut Counting(&mut streamed, &mut pieces)).unwrap();
        assert!(pieces > 2, "written in {pieces} pieces");
        assert_eq!(String::from_utf8(streamed).unwrap(), whole);
        // Both are drawn part by part: check the parts' order on its own.
        // Every statement once, in workspace order; every edge once, in
        // the order written.
        let nodes: Vec<&str> = whole
            .lines()
            .map(str::trim_start)
            .filter(|l| l.starts_with("\"c") && l.contains("[shape="))
            .collect();
        assert_eq!(nodes.len(), count);
        for (k, line) in nodes.iter().enumerate() {
            assert!(line.starts_with(&format!("\"c{k}\" [")), "node {k}: {line}");
        }
        let edges: Vec<&str> = whole
            .lines()
            .map(str::trim_start)
            .filter(|l| l.starts_with("\"c") && l.contains(" -> "))
            .collect();
        assert_eq!(edges.len(), count - 1);
        for (k, line) in edges.iter().enumerate() {
            let expected = format!("\"c{}\" -> \"c{k}\"", k + 1);
            assert!(line.starts_with(&expected), "edge {k}: {line}");
        }
    }
}
