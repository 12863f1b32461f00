//! `allow RULE "REASON"` and `unused-allow`.

use super::{RULES, Sink, declare_rule};
use crate::finding::{Allowed, Finding};
use crate::model::Workspace;
use crate::suggest::closest;
use rustc_hash::FxHashMap;

declare_rule! {
    /// ## What it does
    /// Reports an `allow` clause that acknowledged no finding, including one
    /// that names no rule.
    ///
    /// ## Why it matters
    /// Acknowledgements should stay honest: once the problem is fixed, the
    /// `allow` and its reason are stale and mislead the next reader.
    ///
    /// ## Example
    /// ```text
    /// claim entitled "..."
    ///   supported-by cn-us-share
    ///   allow unsupported-claim "the essay gives no reason"
    /// ```
    /// Use instead: remove the `allow`; the claim is supported now.
    pub static UNUSED_ALLOW = ("unused-allow", Warning, None);
}

/// Takes out the findings an `allow` on their statement acknowledges,
/// keeping the others in order; returns those acknowledged and which allows
/// were used.
pub(super) fn apply(ws: &Workspace, findings: &mut Vec<Finding>) -> (Vec<Allowed>, Vec<bool>) {
    let mut used = vec![false; ws.relations.allows.len()];
    let mut allowed = Vec::new();
    if ws.relations.allows.is_empty() {
        return (allowed, used);
    }
    // Keyed by statement rather than a list per statement: a workspace has
    // few allows, and an empty list per statement was 24 bytes each.
    let mut allows_of: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (k, a) in ws.relations.allows.iter().enumerate() {
        allows_of.entry(a.statement).or_default().push(k);
    }
    let matching = |f: &Finding| {
        f.statement.and_then(|s| {
            allows_of
                .get(&s)?
                .iter()
                .copied()
                .find(|&k| ws.relations.allows[k].rule == f.rule)
        })
    };
    // Taken out in place: the findings kept are not copied to a new list.
    let mut taken = Vec::new();
    let acknowledged: Vec<Finding> = findings
        .extract_if(.., |f| {
            let k = matching(f);
            taken.extend(k);
            k.is_some()
        })
        .collect();
    for (finding, k) in acknowledged.into_iter().zip(taken) {
        used[k] = true;
        allowed.push(Allowed {
            reason: ws.relations.allows[k].reason.to_string(),
            finding,
        });
    }
    (allowed, used)
}

pub(super) fn report_unused(ws: &Workspace, used: &[bool], sink: &mut Sink) {
    for (k, a) in ws.relations.allows.iter().enumerate() {
        if used[k] {
            continue;
        }
        let name = ws.name(a.statement).unwrap_or("(anonymous check)");
        if RULES.iter().any(|r| r.name == a.rule) {
            sink.report(
                a.rule_loc,
                "nothing to acknowledge",
                format!("`allow {}` on `{name}` acknowledges no finding", a.rule),
                Some("remove it: the rule no longer fires on this statement".into()),
                Some(a.statement),
            );
        } else {
            let help = closest(&a.rule, RULES.iter().map(|r| r.name))
                .map(|near| format!("did you mean `{near}`?").into())
                .or_else(|| Some("`argcheck rules` lists every rule".into()));
            sink.report(
                a.rule_loc,
                "no such rule",
                format!("`allow {}` names no rule", a.rule),
                help,
                Some(a.statement),
            );
        }
    }
}
