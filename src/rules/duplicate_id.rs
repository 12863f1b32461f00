//! `duplicate-id`.

use super::{Context, Sink, declare_rule};
use crate::finding::Place;

declare_rule! {
    /// ## What it does
    /// Reports an identifier declared by two statements, showing both places.
    ///
    /// ## Why it matters
    /// Identifiers are global to the workspace: every reference to the name
    /// resolves to the first declaration, so the second statement can never
    /// be supported, cited or attacked by name.
    ///
    /// ## Example
    /// ```text
    /// claim entitled "China and the US are entitled to their say"
    /// claim entitled "They are not the only contributors"
    /// ```
    /// Use instead: give the second claim its own name, such as `not-only`.
    pub static DUPLICATE_ID = ("duplicate-id", Error, Some(check));
}

fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    for &(later, first) in &ctx.ws.duplicates {
        let stmt = ctx.ws.stmt(later);
        let name = stmt.name().unwrap_or_default();
        let first_anchor = ctx.ws.stmt(first).anchor();
        let first_path = &ctx.ws.file(first_anchor.file).path;
        let finding = sink.report(
            stmt.anchor(),
            "declared again here",
            format!("`{name}` is declared twice"),
            Some(format!(
                "identifiers are global to the workspace; rename one of the two (first declared in {first_path})"
            )),
            Some(later),
        );
        finding.related.push(Place {
            file: first_anchor.file,
            span: first_anchor.span,
            label: "first declared here".to_owned(),
        });
    }
}
