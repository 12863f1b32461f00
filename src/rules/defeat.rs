//! `defeated-claim` and `unresolved-contradiction`: what the IN / OUT /
//! UNDECIDED labelling ([`crate::model::evaluation`]) says about attacks the
//! text leaves open.

use super::numbers::Evaluated;
use super::{Context, Sink, declare_rule};
use crate::ast::{ClauseKeyword, StatementKind};
use crate::finding::Place;
use crate::model::Workspace;
use crate::model::evaluation::{CheckState, Label, Labelling, NumericVerdicts, evaluate};
use crate::numeric::check::Verdict;

declare_rule! {
    /// ## What it does
    /// Reports a claim that is OUT because one of its attackers is IN: an
    /// objection stands and nothing in the text answers it. A claim whose
    /// support fails anyway is left to the support rules.
    ///
    /// ## Why it matters
    /// Raising an objection and moving on leaves the claim defeated by the
    /// author's own material. Answer the objection (attack the attacker, or
    /// undercut its support), or drop the claim.
    ///
    /// ## Example
    /// ```text
    /// claim entitled "China and the US are entitled to their say"
    ///   supported-by stakeholders
    ///   attacked-by not-only
    /// premise stakeholders "They are important stakeholders"
    ///   assumed "stated as common ground"
    /// premise not-only "They are not the only contributors"
    ///   assumed "the essay concedes it"
    /// ```
    /// Use instead: add the reply, e.g. a premise that `attacks not-only`.
    pub static DEFEATED_CLAIM = ("defeated-claim", Warning, Some(defeated_claim));
}

declare_rule! {
    /// ## What it does
    /// Reports a `contradicts` pair whose two sides are both IN or both
    /// UNDECIDED: the text states both and never decides between them.
    ///
    /// ## Why it matters
    /// Two statements that cannot both be true each defeat the other unless
    /// one of them is better founded or answered. Leaving both standing
    /// leaves the reader to guess which one the argument relies on.
    ///
    /// ## Example
    /// ```text
    /// claim bipolar "China seeks a bipolar world in cyberspace"
    ///   assumed "a reading of the essay"
    ///   contradicts multipolar
    /// claim multipolar "China seeks a multipolar world"
    ///   assumed "the essay says so"
    /// ```
    /// Use instead: attack one side, or drop its `assumed` and support it.
    pub static UNRESOLVED_CONTRADICTION = ("unresolved-contradiction", Warning, Some(unresolved_contradiction));
}

/// The labelling of the workspace, from the checks as evaluated.
pub fn labelling(ws: &Workspace, evaluated: &[Evaluated]) -> Labelling {
    let mut numbers = NumericVerdicts::default();
    for e in evaluated {
        let state = match e.outcome.verdict {
            Verdict::Holds => CheckState::Holds,
            Verdict::NumericInconsistency => CheckState::Fails,
            Verdict::RoundingInconsistency | Verdict::NotEvaluated => CheckState::Undecided,
        };
        match e.same_as {
            None => numbers.checks.push((e.statement, state)),
            Some(other) if state == CheckState::Fails => {
                numbers.failed_same_as.push((e.statement, other));
            }
            Some(_) => {}
        }
    }
    evaluate(ws, &numbers)
}

fn name(ws: &Workspace, s: usize) -> &str {
    ws.name(s).unwrap_or("(check)")
}

fn defeated_claim(ctx: &Context<'_>, sink: &mut Sink) {
    let ws = ctx.ws;
    for (s, stmt) in ws.statements.iter().enumerate() {
        if stmt.kind() != StatementKind::Claim || ctx.labels.label(s) != Some(Label::Out) {
            continue;
        }
        let standing = ctx.labels.standing_attackers(s);
        if standing.is_empty() || support_fails(ctx, s) {
            continue;
        }
        let names: Vec<String> = standing
            .iter()
            .map(|&a| format!("`{}`", name(ws, a)))
            .collect();
        let finding = sink.report(
            stmt.anchor(),
            "defeated by an attack that stands",
            format!(
                "claim `{}` is defeated: {} attack{} it and nothing answers {}",
                name(ws, s),
                names.join(", "),
                if standing.len() == 1 { "s" } else { "" },
                if standing.len() == 1 { "it" } else { "them" },
            ),
            Some(
                "answer the objection with a statement that attacks the attacker, or withdraw the claim"
                    .into(),
            ),
            Some(s),
        );
        for a in standing {
            let anchor = ws.stmt(a).anchor();
            finding.related.push(Place {
                file: anchor.file,
                span: anchor.span,
                label: "this attacker stands".into(),
            });
        }
    }
}

/// Whether `s` would be OUT without any attack: it is not assumed and each
/// of its support groups (if any) has a member that is OUT or missing. Such a
/// claim is reported by the support rules; the attack is not what defeats it.
fn support_fails(ctx: &Context<'_>, s: usize) -> bool {
    if ctx.ws.stmt(s).has(ClauseKeyword::Assumed) {
        return false;
    }
    ctx.groups_of.of(s).all(|g| {
        let group = &ctx.ws.relations.groups[g];
        group.broken
            || group
                .members
                .iter()
                .any(|&m| ctx.labels.label(m) == Some(Label::Out))
    })
}

fn unresolved_contradiction(ctx: &Context<'_>, sink: &mut Sink) {
    let ws = ctx.ws;
    for edge in &ws.relations.contradictions {
        let (a, b) = (ctx.labels.label(edge.from), ctx.labels.label(edge.to));
        let both = match (a, b) {
            (Some(Label::In), Some(Label::In)) => "both stand",
            (Some(Label::Undecided), Some(Label::Undecided)) => "neither prevails",
            _ => continue,
        };
        sink.report(
            edge.loc,
            both,
            format!(
                "`{}` contradicts `{}`, and {both}",
                name(ws, edge.from),
                name(ws, edge.to)
            ),
            Some(
                "give one side grounds the other lacks, or attack one side, so the argument says which it relies on"
                    .into(),
            ),
            Some(edge.from),
        );
    }
}
