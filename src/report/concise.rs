//! `--format concise`: one line per finding, `path:line:col: severity[rule]
//! message`, for grep and editors; then the summary line.

use super::human::summary_line;
use super::{Region, Reporter, Summary};
use crate::model::Workspace;
use crate::position::line_indexes;
use crate::rules::Outcome;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, Default)]
pub struct ConciseReporter {
    /// Also list acknowledged findings, with their reasons.
    pub show_allowed: bool,
}

impl Reporter for ConciseReporter {
    fn report(&self, ws: &Workspace, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let indexes = line_indexes(ws);
        let line = |f: &crate::finding::Finding| {
            let r = Region::of(&indexes, f);
            format!(
                "{}:{}:{}: {}[{}] {}",
                ws.file(f.place.file).path,
                r.line,
                r.column,
                f.severity,
                f.rule,
                f.message
            )
        };
        for f in &outcome.findings {
            writeln!(out, "{}", line(f))?;
        }
        if self.show_allowed {
            for a in &outcome.allowed {
                writeln!(out, "{} (allowed: {})", line(&a.finding), a.reason)?;
            }
        }
        writeln!(out, "{}", summary_line(&Summary::of(ws, outcome)))
    }
}
