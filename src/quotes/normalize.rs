//! The normal form quotes are compared in: Unicode NFC, runs of whitespace
//! folded to one space, curly quotes and apostrophes made straight, dashes
//! made `-`. Matching stays case-sensitive.

use crate::text::words_with_offsets;
use unicode_normalization::UnicodeNormalization;

/// A text in normal form, with a map back to the original for reporting
/// where a passage is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NormalizedText {
    /// The words of the original, normalised and joined by single spaces.
    pub text: String,
    /// For each word: its byte offset in `text` and in the original. In
    /// 32 bits, since there is an entry per word: documents are read only up
    /// to [`MAX_FILE_BYTES`](crate::input::MAX_FILE_BYTES).
    words: Vec<(u32, u32)>,
    /// The original byte offset where each line starts.
    line_starts: Vec<u32>,
}

/// A byte offset in 32 bits, clamped rather than wrapped (only text handed
/// over in memory can be longer than 4 GiB).
fn offset32(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Where a word of the normal form was in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// Byte offset in the original.
    pub offset: usize,
    /// 1-based line number in the original.
    pub line: usize,
}

impl NormalizedText {
    /// Normalises a whole document.
    pub fn new(original: &str) -> NormalizedText {
        let mut text = String::with_capacity(original.len());
        let mut words = Vec::new();
        for (start, word) in words_with_offsets(original) {
            if !text.is_empty() {
                text.push(' ');
            }
            words.push((offset32(text.len()), offset32(start)));
            push_normalized(word, &mut text);
        }
        // Kept for the whole run: give back what the growth left over.
        text.shrink_to_fit();
        words.shrink_to_fit();
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', original.as_bytes()).map(|k| offset32(k + 1)))
            .collect();
        NormalizedText {
            text,
            words,
            line_starts,
        }
    }

    /// Where the word that holds `offset` of the normal form starts in the
    /// original text.
    pub fn origin(&self, offset: usize) -> Origin {
        let k = self.words.partition_point(|&(n, _)| n as usize <= offset);
        let offset = k.checked_sub(1).map_or(0, |k| self.words[k].1 as usize);
        Origin {
            offset,
            line: self.line_starts.partition_point(|&s| s as usize <= offset),
        }
    }

    /// Byte offsets in `text` where each word starts.
    pub fn word_starts(&self) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.words.iter().map(|&(n, _)| n as usize)
    }
}

/// A quote in normal form; leading and trailing whitespace is dropped.
pub fn normalize_quote(quote: &str) -> String {
    // The text of `NormalizedText::new`, without the offsets a quote does
    // not need.
    let mut text = String::with_capacity(quote.len());
    for (_, word) in words_with_offsets(quote) {
        if !text.is_empty() {
            text.push(' ');
        }
        push_normalized(word, &mut text);
    }
    text
}

fn push_normalized(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.push_str(word);
        return;
    }
    out.extend(word.nfc().map(fold_char));
}

/// Typographic variants of quotes, apostrophes and dashes, made plain.
fn fold_char(c: char) -> char {
    match c {
        // ‘ ’ ‚ ‛ and the prime, often typed for an apostrophe.
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        // “ ” „ ‟ and the double prime.
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        // Hyphen, non-breaking hyphen, figure dash, en dash, em dash,
        // horizontal bar, minus sign.
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_whitespace_quotes_and_dashes() {
        let n = NormalizedText::new("  “Cyber\u{00A0}space”\n\t is a ‘commons’ — or not ");
        assert_eq!(n.text, "\"Cyber space\" is a 'commons' - or not");
    }

    #[test]
    fn composes_to_nfc() {
        // e + combining acute accent becomes é.
        assert_eq!(normalize_quote("cafe\u{301}"), "caf\u{e9}");
        assert_eq!(normalize_quote("caf\u{e9}"), "caf\u{e9}");
    }

    #[test]
    fn keeps_case() {
        assert_ne!(normalize_quote("Internet"), normalize_quote("internet"));
    }

    #[test]
    fn maps_offsets_back_to_the_original() {
        let original = "one\n  two   three";
        let n = NormalizedText::new(original);
        assert_eq!(n.text, "one two three");
        let two = n.text.find("two").unwrap();
        assert_eq!(
            n.origin(two),
            Origin {
                offset: original.find("two").unwrap(),
                line: 2
            }
        );
        let three = n.text.find("hree").unwrap();
        assert_eq!(n.origin(three).offset, original.find("three").unwrap());
        assert_eq!(n.origin(0), Origin { offset: 0, line: 1 });
    }

    #[test]
    fn empty_and_blank_texts_are_empty() {
        assert_eq!(normalize_quote(""), "");
        assert_eq!(normalize_quote(" \n\t"), "");
    }
}
