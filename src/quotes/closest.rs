//! The passage of a source that a misquote most likely meant, so that the
//! `quote-not-found` help can show it.
//!
//! Words of the quote vote for where an alignment with the source would
//! start; the best-voted starts are then refined by word-level edit distance
//! over nearby windows. Words are compared without case and surrounding
//! punctuation when locating, so a quote that differs only in those details
//! still finds its passage.

use super::normalize::{NormalizedText, Origin};
use rustc_hash::FxHashMap;

/// How many voted starts are refined.
const CANDIDATES: usize = 8;
/// How far a window's start and length may move while refining.
const SLACK: isize = 3;
/// Words this frequent say nothing about where a quote is.
const COMMON_WORD: usize = 256;

/// A passage of a normalised source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The passage in normal form.
    pub text: String,
    /// Where its first word is in the original (unnormalised) text.
    pub origin: Origin,
    /// The first word of the quote that differs from the passage, and the
    /// passage's word at that place, when they can be paired.
    pub first_difference: Option<(String, String)>,
}

/// An index of a source's words, built once per source.
pub struct WordIndex<'t> {
    source: &'t NormalizedText,
    /// The words of the normal form, in order, with their byte ranges.
    words: Vec<(usize, usize)>,
    /// Lookup keys (lowercase, trimmed of punctuation) to word positions.
    positions: FxHashMap<String, Vec<usize>>,
}

impl<'t> WordIndex<'t> {
    pub fn new(source: &'t NormalizedText) -> WordIndex<'t> {
        let text = &source.text;
        let starts: Vec<usize> = source.word_starts().collect();
        let words: Vec<(usize, usize)> = starts
            .iter()
            .enumerate()
            .map(|(k, &s)| {
                let end = starts.get(k + 1).map_or(text.len(), |&n| n - 1);
                (s, end)
            })
            .collect();
        let mut positions: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (k, &(s, e)) in words.iter().enumerate() {
            positions.entry(key(&text[s..e])).or_default().push(k);
        }
        WordIndex {
            source,
            words,
            positions,
        }
    }

    fn word(&self, k: usize) -> &'t str {
        let (s, e) = self.words[k];
        &self.source.text[s..e]
    }

    /// The passage closest to `quote` (already in normal form), if any
    /// passage shares enough words with it to be a plausible match.
    pub fn closest(&self, quote: &str) -> Option<Passage> {
        let quote_words: Vec<&str> = quote.split(' ').filter(|w| !w.is_empty()).collect();
        if quote_words.is_empty() || self.words.is_empty() {
            return None;
        }
        let mut votes: FxHashMap<usize, usize> = FxHashMap::default();
        for (i, w) in quote_words.iter().enumerate() {
            let Some(found) = self.positions.get(&key(w)) else {
                continue;
            };
            if found.len() > COMMON_WORD {
                continue;
            }
            for &p in found {
                *votes.entry(p.saturating_sub(i)).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, usize)> = votes.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(CANDIDATES);

        let quote_keys: Vec<String> = quote_words.iter().map(|w| key(w)).collect();
        let n = quote_words.len() as isize;
        let total = self.words.len() as isize;
        let mut best: Option<((usize, usize, usize), usize, usize)> = None;
        for &(start, _) in &ranked {
            for ds in -SLACK..=SLACK {
                for dl in -SLACK..=SLACK {
                    let s = start as isize + ds;
                    let len = n + dl;
                    if s < 0 || len < 1 || s + len > total {
                        continue;
                    }
                    let (s, len) = (s as usize, len as usize);
                    let window: Vec<&str> = (s..s + len).map(|k| self.word(k)).collect();
                    let keys: Vec<String> = window.iter().map(|w| key(w)).collect();
                    let loose = word_distance(&keys, &quote_keys);
                    let exact = word_distance(&window, &quote_words);
                    let score = (loose, exact, len.abs_diff(quote_words.len()));
                    if best.as_ref().is_none_or(|b| score < b.0) {
                        best = Some((score, s, len));
                    }
                }
            }
        }
        let ((loose, _, _), s, len) = best?;
        // More than half the words wrong is not the same passage.
        if loose * 2 > quote_words.len().max(len) {
            return None;
        }
        let window: Vec<&str> = (s..s + len).map(|k| self.word(k)).collect();
        let (from, to) = (self.words[s].0, self.words[s + len - 1].1);
        Some(Passage {
            text: self.source.text[from..to].to_owned(),
            origin: self.source.origin(from),
            first_difference: first_difference(&quote_words, &window),
        })
    }
}

/// The closest passage of `source` to `quote` (in normal form).
pub fn closest_passage(source: &NormalizedText, quote: &str) -> Option<Passage> {
    WordIndex::new(source).closest(quote)
}

/// Edits between two word sequences: insertions, deletions, substitutions
/// and swaps of adjacent words (the optimal string alignment distance).
/// strsim's generic Damerau-Levenshtein would do, but it builds a hash map
/// per call, and this runs for every window tried.
fn word_distance<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let width = b.len() + 1;
    let mut d: Vec<usize> = (0..width * (a.len() + 1)).collect();
    for i in 1..=a.len() {
        d[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

fn key(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The first word where quote and passage part, skipping a common prefix
/// and suffix; `None` when the difference is only an insertion or deletion.
fn first_difference(quote: &[&str], passage: &[&str]) -> Option<(String, String)> {
    let prefix = quote
        .iter()
        .zip(passage)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = quote[prefix..]
        .iter()
        .rev()
        .zip(passage[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let q = &quote[prefix..quote.len() - suffix];
    let p = &passage[prefix..passage.len() - suffix];
    match (q.first(), p.first()) {
        (Some(a), Some(b)) => Some(((*a).to_owned(), (*b).to_owned())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::normalize_quote;

    const ESSAY: &str = "By the end of 2015, there were 3.366 billion internet users\n\
        worldwide, of which China had 670 million and the US 280 million. \
        Cyberspace is the common space of activities for mankind.";

    fn closest(quote: &str) -> Option<Passage> {
        closest_passage(&NormalizedText::new(ESSAY), &normalize_quote(quote))
    }

    #[test]
    fn finds_a_misquote_with_one_word_changed() {
        let p = closest("there were 3.366 billion Internet users worldwide").unwrap();
        assert_eq!(p.text, "there were 3.366 billion internet users worldwide,");
        assert_eq!(p.origin.offset, ESSAY.find("there").unwrap());
        assert_eq!(p.origin.line, 1);
        assert_eq!(
            p.first_difference,
            Some(("Internet".to_owned(), "internet".to_owned()))
        );
    }

    #[test]
    fn finds_a_passage_with_a_word_left_out() {
        let p = closest("Cyberspace is the space of activities for mankind").unwrap();
        assert_eq!(
            p.text,
            "Cyberspace is the common space of activities for mankind."
        );
    }

    #[test]
    fn word_distance_counts_a_swap_as_one_edit() {
        assert_eq!(word_distance(&["a", "b", "c"], &["b", "a", "c"]), 1);
        assert_eq!(word_distance(&["a", "b"], &["a", "b"]), 0);
        assert_eq!(word_distance(&["a", "b", "c"], &["a", "c"]), 1);
        assert_eq!(word_distance::<&str>(&[], &["a", "b"]), 2);
        assert_eq!(word_distance(&["x", "y"], &["a", "b", "c"]), 3);
    }

    #[test]
    fn unrelated_text_has_no_closest_passage() {
        assert_eq!(closest("bananas grow on trees in the tropics"), None);
        assert_eq!(closest(""), None);
    }
}
