//! `duplicate-id`.

use super::{Context, Sink, declare_rule};
use crate::finding::{FileId, Place};
use crate::model::{Loc, Workspace};

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
    let ws = ctx.ws;
    let firsts: Vec<Loc> = ws
        .duplicates
        .iter()
        .map(|&(_, first)| ws.stmt(first).anchor())
        .collect();
    let positions = line_columns(ws, &firsts);
    for (&(later, _), (first_anchor, (line, column))) in
        ws.duplicates.iter().zip(firsts.iter().zip(positions))
    {
        let stmt = ws.stmt(later);
        let name = stmt.name().unwrap_or_default();
        let first_path = &ws.file(first_anchor.file).path;
        let finding = sink.report(
            stmt.anchor(),
            "declared again here",
            // Both places are in the message, so that formats showing one
            // location per finding still show the other.
            format!("`{name}` is declared twice; first at {first_path}:{line}:{column}"),
            Some("identifiers are global to the workspace; rename one of the two".to_owned()),
            Some(later),
        );
        finding.related.push(Place {
            file: first_anchor.file,
            span: first_anchor.span,
            label: "first declared here".to_owned(),
        });
    }
}

/// The 1-based line and column (in characters) of each place's start. The
/// places are visited in file and offset order, so each file is read once
/// however many places it holds.
fn line_columns(ws: &Workspace, places: &[Loc]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..places.len()).collect();
    order.sort_by_key(|&k| (places[k].file, places[k].span.start()));
    let mut out = vec![(0, 0); places.len()];
    // (file, offset reached, line at that offset, where that line starts)
    let mut at: Option<(FileId, usize, usize, usize)> = None;
    for k in order {
        let Loc { file, span } = places[k];
        let text = &ws.file(file).text;
        let (mut from, mut line, mut line_start) = match at {
            Some((f, offset, line, start)) if f == file => (offset, line, start),
            // A leading BOM is skipped and takes no column.
            _ => (0, 1, if text.starts_with('\u{feff}') { 3 } else { 0 }),
        };
        let offset = span.start().min(text.len());
        for newline in memchr::memchr_iter(b'\n', &text.as_bytes()[from..offset]) {
            line += 1;
            line_start = from + newline + 1;
        }
        from = offset;
        let column = text
            .get(line_start.min(offset)..offset)
            .map_or(0, |t| t.chars().count())
            + 1;
        out[k] = (line, column);
        at = Some((file, from, line, line_start));
    }
    out
}
