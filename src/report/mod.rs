//! Reports: every output format is one [`Reporter`] over the same findings.

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod json_lines;
pub mod junit;
pub mod numbers;
pub mod sarif;

use crate::finding::{Finding, Severity};
use crate::model::Workspace;
use crate::rules::Outcome;
use std::io::{self, Write};

/// Counts for the closing summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub statements: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub allowed: usize,
}

impl Summary {
    pub fn of(ws: &Workspace, outcome: &Outcome) -> Summary {
        let count = |sev| {
            outcome
                .findings
                .iter()
                .filter(|f| f.severity == sev)
                .count()
        };
        Summary {
            files: ws.files.len(),
            statements: ws.statements.len(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes: count(Severity::Note),
            allowed: outcome.allowed.len(),
        }
    }
}

/// One output format.
pub trait Reporter {
    fn report(&self, ws: &Workspace, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()>;
}

/// Where a finding is, as users count: 1-based lines, columns in Unicode
/// scalar values, the end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Region {
    pub fn of(indexes: &[crate::position::LineIndex<'_>], f: &Finding) -> Region {
        let index = &indexes[f.place.file as usize];
        let (line, column) = index.line_col(f.place.span.start());
        let (end_line, end_column) = index.line_col(f.place.span.end());
        Region {
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// A fingerprint per finding, stable from run to run and across edits
/// that only move the finding: it hashes the rule, the file, the statement's
/// identifier, the text under the span and the message, not the line.
/// Findings that would share one are told apart by their order.
pub fn fingerprints<'f>(
    ws: &Workspace,
    findings: impl IntoIterator<Item = &'f Finding>,
) -> Vec<String> {
    let mut seen = std::collections::HashMap::new();
    findings
        .into_iter()
        .map(|f| {
            let file = ws.file(f.place.file);
            let under = file
                .text
                .get(f.place.span.start()..f.place.span.end())
                .unwrap_or("");
            let hash = fnv1a(&[
                f.rule,
                &file.path,
                f.id(ws).unwrap_or(""),
                under,
                &f.message,
            ]);
            let count = seen.entry(hash).or_insert(0usize);
            *count += 1;
            if *count == 1 {
                format!("{hash:016x}")
            } else {
                format!("{hash:016x}:{count}")
            }
        })
        .collect()
}

/// FNV-1a (64 bits) over the parts, each ended by a zero byte. Chosen
/// because it is fixed by its definition: std's hashers may change between
/// Rust releases, and a fingerprint must not.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.as_bytes().iter().chain(&[0u8]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// Counts per rule of the findings that count, most frequent first, for
/// `--stats`.
pub fn write_stats(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    let mut counts: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for f in &outcome.findings {
        counts.entry(f.rule).or_default().0 += 1;
    }
    for a in &outcome.allowed {
        counts.entry(a.finding.rule).or_default().1 += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| (b.1.0, b.1.1).cmp(&(a.1.0, a.1.1)).then(a.0.cmp(b.0)));
    let width = rows.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
    for (rule, (counted, allowed)) in rows {
        if allowed > 0 {
            writeln!(out, "{counted:>5}  {rule:width$}  ({allowed} acknowledged)")?;
        } else {
            writeln!(out, "{counted:>5}  {rule}")?;
        }
    }
    Ok(())
}

/// `path` relative to `base` when it is absolute and lies below it; as
/// given otherwise. Machine formats for CI want paths from the repository's
/// root, which is where CI runs.
pub fn relative_to(path: &str, base: Option<&std::path::Path>) -> String {
    let given = std::path::Path::new(path);
    base.filter(|_| given.is_absolute())
        .and_then(|b| given.strip_prefix(b).ok())
        .map_or_else(|| path.to_owned(), |p| p.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn fnv1a_is_the_published_function() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c; our parts end in a zero byte.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        hash ^= u64::from(b'a');
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        assert_eq!(hash, 0xaf63_dc4c_8601_ec8c);
        assert_ne!(super::fnv1a(&["a", "b"]), super::fnv1a(&["ab", ""]));
    }
}
