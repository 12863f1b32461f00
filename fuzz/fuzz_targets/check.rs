//! Any bytes: parsing, resolving, every rule, labelling, the reports and the
//! map exporters run without a panic.
#![no_main]

use argcheck::export::{DrawOptions, view};
use argcheck::report::Reporter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ws = argcheck::input::load_texts_with_documents(
        &[("fuzz.arg", text)],
        &[(
            "sources/essay.txt",
            "there were 3.366 billion internet users worldwide",
        )],
    );
    let levels = |r: &'static argcheck::rules::Rule, _| Some(r.severity);
    let (outcome, labelling) = argcheck::rules::check_configured_and_label(
        &ws,
        &argcheck::numeric::NumberSettings::default(),
        &levels,
    );
    let mut sink = Vec::new();
    argcheck::report::human::HumanReporter::default()
        .report(&ws, &outcome, &mut sink)
        .unwrap();
    sink.clear();
    argcheck::report::json::JsonReporter
        .report(&ws, &outcome, &mut sink)
        .unwrap();
    sink.clear();
    argcheck::report::sarif::SarifReporter {
        base: None,
        show_allowed: true,
    }
    .report(&ws, &outcome, &mut sink)
    .unwrap();
    let map = view::MapView::build(&ws, &outcome, &labelling, &view::Selection::All).unwrap();
    let options = DrawOptions::default();
    let _ = argcheck::export::dot::to_dot(&map, &options);
    let _ = argcheck::export::mermaid::to_mermaid(&map, &options);
    let _ = argcheck::export::json::to_json(&map);
    let _ = argcheck::export::aif::to_aif(&map);
});
