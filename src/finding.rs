//! Findings: what the checker says, independent of how it is reported.

use crate::syntax::span::Span;
use serde::Serialize;
use std::fmt;

/// Index of a file in the workspace.
pub type FileId = u32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place in a file, with the text of the label drawn under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: FileId,
    pub span: Span,
    pub label: String,
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// The primary place: the finding's file, span and label.
    pub place: Place,
    /// Further places shown with it (the other declaration of a duplicate).
    pub related: Vec<Place>,
    /// The statement the finding is about; an `allow` on it can acknowledge it.
    pub statement: Option<usize>,
    /// That statement's identifier, for reports.
    pub id: Option<String>,
}

/// A finding acknowledged by an `allow` clause, with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    pub finding: Finding,
    pub reason: String,
}
