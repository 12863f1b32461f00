//! The rules: one file per rule or small family, registered in [`RULES`].
//!
//! Each rule is declared with [`declare_rule!`], whose doc comment follows one
//! template (what it does / why it matters / example). That text is what
//! `argcheck explain RULE` prints, so the documentation cannot drift from it.

use crate::finding::{Allowed, Finding, Place, Severity};
use crate::model::{Loc, StmtId, Workspace};
use rayon::prelude::*;
use std::borrow::Cow;

mod allow;
mod circular_support;
pub mod defeat;
mod duplicate_id;
mod grounding;
pub mod numbers;
mod quotes;
mod references;
mod source_files;
mod sources;
mod support;
mod syntax;
mod unused;

/// Everything rules may consult beyond the model.
pub struct Context<'w> {
    pub ws: &'w Workspace,
    /// Every check and `same-as` pair, evaluated once.
    pub evaluated: Vec<numbers::Evaluated>,
    /// Which statements are grounded (spec section 4).
    pub grounded: Vec<bool>,
    /// The indexes of each statement's support groups, by target.
    pub groups_of: crate::model::graph::Adjacency,
    /// Which statements stand: IN, OUT or UNDECIDED.
    pub labels: crate::model::evaluation::Labelling,
}

/// Collects the findings of one rule.
pub struct Sink {
    rule: &'static Rule,
    findings: Vec<Finding>,
}

impl Sink {
    /// A finding at `loc`, about `statement` when given.
    pub fn report(
        &mut self,
        loc: Loc,
        label: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
        help: Option<Cow<'static, str>>,
        statement: Option<StmtId>,
    ) -> &mut Finding {
        self.findings.push(Finding {
            rule: self.rule.name,
            severity: self.rule.severity,
            message: message.into(),
            help,
            place: Place {
                file: loc.file,
                span: loc.span,
                label: label.into(),
            },
            related: Vec::new(),
            statement,
        });
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }
}

/// A rule: its name, default severity, documentation and check.
pub struct Rule {
    pub name: &'static str,
    pub severity: Severity,
    /// The rule's documentation, from its doc comment.
    pub doc: &'static str,
    /// Runs the rule; `None` for `unused-allow`, which is reported after the
    /// `allow` pass has seen every other finding.
    pub check: Option<fn(&Context<'_>, &mut Sink)>,
}

impl Rule {
    /// The documentation as Markdown, without the doc comments' indent.
    pub fn documentation(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    }

    /// The first sentence of the documentation's "What it does".
    pub fn summary(&self) -> String {
        let paragraph: Vec<&str> = self
            .doc
            .lines()
            .map(str::trim)
            .skip_while(|l| !l.starts_with("## What it does"))
            .skip(1)
            .take_while(|l| !l.is_empty())
            .collect();
        let text = paragraph.join(" ");
        match text.find(". ") {
            Some(end) => text[..=end].to_owned(),
            None => text,
        }
    }
}

/// Declares a rule: the doc comment becomes [`Rule::doc`].
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* pub static $ident:ident = ($name:literal, $severity:ident, $check:expr);) => {
        $(#[doc = $doc])*
        pub static $ident: $crate::rules::Rule = $crate::rules::Rule {
            name: $name,
            severity: $crate::finding::Severity::$severity,
            doc: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}
pub(crate) use declare_rule;

/// Every rule, in the order of the spec's tables.
pub static RULES: &[&Rule] = &[
    &syntax::SYNTAX_ERROR,
    &syntax::UNREADABLE_FILE,
    &duplicate_id::DUPLICATE_ID,
    &references::UNKNOWN_REFERENCE,
    &references::WRONG_KIND,
    &references::SELF_REFERENCE,
    &support::UNSUPPORTED_CLAIM,
    &support::UNSUPPORTED_PREMISE,
    &support::UNCITED_EVIDENCE,
    &grounding::UNGROUNDED_CLAIM,
    &circular_support::CIRCULAR_SUPPORT,
    &unused::UNUSED_PREMISE,
    &unused::UNUSED_SOURCE,
    &support::UNCITED_QUANTITY,
    &allow::UNUSED_ALLOW,
    &numbers::NUMERIC_INCONSISTENCY,
    &numbers::ROUNDING_INCONSISTENCY,
    &numbers::CONFLICTING_VALUES,
    &numbers::UNIT_MISMATCH,
    &numbers::PERCENT_VS_POINTS,
    &numbers::UNDEFINED_ARITHMETIC,
    &numbers::MIXED_DATES,
    &numbers::OVERSTATED_PRECISION,
    &quotes::QUOTE_NOT_FOUND,
    &sources::MISSING_SOURCE_FILE,
    &sources::UNDATED_SOURCE,
    &defeat::DEFEATED_CLAIM,
    &defeat::UNRESOLVED_CONTRADICTION,
    &source_files::SOURCE_FILE_OUTSIDE_WORKSPACE,
];

/// The rule with this name.
pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.name == name)
}

/// The outcome of checking a workspace.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Findings that count, sorted by file, line, column, rule.
    pub findings: Vec<Finding>,
    /// Findings acknowledged by `allow`, sorted the same way.
    pub allowed: Vec<Allowed>,
}

/// Runs every rule over the workspace with the default number settings.
pub fn check(ws: &Workspace) -> Outcome {
    check_with(ws, &crate::numeric::NumberSettings::default())
}

/// Runs every rule over the workspace, applies `allow`, and sorts.
pub fn check_with(ws: &Workspace, settings: &crate::numeric::NumberSettings) -> Outcome {
    check_and_label(ws, settings).0
}

/// Runs every rule as [`check_with`] does, and returns the labelling the
/// rules saw with the outcome.
pub fn check_and_label(
    ws: &Workspace,
    settings: &crate::numeric::NumberSettings,
) -> (Outcome, crate::model::evaluation::Labelling) {
    check_configured_and_label(ws, settings, &|rule, _| Some(rule.severity))
}

/// A rule's severity in a file, or `None` where the rule is off.
pub type Levels<'p> =
    &'p (dyn Fn(&'static Rule, crate::finding::FileId) -> Option<Severity> + Sync);

/// Runs every rule with the severities `levels` gives (a configuration's),
/// applies `allow`, and sorts. A finding of a rule that is off is dropped,
/// and an `allow` of such a rule is not reported as unused: the rule did not
/// run, so the acknowledgement cannot be stale.
pub fn check_configured(
    ws: &Workspace,
    settings: &crate::numeric::NumberSettings,
    levels: Levels<'_>,
) -> Outcome {
    check_configured_and_label(ws, settings, levels).0
}

/// [`check_configured`], also returning the labelling the rules saw.
pub fn check_configured_and_label(
    ws: &Workspace,
    settings: &crate::numeric::NumberSettings,
    levels: Levels<'_>,
) -> (Outcome, crate::model::evaluation::Labelling) {
    let evaluated = numbers::evaluate_keeping(ws, settings, numbers::Keep::Findings);
    let mut holds = vec![false; ws.statements.len()];
    for e in evaluated.iter().filter(|e| !e.is_same_as()) {
        holds[e.statement] = e.outcome.verdict.holds();
    }
    // The analyses the rules share are independent of each other, and so
    // are the rules: both run in parallel, and the findings are gathered in
    // the table's order, so the result does not depend on the threads.
    let ((grounded, labels), groups_of) = rayon::join(
        || {
            rayon::join(
                || grounding::grounded(ws, &holds),
                || defeat::labelling(ws, &evaluated),
            )
        },
        || {
            let groups = ws.relations.groups.iter().enumerate();
            let by_target = groups.map(|(g, group)| (group.target, g));
            crate::model::graph::Adjacency::from_pairs(ws.statements.len(), by_target)
        },
    );
    let ctx = Context {
        ws,
        grounded,
        labels,
        evaluated,
        groups_of,
    };
    let per_rule: Vec<Vec<Finding>> = RULES
        .par_iter()
        .map(|&rule| {
            let mut sink = Sink {
                rule,
                findings: Vec::new(),
            };
            if let Some(check) = rule.check {
                check(&ctx, &mut sink);
            }
            leveled(sink.findings, rule, levels).collect()
        })
        .collect();
    let mut findings = Vec::with_capacity(per_rule.iter().map(Vec::len).sum());
    for rule_findings in per_rule {
        findings.extend(rule_findings);
    }
    let (mut allowed, mut used) = allow::apply(ws, &mut findings);
    circular_support::mark_allows_of_acknowledged_cycles(ws, &mut used);
    for (k, a) in ws.relations.allows.iter().enumerate() {
        if rule(&a.rule).is_some_and(|r| levels(r, ws.stmt(a.statement).file).is_none()) {
            used[k] = true;
        }
    }
    let mut sink = Sink {
        rule: &allow::UNUSED_ALLOW,
        findings: Vec::new(),
    };
    allow::report_unused(ws, &used, &mut sink);
    findings.extend(leveled(sink.findings, &allow::UNUSED_ALLOW, levels));
    sort_findings(&mut findings);
    allowed.sort_by(|a, b| order(&a.finding, &b.finding));
    (Outcome { findings, allowed }, ctx.labels)
}

/// The findings of `rule` at their configured severity; those where the rule
/// is off are dropped.
fn leveled<'l>(
    findings: Vec<Finding>,
    rule: &'static Rule,
    levels: Levels<'l>,
) -> impl Iterator<Item = Finding> + 'l {
    findings.into_iter().filter_map(move |mut f| {
        f.severity = levels(rule, f.place.file)?;
        Some(f)
    })
}

fn order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    (
        a.place.file,
        a.place.span.start(),
        a.rule,
        a.place.span.end(),
        &a.message,
    )
        .cmp(&(
            b.place.file,
            b.place.span.start(),
            b.rule,
            b.place.span.end(),
            &b.message,
        ))
}

/// Sorts by file, position, rule; files are numbered in path order, and
/// within a line byte order is column order. The sort is stable, so the
/// result does not depend on how it is shared among threads.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.par_sort_by(order);
}
