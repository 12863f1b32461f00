//! `--format json-lines`: one JSON object per line and per finding, with the
//! fields of the JSON report's findings; acknowledged findings (with their
//! `reason`) follow with `--show-allowed`. The summary goes to stderr.

use super::Reporter;
use super::json::json_finding;
use crate::model::Workspace;
use crate::position::line_indexes;
use crate::rules::Outcome;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, Default)]
pub struct JsonLinesReporter {
    pub show_allowed: bool,
}

impl Reporter for JsonLinesReporter {
    fn report(&self, ws: &Workspace, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let indexes = line_indexes(ws);
        for f in &outcome.findings {
            serde_json::to_writer(&mut *out, &json_finding(ws, &indexes, f, None))
                .map_err(io::Error::other)?;
            writeln!(out)?;
        }
        if self.show_allowed {
            for a in &outcome.allowed {
                let line = json_finding(ws, &indexes, &a.finding, Some(&a.reason));
                serde_json::to_writer(&mut *out, &line).map_err(io::Error::other)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}
