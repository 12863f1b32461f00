//! The default format: each finding as a miette diagnostic (source line,
//! labelled span, rule name as code, help), then acknowledged findings one per
//! line, then one summary line.

use super::position::line_indexes;
use super::{Reporter, Summary};
use crate::finding::{Finding, Place, Severity};
use crate::model::Workspace;
use crate::rules::Outcome;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::{self, Write};

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
/// points there (an unterminated construct) a space is added for it to mark.
struct Source {
    name: String,
    text: String,
}

impl Source {
    fn new(name: &str, text: &str, places: &[&Place]) -> Source {
        let mut padded = String::with_capacity(text.len() + 1);
        padded.push_str(text);
        if places.iter().any(|p| p.span.end() >= text.len()) {
            padded.push(' ');
        }
        Source {
            name: name.to_owned(),
            text: padded,
        }
    }
}

impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner =
            self.text
                .as_str()
                .read_span(span, context_lines_before, context_lines_after)?;
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

/// One finding, shaped for miette.
struct Rendered<'a> {
    finding: &'a Finding,
    labels: Vec<LabeledSpan>,
    /// None for a file that could not be read: there is no text to show.
    source: Option<Source>,
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
        self.source.as_ref().map(|s| s as &dyn SourceCode)
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
        LabeledSpan::new_primary_with_span(Some(place.label.clone()), span)
    } else {
        LabeledSpan::new_with_span(Some(place.label.clone()), span)
    }
}

fn render<'a>(ws: &Workspace, finding: &'a Finding) -> Rendered<'a> {
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
                source: Some(Source::new(&other.path, &other.text, &[place])),
                related: Vec::new(),
                message: Some(place.label.clone()),
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
        source: file
            .unreadable
            .is_none()
            .then(|| Source::new(&file.path, &file.text, &here)),
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

    /// Renders one finding as text.
    pub fn render_finding(&self, ws: &Workspace, finding: &Finding) -> String {
        let mut out = String::new();
        let rendered = render(ws, finding);
        if self.handler().render_report(&mut out, &rendered).is_err() {
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
        for f in &outcome.findings {
            writeln!(out, "{}", self.render_finding(ws, f))?;
        }
        if !outcome.allowed.is_empty() {
            let indexes = line_indexes(ws);
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
