//! `unknown-reference`, `wrong-kind` and `self-reference`: judging each
//! identifier written where a statement is meant.

use super::{Context, Sink, declare_rule};
use crate::ast::StatementKind;
use crate::suggest::Candidates;

declare_rule! {
    /// ## What it does
    /// Reports a reference to an identifier that no statement declares, and
    /// suggests the nearest declared identifier.
    ///
    /// ## Why it matters
    /// A misspelt reference silently drops a support, attack or citation, so
    /// the argument checked is not the one written.
    ///
    /// ## Example
    /// ```text
    /// claim entitled "China and the US are entitled to their say"
    ///   supported-by cn-us-shar
    /// ```
    /// Use instead: `supported-by cn-us-share`.
    pub static UNKNOWN_REFERENCE = ("unknown-reference", Error, Some(unknown));
}

declare_rule! {
    /// ## What it does
    /// Reports a reference to a statement of a kind the clause does not take:
    /// `cites` a claim, `supported-by` a source, a check over a claim.
    ///
    /// ## Why it matters
    /// Each clause means something only between the right kinds: evidence
    /// cites sources, quantities are what checks compute with.
    ///
    /// ## Example
    /// ```text
    /// evidence ruling "The court struck down Safe Harbor"
    ///   cites entitled
    /// ```
    /// Use instead: cite the `source` the evidence comes from.
    pub static WRONG_KIND = ("wrong-kind", Error, Some(wrong_kind));
}

declare_rule! {
    /// ## What it does
    /// Reports a statement that supports, attacks, contradicts or is the
    /// same as itself.
    ///
    /// ## Why it matters
    /// A statement cannot be a reason for itself; such an edge is circular
    /// support in its shortest form, or a slip of the identifier.
    ///
    /// ## Example
    /// ```text
    /// claim entitled "..."
    ///   supported-by entitled
    /// ```
    /// Use instead: name the premise or evidence that supports it.
    pub static SELF_REFERENCE = ("self-reference", Error, Some(self_reference));
}

fn unknown(ctx: &Context<'_>, sink: &mut Sink) {
    use rayon::prelude::*;
    let unknown: Vec<_> = ctx
        .ws
        .relations
        .references
        .iter()
        .filter(|r| r.target().is_none())
        .collect();
    // Each distinct misspelling is compared with every declared name once,
    // in parallel: a large workspace with many of them stays fast.
    let mut names: Vec<&str> = unknown.iter().map(|r| r.name(ctx.ws)).collect();
    names.sort_unstable();
    names.dedup();
    // The declared names are copied into one buffer first: each misspelling
    // reads all of them, and the statements they belong to are scattered
    // over memory.
    let mut declared = String::new();
    let mut ends: Vec<usize> = Vec::new();
    if !names.is_empty() {
        for (name, _) in ctx.ws.declared_names() {
            declared.push_str(name);
            ends.push(declared.len());
        }
    }
    let starts = std::iter::once(0).chain(ends.iter().copied());
    let candidates = Candidates::new(
        starts
            .zip(ends.iter().copied())
            .map(|(a, b)| &declared[a..b]),
    );
    let nearest: rustc_hash::FxHashMap<&str, Option<&str>> = names
        .par_iter()
        .map(|&name| (name, candidates.closest(name)))
        .collect();
    for r in unknown {
        let help = nearest
            .get(r.name(ctx.ws))
            .copied()
            .flatten()
            .map(|near| format!("did you mean `{near}`?").into())
            .or_else(|| {
                Some(
                    format!(
                        "declare `{}` with a statement, or fix the name",
                        r.name(ctx.ws)
                    )
                    .into(),
                )
            });
        sink.report(
            r.loc,
            "not declared anywhere",
            format!("unknown reference `{}`", r.name(ctx.ws)),
            help,
            Some(r.from()),
        );
    }
}

fn wrong_kind(ctx: &Context<'_>, sink: &mut Sink) {
    for r in &ctx.ws.relations.references {
        let Some(target) = r.target() else { continue };
        let kind = ctx.ws.stmt(target).kind();
        if r.role.accepts(kind) || (target == r.from() && r.role.is_relation()) {
            continue;
        }
        sink.report(
            r.loc,
            format!("this is {}", kind.with_article()),
            format!(
                "`{}` takes a {}, but `{}` is {}",
                r.role.clause(),
                StatementKind::join(r.role.kinds(), "or"),
                r.name(ctx.ws),
                kind.with_article()
            ),
            None,
            Some(r.from()),
        );
    }
}

fn self_reference(ctx: &Context<'_>, sink: &mut Sink) {
    for r in &ctx.ws.relations.references {
        if r.target() == Some(r.from()) && r.role.is_relation() {
            sink.report(
                r.loc,
                "the statement itself",
                format!("`{}` names itself in `{}`", r.name(ctx.ws), r.role.clause()),
                Some("a statement cannot support, attack or equal itself".into()),
                Some(r.from()),
            );
        }
    }
}
