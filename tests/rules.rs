//! Every rule fires on its fixture and stays silent on its near miss; the
//! rendered diagnostics of each are snapshotted (colour off, fixed width).

use argcheck::input::load;
use argcheck::report::human::HumanReporter;
use argcheck::rules::{RULES, check};
use std::path::{Path, PathBuf};

/// A fixture path relative to the package root, which is the working
/// directory of integration tests; relative paths keep rendered messages (and
/// where they wrap) independent of where the repository is checked out.
fn fixture(rule: &str, name: &str) -> PathBuf {
    Path::new("tests/fixtures/rules").join(rule).join(name)
}

/// The human rendering of the rule's findings in one fixture.
fn rendered(rule: &str, name: &str) -> (usize, String) {
    let path = fixture(rule, name);
    let ws = load(&[path]).expect("fixture exists");
    let outcome = check(&ws);
    let reporter = HumanReporter {
        color: false,
        width: 80,
    };
    let mut text = String::new();
    let rendered =
        reporter.render_findings(&ws, outcome.findings.iter().filter(|f| f.rule == rule));
    for one in &rendered {
        text.push_str(one);
        text.push('\n');
    }
    (rendered.len(), text)
}

#[test]
fn every_rule_with_a_check_has_fixtures() {
    for rule in RULES {
        assert!(
            fixture(rule.name, "fires.arg").exists(),
            "rule {} has no fixture that fires it",
            rule.name
        );
        assert!(
            fixture(rule.name, "near-miss.arg").exists(),
            "rule {} has no near-miss fixture",
            rule.name
        );
    }
}

#[test]
fn each_rule_fires_on_its_fixture() {
    for rule in RULES {
        let (count, text) = rendered(rule.name, "fires.arg");
        assert!(count > 0, "{} did not fire on its fixture", rule.name);
        insta::assert_snapshot!(format!("{}-fires", rule.name), text);
    }
}

#[test]
fn each_rule_is_silent_on_its_near_miss() {
    for rule in RULES {
        let (count, text) = rendered(rule.name, "near-miss.arg");
        assert_eq!(count, 0, "{} fired on its near miss:\n{text}", rule.name);
    }
}
