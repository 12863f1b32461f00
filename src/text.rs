//! Words of a text, as `str::split_whitespace` finds them, shared by quote
//! matching and the map's labels, and the counting and folding built on
//! them. ASCII, most of any text, is told by its byte; other characters are
//! decoded.

/// The maximal runs of non-whitespace, with their byte offsets.
pub fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = next_where(text, at, false);
        if start >= text.len() {
            return None;
        }
        at = next_where(text, start, true);
        Some((start, &text[start..at]))
    })
}

/// The words of `text`.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    words_with_offsets(text).map(|(_, word)| word)
}

/// Appends the words of `text` joined by single spaces. A text already in
/// that form, as most are (the syntax folds a string's line breaks into one
/// space), is copied whole.
pub fn push_folded(out: &mut String, text: &str) {
    if is_folded(text) {
        out.push_str(text);
        return;
    }
    for (k, word) in words(text).enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Whether `text` is ASCII with its words already one space apart.
pub(crate) fn is_folded(text: &str) -> bool {
    // A space at the start counts as a space after a space.
    let mut after_space = true;
    for &b in text.as_bytes() {
        if !b.is_ascii() || matches!(b, b'\t'..=b'\r') || (b == b' ' && after_space) {
            return false;
        }
        after_space = b == b' ';
    }
    !after_space || text.is_empty()
}

/// Characters in `word`, counted bytewise when it is ASCII.
pub fn char_count(word: &str) -> usize {
    if word.is_ascii() {
        word.len()
    } else {
        word.chars().count()
    }
}

/// The first character boundary from `from` (one) whose character is
/// whitespace exactly when `space` is, or the end of the text. Runs of ASCII
/// are scanned bytewise; other characters are decoded one at a time.
fn next_where(text: &str, from: usize, space: bool) -> usize {
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        let Some(run) = bytes[at..]
            .iter()
            .position(|&b| !b.is_ascii() || matches!(b, b'\t'..=b'\r' | b' ') == space)
        else {
            return text.len();
        };
        at += run;
        if bytes[at].is_ascii() {
            return at;
        }
        match text[at..].chars().next() {
            Some(c) if c.is_whitespace() != space => at += c.len_utf8(),
            _ => return at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_as_split_whitespace() {
        for text in [
            "",
            "   ",
            "one",
            " one  two\tthree\n\x0bfour\x0c\r five ",
            "a\u{a0}b c\u{2003}d  é",
            "x\u{85}y",
            "a\u{0B}b\u{0C}c\u{85}d\u{A0}e\u{2003}f\u{3000}g\u{1C}h é",
            "a  b",
            " a",
            "a ",
        ] {
            let expected: Vec<(usize, &str)> = text
                .split_whitespace()
                .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
                .collect();
            assert_eq!(
                words_with_offsets(text).collect::<Vec<_>>(),
                expected,
                "{text:?}"
            );
            let words: Vec<&str> = words(text).collect();
            assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
            let mut folded = String::new();
            push_folded(&mut folded, text);
            assert_eq!(folded, words.join(" "), "{text:?}");
        }
    }

    #[test]
    fn folded_texts_and_character_counts() {
        assert!(is_folded("one two") && is_folded("") && !is_folded("a  b"));
        assert!(!is_folded(" a") && !is_folded("a ") && !is_folded("a\tb") && !is_folded("é"));
        assert_eq!(char_count("abc"), 3);
        assert_eq!(char_count("é…"), 2);
    }
}
