//! Inputs that once broke argcheck, kept in `tests/fixtures/fuzz/`, run
//! through what each fuzz target checks: parsing, checking and reporting
//! never panic, and formatting keeps the syntax tree and comments and is
//! idempotent at every width the round-trip target tries.

use argcheck::format::compare::erase_spans;
use argcheck::format::{FormatOptions, comment_texts, format_text};
use argcheck::report::Reporter;

fn cases() -> Vec<(String, Vec<u8>)> {
    let mut cases: Vec<(String, Vec<u8>)> = std::fs::read_dir("tests/fixtures/fuzz")
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    cases
}

#[test]
fn parse_and_check_never_panic() {
    for (name, bytes) in cases() {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let ws = argcheck::input::load_texts(&[(&name, text)]);
        let outcome = argcheck::rules::check(&ws);
        let mut sink = Vec::new();
        argcheck::report::human::HumanReporter::default()
            .report(&ws, &outcome, &mut sink)
            .unwrap();
        argcheck::report::json::JsonReporter
            .report(&ws, &outcome, &mut sink)
            .unwrap();
    }
}

#[test]
fn formatting_round_trips() {
    for (name, bytes) in cases() {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let parsed = argcheck::syntax::parse(text);
        if !parsed.errors.is_empty() {
            continue;
        }
        for width in [20, 40, 92, 275] {
            let options = FormatOptions { width };
            let once = format_text(text, &options).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let reparsed = argcheck::syntax::parse(&once);
            assert_eq!(
                erase_spans(&parsed.file, text),
                erase_spans(&reparsed.file, &once),
                "{name}"
            );
            assert_eq!(
                comment_texts(text, &parsed.file),
                comment_texts(&once, &reparsed.file),
                "{name}"
            );
            assert_eq!(format_text(&once, &options).unwrap(), once, "{name}");
        }
    }
}
