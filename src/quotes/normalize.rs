//! The normal form quotes are compared in: Unicode NFC, runs of whitespace
//! folded to one space, curly quotes and apostrophes made straight, dashes
//! made `-`. Matching stays case-sensitive.

use crate::text::words_with_offsets;
use unicode_normalization::UnicodeNormalization;

/// A text in normal form, with a map back to the original's lines for
/// reporting where a passage is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NormalizedText {
    /// The words of the original, normalised and joined by single spaces.
    pub text: String,
    /// For each line of the original: the offset in `text` of the first word
    /// that starts on it or after it (`u32::MAX` after the last word). One
    /// entry per line, not per word: a document's words would take eight
    /// bytes each, as much as its text. In 32 bits, since documents are read
    /// only up to [`MAX_FILE_BYTES`](crate::input::MAX_FILE_BYTES).
    line_first_words: Vec<u32>,
}

/// A byte offset in 32 bits, clamped rather than wrapped (only text handed
/// over in memory can be longer than 4 GiB).
fn offset32(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Where a word of the normal form was in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// 1-based line number in the original.
    pub line: usize,
}

impl NormalizedText {
    /// Normalises a whole document.
    pub fn new(original: &str) -> NormalizedText {
        let mut text = String::with_capacity(original.len());
        let mut line_first_words = Vec::new();
        // Lines begun since the last word: the next word is the first of
        // each of them.
        let mut begun = 0;
        let start_word = |text: &mut String, line_first_words: &mut Vec<u32>, begun: &mut usize| {
            if !text.is_empty() {
                text.push(' ');
            }
            let first = offset32(text.len());
            line_first_words.extend(std::iter::repeat_n(first, std::mem::take(begun)));
        };
        // Line by line: words never span lines, and most lines of a text are
        // ASCII with their words one space apart, their own normal form.
        for line in original.split('\n') {
            begun += 1;
            // A line break may be `\r\n`; the `\r` is space at the line's end.
            let content = line.strip_suffix('\r').unwrap_or(line);
            if !content.is_empty() && crate::text::is_folded(content) {
                start_word(&mut text, &mut line_first_words, &mut begun);
                text.push_str(content);
                continue;
            }
            for word in crate::text::words(line) {
                start_word(&mut text, &mut line_first_words, &mut begun);
                push_normalized(word, &mut text);
            }
        }
        line_first_words.extend(std::iter::repeat_n(u32::MAX, begun));
        // Kept for the whole run: give back what the growth left over.
        text.shrink_to_fit();
        line_first_words.shrink_to_fit();
        NormalizedText {
            text,
            line_first_words,
        }
    }

    /// Where the word that holds `offset` of the normal form starts in the
    /// original text. Words never span lines, so the line is the last one
    /// whose first word starts at or before `offset`.
    pub fn origin(&self, offset: usize) -> Origin {
        let line = self
            .line_first_words
            .partition_point(|&first| first as usize <= offset);
        Origin { line: line.max(1) }
    }

    /// Byte offsets in `text` where each word starts: words are joined by
    /// single spaces.
    pub fn word_starts(&self) -> impl Iterator<Item = usize> + '_ {
        let bytes = self.text.as_bytes();
        (!bytes.is_empty())
            .then_some(0)
            .into_iter()
            .chain(memchr::memchr_iter(b' ', bytes).map(|k| k + 1))
    }
}

/// A quote in normal form; leading and trailing whitespace is dropped.
pub fn normalize_quote(quote: &str) -> String {
    // The text of `NormalizedText::new`, without the offsets a quote does
    // not need. Most quotes are already in normal form.
    if crate::text::is_folded(quote) {
        return quote.to_owned();
    }
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
    fn maps_offsets_back_to_the_original_lines() {
        let original = "one\n  two   three\n\n \nfour\n";
        let n = NormalizedText::new(original);
        assert_eq!(n.text, "one two three four");
        let line_of = |word: &str| n.origin(n.text.find(word).unwrap()).line;
        assert_eq!(line_of("one"), 1);
        assert_eq!(line_of("two"), 2);
        // Inside a word, and on the space after it.
        assert_eq!(line_of("hree"), 2);
        assert_eq!(n.origin(n.text.find(" four").unwrap()).line, 2);
        // Blank lines in between are skipped.
        assert_eq!(line_of("four"), 5);
        assert_eq!(n.origin(0), Origin { line: 1 });
        // Leading blank lines: the first word is on line 3.
        let n = NormalizedText::new("\n \n first second");
        assert_eq!(n.origin(0).line, 3);
        assert_eq!(n.origin(n.text.len() - 1).line, 3);
        assert_eq!(NormalizedText::new("").origin(0).line, 1);
    }

    #[test]
    fn word_starts_follow_the_single_spaces() {
        let n = NormalizedText::new(" a  “bb”\n\tc ");
        assert_eq!(n.text, "a \"bb\" c");
        assert_eq!(n.word_starts().collect::<Vec<_>>(), [0, 2, 7]);
        assert_eq!(NormalizedText::new(" \n").word_starts().count(), 0);
    }

    /// The normal form and line table word by word over the whole text, as
    /// they were computed before lines already in normal form were copied
    /// whole.
    fn word_by_word(original: &str) -> NormalizedText {
        let mut text = String::new();
        let mut line_first_words = Vec::new();
        let mut line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', original.as_bytes()).map(|k| k + 1))
            .peekable();
        for (start, word) in words_with_offsets(original) {
            if !text.is_empty() {
                text.push(' ');
            }
            while line_starts.next_if(|&line| line <= start).is_some() {
                line_first_words.push(offset32(text.len()));
            }
            push_normalized(word, &mut text);
        }
        line_first_words.extend(line_starts.map(|_| u32::MAX));
        NormalizedText {
            text,
            line_first_words,
        }
    }

    #[test]
    fn lines_copied_whole_give_the_word_by_word_form() {
        let pieces = [
            "a", "bb", " ", "  ", "\n", "\r\n", "\r", "\t", "\u{a0}", "\u{85}", "\u{2028}", "é",
            "e\u{301}", "“q”", "—", "\x0b", "x y",
        ];
        let mut picks = crate::testing::Picks::new(0x5851_f42d_u64);
        for _ in 0..5_000 {
            let text = picks.text(&pieces, 14);
            let expected = word_by_word(&text);
            let got = NormalizedText::new(&text);
            assert_eq!(got, expected, "{text:?}");
            assert_eq!(normalize_quote(&text), expected.text, "{text:?}");
        }
    }

    #[test]
    fn empty_and_blank_texts_are_empty() {
        assert_eq!(normalize_quote(""), "");
        assert_eq!(normalize_quote(" \n\t"), "");
    }
}
