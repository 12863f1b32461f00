//! Reports: every output format is one [`Reporter`] over the same findings.

pub mod human;
pub mod json;
pub mod numbers;
pub mod position;

use crate::finding::Severity;
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
