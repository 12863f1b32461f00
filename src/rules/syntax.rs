//! `syntax-error` and `unreadable-file`: what the reader and parser report.

use super::{Context, Sink, declare_rule};
use crate::model::Loc;
use crate::syntax::span::Span;
use std::borrow::Cow;

declare_rule! {
    /// ## What it does
    /// Reports text that does not follow the grammar of the `.arg` language.
    ///
    /// ## Why it matters
    /// A statement that does not parse cannot be checked. The message says
    /// what was expected and what was found; parsing resumes at the next
    /// clause or statement, so one mistake hides nothing after it.
    ///
    /// ## Example
    /// ```text
    /// clam entitled "China and the US are entitled to their say"
    /// ```
    /// Use instead:
    /// ```text
    /// claim entitled "China and the US are entitled to their say"
    /// ```
    pub static SYNTAX_ERROR = ("syntax-error", Error, Some(report_syntax_errors));
}

declare_rule! {
    /// ## What it does
    /// Reports a file that cannot be read, or is not UTF-8 text, with the
    /// byte offset of the first bad byte.
    ///
    /// ## Why it matters
    /// A file that is skipped silently would hide its claims from the check.
    /// The other files are still checked.
    ///
    /// ## Example
    /// A `.arg` file saved as Latin-1 with `é` in a claim's text.
    /// Use instead: save it as UTF-8.
    pub static UNREADABLE_FILE = ("unreadable-file", Error, Some(report_unreadable));
}

fn report_syntax_errors(ctx: &Context<'_>, sink: &mut Sink) {
    for (file, e) in &ctx.ws.syntax_errors {
        sink.report(
            Loc {
                file: *file,
                span: e.span,
            },
            e.label.clone(),
            e.message.clone(),
            e.help.clone().map(Cow::from),
            None,
        );
    }
}

fn report_unreadable(ctx: &Context<'_>, sink: &mut Sink) {
    for (file, f) in (0..).zip(&ctx.ws.files) {
        if let Some(u) = &f.unreadable {
            let (message, help) = match u.offset {
                Some(offset) => (
                    format!("{}: invalid UTF-8 at byte offset {offset}", f.path),
                    Some("save the file as UTF-8".into()),
                ),
                None => (format!("{}: {}", f.path, u.message), None),
            };
            sink.report(
                Loc {
                    file,
                    span: Span::empty(0),
                },
                "file not read",
                message,
                help,
                None,
            );
        }
    }
}
