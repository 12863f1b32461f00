//! Every output format over one shared fixture set, snapshotted; the SARIF
//! log checked field by field; machine formats keep stdout for the report.

use std::process::{Command, Output};

const FIXTURES: &str = "tests/fixtures/formats";

fn argcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argcheck"))
        .args(args)
        .env_remove("NO_COLOR")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn report(format: &str, extra: &[&str]) -> Output {
    let mut args = vec!["check", "--format", format, "--color", "never"];
    args.extend_from_slice(extra);
    args.push(FIXTURES);
    argcheck(&args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// The SARIF log with each rule descriptor cut to its id: the descriptors
/// repeat every rule's documentation, which `explain` already shows and
/// `sarif_has_the_fields_code_scanning_reads` checks field by field.
fn sarif_with_rule_ids(stdout: &[u8]) -> String {
    let mut log: serde_json::Value = serde_json::from_slice(stdout).expect("SARIF is JSON");
    let rules = &mut log["runs"][0]["tool"]["driver"]["rules"];
    let ids: Vec<serde_json::Value> = rules
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| serde_json::json!({ "id": r["id"] }))
        .collect();
    *rules = serde_json::Value::Array(ids);
    serde_json::to_string_pretty(&log).expect("serialises") + "\n"
}

const SUMMARY: &str = "4 errors, 2 warnings, 1 note, 1 acknowledged (2 files, 12 statements)\n";

#[test]
fn every_format_is_snapshotted() {
    for format in [
        "human",
        "concise",
        "json",
        "json-lines",
        "github",
        "sarif",
        "gitlab",
        "junit",
    ] {
        let o = report(format, &["--show-allowed"]);
        assert_eq!(o.status.code(), Some(1), "{format}");
        let shown = if format == "sarif" {
            sarif_with_rule_ids(&o.stdout)
        } else {
            text(&o.stdout)
        };
        insta::assert_snapshot!(format!("format-{format}"), shown);
        let machine = !matches!(format, "human" | "concise");
        let stderr = text(&o.stderr);
        if machine {
            assert_eq!(stderr, SUMMARY, "{format}");
        } else {
            assert!(stderr.is_empty(), "{format}: {stderr}");
            assert!(text(&o.stdout).ends_with(SUMMARY), "{format}");
        }
    }
}

#[test]
fn acknowledged_findings_are_listed_only_when_asked() {
    for format in ["concise", "json-lines", "github", "sarif"] {
        let shown = text(&report(format, &["--show-allowed"]).stdout);
        let hidden = text(&report(format, &[]).stdout);
        assert!(shown.contains("unsupported-premise"), "{format}");
        assert!(
            !hidden.contains("the essay states it as a fact"),
            "{format}"
        );
    }
}

#[test]
fn machine_output_parses() {
    for format in ["json", "sarif", "gitlab"] {
        let o = report(format, &[]);
        serde_json::from_slice::<serde_json::Value>(&o.stdout).expect(format);
    }
    let o = report("json-lines", &["--show-allowed"]);
    let lines: Vec<serde_json::Value> = text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one object per line"))
        .collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(
        lines[7]["reason"],
        "the essay states it as a fact, 100% \"given\""
    );
}

#[test]
fn sarif_has_the_fields_code_scanning_reads() {
    let o = report("sarif", &["--show-allowed"]);
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "argcheck");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        driver["informationUri"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), argcheck::rules::RULES.len());
    for (rule, descriptor) in argcheck::rules::RULES.iter().zip(rules) {
        assert_eq!(descriptor["id"], rule.name);
        assert_eq!(descriptor["shortDescription"]["text"], rule.summary());
        assert_eq!(descriptor["fullDescription"]["text"], rule.documentation());
        assert!(
            descriptor["help"]["text"]
                .as_str()
                .is_some_and(|h| !h.is_empty())
        );
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 8);
    let mut prints = std::collections::BTreeSet::new();
    for result in results {
        let id = result["ruleId"].as_str().unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("tests/fixtures/formats/"), "{uri}");
        let region = &location["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[key].as_u64().unwrap() >= 1, "{key}");
        }
        let print = result["partialFingerprints"]["argcheckFindingHash/v1"]
            .as_str()
            .unwrap();
        assert!(prints.insert(print.to_owned()), "fingerprints are distinct");
    }
    // Columns count code points: four CJK characters precede `here`.
    let syntax = results
        .iter()
        .find(|r| r["ruleId"] == "syntax-error")
        .unwrap();
    let region = &syntax["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(31), Some(23))
    );
    assert_eq!(region["endColumn"], 27);
    let allowed = results
        .iter()
        .find(|r| r["ruleId"] == "unsupported-premise")
        .unwrap();
    assert_eq!(allowed["suppressions"][0]["kind"], "inSource");
    // Stable: a second run gives the same fingerprints.
    assert_eq!(o.stdout, report("sarif", &["--show-allowed"]).stdout);
}

#[test]
fn output_file_gets_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.sarif");
    let o = report("sarif", &["-o", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert_eq!(text(&o.stderr), SUMMARY);
    assert_eq!(std::fs::read(&path).unwrap(), report("sarif", &[]).stdout);
}

#[test]
fn stats_count_per_rule() {
    let o = report("concise", &["--stats"]);
    let out = text(&o.stdout);
    assert!(out.ends_with(&format!("{SUMMARY}{}", STATS)), "{out}");
    let o = report("json", &["--stats"]);
    assert_eq!(text(&o.stderr), format!("{SUMMARY}{STATS}"));
}

const STATS: &str = "    1  duplicate-id
    1  overstated-precision
    1  syntax-error
    1  uncited-evidence
    1  ungrounded-claim
    1  unknown-reference
    1  unused-source
    0  unsupported-premise   (1 acknowledged)
";
