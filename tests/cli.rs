//! The binary as users run it: exit codes 0, 1 and 2, both formats, the
//! subcommands, and the map.

use std::path::PathBuf;
use std::process::{Command, Output};

fn argcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argcheck"))
        .args(args)
        .env_remove("NO_COLOR")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn fixture(rule: &str, name: &str) -> String {
    format!("tests/fixtures/rules/{rule}/{name}")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn clean_input_exits_0() {
    let o = argcheck(&[&fixture("unsupported-claim", "near-miss.arg")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o)
            .ends_with("0 errors, 0 warnings, 0 notes, 0 acknowledged (1 file, 1 statement)\n")
    );
}

#[test]
fn an_error_exits_1_and_a_warning_only_with_deny() {
    let o = argcheck(&[&fixture("unsupported-claim", "fires.arg")]);
    assert_eq!(o.status.code(), Some(1));
    let warning_only = fixture("uncited-quantity", "fires.arg");
    assert_eq!(argcheck(&[&warning_only]).status.code(), Some(0));
    assert_eq!(
        argcheck(&["--deny", "warnings", &warning_only])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        argcheck(&["check", "--deny", "warnings", &warning_only])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn usage_errors_exit_2() {
    let o = argcheck(&["no/such/path"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no/such/path: no such file or directory"));
    assert_eq!(
        argcheck(&["--format", "yaml", "claims"]).status.code(),
        Some(2)
    );
    assert_eq!(
        argcheck(&["explain", "no-such-rule"]).status.code(),
        Some(2)
    );
    assert_eq!(argcheck(&[]).status.code(), Some(2));
}

#[test]
fn json_follows_the_spec() {
    let o = argcheck(&["--format", "json", &fixture("unused-allow", "fires.arg")]);
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(doc["version"], 1);
    let f = &doc["findings"][0];
    assert_eq!(f["rule"], "unused-allow");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["file"], fixture("unused-allow", "fires.arg"));
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(3), Some(9))
    );
    assert_eq!(
        (f["end_line"].as_u64(), f["end_column"].as_u64()),
        (Some(3), Some(26))
    );
    assert_eq!(f["id"], "entitled");
    assert_eq!(doc["summary"]["warnings"], 1);
    assert_eq!(doc["summary"]["statements"], 1);
    let keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "column",
            "end_column",
            "end_line",
            "file",
            "help",
            "id",
            "line",
            "message",
            "rule",
            "severity"
        ]
    );
}

#[test]
fn acknowledged_findings_are_listed_and_do_not_fail() {
    let o = argcheck(&[
        "--format",
        "json",
        &fixture("unused-allow", "near-miss.arg"),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["findings"].as_array().map(Vec::len), Some(0));
    assert_eq!(doc["allowed"][0]["rule"], "unsupported-claim");
    assert_eq!(doc["allowed"][0]["reason"], "the essay gives no reason");
    assert_eq!(doc["summary"]["allowed"], 1);
    let human = stdout(&argcheck(&[&fixture("unused-allow", "near-miss.arg")]));
    assert!(human.contains("acknowledged:\n"), "{human}");
    assert!(
        human.contains("(allowed: the essay gives no reason)"),
        "{human}"
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let path = fixture("unsupported-claim", "fires.arg");
    let always = stdout(&argcheck(&["--color", "always", &path]));
    assert!(always.contains('\u{1b}'));
    let never = stdout(&argcheck(&["--color", "never", &path]));
    assert!(!never.contains('\u{1b}'));
    // stdout is a pipe here, so `auto` means no colour.
    assert!(!stdout(&argcheck(&[&path])).contains('\u{1b}'));
}

#[test]
fn output_is_byte_identical_across_runs() {
    let a = argcheck(&["--format", "json", "tests/fixtures/rules"]);
    let b = argcheck(&["--format", "json", "tests/fixtures/rules"]);
    assert_eq!(a.stdout, b.stdout);
    assert!(!a.stdout.is_empty());
}

#[test]
fn rules_and_explain() {
    let o = argcheck(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let list = stdout(&o);
    for name in [
        "unsupported-claim",
        "circular-support",
        "unused-allow",
        "syntax-error",
    ] {
        assert!(list.contains(name), "{list}");
    }
    let o = argcheck(&["explain", "circular-support"]);
    assert_eq!(o.status.code(), Some(0));
    let doc = stdout(&o);
    assert!(doc.starts_with("# circular-support (error)\n"));
    for heading in ["## What it does", "## Why it matters", "## Example"] {
        assert!(doc.contains(heading), "{doc}");
    }
}

#[test]
fn map_writes_dot_to_stdout_or_a_file() {
    let out_dir = tempfile::tempdir().unwrap();
    let out: PathBuf = out_dir.path().join("map.dot");
    let o = argcheck(&["map", "tests/fixtures/map", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let written = std::fs::read_to_string(&out).unwrap();
    let printed = stdout(&argcheck(&["map", "tests/fixtures/map"]));
    assert_eq!(written, printed);
    assert!(written.starts_with("digraph argcheck {"));
}

#[test]
fn dot_snapshot() {
    let o = argcheck(&["map", "tests/fixtures/map"]);
    insta::assert_snapshot!(stdout(&o));
}
