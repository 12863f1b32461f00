//! The map as JSON: the resolved graph with labels and findings, for tools.
//! The schema is documented in the README ("Map formats").

use super::view::{EdgeKind, MapView};
use crate::position::line_indexes;
use serde::Serialize;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    nodes: Vec<Node<'a>>,
    edges: Vec<Edge>,
    counts: Counts,
}

#[derive(Serialize)]
struct Node<'a> {
    id: String,
    kind: &'static str,
    text: String,
    /// `in`, `out` or `undecided`; `null` for a source.
    label: Option<&'static str>,
    /// The rule of each counting finding on the statement.
    findings: Vec<&'static str>,
    /// The rule of each acknowledged finding.
    allowed: Vec<&'static str>,
    tags: Vec<&'a str>,
    /// The reason of each `assumed` clause.
    assumed: Vec<String>,
    /// A claim that supports and attacks nothing.
    conclusion: bool,
    file: &'a str,
    line: usize,
}

#[derive(Serialize)]
struct Edge {
    from: String,
    to: String,
    kind: &'static str,
    /// For `linked` edges: the group's number. Edges with the same number
    /// and target form one linked group, whose members support only together.
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<usize>,
}

#[derive(Serialize)]
struct Counts {
    #[serde(rename = "in")]
    ins: usize,
    out: usize,
    undecided: usize,
}

/// The JSON document of the map, pretty-printed, with a final newline.
pub fn to_json(view: &MapView<'_>) -> String {
    let lines = line_indexes(view.ws);
    let nodes = view
        .nodes
        .iter()
        .map(|&s| {
            let stmt = view.ws.stmt(s);
            let anchor = stmt.anchor();
            Node {
                id: view.id(s),
                kind: stmt.kind().keyword(),
                text: view.text(s),
                label: view.label(s).map(|l| l.as_str()),
                findings: view.findings(s).map(|f| f.rule).collect(),
                allowed: view.allowed(s).map(|a| a.finding.rule).collect(),
                tags: view.tags(s),
                assumed: view.assumed(s),
                conclusion: view.conclusion[s],
                file: &view.ws.file(anchor.file).path,
                line: lines[anchor.file as usize].line_col(anchor.span.start()).0,
            }
        })
        .collect();
    let edges = view
        .edges
        .iter()
        .map(|e| Edge {
            from: view.id(e.from),
            to: view.id(e.to),
            kind: e.kind.as_str(),
            group: match e.kind {
                EdgeKind::Linked { group } => Some(group),
                _ => None,
            },
        })
        .collect();
    let (ins, out, undecided) = view.counts();
    let doc = Document {
        version: 1,
        nodes,
        edges,
        counts: Counts {
            ins,
            out,
            undecided,
        },
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("the map serialises");
    text.push('\n');
    text
}
