//! The map every exporter draws: the statements chosen for it (all of them,
//! the neighbourhood of one, or those with findings), their labels and
//! findings, and the edges between them. Exporters only decide how it looks.

use crate::ast::{ClauseBody, ClauseKeyword, Head, StatementKind, Value};
use crate::finding::{Allowed, Finding};
use crate::model::evaluation::{Label, Labelling};
use crate::model::graph::Adjacency;
use crate::model::{StmtId, Workspace};
use crate::rules::Outcome;
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::collections::VecDeque;

/// Which statements to draw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Selection {
    /// Every statement.
    #[default]
    All,
    /// The statements within `depth` steps of the one named, following
    /// support and attack in both directions.
    Focus { id: String, depth: usize },
    /// The statements with findings, and those that link two of them.
    OnlyFindings,
}

/// What an edge means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeKind {
    /// A support group of one member: `from` supports `to` alone.
    Support,
    /// A member of a linked support group: it supports `to` only together
    /// with the other members of the same group.
    Linked { group: usize },
    /// `from` attacks `to` (`attacked-by` or `attacks`).
    Attack,
    /// `from contradicts to`: an attack both ways, drawn once.
    Contradicts,
    /// `from same-as to`.
    SameAs,
    /// A quantity `from` that the check `to` relates.
    Operand,
    /// `from cites` the source `to`.
    Cites,
    /// `from quote`s the source `to`.
    Quotes,
}

impl EdgeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Support => "support",
            EdgeKind::Linked { .. } => "linked",
            EdgeKind::Attack => "attack",
            EdgeKind::Contradicts => "contradicts",
            EdgeKind::SameAs => "same-as",
            EdgeKind::Operand => "operand",
            EdgeKind::Cites => "cites",
            EdgeKind::Quotes => "quotes",
        }
    }

    /// Whether the edge leads to a source.
    pub fn is_citation(self) -> bool {
        matches!(self, EdgeKind::Cites | EdgeKind::Quotes)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapEdge {
    pub from: StmtId,
    pub to: StmtId,
    pub kind: EdgeKind,
}

/// A linked support group as drawn: its members on the map and its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedGroup {
    /// The group's index in the workspace, which names its junction.
    pub group: usize,
    pub members: Vec<StmtId>,
    pub target: StmtId,
}

/// The map to draw.
pub struct MapView<'w> {
    pub ws: &'w Workspace,
    pub labelling: &'w Labelling,
    /// The statements drawn, in workspace order (sources included).
    pub nodes: Vec<StmtId>,
    /// The findings and acknowledged findings drawn: each statement's are
    /// listed by index into these (see [`MapView::findings`]).
    outcome: &'w Outcome,
    /// Counting findings per statement, in report order, as indexes into
    /// `outcome.findings`: flat lists rather than one vector per statement.
    findings_at: Adjacency,
    /// Acknowledged findings per statement, as indexes into `outcome.allowed`.
    allowed_at: Adjacency,
    /// The edges between drawn statements, in a fixed order: support groups
    /// as written, attacks, contradictions, `same-as`, operands, citations.
    pub edges: Vec<MapEdge>,
    /// Linked groups with at least one member drawn.
    pub linked: Vec<LinkedGroup>,
    /// Supported claims that support and attack nothing: the argument's
    /// conclusions, where a reader looks for the thesis.
    pub conclusion: Vec<bool>,
    /// The sources each statement cites or quotes, deduplicated, in the order
    /// first named.
    cited: Adjacency,
    /// Each statement's identifier as [`MapView::id`] gives it, computed once;
    /// only anonymous statements own theirs.
    ids: Vec<Cow<'w, str>>,
}

impl<'w> MapView<'w> {
    /// The map of `selection`; an unknown focus is an error whose message
    /// suggests the nearest identifier.
    pub fn build(
        ws: &'w Workspace,
        outcome: &'w Outcome,
        labelling: &'w Labelling,
        selection: &Selection,
    ) -> Result<MapView<'w>, String> {
        let n = ws.statements.len();
        // The findings' lists, the edges and the identifiers do not depend
        // on one another: they are built at once.
        let ((findings_at, allowed_at), (all_edges, ids)) = rayon::join(
            || {
                let findings = outcome.findings.iter().enumerate();
                let allowed = outcome.allowed.iter().enumerate();
                (
                    Adjacency::from_pairs(n, findings.filter_map(|(k, f)| Some((f.statement?, k)))),
                    Adjacency::from_pairs(
                        n,
                        allowed.filter_map(|(k, a)| Some((a.finding.statement?, k))),
                    ),
                )
            },
            || rayon::join(|| edges(ws), || ids(ws)),
        );
        // Only a partial map walks the neighbourhoods.
        let neighbours = || neighbours(ws, labelling, &all_edges);
        let argument = |s: StmtId| ws.stmt(s).kind() != StatementKind::Source;
        let mut drawn: Vec<bool> = match selection {
            Selection::All => (0..n).map(argument).collect(),
            Selection::Focus { id, depth } => {
                let Some(start) = ws.lookup(id) else {
                    let names = ws.declared_names().map(|(name, _)| name);
                    let hint = crate::suggest::closest(id, names)
                        .map(|near| format!("; did you mean `{near}`?"))
                        .unwrap_or_default();
                    return Err(format!("--focus: no statement is named `{id}`{hint}"));
                };
                within(&neighbours(), labelling, start, *depth)
            }
            Selection::OnlyFindings => {
                let with_findings: Vec<bool> = (0..n)
                    .map(|s| argument(s) && !findings_at[s].is_empty())
                    .collect();
                let neighbours = neighbours();
                // The first three quantities with findings of each conflict:
                // enough to find two besides any one member.
                let flagged: Vec<Vec<StmtId>> = (0..labelling.conflicts.len())
                    .map(|c| {
                        let flagged = labelling.conflicts.of(c).filter(|&t| with_findings[t]);
                        flagged.take(3).collect()
                    })
                    .collect();
                let mut drawn = with_findings.clone();
                let mut linked: Vec<StmtId> = Vec::new();
                for s in (0..n).filter(|&s| argument(s)) {
                    linked.clear();
                    linked.extend(neighbours[s].iter().filter(|&&t| with_findings[t]).take(2));
                    for c in labelling.conflicts_of.of(s) {
                        linked.extend(flagged[c].iter().filter(|&&t| t != s));
                    }
                    linked.sort_unstable();
                    linked.dedup();
                    drawn[s] |= linked.len() >= 2;
                }
                drawn
            }
        };
        // The sources of drawn statements come with them.
        for e in &all_edges {
            if e.kind.is_citation() && drawn[e.from] {
                drawn[e.to] = true;
            }
        }
        let edges: Vec<MapEdge> = all_edges
            .into_iter()
            .filter(|e| drawn[e.from] && drawn[e.to])
            .collect();
        let mut linked: Vec<LinkedGroup> = Vec::new();
        for e in &edges {
            if let EdgeKind::Linked { group } = e.kind {
                match linked.last_mut() {
                    Some(last) if last.group == group => last.members.push(e.from),
                    _ => linked.push(LinkedGroup {
                        group,
                        members: vec![e.from],
                        target: e.to,
                    }),
                }
            }
        }
        let mut concludes_nothing = vec![true; n];
        let mut supported = vec![false; n];
        for g in &ws.relations.groups {
            supported[g.target] = true;
            for &m in &g.members {
                concludes_nothing[m] = false;
            }
        }
        for e in ws.attack_edges() {
            concludes_nothing[e.from] = false;
        }
        let conclusion = (0..n)
            .map(|s| {
                ws.stmt(s).kind() == StatementKind::Claim && concludes_nothing[s] && supported[s]
            })
            .collect();
        let citations = edges.iter().filter(|e| e.kind.is_citation());
        let cited =
            Adjacency::from_pairs(n, citations.map(|e| (e.from, e.to))).deduplicated_in_order();
        Ok(MapView {
            ws,
            labelling,
            cited,
            ids,
            nodes: (0..n).filter(|&s| drawn[s]).collect(),
            outcome,
            findings_at,
            allowed_at,
            edges,
            linked,
            conclusion,
        })
    }

    pub fn label(&self, s: StmtId) -> Option<Label> {
        self.labelling.label(s)
    }

    /// How many drawn statements carry each label: (in, out, undecided).
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for &s in &self.nodes {
            match self.label(s) {
                Some(Label::In) => counts.0 += 1,
                Some(Label::Out) => counts.1 += 1,
                Some(Label::Undecided) => counts.2 += 1,
                None => {}
            }
        }
        counts
    }

    /// A stable identifier: the statement's name, or `#N` for an anonymous
    /// check (and for a later duplicate, which has no name of its own).
    pub fn id(&self, s: StmtId) -> String {
        self.ids[s].to_string()
    }

    /// [`MapView::id`], borrowed.
    pub fn id_str(&self, s: StmtId) -> &str {
        &self.ids[s]
    }

    /// The statement's text, value or relation, whitespace folded.
    pub fn text(&self, s: StmtId) -> String {
        let mut text = String::new();
        self.push_text(s, &mut text);
        text
    }

    /// Appends [`MapView::text`] to `out`.
    pub fn push_text(&self, s: StmtId, out: &mut String) {
        let stmt = self.ws.stmt(s);
        let source = &self.ws.file(stmt.file).text;
        let date;
        let shown = match &stmt.ast.head {
            Head::Text(t) => t.value(source),
            Head::Value(Value::Number(n)) => source.get(n.span.range()).unwrap_or_default(),
            Head::Value(Value::Date(d)) => {
                date = d.to_string();
                date.as_str()
            }
            Head::Check(rel) => source
                .get(rel.lhs.span.start()..rel.rhs.span.end())
                .unwrap_or_default(),
            Head::Missing => "",
        };
        crate::text::push_folded(out, shown);
    }

    /// The statement's tags, in written order.
    pub fn tags(&self, s: StmtId) -> Vec<&'w str> {
        let ws: &'w Workspace = self.ws;
        let stmt = ws.stmt(s);
        stmt.ast
            .clauses
            .iter()
            .filter(|c| c.keyword == ClauseKeyword::Tags)
            .flat_map(|c| match &c.body {
                ClauseBody::Refs(words) => words.iter().map(|w| ws.ident(stmt.file, w)).collect(),
                _ => Vec::new(),
            })
            .collect()
    }

    /// Why the statement is taken as given, one line per `assumed` clause
    /// in written order: `assumed: REASON` with whitespace folded, or
    /// `assumed` for an empty reason.
    pub fn assumed_lines(&self, s: StmtId) -> Vec<String> {
        self.assumed(s)
            .into_iter()
            .map(|reason| {
                if reason.is_empty() {
                    "assumed".to_owned()
                } else {
                    format!("assumed: {reason}")
                }
            })
            .collect()
    }

    /// The reason of each `assumed` clause, in written order, whitespace
    /// folded.
    pub fn assumed(&self, s: StmtId) -> Vec<String> {
        let stmt = self.ws.stmt(s);
        let source = &self.ws.file(stmt.file).text;
        stmt.ast
            .clauses
            .iter()
            .filter(|c| c.keyword == ClauseKeyword::Assumed)
            .filter_map(|c| match &c.body {
                ClauseBody::Text(reason) => {
                    let mut folded = String::new();
                    crate::text::push_folded(&mut folded, reason.value(source));
                    Some(folded)
                }
                _ => None,
            })
            .collect()
    }

    /// The names of the sources a statement cites or quotes, deduplicated,
    /// in the order first named.
    pub fn sources_of(&self, s: StmtId) -> Vec<String> {
        self.cited.of(s).map(|t| self.id(t)).collect()
    }

    /// The sources a statement cites or quotes, as [`MapView::sources_of`]
    /// orders them.
    pub fn cited(&self, s: StmtId) -> impl ExactSizeIterator<Item = StmtId> + '_ {
        self.cited.of(s)
    }

    /// The statement's counting findings, in report order.
    pub fn findings(&self, s: StmtId) -> impl ExactSizeIterator<Item = &'w Finding> + Clone + '_ {
        let all = &self.outcome.findings;
        self.findings_at.of(s).map(move |k| &all[k])
    }

    /// The statement's acknowledged findings, in report order.
    pub fn allowed(&self, s: StmtId) -> impl ExactSizeIterator<Item = &'w Allowed> + Clone + '_ {
        let all = &self.outcome.allowed;
        self.allowed_at.of(s).map(move |k| &all[k])
    }
}

/// Each statement's identifier in the map: its name, or `#INDEX` for one
/// the name table does not hold (an anonymous check, a second declaration).
fn ids(ws: &Workspace) -> Vec<Cow<'_, str>> {
    let mut declared = vec![false; ws.statements.len()];
    for s in ws.names.iter() {
        declared[s] = true;
    }
    // Read in statement order, in parallel: the names are in the files'
    // text, which is then read front to back.
    (0..ws.statements.len())
        .into_par_iter()
        .map(|s| match ws.name(s) {
            Some(name) if declared[s] => Cow::Borrowed(name),
            _ => Cow::Owned(format!("#{s}")),
        })
        .collect()
}

/// Every edge of the workspace, in the order [`MapView::edges`] documents.
fn edges(ws: &Workspace) -> Vec<MapEdge> {
    let mut out = Vec::new();
    for (g, group) in ws.relations.groups.iter().enumerate() {
        // Members as written, a member repeated in a row counted once.
        let members = group
            .members
            .iter()
            .enumerate()
            .filter(|&(k, m)| k == 0 || group.members[k - 1] != *m)
            .map(|(_, &m)| m);
        let kind = if members.clone().nth(1).is_none() {
            EdgeKind::Support
        } else {
            EdgeKind::Linked { group: g }
        };
        out.extend(members.map(|m| MapEdge {
            from: m,
            to: group.target,
            kind,
        }));
    }
    let relations = [
        (&ws.relations.attacks, EdgeKind::Attack),
        (&ws.relations.contradictions, EdgeKind::Contradicts),
        (&ws.relations.same_as, EdgeKind::SameAs),
    ];
    for (list, kind) in relations {
        out.extend(list.iter().map(|e| MapEdge {
            from: e.from,
            to: e.to,
            kind,
        }));
    }
    let mut operands: Vec<MapEdge> = (ws.relations.operands.iter())
        .map(|o| MapEdge {
            from: o.quantity(),
            to: o.check(),
            kind: EdgeKind::Operand,
        })
        .collect();
    // A quantity used twice in one check is one edge.
    let mut seen = FxHashSet::default();
    operands.retain(|e| seen.insert((e.from, e.to)));
    out.extend(operands);
    out.extend(ws.relations.citations.iter().map(|c| MapEdge {
        from: c.from,
        to: c.source,
        kind: EdgeKind::Cites,
    }));
    out.extend(ws.relations.quotes.iter().map(|q| MapEdge {
        from: q.from,
        to: q.source,
        kind: EdgeKind::Quotes,
    }));
    let mut seen = FxHashSet::default();
    out.retain(|e| !e.kind.is_citation() || seen.insert((e.from, e.to, e.kind)));
    out
}

/// Undirected neighbours along support (including a check's quantities) and
/// written attack, sorted. The quantities of a conflict are neighbours of
/// each other too; they are walked through `Labelling::conflicts` rather
/// than listed pair by pair.
fn neighbours(ws: &Workspace, labelling: &Labelling, edges: &[MapEdge]) -> Vec<Vec<StmtId>> {
    let mut out: Vec<Vec<StmtId>> = vec![Vec::new(); ws.statements.len()];
    let mut link = |a: StmtId, b: StmtId| {
        out[a].push(b);
        out[b].push(a);
    };
    for e in edges.iter().filter(|e| !e.kind.is_citation()) {
        if e.kind != EdgeKind::SameAs {
            link(e.from, e.to);
        }
    }
    for target in 0..labelling.attackers.len() {
        for a in labelling.attackers.of(target) {
            link(a, target);
        }
    }
    for list in &mut out {
        list.sort_unstable();
        list.dedup();
    }
    out
}

/// The statements at most `depth` steps from `start`, breadth first.
fn within(
    neighbours: &[Vec<StmtId>],
    labelling: &Labelling,
    start: StmtId,
    depth: usize,
) -> Vec<bool> {
    let mut distance = vec![usize::MAX; neighbours.len()];
    // Breadth first, a conflict is first reached from its nearest member:
    // walking it once gives every member its distance.
    let mut walked = vec![false; labelling.conflicts.len()];
    distance[start] = 0;
    let mut queue = VecDeque::from([start]);
    while let Some(s) = queue.pop_front() {
        if distance[s] == depth {
            continue;
        }
        let conflicting = labelling
            .conflicts_of
            .of(s)
            .filter(|&c| !std::mem::replace(&mut walked[c], true))
            .flat_map(|c| labelling.conflicts.of(c));
        for t in neighbours[s].iter().copied().chain(conflicting) {
            if distance[t] == usize::MAX {
                distance[t] = distance[s] + 1;
                queue.push_back(t);
            }
        }
    }
    distance.iter().map(|&d| d != usize::MAX).collect()
}
