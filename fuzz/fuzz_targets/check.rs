//! Any bytes: parsing, resolving, every rule and both reports run without a
//! panic.
#![no_main]

use argcheck::report::Reporter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let ws = argcheck::input::load_texts(&[("fuzz.arg", text)]);
        let outcome = argcheck::rules::check(&ws);
        let mut sink = Vec::new();
        argcheck::report::human::HumanReporter::default()
            .report(&ws, &outcome, &mut sink)
            .unwrap();
        sink.clear();
        argcheck::report::json::JsonReporter
            .report(&ws, &outcome, &mut sink)
            .unwrap();
    }
});
