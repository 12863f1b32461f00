//! The map as AIF JSON (the Argument Interchange Format as AIFdb and OVA
//! exchange it), for argument-mining tools. Every statement but a source is
//! an information node (`I`); each support group is a rule application
//! (`RA`: premise -> RA -> conclusion, every member of a linked group into
//! the same RA); each attack is a conflict (`CA`: attacker -> CA -> target),
//! and `contradicts` is one CA each way. Node identifiers are numbers as
//! strings, assigned in a fixed order.

use super::view::{EdgeKind, MapView};
use crate::ast::StatementKind;
use crate::model::StmtId;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Serialize)]
struct Document {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    locutions: Vec<()>,
}

#[derive(Serialize)]
struct Node {
    #[serde(rename = "nodeID")]
    node_id: String,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
    timestamp: &'static str,
}

#[derive(Serialize)]
struct Edge {
    #[serde(rename = "edgeID")]
    edge_id: String,
    #[serde(rename = "fromID")]
    from_id: String,
    #[serde(rename = "toID")]
    to_id: String,
    #[serde(rename = "formEdgeID")]
    form_edge_id: Option<String>,
}

struct Builder {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

impl Builder {
    fn node(&mut self, text: String, kind: &'static str) -> String {
        let id = (self.nodes.len() + 1).to_string();
        self.nodes.push(Node {
            node_id: id.clone(),
            text,
            kind,
            timestamp: "",
        });
        id
    }

    fn edge(&mut self, from: &str, to: &str) {
        self.edges.push(Edge {
            edge_id: (self.edges.len() + 1).to_string(),
            from_id: from.to_owned(),
            to_id: to.to_owned(),
            form_edge_id: None,
        });
    }
}

/// The AIF JSON document of the map, pretty-printed, with a final newline.
pub fn to_aif(view: &MapView<'_>) -> String {
    let mut b = Builder {
        nodes: Vec::new(),
        edges: Vec::new(),
    };
    let mut info: HashMap<StmtId, String> = HashMap::new();
    for &s in &view.nodes {
        if view.ws.stmt(s).kind() == StatementKind::Source {
            continue;
        }
        let text = match view.text(s) {
            t if t.is_empty() => view.id(s),
            t => t,
        };
        info.insert(s, b.node(text, "I"));
    }
    let mut linked_ra: HashMap<usize, String> = HashMap::new();
    for e in &view.edges {
        let (Some(from), Some(to)) = (info.get(&e.from).cloned(), info.get(&e.to).cloned()) else {
            continue;
        };
        match e.kind {
            EdgeKind::Support => {
                let ra = b.node("Default Inference".to_owned(), "RA");
                b.edge(&from, &ra);
                b.edge(&ra, &to);
            }
            EdgeKind::Linked { group } => {
                let ra = match linked_ra.get(&group) {
                    Some(ra) => ra.clone(),
                    None => {
                        let ra = b.node("Default Inference".to_owned(), "RA");
                        b.edge(&ra, &to);
                        linked_ra.insert(group, ra.clone());
                        ra
                    }
                };
                b.edge(&from, &ra);
            }
            EdgeKind::Attack => conflict(&mut b, &from, &to),
            EdgeKind::Contradicts => {
                conflict(&mut b, &from, &to);
                conflict(&mut b, &to, &from);
            }
            _ => {}
        }
    }
    let doc = Document {
        nodes: b.nodes,
        edges: b.edges,
        locutions: Vec::new(),
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("the map serialises");
    text.push('\n');
    text
}

fn conflict(b: &mut Builder, from: &str, to: &str) {
    let ca = b.node("Default Conflict".to_owned(), "CA");
    b.edge(from, &ca);
    b.edge(&ca, to);
}
