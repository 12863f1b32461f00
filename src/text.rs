//! Words of a text, as `str::split_whitespace` finds them, shared by quote
//! matching and the map's labels. ASCII, most of any text, is told by its
//! byte; other characters are decoded.

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
        }
    }
}
