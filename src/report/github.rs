//! `--format github`: GitHub Actions workflow commands, which the runner
//! turns into annotations on the pull request:
//! `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=argcheck (RULE)::MESSAGE`.

use super::{Region, Reporter};
use crate::finding::{Finding, Severity};
use crate::model::Workspace;
use crate::position::line_indexes;
use crate::rules::Outcome;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, Default)]
pub struct GithubReporter {
    /// Also annotate acknowledged findings, as notices.
    pub show_allowed: bool,
}

/// A command's message: `%`, CR and LF are escaped.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: also `:` and `,`, which end a property.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(
    ws: &Workspace,
    region: Region,
    f: &Finding,
    level: &str,
    reason: Option<&str>,
) -> String {
    let mut message = f.message.clone();
    if let Some(help) = &f.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    if let Some(reason) = reason {
        message.push_str("\nallowed: ");
        message.push_str(reason);
    }
    format!(
        "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        escape_property(&ws.file(f.place.file).path),
        region.line,
        region.column,
        region.end_line,
        region.end_column,
        escape_property(&format!("argcheck ({})", f.rule)),
        escape_data(&message)
    )
}

impl Reporter for GithubReporter {
    fn report(&self, ws: &Workspace, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let indexes = line_indexes(ws);
        for f in &outcome.findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let line = command(ws, Region::of(&indexes, f), f, level, None);
            writeln!(out, "{line}")?;
        }
        if self.show_allowed {
            for a in &outcome.allowed {
                let f = &a.finding;
                let line = command(ws, Region::of(&indexes, f), f, "notice", Some(&a.reason));
                writeln!(out, "{line}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_runner() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
