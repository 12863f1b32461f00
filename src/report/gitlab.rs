//! `--format gitlab`: GitLab Code Quality JSON, an array of issues with a
//! description, check name, fingerprint, severity and location.

use super::{Region, Reporter, fingerprints, relative_to};
use crate::finding::Severity;
use crate::model::Workspace;
use crate::position::line_indexes;
use crate::rules::Outcome;
use serde::Serialize;
use std::io::{self, Write};
use std::path::PathBuf;

#[derive(Debug, Clone, Default)]
pub struct GitlabReporter {
    /// Paths are made relative to this directory when they lie below it.
    pub base: Option<PathBuf>,
}

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: IssueLocation,
}

#[derive(Serialize)]
struct IssueLocation {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// Code Quality's scale is info, minor, major, critical, blocker.
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Note => "info",
    }
}

impl Reporter for GitlabReporter {
    fn report(&self, ws: &Workspace, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let indexes = line_indexes(ws);
        let issues: Vec<Issue<'_>> = outcome
            .findings
            .iter()
            .zip(fingerprints(ws, &outcome.findings))
            .map(|(f, fingerprint)| {
                let r = Region::of(&indexes, f);
                Issue {
                    description: &f.message,
                    check_name: f.rule,
                    fingerprint,
                    severity: severity(f.severity),
                    location: IssueLocation {
                        path: relative_to(&ws.file(f.place.file).path, self.base.as_deref()),
                        lines: Lines {
                            begin: r.line,
                            end: r.end_line,
                        },
                    },
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &issues).map_err(io::Error::other)?;
        writeln!(out)
    }
}
