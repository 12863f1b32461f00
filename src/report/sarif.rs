//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other
//! dashboards read it. One run; the driver lists every rule with its
//! documentation, and each result points at a 1-based region whose columns
//! count Unicode code points.

use super::{Region, Reporter, fingerprints};
use crate::finding::{Finding, Severity};
use crate::model::Workspace;
use crate::position::line_indexes;
use crate::rules::{Outcome, RULES};
use serde::Serialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The key of our entry in `partialFingerprints`; the version changes if
/// the fingerprint's recipe ever does.
pub const FINGERPRINT_KEY: &str = "argcheckFindingHash/v1";

#[derive(Debug, Clone, Default)]
pub struct SarifReporter {
    /// URIs are relative to this directory (the working directory) when a
    /// path lies below it; paths as given are used otherwise.
    pub base: Option<PathBuf>,
    /// Also list acknowledged findings, as suppressed results.
    pub show_allowed: bool,
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: std::collections::BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: SarifRegion,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRegion {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct Suppression<'a> {
    kind: &'static str,
    justification: &'a str,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A relative URI reference for `path`: below `base` when it lies there,
/// with `/` separators and everything but unreserved characters
/// percent-encoded. A path that stays absolute becomes a `file://` URI.
pub fn uri(path: &str, base: Option<&Path>) -> String {
    let text = super::relative_to(path, base).replace('\\', "/");
    let text = text.trim_start_matches("./");
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    if encoded.starts_with('/') {
        format!("file://{encoded}")
    } else {
        encoded
    }
}

impl SarifReporter {
    fn location(
        &self,
        ws: &Workspace,
        indexes: &[crate::position::LineIndex<'_>],
        f: &Finding,
    ) -> PhysicalLocation {
        let r = Region::of(indexes, f);
        PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri(&ws.file(f.place.file).path, self.base.as_deref()),
            },
            region: SarifRegion {
                start_line: r.line,
                start_column: r.column,
                end_line: r.end_line,
                end_column: r.end_column,
            },
        }
    }
}

impl Reporter for SarifReporter {
    fn report(&self, ws: &Workspace, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        let indexes = line_indexes(ws);
        let rules = RULES
            .iter()
            .map(|r| RuleDescriptor {
                id: r.name,
                short_description: Text { text: r.summary() },
                full_description: Text {
                    text: r.documentation(),
                },
                help: Help {
                    text: format!(
                        "{} `argcheck explain {}` prints the full documentation.",
                        r.summary(),
                        r.name
                    ),
                    markdown: r.documentation(),
                },
                default_configuration: Configuration {
                    level: level(r.severity),
                },
            })
            .collect();
        let shown: Vec<(&Finding, Option<&str>)> = outcome
            .findings
            .iter()
            .map(|f| (f, None))
            .chain(
                outcome
                    .allowed
                    .iter()
                    .filter(|_| self.show_allowed)
                    .map(|a| (&a.finding, Some(a.reason.as_str()))),
            )
            .collect();
        let prints = fingerprints(ws, shown.iter().map(|(f, _)| *f));
        let results = shown
            .iter()
            .zip(prints)
            .map(|(&(f, reason), print)| {
                let mut text = f.message.clone();
                if let Some(help) = &f.help {
                    text.push_str("\nhelp: ");
                    text.push_str(help);
                }
                let related = f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(k, place)| {
                        let mut at = f.clone();
                        at.place = place.clone();
                        Location {
                            id: Some(k + 1),
                            physical_location: self.location(ws, &indexes, &at),
                            message: Some(Text {
                                text: place.label.to_string(),
                            }),
                        }
                    })
                    .collect();
                SarifResult {
                    rule_id: f.rule,
                    rule_index: RULES.iter().position(|r| r.name == f.rule).unwrap_or(0),
                    level: level(f.severity),
                    message: Text { text },
                    locations: vec![Location {
                        id: None,
                        physical_location: self.location(ws, &indexes, f),
                        message: None,
                    }],
                    related_locations: related,
                    partial_fingerprints: [(FINGERPRINT_KEY, print)].into_iter().collect(),
                    suppressions: reason
                        .map(|justification| Suppression {
                            kind: "inSource",
                            justification,
                        })
                        .into_iter()
                        .collect(),
                }
            })
            .collect();
        let log = Log {
            schema: "https://json.schemastore.org/sarif-2.1.0.json",
            version: "2.1.0",
            runs: [Run {
                tool: Tool {
                    driver: Driver {
                        name: "argcheck",
                        version: env!("CARGO_PKG_VERSION"),
                        semantic_version: env!("CARGO_PKG_VERSION"),
                        information_uri: env!("CARGO_PKG_REPOSITORY"),
                        rules,
                    },
                },
                column_kind: "unicodeCodePoints",
                results,
            }],
        };
        serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::uri;
    use std::path::Path;

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(uri("claims/a b.arg", None), "claims/a%20b.arg");
        assert_eq!(uri("./claims/é.arg", None), "claims/%C3%A9.arg");
        assert_eq!(
            uri("/work/repo/claims/a.arg", Some(Path::new("/work/repo"))),
            "claims/a.arg"
        );
        assert_eq!(
            uri("/elsewhere/a.arg", Some(Path::new("/work"))),
            "file:///elsewhere/a.arg"
        );
    }
}
