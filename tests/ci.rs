//! The command line in CI: configuration files, exit policy, suppressions,
//! large trees, completions and the manual. Each test works in a temporary
//! directory and names paths relative to it, so output never depends on
//! where the directory is.

use std::path::Path;
use std::process::{Command, Output};

fn argcheck_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argcheck"))
        .args(args)
        .env_remove("NO_COLOR")
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Evidence without `cites` (an error by default) and a premise nothing
/// uses (a warning).
const UNCITED: &str = "evidence survey \"A survey of users\"\n\npremise spare \"Nothing uses this\"\n  assumed \"illustration\"\n";

#[test]
fn a_configured_severity_changes_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "claims/a.arg", UNCITED);
    assert_eq!(argcheck_in(d, &["claims"]).status.code(), Some(1));

    write(d, "argcheck.yaml", "rules:\n  uncited-evidence: warning\n");
    let o = argcheck_in(d, &["--format", "concise", "claims"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert!(text(&o.stdout).contains("warning[uncited-evidence]"));

    write(
        d,
        "argcheck.yaml",
        "rules:\n  unused-premise: error\n  uncited-evidence: off\n",
    );
    let o = argcheck_in(d, &["--format", "concise", "claims"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stdout),
        "claims/a.arg:3:9: error[unused-premise] premise `spare` neither supports nor attacks anything\n\
         1 error, 0 warnings, 0 notes, 0 acknowledged (1 file, 2 statements)\n"
    );
}

#[test]
fn config_is_found_in_parents_or_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "claims/deep/a.arg", UNCITED);
    write(d, "argcheck.yaml", "rules:\n  uncited-evidence: off\n");
    assert_eq!(argcheck_in(d, &["claims/deep"]).status.code(), Some(0));
    assert_eq!(
        argcheck_in(d, &["claims/deep/a.arg"]).status.code(),
        Some(0)
    );
    write(d, "strict.yaml", "rules:\n  unused-premise: error\n");
    let o = argcheck_in(
        d,
        &["--config", "strict.yaml", "--format", "concise", "claims"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("error[uncited-evidence]"));
}

#[test]
fn overrides_and_excludes_apply_by_path() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "claims/a.arg", "claim a \"A\"\n  assumed \"given\"\n");
    write(
        d,
        "claims/drafts/b.arg",
        UNCITED.replace("survey", "draft").as_str(),
    );
    write(d, "claims/archive/c.arg", "claim c \"C\"\n");
    write(
        d,
        "argcheck.yaml",
        "exclude: [\"claims/archive/**\"]\n\
         overrides:\n  - paths: [\"claims/drafts/**\"]\n    rules: { uncited-evidence: note, unused-premise: off }\n",
    );
    let o = argcheck_in(d, &["--format", "concise", "claims"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert_eq!(
        text(&o.stdout),
        "claims/drafts/b.arg:1:10: note[uncited-evidence] evidence `draft` cites no source\n\
         0 errors, 0 warnings, 1 note, 0 acknowledged (2 files, 3 statements)\n"
    );
    // An excluded file is skipped even when named.
    let o = argcheck_in(d, &["claims/archive/c.arg", "claims/a.arg"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
}

#[test]
fn include_chooses_what_walks_pick() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "claims/a.arg", "claim a \"A\"\n  assumed \"given\"\n");
    write(d, "claims/b.argument", "claim b \"B\"\n");
    write(d, "argcheck.yaml", "include: [\"**/*.argument\"]\n");
    let o = argcheck_in(d, &["--format", "concise", "claims"]);
    assert_eq!(
        text(&o.stdout),
        "claims/b.argument:1:7: error[unsupported-claim] claim `b` has no support\n\
         1 error, 0 warnings, 0 notes, 0 acknowledged (1 file, 1 statement)\n"
    );
}

#[test]
fn numeric_settings_feed_the_checks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "n.arg",
        "quantity a = about 100 users\n  assumed \"illustration\"\ncheck c: a = 104 users\n",
    );
    assert_eq!(argcheck_in(d, &["n.arg"]).status.code(), Some(0));
    write(d, "argcheck.yaml", "numbers:\n  about-tolerance: 2 %\n");
    let o = argcheck_in(d, &["--format", "concise", "n.arg"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("[97.5 users, 102.5 users]"));
    let numbers = text(&argcheck_in(d, &["numbers", "n.arg"]).stdout);
    assert!(numbers.contains("numeric-inconsistency"), "{numbers}");
}

#[test]
fn config_mistakes_are_diagnostics_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.arg", UNCITED);
    write(
        d,
        "argcheck.yaml",
        "rules:\n  uncited-evidence: warning\n  unsuported-premise: off\n",
    );
    let o = argcheck_in(d, &["--color", "never", "a.arg"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    insta::assert_snapshot!("config-unknown-rule", text(&o.stderr));

    write(d, "argcheck.yaml", "rules:\n  uncited-evidence: warn\n");
    let o = argcheck_in(d, &["--color", "never", "a.arg"]);
    assert_eq!(o.status.code(), Some(2));
    insta::assert_snapshot!("config-bad-level", text(&o.stderr));

    write(d, "argcheck.yaml", "rules: [uncited-evidence]\n");
    let o = argcheck_in(d, &["--color", "never", "a.arg"]);
    assert_eq!(o.status.code(), Some(2));
    insta::assert_snapshot!("config-bad-shape", text(&o.stderr));

    let o = argcheck_in(d, &["--config", "missing.yaml", "a.arg"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("missing.yaml: cannot read the configuration"));
}

#[test]
fn init_writes_a_starter_that_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.arg", UNCITED);
    let before = argcheck_in(d, &["--format", "json", "a.arg"]);
    assert_eq!(argcheck_in(d, &["init"]).status.code(), Some(0));
    let written = std::fs::read_to_string(d.join("argcheck.yaml")).unwrap();
    assert!(written.starts_with("# argcheck configuration."));
    let after = argcheck_in(d, &["--format", "json", "a.arg"]);
    assert_eq!(before.stdout, after.stdout);
    assert_eq!(before.status.code(), after.status.code());
    let again = argcheck_in(d, &["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("already exists"));
    assert_eq!(argcheck_in(d, &["init", "--force"]).status.code(), Some(0));
}

#[test]
fn exit_policy_flags() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "warn.arg",
        "premise spare \"Nothing uses this\"\n  assumed \"illustration\"\n",
    );
    write(d, "argcheck.yaml", "rules:\n  unused-premise: note\n");
    let code = |args: &[&str]| {
        let mut all = args.to_vec();
        all.push("warn.arg");
        argcheck_in(d, &all).status.code()
    };
    assert_eq!(code(&[]), Some(0));
    assert_eq!(code(&["--fail-on", "warning"]), Some(0));
    assert_eq!(code(&["--fail-on", "note"]), Some(1));
    assert_eq!(code(&["--fail-on", "note", "--exit-zero"]), Some(0));
    std::fs::remove_file(d.join("argcheck.yaml")).unwrap();
    assert_eq!(code(&["--deny", "warnings"]), Some(1));
    assert_eq!(code(&["--fail-on", "warning"]), Some(1));
    assert_eq!(code(&["--fail-on", "error"]), Some(0));
    assert_eq!(code(&["--deny", "warnings", "--exit-zero"]), Some(0));
    assert_eq!(code(&["--fail-on", "fatal"]), Some(2));
}

const ALLOWS: &str = "claim entitled \"A\"\n  allow unsupported-claim \"the essay gives no reason\"\n\n\
claim other \"B\"\n  assumed \"given\"\n  allow unused-premise \"kept for later\"\n";

#[test]
fn allows_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.arg", ALLOWS);
    let o = argcheck_in(d, &["check", "--list-allows", "a.arg"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        text(&o.stdout),
        "a.arg:2:3: allow unsupported-claim on `entitled` (acknowledges 1 finding): the essay gives no reason\n\
         a.arg:6:3: allow unused-premise on `other` (acknowledges nothing): kept for later\n\
         2 allows\n"
    );
    let o = argcheck_in(d, &["check", "--list-allows", "--format", "json", "a.arg"]);
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(list[0]["reason"], "the essay gives no reason");
    assert_eq!(list[1]["acknowledged"], 0);

    // Unused allows are reported by default; the flag turns that off.
    let concise = |args: &[&str]| {
        let mut all = vec!["--format", "concise"];
        all.extend_from_slice(args);
        all.push("a.arg");
        text(&argcheck_in(d, &all).stdout)
    };
    assert!(concise(&[]).contains("warning[unused-allow]"));
    assert!(concise(&["--report-unused-allows"]).contains("warning[unused-allow]"));
    assert!(!concise(&["--no-report-unused-allows"]).contains("unused-allow"));
    // An allow of a rule that is off is not stale: the rule did not run.
    write(d, "argcheck.yaml", "rules:\n  unused-premise: off\n");
    assert!(!concise(&[]).contains("unused-allow"));
    // An allow without a reason stays an error.
    write(d, "b.arg", "claim b \"B\"\n  allow unsupported-claim\n");
    let o = argcheck_in(d, &["b.arg"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn ignore_files_and_hidden_directories_unless_no_ignore() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "claims/.gitignore", "ignored.arg\n");
    write(d, "claims/ignored.arg", "claim i \"I\"\n");
    write(d, "claims/.hidden/h.arg", "claim h \"H\"\n");
    write(d, "claims/a.arg", "claim a \"A\"\n  assumed \"given\"\n");
    assert_eq!(argcheck_in(d, &["claims"]).status.code(), Some(0));
    // Only hidden directories are skipped: a hidden file is read.
    write(d, "claims/.draft.arg", "claim draft \"D\"\n");
    let o = argcheck_in(d, &["--format", "concise", "claims"]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert!(out.contains("claims/.draft.arg:1:7"), "{out}");
    assert!(
        !out.contains(".hidden") && !out.contains("ignored"),
        "{out}"
    );
    std::fs::remove_file(d.join("claims/.draft.arg")).unwrap();
    // A hidden directory named on the command line is walked.
    let o = argcheck_in(d, &["--format", "concise", "claims/.hidden"]);
    assert!(text(&o.stdout).contains("claims/.hidden/h.arg:1:7"));
    let o = argcheck_in(d, &["--no-ignore", "--format", "concise", "claims"]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert!(out.contains("claims/ignored.arg:1:7"), "{out}");
    assert!(out.contains("claims/.hidden/h.arg:1:7"), "{out}");
}

/// Walks follow no link: a checked-out tree cannot lead argcheck, or `fmt`,
/// to files outside it. A file named twice (through two paths given) is
/// read once.
#[cfg(unix)]
#[test]
fn links_are_not_followed_and_each_file_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "elsewhere/linked.arg", "claim linked \"L\"\n");
    write(d, "claims/a.arg", "claim a \"A\"\n  assumed \"given\"\n");
    std::os::unix::fs::symlink(d.join("elsewhere/linked.arg"), d.join("claims/l.arg")).unwrap();
    std::os::unix::fs::symlink(d.join("claims/a.arg"), d.join("claims/same.arg")).unwrap();
    std::os::unix::fs::symlink(d.join("elsewhere"), d.join("claims/dir")).unwrap();
    let o = argcheck_in(d, &["--format", "concise", "claims"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert!(
        text(&o.stdout).contains("(1 file, 1 statement)"),
        "{}",
        text(&o.stdout)
    );
    // Read once, under the name it was first found by: here the walk's.
    write(d, "claims/b.arg", "claim b \"B\"\n");
    let twice = argcheck_in(
        d,
        &[
            "--format",
            "concise",
            "claims",
            "./claims/b.arg",
            "claims/./a.arg",
            "claims//a.arg",
        ],
    );
    let out = text(&twice.stdout);
    assert!(out.contains("(2 files, 2 statements)"), "{out}");
    assert!(
        out.starts_with("claims/b.arg:1:7: error[unsupported-claim]"),
        "{out}"
    );
    std::fs::remove_file(d.join("claims/b.arg")).unwrap();
    let absolute = d.join("claims/a.arg");
    let twice = argcheck_in(
        d,
        &["--format", "concise", "claims", absolute.to_str().unwrap()],
    );
    assert!(text(&twice.stdout).contains("(1 file, 1 statement)"));
}

/// A tree of a few hundred files whose statements refer to each other
/// across files, with findings of several rules in each of them.
fn generate_tree(root: &Path, files: usize) {
    for k in 0..files {
        let dir = format!("claims/part{}", k % 7);
        let next = (k + 1) % files;
        let text = format!(
            "source src{k} \"Source {k}\"\n  date 2016\n\n\
             quantity q{k} = {k}.5 million users\n  cites src{k}\n\
             quantity total{k} = {} million users\n  cites src{k}\n\
             check sum{k}: total{k} = q{k} + q{next}\n\n\
             claim c{k} \"Claim {k}\"\n  supported-by q{k}, p{next}{}\n\n\
             premise p{k} \"Premise {k}\"\n  supported-by c{next}\n\n\
             evidence e{k} \"Evidence {k}\"\n",
            2 * k + if k % 3 == 0 { 5 } else { 1 },
            // A few misspelt references: each one's did-you-mean search
            // scans every identifier.
            if k % 50 == 0 { ", missing" } else { "" }
        );
        write(root, &format!("{dir}/f{k:03}.arg"), &text);
    }
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    generate_tree(d, 300);
    for format in ["human", "json", "sarif"] {
        let one = argcheck_in(
            d,
            &["-j", "1", "--format", format, "--color", "never", "claims"],
        );
        let eight = argcheck_in(
            d,
            &["-j", "8", "--format", format, "--color", "never", "claims"],
        );
        assert_eq!(one.status.code(), Some(1));
        assert!(
            one.stdout.len() > 100_000,
            "{format}: the tree has many findings"
        );
        assert!(one.stdout == eight.stdout, "{format}: -j 1 and -j 8 differ");
        assert_eq!(one.stderr, eight.stderr, "{format}");
    }
    let summary = text(&argcheck_in(d, &["--format", "concise", "claims"]).stdout);
    assert!(
        summary.contains("(300 files, 2100 statements)"),
        "{}",
        summary.lines().last().unwrap()
    );
}

#[test]
fn completions_and_manual() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = argcheck_in(dir.path(), &["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        assert!(text(&o.stdout).contains("argcheck"), "{shell}");
    }
    let o = argcheck_in(dir.path(), &["man"]);
    assert_eq!(o.status.code(), Some(0));
    let page = text(&o.stdout);
    assert!(page.starts_with(".ie"), "{}", &page[..40]);
    assert!(page.contains(".TH argcheck"));
}

#[test]
fn the_map_follows_the_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "claims/a.arg", UNCITED);
    let findings_of_survey = |d: &Path| -> Vec<String> {
        let o = argcheck_in(d, &["map", "--format", "json", "claims"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let map: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let node = map["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == "survey")
            .expect("survey is drawn")
            .clone();
        serde_json::from_value(node["findings"].clone()).unwrap()
    };
    assert_eq!(findings_of_survey(d), ["uncited-evidence"]);
    write(d, "argcheck.yaml", "rules:\n  uncited-evidence: off\n");
    assert_eq!(findings_of_survey(d), Vec::<String>::new());
    write(d, "argcheck.yaml", "rules:\n  uncited-evidnce: off\n");
    let o = argcheck_in(d, &["map", "claims"]);
    assert_eq!(o.status.code(), Some(2));
}

/// A cycle is about each of its statements: an `allow` on any of them
/// acknowledges it, and none is left unused.
#[test]
fn a_cycle_is_acknowledged_on_any_of_its_statements() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for on in ["a", "b", "c", "ab"] {
        let allow = |s: &str| {
            if on.contains(s) {
                "  allow circular-support \"an illustration\"\n"
            } else {
                ""
            }
        };
        let text = format!(
            "claim a \"A\"\n  supported-by b\n{}premise b \"B\"\n  supported-by c\n{}premise c \"C\"\n  supported-by a\n{}",
            allow("a"),
            allow("b"),
            allow("c")
        );
        write(d, "cycle.arg", &text);
        let o = argcheck_in(d, &["--format", "json", "cycle.arg"]);
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(o.status.code(), Some(0), "allow on {on}: {json}");
        assert_eq!(json["summary"]["allowed"], 1, "allow on {on}: {json}");
        assert_eq!(json["allowed"][0]["rule"], "circular-support");
        let id = json["allowed"][0]["id"].as_str().unwrap();
        assert!(on.contains(id), "allow on {on}: acknowledged on {id}");
        let rules: Vec<&str> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        assert!(
            !rules.contains(&"circular-support") && !rules.contains(&"unused-allow"),
            "{rules:?}"
        );
    }
}

/// A duplicate's help names where the first declaration is, so formats with
/// one location per finding show both places; the message, which the
/// fingerprints hash, does not change when lines move.
#[test]
fn a_duplicate_names_the_first_place() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a.arg",
        "claim x \"A\"\n  assumed \"g\"\r\n\r\nclaim  y \"B\"\n  assumed \"g\"\n",
    );
    write(
        d,
        "b.arg",
        "claim y \"C\"\n  assumed \"g\"\nclaim x \"D\"\n  assumed \"g\"\n",
    );
    let o = argcheck_in(d, &["--format", "json", "a.arg", "b.arg"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let found: Vec<(String, u64, String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_owned(),
                f["help"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let help = |at: &str| {
        format!(
            "identifiers are global to the workspace; rename one of the two (first declared at {at})"
        )
    };
    assert_eq!(
        found,
        [
            (
                "b.arg".to_owned(),
                1,
                "`y` is declared twice".to_owned(),
                help("a.arg:4:8")
            ),
            (
                "b.arg".to_owned(),
                3,
                "`x` is declared twice".to_owned(),
                help("a.arg:1:7")
            ),
        ]
    );
}

/// Files, and so findings, come in the order of their paths' text, as
/// reports print them: `b-x.arg`, `b.arg`, `b/c.arg`.
#[test]
fn files_are_ordered_by_their_paths_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (k, path) in ["b/c.arg", "b.arg", "b-x.arg"].into_iter().enumerate() {
        write(d, &format!("claims/{path}"), &format!("claim u{k} \"x\"\n"));
    }
    let o = argcheck_in(d, &["--format", "json", "claims"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let files: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["claims/b-x.arg", "claims/b.arg", "claims/b/c.arg"]);
}

/// A leading BOM is skipped: it takes no column on the first line, in any
/// format, nor in a duplicate's reference to its first place.
#[test]
fn a_leading_bom_takes_no_column() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.arg", "\u{feff}claim c \"C\"\nclaim d \"D\"\n");
    write(d, "b.arg", "claim c \"again\"\n  assumed \"g\"\n");
    let concise = text(&argcheck_in(d, &["--format", "concise", "a.arg", "b.arg"]).stdout);
    assert!(
        concise.contains("a.arg:1:7: error[unsupported-claim]"),
        "{concise}"
    );
    assert!(
        concise.contains("a.arg:2:7: error[unsupported-claim]"),
        "{concise}"
    );
    let json = argcheck_in(d, &["--format", "json", "a.arg", "b.arg"]);
    assert!(text(&json.stdout).contains("first declared at a.arg:1:7"));
    let human = argcheck_in(d, &["--color", "never", "a.arg"]);
    assert!(
        text(&human.stdout).contains("[a.arg:1:7]"),
        "{}",
        text(&human.stdout)
    );
    let json = argcheck_in(d, &["--format", "json", "a.arg"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let first = &json["findings"][0];
    assert_eq!(
        (&first["line"], &first["column"], &first["end_column"]),
        (&1.into(), &7.into(), &8.into())
    );
}
