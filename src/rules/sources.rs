//! `missing-source-file` and `undated-source`: sources complete enough to
//! check and to cite.

use super::{Context, Sink, declare_rule};
use crate::ast::{ClauseKeyword, StatementKind};
use crate::model::{DocumentContent, DocumentProblem};

declare_rule! {
    /// ## What it does
    /// Reports a source whose `file` does not exist, cannot be read or is
    /// not UTF-8. The path is relative to the `.arg` file that declares the
    /// source.
    ///
    /// ## Why it matters
    /// Quotes from a source are verified against its file. Without the file
    /// nothing is verified, and the quotes could say anything.
    ///
    /// ## Example
    /// ```text
    /// source essay "Make efforts for the construction of international cyberspace rules"
    ///   date 2016
    ///   file "sources/esay.txt"
    /// ```
    /// Use instead: fix the path, or add the text file next to the claims.
    pub static MISSING_SOURCE_FILE = ("missing-source-file", Error, Some(missing_source_file));
}

declare_rule! {
    /// ## What it does
    /// Reports a source without a `date`.
    ///
    /// ## Why it matters
    /// When something was said or published decides what it can support: a
    /// figure "as of 2015" from a report of 2012 is a forecast, not a count.
    /// Readers need the date to find and weigh the source.
    ///
    /// ## Example
    /// ```text
    /// source wuzhen-speech "Speech at the opening of the Second World Internet Conference"
    ///   by "Xi Jinping"
    /// ```
    /// Use instead: add `date 2015-12-16` (or `YYYY-MM`, or `YYYY`).
    pub static UNDATED_SOURCE = ("undated-source", Warning, Some(undated_source));
}

fn missing_source_file(ctx: &Context<'_>, sink: &mut Sink) {
    let ws = ctx.ws;
    for r in &ws.document_refs {
        let document = &ws.documents[r.document];
        let DocumentContent::Problem(problem) = &document.content else {
            continue;
        };
        let path = document.display();
        let (label, message, help) = match problem {
            DocumentProblem::EmptyPath => (
                "empty path",
                "the source's file path is empty".to_owned(),
                "give the path of a local UTF-8 copy of the source, relative to this file",
            ),
            DocumentProblem::NotFound => (
                "no such file",
                format!("source file `{path}` does not exist"),
                "the path is relative to the directory of this `.arg` file",
            ),
            DocumentProblem::IsDirectory => (
                "a directory",
                format!("source file `{path}` is a directory"),
                "name the text file itself",
            ),
            DocumentProblem::Unreadable(reason) => (
                "cannot be read",
                format!("source file `{path}` cannot be read: {reason}"),
                "check the file's permissions",
            ),
            DocumentProblem::NotUtf8 { offset } => (
                "not UTF-8",
                format!("source file `{path}` is not UTF-8 (first bad byte at offset {offset})"),
                "save the source's text as UTF-8",
            ),
        };
        sink.report(r.loc, label, message, Some(help.into()), Some(r.source));
    }
}

fn undated_source(ctx: &Context<'_>, sink: &mut Sink) {
    for (s, stmt) in ctx.ws.statements.iter().enumerate() {
        if stmt.kind() == StatementKind::Source
            && !stmt.ast.has_errors
            && !stmt.has(ClauseKeyword::Date)
        {
            sink.report(
                stmt.anchor(),
                "no date",
                format!(
                    "source `{}` has no date",
                    ctx.ws.name_of(stmt).unwrap_or_default()
                ),
                Some(
                    "add `date YYYY-MM-DD` (or `YYYY-MM`, `YYYY`): when it was published or said"
                        .into(),
                ),
                Some(s),
            );
        }
    }
}
