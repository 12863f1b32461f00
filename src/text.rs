//! Words of a text, as `str::split_whitespace` finds them, shared by quote
//! matching and the map's labels, and the counting and folding built on
//! them. ASCII, most of any text, is told by its byte; other characters are
//! decoded.

/// The maximal runs of non-whitespace, with their byte offsets.
pub fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // Most texts are ASCII with their words one space apart: their words
    // are found by the spaces alone.
    let folded = is_folded(text);
    let mut at = 0;
    std::iter::from_fn(move || {
        if folded {
            if at >= text.len() {
                return None;
            }
            let start = at;
            let end =
                memchr::memchr(b' ', &text.as_bytes()[start..]).map_or(text.len(), |k| start + k);
            at = end + 1;
            return Some((start, &text[start..end]));
        }
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
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Eight bytes at a time while they are ASCII from the space up, where
    // only two spaces in a row can break the form; at the first word with
    // any other byte, the whole text is judged byte by byte instead.
    const LOWS: u64 = u64::from_ne_bytes([0x7f; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
    let words = bytes.chunks_exact(8);
    let tail = words.remainder();
    let mut after_space = false;
    for word in words {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        // A byte at or above 0x80, or below a space.
        if (word | word.wrapping_sub(SPACES)) & HIGHS != 0 {
            return is_folded_bytewise(bytes);
        }
        // 0x80 in each byte that is a space, exactly (no borrows).
        let x = word ^ SPACES;
        let spaces = !(((x & LOWS) + LOWS) | x | LOWS);
        if spaces & (spaces << 8) != 0 || (after_space && spaces & 0x80 != 0) {
            return false;
        }
        after_space = spaces >> 56 != 0;
    }
    spaced_once(tail, after_space)
}

/// [`is_folded`] a byte at a time.
fn is_folded_bytewise(bytes: &[u8]) -> bool {
    // A space at the start counts as a space after a space.
    spaced_once(bytes, true) && bytes.last() != Some(&b' ')
}

/// Whether `bytes` are ASCII without whitespace other than single spaces,
/// `after_space` saying whether the byte before them was a space.
fn spaced_once(bytes: &[u8], mut after_space: bool) -> bool {
    for &b in bytes {
        if !b.is_ascii() || matches!(b, b'\t'..=b'\r') || (b == b' ' && after_space) {
            return false;
        }
        after_space = b == b' ';
    }
    true
}

/// Where the first of the four bytes `special` is in `bytes`. Most text has
/// none of them, so it is scanned eight bytes at a time: a word holds one of
/// them exactly when, XORed with that byte repeated, it has a zero byte.
pub(crate) fn first_of_four(bytes: &[u8], special: [u8; 4]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let words = bytes.chunks_exact(8);
    let tail = words.remainder();
    for (k, word) in words.enumerate() {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        let mut zeros = 0;
        for b in special {
            let x = word ^ (ONES * u64::from(b));
            // The lowest byte flagged is a zero byte of `x`: a borrow can
            // flag a byte only above a true zero, so the first is exact.
            zeros |= x.wrapping_sub(ONES) & !x & HIGHS;
        }
        if zeros != 0 {
            return Some(8 * k + zeros.trailing_zeros() as usize / 8);
        }
    }
    let rest = bytes.len() - tail.len();
    tail.iter()
        .position(|b| special.contains(b))
        .map(|i| rest + i)
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

    /// The word-at-a-time test agrees with the bytewise one, also on
    /// spaces across the eight-byte boundaries and bytes next to the space
    /// and the controls.
    #[test]
    fn folded_by_words_as_bytewise() {
        let common = [b' ', b'a', b'!', b'~'];
        let rare = [b'\x1f', b'\t', b'\r', b'\n', b'\x0b', b'\x7f'];
        let mut picks = crate::testing::Picks::new(0xd1b5_4a32_u64);
        for _ in 0..50_000 {
            let len = picks.below(26);
            let mut text: String = (0..len)
                .map(|_| match picks.below(40) {
                    0 => rare[picks.below(rare.len())] as char,
                    _ => common[picks.below(common.len())] as char,
                })
                .collect();
            if picks.below(8) == 0 {
                text.insert(picks.below(text.len() + 1), 'é');
            }
            assert_eq!(
                is_folded(&text),
                is_folded_bytewise(text.as_bytes()),
                "{text:?}"
            );
        }
    }

    /// The word-at-a-time scan finds the same first special byte as a
    /// plain scan, also next to bytes one off a special one and high bytes,
    /// where a borrow could mislead it.
    #[test]
    fn the_word_scan_finds_the_first_special_byte() {
        let alphabet = [
            b'"', b'\\', b'\n', b'\r', b'!', b'#', b'[', b']', b'\t', b'\x0e', 0, 0x80, 0xff, 0xa2,
            b'a', b' ',
        ];
        let mut picks = crate::testing::Picks::new(0x9e37_79b9_u64);
        for _ in 0..20_000 {
            let len = picks.below(40);
            let bytes: Vec<u8> = (0..len)
                .map(|_| alphabet[picks.below(alphabet.len())])
                .collect();
            for special in [[b'"', b'\\', b'\n', b'\r'], [b'&', b'<', b'>', b'"']] {
                let plain = bytes.iter().position(|b| special.contains(b));
                assert_eq!(first_of_four(&bytes, special), plain, "{bytes:?}");
            }
        }
    }

    /// Words found by the spaces of a folded text, or by the general scan,
    /// are `split_whitespace`'s, over random texts of both kinds.
    #[test]
    fn words_of_random_texts_as_split_whitespace() {
        let pieces = [
            "a", "bc", " ", "  ", "\t", "\n", "é", "\u{a0}", "\u{2003}", "x",
        ];
        let mut picks = crate::testing::Picks::new(0x94d0_49bb_u64);
        for _ in 0..20_000 {
            let text = picks.text(&pieces, 12);
            let expected: Vec<(usize, &str)> = text
                .split_whitespace()
                .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
                .collect();
            assert_eq!(
                words_with_offsets(&text).collect::<Vec<_>>(),
                expected,
                "{text:?}"
            );
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
