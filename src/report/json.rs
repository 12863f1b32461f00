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

/// The document as one value: what [`write_document`] writes, which the
/// tests compare with serde_json's own rendering of it.
#[cfg(test)]
#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    allowed: Vec<JsonFinding<'a>>,
    summary: Summary,
}

#[derive(Clone, Serialize)]
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
        // Each finding's lines and columns are counted in parallel.
        let findings: Vec<JsonFinding<'_>> = outcome
            .findings
            .par_iter()
            .map(|f| json_finding(ws, &indexes, f, None))
            .collect();
        let allowed: Vec<JsonFinding<'_>> = outcome
            .allowed
            .iter()
            .map(|a| json_finding(ws, &indexes, &a.finding, Some(&a.reason)))
            .collect();
        write_document(out, &findings, &allowed, &Summary::of(ws, outcome))
    }
}

/// The document's `version`.
const VERSION: u32 = 1;

/// Findings rendered by one task.
const CHUNK: usize = 512;

/// The document, byte for byte as `serde_json::to_writer_pretty` writes it
/// (two spaces a level) followed by a newline, with the findings rendered
/// in parallel: a large workspace has tens of thousands of them, and
/// writing them was a step on one core.
fn write_document(
    out: &mut dyn Write,
    findings: &[JsonFinding<'_>],
    allowed: &[JsonFinding<'_>],
    summary: &Summary,
) -> io::Result<()> {
    write!(out, "{{\n  \"version\": {VERSION},\n  \"findings\": ")?;
    write_list(out, findings)?;
    out.write_all(b",\n  \"allowed\": ")?;
    write_list(out, allowed)?;
    out.write_all(b",\n  \"summary\": ")?;
    out.write_all(&nested(summary, 1)?)?;
    out.write_all(b"\n}\n")
}

/// A list of the document's top-level object: `[]`, or one item after
/// another at depth 2, separated by commas.
fn write_list<T: Serialize + Sync>(out: &mut dyn Write, items: &[T]) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    let parts = items
        .par_chunks(CHUNK)
        .map(|chunk| {
            let mut part = Vec::new();
            for item in chunk {
                part.extend_from_slice(b",\n    ");
                part.extend_from_slice(&nested(item, 2)?);
            }
            Ok(part)
        })
        .collect::<io::Result<Vec<Vec<u8>>>>()?;
    out.write_all(b"[")?;
    for (k, part) in parts.iter().enumerate() {
        // Every item but the first follows a comma.
        out.write_all(if k == 0 { &part[1..] } else { part })?;
    }
    out.write_all(b"\n  ]")
}

/// `value` pretty-printed as it appears `depth` levels down: every line
/// after its first indented two spaces a level more. JSON strings escape
/// their line breaks, so each line break here is the printer's.
fn nested<T: Serialize>(value: &T, depth: usize) -> io::Result<Vec<u8>> {
    let flat = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
    let indent = "  ".repeat(depth);
    let mut out = Vec::with_capacity(flat.len() + flat.len() / 8);
    for (k, line) in flat.split(|&b| b == b'\n').enumerate() {
        if k > 0 {
            out.push(b'\n');
            out.extend_from_slice(indent.as_bytes());
        }
        out.extend_from_slice(line);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::load_texts;

    /// The report as serde_json writes the whole document at once.
    fn by_serde(ws: &Workspace, outcome: &Outcome) -> Vec<u8> {
        let indexes = line_indexes(ws);
        let doc = Document {
            version: VERSION,
            findings: (outcome.findings.iter())
                .map(|f| json_finding(ws, &indexes, f, None))
                .collect(),
            allowed: (outcome.allowed.iter())
                .map(|a| json_finding(ws, &indexes, &a.finding, Some(&a.reason)))
                .collect(),
            summary: Summary::of(ws, outcome),
        };
        let mut out = serde_json::to_vec_pretty(&doc).unwrap();
        out.push(b'\n');
        out
    }

    fn by_reporter(ws: &Workspace, outcome: &Outcome) -> Vec<u8> {
        let mut out = Vec::new();
        JsonReporter.report(ws, outcome, &mut out).unwrap();
        out
    }

    #[test]
    fn escapes_and_empty_fields_are_written_as_serde_json_would() {
        // Text that serde_json escapes (line breaks, tabs, quotes, control
        // characters) or writes as is (non-ASCII), in every string field,
        // and the optional fields absent.
        let odd = "a\nb\t\"c\" \\ \u{1} \u{2028} é 外交";
        let finding = |help, id, reason| JsonFinding {
            rule: "numeric-inconsistency",
            severity: "error",
            message: odd,
            help,
            file: "dir\nname.arg",
            line: 1,
            column: 2,
            end_line: 3,
            end_column: 4,
            id,
            reason,
        };
        let findings = [
            finding(None, None, None),
            finding(Some(odd), Some("q-1"), None),
        ];
        let allowed = [finding(Some("help"), None, Some(odd))];
        let summary = Summary {
            files: 1,
            statements: 2,
            errors: 2,
            warnings: 0,
            notes: 0,
            allowed: 1,
        };
        let mut written = Vec::new();
        write_document(&mut written, &findings, &allowed, &summary).unwrap();
        let doc = Document {
            version: VERSION,
            findings: findings.to_vec(),
            allowed: allowed.to_vec(),
            summary,
        };
        let mut expected = serde_json::to_vec_pretty(&doc).unwrap();
        expected.push(b'\n');
        assert_eq!(
            String::from_utf8(written).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }

    #[test]
    fn the_document_is_written_as_serde_json_would() {
        // Nothing to report, then findings across several chunks, one of
        // them acknowledged with a reason in quotes.
        let clean = load_texts(&[("a.arg", "claim c \"C\"\n  assumed \"given\"\n")]);
        let mut text =
            String::from("claim c \"C\"\n  allow unsupported-claim \"said \\\"so\\\"\"\n");
        for k in 0..(2 * CHUNK + 3) {
            text.push_str(&format!("\nevidence e{k} \"an \\\"evidence\\\" item\"\n"));
        }
        let busy = load_texts(&[("b.arg", &text)]);
        for (ws, (findings, allowed)) in [(clean, (0, 0)), (busy, (2 * CHUNK + 3, 1))] {
            let outcome = crate::rules::check(&ws);
            assert_eq!(
                (outcome.findings.len(), outcome.allowed.len()),
                (findings, allowed)
            );
            assert_eq!(
                String::from_utf8(by_reporter(&ws, &outcome)).unwrap(),
                String::from_utf8(by_serde(&ws, &outcome)).unwrap()
            );
        }
    }
}
