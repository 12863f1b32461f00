//! The numeric rules of spec section 5. Every check and `same-as` pair is
//! evaluated once per run ([`evaluate`]); each rule then reports its share of
//! the outcomes.

use super::{Context, Sink, declare_rule};
use crate::ast::{DateLit, Head, Relation, StatementKind};
use crate::model::{Loc, StmtId, Workspace};
use crate::numeric::NumberSettings;
use crate::numeric::check::{
    CheckOutcome, NamedQuantity, Verdict, evaluate_relation, evaluate_relation_for_findings,
    evaluate_same_as,
};
use crate::numeric::eval::{QuantityInfo, StatedAmounts};
use rayon::prelude::*;
use std::borrow::Cow;

/// A check or `same-as` pair and what the numbers say about it.
#[derive(Debug, Clone)]
pub struct Evaluated {
    /// The check, or the quantity that carries the `same-as` clause.
    pub statement: StmtId,
    /// Where findings about the relation as a whole point.
    pub loc: Loc,
    /// For a `same-as` pair, the quantity it names; `None` for a check.
    pub same_as: Option<StmtId>,
    pub outcome: CheckOutcome,
}

impl Evaluated {
    pub fn is_same_as(&self) -> bool {
        self.same_as.is_some()
    }
}

/// The amounts of the quantities that more than one relation names,
/// evaluated once each. A quantity named once is evaluated where it is used,
/// so nothing is kept for it.
struct SharedAmounts {
    /// Statement ids, ascending.
    statements: Vec<StmtId>,
    amounts: Vec<StatedAmounts>,
}

impl SharedAmounts {
    fn new(ws: &Workspace, settings: &NumberSettings) -> SharedAmounts {
        let mut uses = vec![0u8; ws.statements.len()];
        let mut count = |s: StmtId| uses[s] = uses[s].saturating_add(1);
        // The checks' quantities were looked up once already, when the
        // workspace was resolved.
        for o in &ws.relations.operands {
            count(o.quantity());
        }
        for edge in &ws.relations.same_as {
            for end in [edge.from, edge.to] {
                if let Some(s) = ws.name(end).and_then(|name| ws.lookup(name)) {
                    count(s);
                }
            }
        }
        let (statements, amounts) = (0..uses.len())
            .into_par_iter()
            .filter(|&s| uses[s] > 1)
            .filter_map(|s| match &ws.stmt(s).ast.head {
                Head::Value(value) => Some((s, StatedAmounts::of(value, settings))),
                _ => None,
            })
            .unzip();
        SharedAmounts {
            statements,
            amounts,
        }
    }

    fn get(&self, s: StmtId) -> Option<&StatedAmounts> {
        let i = self.statements.binary_search(&s).ok()?;
        self.amounts.get(i)
    }
}

/// What a check needs to know about the quantity `name`: its value, its
/// `as-of` date and, when it is shared, its amounts.
fn quantity_info<'w>(
    ws: &'w Workspace,
    shared: &'w SharedAmounts,
    name: &str,
) -> Option<QuantityInfo<'w>> {
    let s = ws.lookup(name)?;
    let stmt = ws.stmt(s);
    let Head::Value(value) = &stmt.ast.head else {
        return None;
    };
    Some(QuantityInfo {
        value,
        as_of: as_of(ws, s),
        amounts: shared.get(s),
    })
}

/// Evaluates every check and every `same-as` pair, in workspace order.
///
/// Each quantity's value is turned into its intervals once, however many
/// relations name it; the checks are decided in parallel (each decision is
/// independent, and the results keep workspace order).
pub fn evaluate(ws: &Workspace, settings: &NumberSettings) -> Vec<Evaluated> {
    evaluate_keeping(ws, settings, Keep::Everything)
}

/// What [`evaluate_keeping`] keeps of each outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Every side of every relation, for showing the arithmetic of each.
    Everything,
    /// The sides only of the relations that fail: the findings print
    /// nothing else, and a workspace has far more checks that hold.
    Findings,
}

/// [`evaluate`], keeping of each outcome what `keep` says.
pub fn evaluate_keeping(ws: &Workspace, settings: &NumberSettings, keep: Keep) -> Vec<Evaluated> {
    // For `same-as` pairs; checks are trimmed as they are decided
    // (`evaluate_relation_for_findings`).
    let trim = |outcome: CheckOutcome| match keep {
        Keep::Everything => outcome,
        Keep::Findings => outcome.without_unshown_sides(),
    };
    let shared = SharedAmounts::new(ws, settings);
    let lookup = |name: &str| quantity_info(ws, &shared, name);
    // The checks are found first so that their outcomes are written straight
    // into a vector of the exact size: an outcome is large, and collecting
    // an unknown number of them would hold them twice while growing.
    let checks: Vec<(StmtId, &Relation)> = ws
        .statements
        .par_iter()
        .enumerate()
        .filter_map(|(s, stmt)| match &stmt.ast.head {
            Head::Check(relation) if stmt.kind() == StatementKind::Check => {
                let relation: &Relation = relation;
                Some((s, relation))
            }
            _ => None,
        })
        .collect();
    let same_as: Vec<Evaluated> = ws
        .relations
        .same_as
        .par_iter()
        .filter_map(|edge| {
            let (a, b) = (ws.name(edge.from)?, ws.name(edge.to)?);
            let (info_a, info_b) = (lookup(a)?, lookup(b)?);
            let outcome = evaluate_same_as(
                NamedQuantity {
                    name: a,
                    info: info_a,
                },
                NamedQuantity {
                    name: b,
                    info: info_b,
                },
                edge.loc.span,
                settings,
            );
            Some(Evaluated {
                statement: edge.from,
                loc: edge.loc,
                same_as: Some(edge.to),
                outcome: trim(outcome),
            })
        })
        .collect();
    let mut out: Vec<Evaluated> = Vec::with_capacity(checks.len() + same_as.len());
    checks
        .par_iter()
        .map(|&(s, relation)| {
            let stmt = ws.stmt(s);
            let text = &ws.file(stmt.file).text;
            let outcome = match keep {
                Keep::Everything => evaluate_relation(relation, text, &lookup, settings),
                Keep::Findings => evaluate_relation_for_findings(relation, text, &lookup, settings),
            };
            Evaluated {
                statement: s,
                loc: Loc {
                    file: stmt.file,
                    span: relation.lhs.span.to(relation.rhs.span),
                },
                same_as: None,
                outcome,
            }
        })
        .collect_into_vec(&mut out);
    out.extend(same_as);
    out
}

declare_rule! {
    /// ## What it does
    /// Reports a check (or `same-as`) that fails even under the coarse
    /// reading, where round figures may stand for anything they round from.
    ///
    /// ## Why it matters
    /// No rounding of the stated figures can reconcile them: at least one of
    /// them is wrong. The message shows the interval each side stands for.
    ///
    /// ## Example
    /// ```text
    /// quantity china-users = 688 million users
    /// check share: cn-us-share = (china-users + us-users) / world-users
    /// ```
    /// `28.22 % stands for [28.215 %, 28.225 %] but (china-users + us-users) /
    /// world-users gives [28.590 %, 28.926 %]`: fix the figure that is wrong.
    pub static NUMERIC_INCONSISTENCY = ("numeric-inconsistency", Error, Some(numeric_inconsistency));
}

declare_rule! {
    /// ## What it does
    /// Reports a check that holds when round figures are read coarsely
    /// (`670 million` as anything from 665 to 675 million) but fails when
    /// every written digit is taken as significant.
    ///
    /// ## Why it matters
    /// The figures agree only if some were rounded more than their digits
    /// suggest. That is often fine, but worth a look.
    ///
    /// ## Example
    /// ```text
    /// quantity a = 670 million
    /// check example: a = 668 million
    /// ```
    /// Use instead: state the figure with the precision it has.
    pub static ROUNDING_INCONSISTENCY = ("rounding-inconsistency", Warning, Some(rounding_inconsistency));
}

declare_rule! {
    /// ## What it does
    /// Reports a `same-as` pair whose two values cannot be the same fact,
    /// even allowing for rounding.
    ///
    /// ## Why it matters
    /// Two sources give different figures for one fact: at most one of them
    /// is right, and the text should say which it relies on.
    ///
    /// ## Example
    /// ```text
    /// quantity china-users = 670 million users
    ///   same-as china-users-cnnic
    /// quantity china-users-cnnic = 688 million users
    /// ```
    pub static CONFLICTING_VALUES = ("conflicting-values", Error, Some(conflicting_values));
}

declare_rule! {
    /// ## What it does
    /// Reports `+`, `-` or a relation joining different dimensions
    /// (`users + USD`, `%` against `years`).
    ///
    /// ## Why it matters
    /// Adding or comparing unlike things is meaningless; usually a unit was
    /// mistyped (`user` and `users` differ) or a quantity is the wrong one.
    ///
    /// ## Example
    /// ```text
    /// check example: china-users + gdp > 0
    /// ```
    pub static UNIT_MISMATCH = ("unit-mismatch", Error, Some(unit_mismatch));
}

declare_rule! {
    /// ## What it does
    /// Reports a difference of two percentages (which is in percentage
    /// points, `pp`) related to a value stated in `%`, or the reverse.
    ///
    /// ## Why it matters
    /// A rise from 20 % to 30 % is 10 percentage points, but 50 percent.
    /// Mixing the two is a classic misreading of statistics.
    ///
    /// ## Example
    /// ```text
    /// check example: share-2015 - share-2014 = 10 %
    /// ```
    /// Use instead: `= 10 pp`.
    pub static PERCENT_VS_POINTS = ("percent-vs-points", Warning, Some(percent_vs_points));
}

declare_rule! {
    /// ## What it does
    /// Reports a division by an interval that contains zero.
    ///
    /// ## Why it matters
    /// The quotient is unbounded, so the check says nothing.
    ///
    /// ## Example
    /// ```text
    /// check example: ratio = a / (b - b)
    /// ```
    pub static UNDEFINED_ARITHMETIC = ("undefined-arithmetic", Error, Some(undefined_arithmetic));
}

declare_rule! {
    /// ## What it does
    /// Reports a check that combines quantities whose `as-of` periods do not
    /// overlap.
    ///
    /// ## Why it matters
    /// A 2013 count divided by a 2015 total is not a share of anything.
    ///
    /// ## Example
    /// ```text
    /// quantity users-2013 = 618 million users
    ///   as-of 2013-12
    /// quantity world-2015 = 3.366 billion users
    ///   as-of 2015-12
    /// check example: share = users-2013 / world-2015
    /// ```
    pub static MIXED_DATES = ("mixed-dates", Warning, Some(mixed_dates));
}

declare_rule! {
    /// ## What it does
    /// Reports a check that holds, but where the stated value's last digit is
    /// finer than a tenth of the width the inputs allow.
    ///
    /// ## Why it matters
    /// The printed inputs cannot justify that many digits: the figure claims
    /// more precision than its sources give.
    ///
    /// ## Example
    /// ```text
    /// quantity share = 28.2215 %
    /// check example: share = (china-users + us-users) / world-users
    /// ```
    pub static OVERSTATED_PRECISION = ("overstated-precision", Note, Some(overstated_precision));
}

fn verdict_findings(ctx: &Context<'_>, sink: &mut Sink, verdict: Verdict, same_as: bool) {
    for e in ctx
        .evaluated
        .iter()
        .filter(|e| e.is_same_as() == same_as && e.outcome.verdict == verdict)
    {
        let Some(message) = e.outcome.message() else {
            continue;
        };
        let reading = e.outcome.reading.map_or("", |r| r.name());
        let label = if same_as && verdict == Verdict::NumericInconsistency {
            "these cannot be the same fact".to_owned()
        } else if same_as {
            "the same fact only if rounded more than written".to_owned()
        } else {
            format!("fails under the {reading} reading")
        };
        let message = format!("{message} (under the {reading} reading)");
        let help = e.outcome.help().map(Cow::from).or_else(|| {
            Some(
                "no rounding of the stated figures reconciles them, even reading trailing zeros as rounding: one of them is wrong"
                    .into(),
            )
        });
        let message = if same_as {
            let names = match (&e.outcome.left, &e.outcome.right) {
                (Some(l), Some(r)) => format!(
                    "`{}` and `{}`: ",
                    l.name.as_deref().unwrap_or("?"),
                    r.name.as_deref().unwrap_or("?")
                ),
                _ => String::new(),
            };
            format!("{names}{message}")
        } else {
            message
        };
        sink.report(e.loc, label, message, help, Some(e.statement));
    }
}

fn numeric_inconsistency(ctx: &Context<'_>, sink: &mut Sink) {
    verdict_findings(ctx, sink, Verdict::NumericInconsistency, false);
}

fn rounding_inconsistency(ctx: &Context<'_>, sink: &mut Sink) {
    verdict_findings(ctx, sink, Verdict::RoundingInconsistency, false);
    verdict_findings(ctx, sink, Verdict::RoundingInconsistency, true);
}

fn conflicting_values(ctx: &Context<'_>, sink: &mut Sink) {
    verdict_findings(ctx, sink, Verdict::NumericInconsistency, true);
}

/// Reports the problems of one rule that evaluation recorded.
fn problems(ctx: &Context<'_>, sink: &mut Sink, rule: &str) {
    for e in &ctx.evaluated {
        for p in e.outcome.problems.iter().filter(|p| p.rule == rule) {
            let loc = Loc {
                file: e.loc.file,
                span: if e.is_same_as() { e.loc.span } else { p.span },
            };
            let label = match rule {
                "unit-mismatch" => "different dimensions",
                "percent-vs-points" => "percent against percentage points",
                "undefined-arithmetic" => "this divisor may be zero",
                "mixed-dates" => "as-of periods do not overlap",
                _ => "more digits than the inputs justify",
            };
            sink.report(
                loc,
                label,
                p.message.clone(),
                p.help.clone().map(Cow::from),
                Some(e.statement),
            );
        }
    }
}

fn unit_mismatch(ctx: &Context<'_>, sink: &mut Sink) {
    problems(ctx, sink, "unit-mismatch");
}

fn percent_vs_points(ctx: &Context<'_>, sink: &mut Sink) {
    problems(ctx, sink, "percent-vs-points");
}

fn undefined_arithmetic(ctx: &Context<'_>, sink: &mut Sink) {
    problems(ctx, sink, "undefined-arithmetic");
}

fn mixed_dates(ctx: &Context<'_>, sink: &mut Sink) {
    problems(ctx, sink, "mixed-dates");
}

fn overstated_precision(ctx: &Context<'_>, sink: &mut Sink) {
    problems(ctx, sink, "overstated-precision");
}

/// The `as-of` date of a quantity, for reports.
pub fn as_of(ws: &Workspace, s: StmtId) -> Option<DateLit> {
    ws.stmt(s).ast.clauses.iter().find_map(|c| match &c.body {
        crate::ast::ClauseBody::Date(d) if c.keyword == crate::ast::ClauseKeyword::AsOf => Some(*d),
        _ => None,
    })
}
