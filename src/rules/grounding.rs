//! Grounding (spec section 4) and `ungrounded-claim`.

use super::{Context, Sink, declare_rule};
use crate::ast::{ClauseKeyword, StatementKind};
use crate::model::Workspace;
use crate::model::graph::Adjacency;

declare_rule! {
    /// ## What it does
    /// Reports a claim or premise that has support, none of whose support
    /// groups is grounded.
    ///
    /// ## Why it matters
    /// Support only carries weight when it bottoms out in something checkable:
    /// cited evidence, a cited quantity, a check that holds, or a statement
    /// openly `assumed`. A chain of reasons that never reaches one is
    /// assertion with extra steps.
    ///
    /// ## Example
    /// ```text
    /// claim entitled "..."
    ///   supported-by stakeholders
    /// premise stakeholders "..."
    ///   supported-by speech
    /// evidence speech "..."        # no `cites`: not grounded
    /// ```
    /// Use instead: add `cites SOURCE` to the evidence at the bottom.
    pub static UNGROUNDED_CLAIM = ("ungrounded-claim", Warning, Some(check));
}

/// Which statements are grounded: the least fixpoint of spec section 4,
/// computed with a worklist in time linear in the size of the graph.
///
/// `check_holds[s]` says whether check `s` holds under both readings.
pub fn grounded(ws: &Workspace, check_holds: &[bool]) -> Vec<bool> {
    let n = ws.statements.len();
    let mut grounded = vec![false; n];
    let mut queue = Vec::new();
    let check_operands = Adjacency::from_pairs(
        n,
        (ws.relations.operands.iter()).map(|o| (o.check(), o.quantity())),
    )
    .sorted_and_deduplicated();
    // Counters in 32 bits: one per statement and one per group, and no list
    // is longer than the workspace's text.
    let count = |len: usize| u32::try_from(len).unwrap_or(u32::MAX - 1);
    let mut ungrounded_operands: Vec<u32> = vec![0; n];
    for (s, stmt) in ws.statements.iter().enumerate() {
        // A `cites` clause grounds as written (spec section 4), also when
        // its source is unknown: that is `unknown-reference`'s to report.
        let base = stmt.has(ClauseKeyword::Assumed)
            || (matches!(
                stmt.kind(),
                StatementKind::Evidence | StatementKind::Quantity
            ) && stmt.has(ClauseKeyword::Cites));
        if stmt.kind() == StatementKind::Check {
            // A check that does not hold grounds nothing.
            if !check_holds[s] {
                continue;
            }
            let ops = &check_operands[s];
            ungrounded_operands[s] = count(ops.len());
            if ops.is_empty() {
                grounded[s] = true;
                queue.push(s);
            }
        } else if base {
            grounded[s] = true;
            queue.push(s);
        }
    }
    let holding = |s: usize| ws.stmt(s).kind() == StatementKind::Check && check_holds[s];
    let checks_of_operand = Adjacency::from_pairs(
        n,
        (0..n)
            .filter(move |&s| holding(s))
            .flat_map(|s| check_operands.of(s).map(move |o| (o, s))),
    );
    // For each group, how many members are not yet grounded.
    let mut missing: Vec<u32> = ws
        .relations
        .groups
        .iter()
        .map(|g| {
            if g.broken {
                u32::MAX
            } else {
                count(g.members.len())
            }
        })
        .collect();
    let groups_of_member = Adjacency::from_pairs(
        n,
        ws.relations
            .groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| group.members.iter().map(move |&m| (m, g))),
    );
    while let Some(s) = queue.pop() {
        for g in groups_of_member.of(s) {
            if missing[g] == u32::MAX {
                continue;
            }
            missing[g] -= 1;
            let target = ws.relations.groups[g].target;
            let kind = ws.stmt(target).kind();
            if missing[g] == 0
                && !grounded[target]
                && matches!(kind, StatementKind::Claim | StatementKind::Premise)
            {
                grounded[target] = true;
                queue.push(target);
            }
        }
        for c in checks_of_operand.of(s) {
            ungrounded_operands[c] -= 1;
            if ungrounded_operands[c] == 0 && !grounded[c] {
                grounded[c] = true;
                queue.push(c);
            }
        }
    }
    grounded
}

fn check(ctx: &Context<'_>, sink: &mut Sink) {
    for (s, stmt) in ctx.ws.statements.iter().enumerate() {
        if !matches!(stmt.kind(), StatementKind::Claim | StatementKind::Premise)
            || stmt.ast.has_errors
            || ctx.grounded[s]
            || ctx.groups_of[s].is_empty()
        {
            continue;
        }
        let kind = stmt.kind();
        sink.report(
            stmt.anchor(),
            "no support group reaches cited evidence",
            format!(
                "{kind} `{}` is supported, but none of its support is grounded",
                ctx.ws.name_of(stmt).unwrap_or_default()
            ),
            Some(
                "grounded support ends in cited evidence, a cited quantity, a check that holds or an `assumed` statement"
                    .into(),
            ),
            Some(s),
        );
    }
}
