//! Any bytes: the parser returns statements and diagnostics, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let parsed = argcheck::syntax::parse(text);
        for e in &parsed.errors {
            assert!(e.span.start() <= e.span.end() && e.span.end() <= text.len() + 1);
            assert!(text.is_char_boundary(e.span.start().min(text.len())));
        }
    }
});
