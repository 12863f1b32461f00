//! `duplicate-id`.

use super::{Context, Sink, declare_rule};
use crate::finding::{FileId, Place};
use crate::position::LineIndex;
use rustc_hash::FxHashMap;

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

fn check(ctx: &Context<'_>, sink: &mut Sink) {
    let ws = ctx.ws;
    // Line indexes only of the files that hold a first declaration.
    let mut indexes: FxHashMap<FileId, LineIndex<'_>> = FxHashMap::default();
    for &(later, first) in &ws.duplicates {
        let stmt = ws.stmt(later);
        let name = ws.name_of(stmt).unwrap_or_default();
        let first_anchor = ws.stmt(first).anchor();
        let first_file = ws.file(first_anchor.file);
        let (line, column) = indexes
            .entry(first_anchor.file)
            .or_insert_with(|| LineIndex::new(&first_file.text))
            .line_col(first_anchor.span.start());
        let finding = sink.report(
            stmt.anchor(),
            "declared again here",
            format!("`{name}` is declared twice"),
            // The first place is named here too, for the formats that show
            // one location per finding; not in the message, which the
            // fingerprints hash and which must not change when lines move.
            Some(
                format!(
                    "identifiers are global to the workspace; rename one of the two (first declared at {}:{line}:{column})",
                    first_file.path
                )
                .into(),
            ),
            Some(later),
        );
        finding.related.push(Place {
            file: first_anchor.file,
            span: first_anchor.span,
            label: "first declared here".into(),
        });
    }
}
