//! Section 5 end to end: text in, verdicts and findings out.

use argcheck::input::load_texts;
use argcheck::rules::check;

fn rules_fired(text: &str) -> Vec<&'static str> {
    let ws = load_texts(&[("t.arg", text)]);
    check(&ws).findings.iter().map(|f| f.rule).collect()
}

const ESSAY: &str = "source essay \"E\"\n  date 2016\n\
quantity world-users = 3.366 billion users\n  cites essay\n\
quantity china-users = CHINA million users\n  cites essay\n\
quantity us-users = 280 million users\n  cites essay\n\
quantity cn-us-share = 28.22 %\n  cites essay\n\
check share-adds-up: cn-us-share = (china-users + us-users) / world-users\n";

#[test]
fn the_essays_share_is_consistent_and_688_million_is_not() {
    assert_eq!(
        rules_fired(&ESSAY.replace("CHINA", "670")),
        Vec::<&str>::new()
    );
    let ws = load_texts(&[("t.arg", &ESSAY.replace("CHINA", "688"))]);
    let outcome = check(&ws);
    assert_eq!(outcome.findings.len(), 1);
    let f = &outcome.findings[0];
    assert_eq!(f.rule, "numeric-inconsistency");
    assert_eq!(
        f.message,
        "28.22 % stands for [28.215 %, 28.225 %] but (china-users + us-users) / world-users gives [28.590 %, 28.926 %] (under the coarse reading)"
    );
}

#[test]
fn exact_decimals_add_up() {
    let text = "check sum-ok: exactly 0.1 + exactly 0.2 = exactly 0.3\n";
    assert_eq!(rules_fired(text), Vec::<&str>::new());
    let text = "check sum-off: exactly 0.1 + exactly 0.2 = exactly 0.31\n";
    assert_eq!(rules_fired(text), vec!["numeric-inconsistency"]);
}

#[test]
fn huge_and_tiny_magnitudes_are_exact_and_absurd_exponents_are_diagnosed() {
    assert_eq!(
        rules_fired("check big: 1e300 * 1e-300 = exactly 1\n"),
        Vec::<&str>::new()
    );
    assert_eq!(
        rules_fired("check absurd: 1e999999999 > 1\n"),
        vec!["syntax-error"]
    );
}

#[test]
fn a_failing_check_does_not_ground_what_it_supports() {
    let text = format!(
        "{}  supports entitled\nclaim entitled \"E\"\n",
        ESSAY.replace("CHINA", "688")
    );
    let fired = rules_fired(&text);
    assert!(fired.contains(&"ungrounded-claim"), "{fired:?}");
    let text = format!(
        "{}  supports entitled\nclaim entitled \"E\"\n",
        ESSAY.replace("CHINA", "670")
    );
    assert_eq!(rules_fired(&text), Vec::<&str>::new());
}

#[test]
fn numbers_shows_the_work_as_json() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_argcheck"))
        .args(["numbers", "--format", "json", "claims/"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let share = rows
        .as_array()
        .and_then(|r| r.iter().find(|r| r["id"] == "share-adds-up"))
        .expect("the essay's share check is listed");
    assert_eq!(share["verdict"], "holds");
    assert_eq!(share["reading"], "strict");
    assert_eq!(share["left"], "[28.215 %, 28.225 %]");
    let conflict = rows
        .as_array()
        .and_then(|r| r.iter().find(|r| r["verdict"] == "conflicting-values"))
        .expect("the 670 vs 688 million conflict is listed");
    assert_eq!(conflict["id"], "china-users");
}

/// The human table shows each relation, both intervals, the verdict and the
/// reading that decided. (One fixture only: identifiers are global to a run,
/// so fixtures that share names cannot be read together.)
#[test]
fn numbers_table_snapshot() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_argcheck"))
        .args([
            "numbers",
            "tests/fixtures/rules/numeric-inconsistency/fires.arg",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}
