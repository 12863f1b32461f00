//! `circular-support`.

use super::{Context, Sink, declare_rule};
use crate::model::Workspace;
use crate::model::graph::support_cycles;

declare_rule! {
    /// ## What it does
    /// Reports a cycle in the support graph, once per cycle, spelling it out
    /// (`a -> b -> c -> a`). An `allow circular-support` on any statement of
    /// the cycle acknowledges it.
    ///
    /// ## Why it matters
    /// Statements that support each other in a circle give no reason to
    /// believe any of them: the argument assumes what it sets out to show.
    ///
    /// ## Example
    /// ```text
    /// claim entitled "..."
    ///   supported-by stakeholders
    /// premise stakeholders "..."
    ///   supported-by entitled
    /// ```
    /// Use instead: support one of them from outside the circle.
    pub static CIRCULAR_SUPPORT = ("circular-support", Error, Some(check));
}

/// The most statements of a cycle a message names.
const SPELLED_OUT: usize = 10;

/// `99990` as `99,990`.
fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn check(ctx: &Context<'_>, sink: &mut Sink) {
    let ws = ctx.ws;
    // A cycle is about every statement in it, so an `allow` on any of them
    // acknowledges it: the finding names the first that has one.
    let acknowledging: rustc_hash::FxHashSet<usize> = ws
        .relations
        .allows
        .iter()
        .filter(|a| a.rule == CIRCULAR_SUPPORT.name)
        .map(|a| a.statement)
        .collect();
    for cycle in support_cycles(ws) {
        let name = |s: usize| ws.name(s).unwrap_or("(anonymous check)").to_owned();
        let mut spelled: Vec<String> = if cycle.len() > SPELLED_OUT {
            // Keep the message readable: the first and last steps, and a count.
            let head = SPELLED_OUT / 2;
            let tail = cycle.len() - (SPELLED_OUT - head);
            let mut names: Vec<String> = cycle[..head].iter().map(|&s| name(s)).collect();
            names.push(format!("({} more)", group_thousands(tail - head)));
            names.extend(cycle[tail..].iter().map(|&s| name(s)));
            names
        } else {
            cycle.iter().map(|&s| name(s)).collect()
        };
        spelled.push(name(cycle[0]));
        let first = cycle[0];
        let second = cycle[1 % cycle.len()];
        let about = (0..cycle.len())
            .map(|k| cycle[(k + 1) % cycle.len()])
            .find(|s| acknowledging.contains(s))
            .unwrap_or(second);
        // Point at the clause that makes the first statement support the second.
        let loc = ws
            .relations
            .groups
            .iter()
            .find(|g| g.target == second && g.members.contains(&first))
            .map_or_else(|| ws.stmt(first).anchor(), |g| g.loc);
        sink.report(
            loc,
            format!("`{}` supports `{}` here", name(first), name(second)),
            format!("circular support: {}", spelled.join(" -> ")),
            Some("support one statement of the cycle from outside it".into()),
            Some(about),
        );
    }
}

/// Marks as used every `allow circular-support` on a statement of a cycle:
/// one of them acknowledged the cycle's finding (the finding names the
/// first), and the others acknowledge the same cycle. Cycles are found again
/// only when such an allow is still unmarked.
pub(super) fn mark_allows_of_acknowledged_cycles(ws: &Workspace, used: &mut [bool]) {
    let unmarked = |k: usize| !used[k] && ws.relations.allows[k].rule == CIRCULAR_SUPPORT.name;
    if !(0..used.len()).any(unmarked) {
        return;
    }
    let mut on_cycle = vec![false; ws.statements.len()];
    for cycle in support_cycles(ws) {
        for s in cycle {
            on_cycle[s] = true;
        }
    }
    for (k, a) in ws.relations.allows.iter().enumerate() {
        if a.rule == CIRCULAR_SUPPORT.name && on_cycle[a.statement] {
            used[k] = true;
        }
    }
}
