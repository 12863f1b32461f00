//! Findings: what the checker says, independent of how it is reported.

use crate::syntax::span::Span;
use serde::Serialize;
use std::borrow::Cow;
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
    /// Most labels are fixed text: those are borrowed, not allocated per
    /// finding.
    pub label: Cow<'static, str>,
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Fixed text for most rules, like the label.
    pub help: Option<Cow<'static, str>>,
    /// The primary place: the finding's file, span and label.
    pub place: Place,
    /// Further places shown with it (the other declaration of a duplicate).
    pub related: Vec<Place>,
    /// The statement the finding is about; an `allow` on it can acknowledge it.
    pub statement: Option<usize>,
}

impl Finding {
    /// The identifier of the statement the finding is about, for reports:
    /// read from the workspace rather than copied into every finding.
    pub fn id<'w>(&self, ws: &'w crate::model::Workspace) -> Option<&'w str> {
        ws.name(self.statement?)
    }
}

/// A finding acknowledged by an `allow` clause, with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    pub finding: Finding,
    pub reason: String,
}
