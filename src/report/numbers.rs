//! `argcheck numbers`: one row per check and `same-as` pair, showing the
//! arithmetic (like statcheck's results table) so reviewers can audit it.

use crate::model::Workspace;
use crate::numeric::check::Verdict;
use crate::position::line_indexes;
use crate::rules::numbers::Evaluated;
use serde::Serialize;
use std::io::{self, Write};

/// One row of the table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub relation: String,
    pub left: Option<String>,
    pub right: Option<String>,
    pub verdict: &'static str,
    pub reading: Option<&'static str>,
}

fn verdict_name(v: Verdict, same_as: bool) -> &'static str {
    match v {
        Verdict::Holds => "holds",
        Verdict::RoundingInconsistency => "rounding-inconsistency",
        Verdict::NumericInconsistency if same_as => "conflicting-values",
        Verdict::NumericInconsistency => "numeric-inconsistency",
        Verdict::NotEvaluated => "not evaluated",
    }
}

/// The rows, in workspace order.
pub fn rows(ws: &Workspace, evaluated: &[Evaluated]) -> Vec<Row> {
    let indexes = line_indexes(ws);
    let mut rows: Vec<Row> = evaluated
        .iter()
        .map(|e| {
            let stmt = ws.stmt(e.statement);
            let (line, column) = indexes[e.loc.file as usize].line_col(e.loc.span.start());
            let relation = if e.is_same_as() {
                format!(
                    "{} same-as {}",
                    ws.name_of(stmt).unwrap_or_default(),
                    &ws.file(e.loc.file).text[e.loc.span.start()..e.loc.span.end()]
                )
            } else {
                ws.file(e.loc.file).text[e.loc.span.start()..e.loc.span.end()].to_owned()
            };
            let o = &e.outcome;
            let (left, right) = o.shown().unzip();
            Row {
                id: ws.name_of(stmt).unwrap_or("(anonymous)").to_owned(),
                file: ws.file(e.loc.file).path.clone(),
                line,
                column,
                relation,
                left,
                right,
                verdict: verdict_name(o.verdict, e.is_same_as()),
                reading: o.reading.map(|r| r.name()),
            }
        })
        .collect();
    rows.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    rows
}

/// A plain-text table, one block per row.
pub fn write_table(rows: &[Row], out: &mut dyn Write) -> io::Result<()> {
    for r in rows {
        writeln!(out, "{}:{}:{}  {}", r.file, r.line, r.column, r.id)?;
        writeln!(out, "  relation  {}", r.relation)?;
        writeln!(out, "  left      {}", r.left.as_deref().unwrap_or("-"))?;
        writeln!(out, "  right     {}", r.right.as_deref().unwrap_or("-"))?;
        match r.reading {
            Some(reading) => writeln!(out, "  verdict   {} ({reading} reading)", r.verdict)?,
            None => writeln!(out, "  verdict   {}", r.verdict)?,
        }
        writeln!(out)?;
    }
    let failing = rows
        .iter()
        .filter(|r| r.verdict != "holds" && r.verdict != "not evaluated")
        .count();
    let noun = if rows.len() == 1 {
        "relation"
    } else {
        "relations"
    };
    writeln!(out, "{} {noun}, {failing} failing", rows.len())
}
