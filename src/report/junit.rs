//! `--format junit`: JUnit XML, as CI test dashboards read it. Each checked
//! file is a test suite; each finding is a failed test case, and a file
//! without findings has one passing case.

use super::{Region, Reporter};
use crate::model::Workspace;
use crate::position::line_indexes;
use crate::rules::Outcome;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, Default)]
pub struct JunitReporter;

/// Text for an XML attribute or element: markup characters as entities, and
/// control characters XML 1.0 cannot hold replaced.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if c < ' ' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

impl Reporter for JunitReporter {
    fn report(&self, ws: &Workspace, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let indexes = line_indexes(ws);
        let mut by_file = vec![Vec::new(); ws.files.len()];
        for f in &outcome.findings {
            by_file[f.place.file as usize].push(f);
        }
        let failures = outcome.findings.len();
        let cases: usize = by_file.iter().map(|fs| fs.len().max(1)).sum();
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<testsuites name="argcheck" tests="{cases}" failures="{failures}" errors="0">"#
        )?;
        for (file, findings) in ws.files.iter().zip(&by_file) {
            let path = escape_xml(&file.path);
            writeln!(
                out,
                r#"  <testsuite name="{path}" tests="{}" failures="{}" errors="0">"#,
                findings.len().max(1),
                findings.len()
            )?;
            if findings.is_empty() {
                writeln!(out, r#"    <testcase name="argcheck" classname="{path}"/>"#)?;
            }
            for f in findings {
                let r = Region::of(&indexes, f);
                let mut body = format!("{}:{}:{}: {}", file.path, r.line, r.column, f.message);
                if let Some(help) = &f.help {
                    body.push_str("\nhelp: ");
                    body.push_str(help);
                }
                writeln!(
                    out,
                    r#"    <testcase name="{} at {}:{}" classname="{path}" file="{path}" line="{}">"#,
                    f.rule, r.line, r.column, r.line
                )?;
                writeln!(
                    out,
                    r#"      <failure type="{}" message="{}">{}</failure>"#,
                    f.severity,
                    escape_xml(&f.message),
                    escape_xml(&body)
                )?;
                writeln!(out, "    </testcase>")?;
            }
            writeln!(out, "  </testsuite>")?;
        }
        writeln!(out, "</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_and_controls_are_escaped() {
        assert_eq!(
            super::escape_xml("a<b & \"c\"\n\u{1}"),
            "a&lt;b &amp; &quot;c&quot;&#10;\u{FFFD}"
        );
    }
}
