//! `unused-premise` and `unused-source`: statements nothing uses.

use super::{Context, Sink, declare_rule};
use crate::ast::StatementKind;

declare_rule! {
    /// ## What it does
    /// Reports a premise that neither supports nor attacks anything.
    ///
    /// ## Why it matters
    /// A premise is a reason for something; one that is not connected to the
    /// argument is either a leftover or a missing `supports` edge.
    ///
    /// ## Example
    /// ```text
    /// premise stakeholders "China and the US are very important stakeholders"
    ///   assumed "widely accepted"
    /// ```
    /// Use instead: add `supports entitled` (or list it in the claim's
    /// `supported-by`).
    pub static UNUSED_PREMISE = ("unused-premise", Warning, Some(unused_premise));
}

declare_rule! {
    /// ## What it does
    /// Reports a source that nothing cites or quotes.
    ///
    /// ## Why it matters
    /// A source in the bibliography that no evidence or quantity draws on is
    /// dead weight, or a sign that a `cites` was forgotten.
    ///
    /// ## Example
    /// ```text
    /// source cnnic-37 "37th Statistical Report on Internet Development in China"
    ///   date 2016-01
    /// ```
    /// Use instead: cite it from the quantity it supports, or remove it.
    pub static UNUSED_SOURCE = ("unused-source", Warning, Some(unused_source));
}

fn unused_premise(ctx: &Context<'_>, sink: &mut Sink) {
    let ws = ctx.ws;
    let mut used = vec![false; ws.statements.len()];
    for g in &ws.relations.groups {
        for &m in &g.members {
            used[m] = true;
        }
    }
    for e in ws.attack_edges() {
        used[e.from] = true;
    }
    for (s, stmt) in ws.statements.iter().enumerate() {
        if stmt.kind() == StatementKind::Premise && !used[s] && !stmt.ast.has_errors {
            sink.report(
                stmt.anchor(),
                "supports nothing",
                format!(
                    "premise `{}` neither supports nor attacks anything",
                    ws.name_of(stmt).unwrap_or_default()
                ),
                Some("add `supports CLAIM`, or list it in a claim's `supported-by`".into()),
                Some(s),
            );
        }
    }
}

fn unused_source(ctx: &Context<'_>, sink: &mut Sink) {
    let ws = ctx.ws;
    let mut used = vec![false; ws.statements.len()];
    for c in &ws.relations.citations {
        used[c.source] = true;
    }
    for q in &ws.relations.quotes {
        used[q.source] = true;
    }
    for (s, stmt) in ws.statements.iter().enumerate() {
        if stmt.kind() == StatementKind::Source && !used[s] && !stmt.ast.has_errors {
            sink.report(
                stmt.anchor(),
                "cited by nothing",
                format!(
                    "source `{}` is neither cited nor quoted",
                    ws.name_of(stmt).unwrap_or_default()
                ),
                Some(
                    "cite it with `cites` from the evidence or quantity it supports, or remove it"
                        .into(),
                ),
                Some(s),
            );
        }
    }
}
