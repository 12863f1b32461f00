//! Any text that parses: formatting it succeeds, says the same (syntax trees
//! equal with spans erased, the same comments) and is idempotent.
#![no_main]

use argcheck::format::compare::erase_spans;
use argcheck::format::{FormatOptions, comment_texts, format_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the width, so narrow folds are exercised too.
    let Some((&width, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let parsed = argcheck::syntax::parse(text);
    if !parsed.errors.is_empty() {
        return;
    }
    let options = FormatOptions {
        width: 20 + usize::from(width),
    };
    let once = format_text(text, &options).expect("a file that parses formats");
    let reparsed = argcheck::syntax::parse(&once);
    assert!(reparsed.errors.is_empty(), "{:?}", reparsed.errors);
    assert_eq!(
        erase_spans(&parsed.file, text),
        erase_spans(&reparsed.file, &once)
    );
    assert_eq!(
        comment_texts(text, &parsed.file),
        comment_texts(&once, &reparsed.file)
    );
    let twice = format_text(&once, &options).expect("formatted text formats");
    assert_eq!(once, twice, "formatting is not idempotent");
});
