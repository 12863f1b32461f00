//! The map as a Mermaid flowchart, which GitHub renders inside a ```mermaid
//! block in Markdown. The same conventions as the DOT map: classes colour
//! the labels, shapes show kinds, support is a green arrow, attack a red
//! `--x`, `contradicts` a dashed arrow both ways, and findings are named in
//! the box. Node identifiers are `s` and the statement's index, since
//! statement names may contain characters Mermaid reads as syntax.

use super::view::{EdgeKind, MapView};
use super::{DrawOptions, shorten, wrap};
use crate::ast::StatementKind;
use crate::model::StmtId;
use crate::model::evaluation::Label;
use std::collections::BTreeMap;
use std::fmt::Write;

const WRAP: usize = 40;
const MAX_TEXT: usize = 160;

/// The Mermaid flowchart of the map.
pub fn to_mermaid(view: &MapView<'_>, options: &DrawOptions) -> String {
    let mut out = format!("flowchart {}\n", options.direction.code());
    let super::Clusters {
        drawn,
        clusters,
        loose,
    } = super::clusters(view, options);
    for (k, ((_, title), members)) in clusters.iter().enumerate() {
        let _ = writeln!(out, "  subgraph c{k} [\"{}\"]", escape(title));
        for &s in members {
            node(&mut out, view, options, s, "    ");
        }
        out.push_str("  end\n");
    }
    for &s in &loose {
        node(&mut out, view, options, s, "  ");
    }
    for group in &view.linked {
        let _ = writeln!(out, "  g{}((\" \"))", group.group);
    }
    let (ins, outs, undecided) = view.counts();
    out.push_str("  subgraph legend [\"Legend\"]\n");
    let _ = writeln!(out, "    legend_in[\"IN: stands ({ins})\"]");
    let _ = writeln!(out, "    legend_out[\"OUT: falls ({outs})\"]");
    let _ = writeln!(
        out,
        "    legend_undecided[\"UNDECIDED: not settled ({undecided})\"]"
    );
    out.push_str("  end\n");

    // Links are numbered in the order written; `linkStyle` colours them.
    let mut styles: BTreeMap<&'static str, Vec<usize>> = BTreeMap::new();
    let mut count = 0;
    let mut link = |out: &mut String, line: String, style: &'static str| {
        let _ = writeln!(out, "  {line}");
        styles.entry(style).or_default().push(count);
        count += 1;
    };
    const SUPPORT: &str = "stroke:#15803d,stroke-width:1.5px";
    const ATTACK: &str = "stroke:#b91c1c,stroke-width:1.5px";
    const MUTED: &str = "stroke:#9ca3af";
    let mut junction_drawn = Vec::new();
    for e in &view.edges {
        let drawn_end =
            |s: StmtId| options.sources || view.ws.stmt(s).kind() != StatementKind::Source;
        if !drawn_end(e.from) || !drawn_end(e.to) {
            continue;
        }
        let (a, b) = (format!("s{}", e.from), format!("s{}", e.to));
        match e.kind {
            EdgeKind::Support => link(&mut out, format!("{a} --> {b}"), SUPPORT),
            EdgeKind::Linked { group } => {
                link(&mut out, format!("{a} --- g{group}"), SUPPORT);
                if !junction_drawn.contains(&group) {
                    junction_drawn.push(group);
                    link(&mut out, format!("g{group} -->|linked| {b}"), SUPPORT);
                }
            }
            EdgeKind::Attack => link(&mut out, format!("{a} --x {b}"), ATTACK),
            EdgeKind::Contradicts => link(&mut out, format!("{a} <-.->|contradicts| {b}"), ATTACK),
            EdgeKind::SameAs => link(&mut out, format!("{a} -.-|same as| {b}"), MUTED),
            EdgeKind::Operand => link(&mut out, format!("{a} -.- {b}"), MUTED),
            EdgeKind::Cites | EdgeKind::Quotes => link(&mut out, format!("{a} -.-> {b}"), MUTED),
        }
    }
    for (style, links) in &styles {
        let list: Vec<String> = links.iter().map(usize::to_string).collect();
        let _ = writeln!(out, "  linkStyle {} {style}", list.join(","));
    }

    out.push_str("  classDef labelIn fill:#dcfce7,stroke:#15803d,color:#111827\n");
    out.push_str("  classDef labelOut fill:#fee2e2,stroke:#b91c1c,color:#111827\n");
    out.push_str("  classDef labelUndecided fill:#fef3c7,stroke:#b45309,color:#111827\n");
    out.push_str("  classDef labelSource fill:#f3f4f6,stroke:#6b7280,color:#111827\n");
    out.push_str("  classDef conclusion stroke-width:3px\n");
    out.push_str("  classDef junction fill:#15803d,stroke:#15803d\n");
    let mut classes: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for &s in &drawn {
        classes
            .entry(class_of(view.label(s)))
            .or_default()
            .push(format!("s{s}"));
    }
    for label in [Label::In, Label::Out, Label::Undecided] {
        classes
            .entry(class_of(Some(label)))
            .or_default()
            .push(format!("legend_{}", label.as_str()));
    }
    let conclusions: Vec<String> = drawn
        .iter()
        .filter(|&&s| view.conclusion[s])
        .map(|s| format!("s{s}"))
        .collect();
    if !conclusions.is_empty() {
        classes.insert("conclusion", conclusions);
    }
    if !view.linked.is_empty() {
        classes.insert(
            "junction",
            view.linked
                .iter()
                .map(|g| format!("g{}", g.group))
                .collect(),
        );
    }
    for (class, ids) in &classes {
        let _ = writeln!(out, "  class {} {class}", ids.join(","));
    }
    out
}

/// The class that colours a label.
fn class_of(label: Option<Label>) -> &'static str {
    match label {
        Some(Label::In) => "labelIn",
        Some(Label::Out) => "labelOut",
        Some(Label::Undecided) => "labelUndecided",
        None => "labelSource",
    }
}

/// One statement's box, its shape by kind.
fn node(out: &mut String, view: &MapView<'_>, options: &DrawOptions, s: StmtId, indent: &str) {
    let stmt = view.ws.stmt(s);
    let kind = stmt.kind();
    let title = if view.conclusion[s] {
        "conclusion"
    } else {
        kind.keyword()
    };
    let mut label = format!("<b>{} {}</b>", title, escape(&view.id(s)));
    if let Some(l) = view.label(s) {
        let _ = write!(label, " · {}", l.as_str().to_uppercase());
    }
    let findings = view.findings(s);
    if findings.len() > 0 {
        let mut rules: Vec<&str> = findings.map(|f| f.rule).collect();
        rules.dedup();
        let _ = write!(label, "<br/><i>! {}</i>", rules.join(", "));
    }
    let text = view.text(s);
    for line in wrap(&shorten(&text, MAX_TEXT), WRAP) {
        let _ = write!(label, "<br/>{}", escape(&line));
    }
    if !options.sources {
        let sources = view.sources_of(s);
        if !sources.is_empty() {
            let _ = write!(label, "<br/><i>source: {}</i>", escape(&sources.join(", ")));
        }
    }
    for assumed in view.assumed_lines(s) {
        for line in wrap(&shorten(&assumed, MAX_TEXT), WRAP) {
            let _ = write!(label, "<br/><i>{}</i>", escape(&line));
        }
    }
    let (open, close) = match kind {
        StatementKind::Claim => ("(", ")"),
        StatementKind::Premise => ("[", "]"),
        StatementKind::Evidence => ("[/", "/]"),
        StatementKind::Quantity => ("[[", "]]"),
        StatementKind::Check => ("{{", "}}"),
        StatementKind::Source => ("[(", ")]"),
    };
    let _ = writeln!(out, "{indent}s{s}{open}\"{label}\"{close}");
}

/// Text inside a quoted Mermaid label: characters Mermaid or HTML would
/// read as syntax become entity codes.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            c => out.push(c),
        }
    }
    out
}
