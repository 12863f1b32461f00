//! `--format json`: the document of spec section 7.

use super::{Reporter, Summary};
use crate::finding::Finding;
use crate::model::Workspace;
use crate::position::{LineIndex, line_indexes};
use crate::rules::Outcome;
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

pub struct JsonReporter;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    allowed: Vec<JsonFinding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
pub(crate) struct JsonFinding<'a> {
    pub rule: &'a str,
    pub severity: &'a str,
    pub message: &'a str,
    pub help: Option<&'a str>,
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
}

/// The JSON form of a finding; positions are 1-based, columns in scalar
/// values, ends exclusive.
pub(crate) fn json_finding<'a>(
    ws: &'a Workspace,
    indexes: &[LineIndex<'_>],
    f: &'a Finding,
    reason: Option<&'a str>,
) -> JsonFinding<'a> {
    let index = &indexes[f.place.file as usize];
    let (line, column) = index.line_col(f.place.span.start());
    let (end_line, end_column) = index.line_col(f.place.span.end());
    JsonFinding {
        rule: f.rule,
        severity: f.severity.as_str(),
        message: &f.message,
        help: f.help.as_deref(),
        file: &ws.file(f.place.file).path,
        line,
        column,
        end_line,
        end_column,
        id: f.id(ws),
        reason,
    }
}

impl Reporter for JsonReporter {
    fn report(&self, ws: &Workspace, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let indexes = line_indexes(ws);
        let doc = Document {
            version: 1,
            // Each finding's lines and columns are counted in parallel; only
            // the writing is serial.
            findings: outcome
                .findings
                .par_iter()
                .map(|f| json_finding(ws, &indexes, f, None))
                .collect(),
            allowed: outcome
                .allowed
                .iter()
                .map(|a| json_finding(ws, &indexes, &a.finding, Some(&a.reason)))
                .collect(),
            summary: Summary::of(ws, outcome),
        };
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
        writeln!(out)
    }
}
