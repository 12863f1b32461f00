//! `unsupported-claim`, `unsupported-premise`, `uncited-evidence` and
//! `uncited-quantity`: statements that stand on nothing.

use super::{Context, Sink, declare_rule};
use crate::ast::{ClauseKeyword, StatementKind};
use std::borrow::Cow;

declare_rule! {
    /// ## What it does
    /// Reports a claim with no support group and no `assumed` clause.
    ///
    /// ## Why it matters
    /// A claim put forward as a conclusion with no reason offered for it is
    /// an assertion, not an argument. Either name what supports it, or say
    /// openly that it is taken as given.
    ///
    /// ## Example
    /// ```text
    /// claim entitled "China and the US are entitled to their say"
    /// ```
    /// Use instead:
    /// ```text
    /// claim entitled "China and the US are entitled to their say"
    ///   supported-by cn-us-share, top-companies
    /// ```
    pub static UNSUPPORTED_CLAIM = ("unsupported-claim", Error, Some(unsupported_claim));
}

declare_rule! {
    /// ## What it does
    /// Reports a premise with no support group and no `assumed` clause.
    ///
    /// ## Why it matters
    /// A premise is a reason for something else; when nothing backs it, the
    /// conclusion rests on it alone. Support it, or mark it `assumed` with
    /// the reason it may be taken as given.
    ///
    /// ## Example
    /// ```text
    /// premise stakeholders "China and the US are very important stakeholders"
    /// ```
    /// Use instead: add `supported-by` or `assumed "widely accepted"`.
    pub static UNSUPPORTED_PREMISE = ("unsupported-premise", Warning, Some(unsupported_premise));
}

declare_rule! {
    /// ## What it does
    /// Reports evidence with no `cites` clause.
    ///
    /// ## Why it matters
    /// Evidence is what a source shows; evidence that names no source cannot
    /// be looked up or verified, so it is only another assertion.
    ///
    /// ## Example
    /// ```text
    /// evidence brazil-speech "Xi spoke at the National Congress of Brazil"
    /// ```
    /// Use instead: add `cites brazil-congress-2014`.
    pub static UNCITED_EVIDENCE = ("uncited-evidence", Error, Some(uncited_evidence));
}

declare_rule! {
    /// ## What it does
    /// Reports a quantity with no `cites`, `quote` or `assumed` clause.
    ///
    /// ## Why it matters
    /// A figure with no stated origin cannot be checked against anything; the
    /// reader has to take it on trust.
    ///
    /// ## Example
    /// ```text
    /// quantity us-users = 280 million users
    /// ```
    /// Use instead: add `cites essay` or a `quote` of the passage.
    pub static UNCITED_QUANTITY = ("uncited-quantity", Warning, Some(uncited_quantity));
}

fn unsupported(ctx: &Context<'_>, sink: &mut Sink, kind: StatementKind) {
    for (s, stmt) in ctx.ws.statements.iter().enumerate() {
        if stmt.kind() != kind || stmt.ast.has_errors || stmt.has(ClauseKeyword::Assumed) {
            continue;
        }
        // Support may be written on the statement or on a supporter.
        if !ctx.groups_of[s].is_empty() {
            continue;
        }
        let name = ctx.ws.name_of(stmt).unwrap_or_default();
        // Fixed text for the two kinds the rules ask about, so that no
        // label is allocated.
        let label: Cow<'static, str> = match kind {
            StatementKind::Claim => "no support for this claim".into(),
            StatementKind::Premise => "no support for this premise".into(),
            other => format!("no support for this {other}").into(),
        };
        sink.report(
            stmt.anchor(),
            label,
            format!("{kind} `{name}` has no support"),
            Some(
                "add `supported-by ...` naming its reasons, or `assumed \"why\"` if it is taken as given"
                    .into(),
            ),
            Some(s),
        );
    }
}

fn unsupported_claim(ctx: &Context<'_>, sink: &mut Sink) {
    unsupported(ctx, sink, StatementKind::Claim);
}

fn unsupported_premise(ctx: &Context<'_>, sink: &mut Sink) {
    unsupported(ctx, sink, StatementKind::Premise);
}

fn uncited_evidence(ctx: &Context<'_>, sink: &mut Sink) {
    for (s, stmt) in ctx.ws.statements.iter().enumerate() {
        if stmt.kind() == StatementKind::Evidence
            && !stmt.ast.has_errors
            && !stmt.has(ClauseKeyword::Cites)
        {
            sink.report(
                stmt.anchor(),
                "cites no source",
                format!(
                    "evidence `{}` cites no source",
                    ctx.ws.name_of(stmt).unwrap_or_default()
                ),
                Some("add `cites SOURCE` naming the source it comes from".into()),
                Some(s),
            );
        }
    }
}

fn uncited_quantity(ctx: &Context<'_>, sink: &mut Sink) {
    for (s, stmt) in ctx.ws.statements.iter().enumerate() {
        if stmt.kind() == StatementKind::Quantity
            && !stmt.ast.has_errors
            && !stmt.has(ClauseKeyword::Cites)
            && !stmt.has(ClauseKeyword::Quote)
            && !stmt.has(ClauseKeyword::Assumed)
        {
            sink.report(
                stmt.anchor(),
                "no stated origin",
                format!(
                    "quantity `{}` has no `cites`, `quote` or `assumed`",
                    ctx.ws.name_of(stmt).unwrap_or_default()
                ),
                Some(
                    "add `cites SOURCE` or `quote SOURCE \"...\"` for where the figure comes from"
                        .into(),
                ),
                Some(s),
            );
        }
    }
}
