//! The default format: each finding as a miette diagnostic (source line,
//! labelled span, rule name as code, help), then acknowledged findings one per
//! line, then one summary line.

use super::{Reporter, Summary};
use crate::finding::{Finding, Place, Severity};
use crate::model::Workspace;
use crate::position::{LineIndex, line_indexes};
use crate::rules::Outcome;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use rayon::prelude::*;
use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};

/// Findings rendered together before they are written.
const BATCH: usize = 4096;

/// Renders with miette's graphical handler.
pub struct HumanReporter {
    pub color: bool,
    /// Wrap width of the rendered diagnostics.
    pub width: usize,
}

impl Default for HumanReporter {
    fn default() -> Self {
        HumanReporter {
            color: false,
            width: 100,
        }
    }
}

/// A file's text as miette sees it. Columns are counted in Unicode scalar
/// values. miette drops a label at the very end of the text, so when one
/// points there (an unterminated construct, at most a few per file) the
/// text is copied with a space added for it to mark.
struct Source<'t> {
    name: &'t str,
    /// Borrowed, unless the space had to be added.
    text: Cow<'t, str>,
    lines: &'t LineIndex<'t>,
}

impl<'t> Source<'t> {
    fn new(name: &'t str, text: &'t str, lines: &'t LineIndex<'t>, places: &[&Place]) -> Self {
        let text = if places.iter().any(|p| p.span.end() >= text.len()) {
            Cow::Owned(format!("{text} "))
        } else {
            Cow::Borrowed(text)
        };
        Source { name, text, lines }
    }
}

impl SourceCode for Source<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // miette counts lines from the start of the text it is handed, so it
        // is handed only the lines around the span, with a line to spare on
        // each side: a finding costs the size of its neighbourhood, not of
        // its file.
        let text: &str = &self.text;
        let start = span.offset().min(text.len());
        let end = (span.offset() + span.len()).clamp(start, text.len());
        let first = self
            .lines
            .line_of(start)
            .saturating_sub(context_lines_before + 1);
        let past = self.lines.line_of(end) + context_lines_after + 2;
        // A leading BOM is skipped: it is not shown, nor counted as a column.
        let window_start = match self.lines.line_start(first).unwrap_or(0) {
            0 => self.lines.text_start().min(start),
            other => other,
        };
        // miette numbers lines, and counts them to decide which labels share
        // a snippet, from the start of the text: both are shifted by the
        // breaks before the window, counted its way.
        let breaks_before = self.lines.breaks_before(window_start);
        let window_end = self.lines.line_start(past).unwrap_or(text.len());
        let window = &text[window_start..window_end];
        let local = SourceSpan::new((span.offset() - window_start).into(), span.len());
        let inner = window.read_span(&local, context_lines_before, context_lines_after)?;
        let data_start = inner.span().offset();
        let line_start = window[..data_start].rfind('\n').map_or(0, |k| k + 1);
        let column = window[line_start..data_start].chars().count();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            inner.data(),
            SourceSpan::new((window_start + data_start).into(), inner.span().len()),
            breaks_before + inner.line(),
            column,
            breaks_before + inner.line_count(),
        )))
    }
}

/// One finding, shaped for miette.
struct Rendered<'a> {
    finding: &'a Finding,
    labels: Vec<LabeledSpan>,
    /// None for a file that could not be read: there is no text to show.
    source: Option<Box<dyn SourceCode + 'a>>,
    related: Vec<Rendered<'a>>,
    /// For related places: the label text as the message.
    message: Option<String>,
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message.as_deref().unwrap_or(&self.finding.message))
    }
}

impl std::error::Error for Rendered<'_> {}

impl Diagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        if self.message.is_some() {
            return None;
        }
        Some(Box::new(self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        if self.message.is_some() {
            return Some(miette::Severity::Advice);
        }
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        if self.message.is_some() {
            return None;
        }
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_deref()
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

fn label(place: &Place, primary: bool) -> LabeledSpan {
    let span = SourceSpan::new(place.span.start().into(), place.span.len());
    if primary {
        LabeledSpan::new_primary_with_span(Some(place.label.to_string()), span)
    } else {
        LabeledSpan::new_with_span(Some(place.label.to_string()), span)
    }
}

fn render<'a>(ws: &'a Workspace, lines: &'a [LineIndex<'a>], finding: &'a Finding) -> Rendered<'a> {
    let file = ws.file(finding.place.file);
    let mut labels = vec![label(&finding.place, true)];
    let mut related = Vec::new();
    for place in &finding.related {
        if place.file == finding.place.file {
            labels.push(label(place, false));
        } else {
            let other = ws.file(place.file);
            related.push(Rendered {
                finding,
                labels: vec![label(place, true)],
                source: Some(Box::new(Source::new(
                    &other.path,
                    &other.text,
                    &lines[place.file as usize],
                    &[place],
                ))),
                related: Vec::new(),
                message: Some(place.label.to_string()),
            });
        }
    }
    labels.sort_by_key(|l| l.offset());
    let here: Vec<&Place> = std::iter::once(&finding.place)
        .chain(
            finding
                .related
                .iter()
                .filter(|p| p.file == finding.place.file),
        )
        .collect();
    Rendered {
        finding,
        labels,
        source: file.unreadable.is_none().then(|| {
            let lines = &lines[finding.place.file as usize];
            Box::new(Source::new(&file.path, &file.text, lines, &here)) as Box<dyn SourceCode>
        }),
        related,
        message: None,
    }
}

impl HumanReporter {
    fn handler(&self) -> GraphicalReportHandler {
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        GraphicalReportHandler::new_themed(theme)
            .with_width(self.width)
            .with_links(false)
    }

    /// Renders findings as text, one string each.
    pub fn render_findings<'f>(
        &self,
        ws: &Workspace,
        findings: impl IntoIterator<Item = &'f Finding>,
    ) -> Vec<String> {
        let (handler, indexes) = (self.handler(), line_indexes(ws));
        findings
            .into_iter()
            .map(|f| self.render_with(&handler, ws, &indexes, f))
            .collect()
    }

    fn render_with(
        &self,
        handler: &GraphicalReportHandler,
        ws: &Workspace,
        lines: &[LineIndex<'_>],
        finding: &Finding,
    ) -> String {
        let mut out = String::new();
        let rendered = render(ws, lines, finding);
        if handler.render_report(&mut out, &rendered).is_err() {
            // Rendering cannot fail on our own sources; keep the finding anyway.
            out = format!(
                "{}: {} [{}]\n",
                finding.severity, finding.message, finding.rule
            );
        }
        out
    }
}

impl Reporter for HumanReporter {
    fn report(&self, ws: &Workspace, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let indexes = line_indexes(ws);
        let handler = self.handler();
        // Findings are rendered in parallel, a batch at a time so that
        // output starts early and memory stays bounded, and written in order.
        for batch in outcome.findings.chunks(BATCH) {
            let rendered: Vec<String> = batch
                .par_iter()
                .map(|f| self.render_with(&handler, ws, &indexes, f))
                .collect();
            for text in rendered {
                writeln!(out, "{text}")?;
            }
        }
        if !outcome.allowed.is_empty() {
            writeln!(out, "acknowledged:")?;
            for a in &outcome.allowed {
                let f = &a.finding;
                let (line, column) = indexes[f.place.file as usize].line_col(f.place.span.start());
                writeln!(
                    out,
                    "  {}:{line}:{column}: {}[{}] {} (allowed: {})",
                    ws.file(f.place.file).path,
                    f.severity,
                    f.rule,
                    f.message,
                    a.reason
                )?;
            }
            writeln!(out)?;
        }
        writeln!(out, "{}", summary_line(&Summary::of(ws, outcome)))
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "2 errors, 1 warning, 0 notes, 3 acknowledged (4 files, 120 statements)"
pub fn summary_line(s: &Summary) -> String {
    format!(
        "{}, {}, {}, {} acknowledged ({}, {})",
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.notes, "note", "notes"),
        s.allowed,
        plural(s.files, "file", "files"),
        plural(s.statements, "statement", "statements"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::load_texts;
    use std::fmt::Write as _;

    /// The whole text handed to miette, as it reads it without help: what
    /// the windowed source must render like.
    struct Whole {
        name: String,
        text: String,
    }

    impl SourceCode for Whole {
        fn read_span<'a>(
            &'a self,
            span: &SourceSpan,
            before: usize,
            after: usize,
        ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
            let inner = self.text.as_str().read_span(span, before, after)?;
            let start = inner.span().offset();
            let line_start = self.text[..start].rfind('\n').map_or(0, |k| k + 1);
            let column = self.text[line_start..start].chars().count();
            Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                inner.data(),
                *inner.span(),
                inner.line(),
                column,
                inner.line_count(),
            )))
        }
    }

    #[test]
    fn a_window_renders_like_the_whole_text() {
        // Findings on the first line, all through a long file, across lines,
        // with a second label, and at the very end of the text.
        // A lone carriage return (a line break to miette only) comes first;
        // two declarations of one name twenty lines apart share a snippet.
        let mut text = String::from("claim first \"no support\"\n# a lone\rreturn\n");
        for k in 0..1500 {
            if k == 700 || k == 710 {
                writeln!(text, "claim apart \"declared twice\"\n").unwrap();
            }
            writeln!(
                text,
                "claim c{k} \"claim {k}\"\n  supported-by missing{k}\n"
            )
            .unwrap();
        }
        text.push_str("claim twice \"a\"\nclaim twice \"b\"\n\nclaim last \"open");
        let ws = load_texts(&[("big.arg", &text)]);
        let outcome = crate::rules::check(&ws);
        let reporter = HumanReporter::default();
        let (handler, lines) = (reporter.handler(), line_indexes(&ws));
        let mut compared = 0;
        for f in outcome
            .findings
            .iter()
            .step_by(23)
            .chain(outcome.findings.iter().rev().take(4))
        {
            let windowed = reporter.render_with(&handler, &ws, &lines, f);
            let mut whole = render(&ws, &lines, f);
            let padded = if f.place.span.end() >= text.len() {
                format!("{text} ")
            } else {
                text.clone()
            };
            whole.source = Some(Box::new(Whole {
                name: "big.arg".to_owned(),
                text: padded,
            }));
            let mut expected = String::new();
            handler.render_report(&mut expected, &whole).unwrap();
            assert_eq!(windowed, expected);
            compared += 1;
        }
        assert!(compared > 50, "{compared}");
        let rules: Vec<&str> = outcome
            .findings
            .iter()
            .rev()
            .take(4)
            .map(|f| f.rule)
            .collect();
        assert!(rules.contains(&"syntax-error"), "{rules:?}");
        let duplicate = outcome.findings.iter().find(|f| f.rule == "duplicate-id");
        let duplicate = duplicate.expect("a duplicate-id finding");
        let windowed = reporter.render_with(&handler, &ws, &lines, duplicate);
        let mut whole = render(&ws, &lines, duplicate);
        whole.source = Some(Box::new(Whole {
            name: "big.arg".to_owned(),
            text: text.clone(),
        }));
        let mut expected = String::new();
        handler.render_report(&mut expected, &whole).unwrap();
        assert_eq!(windowed, expected);
        // One snippet, from one declaration to the other.
        assert_eq!(windowed.matches("╭─[").count(), 1, "{windowed}");
    }
}
