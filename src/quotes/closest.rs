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
use std::borrow::Cow;

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

/// An index of a source's words for some quotes, built once per source.
///
/// Words are numbered twice, by their exact text and by their lookup key
/// (lowercase, trimmed of punctuation), so that comparing a window of the
/// source with a quote compares numbers, not strings. A window is only ever
/// compared with a quote, never with another window, so only the words of
/// the quotes get numbers of their own: every other word of the source gets
/// [`OTHER`], which no quote word has.
pub struct WordIndex<'t> {
    source: &'t NormalizedText,
    /// The words of the normal form, in order, with their byte ranges.
    words: Vec<(usize, usize)>,
    /// Each word's number by its exact text: [`OTHER`] for a word that is no
    /// quote's.
    exact_ids: Vec<u32>,
    /// Each word's number by its lookup key: [`OTHER`] for a word whose key
    /// is no quote word's.
    key_ids: Vec<u32>,
    /// The numbers of the quotes' exact words.
    exact_numbers: FxHashMap<&'t str, u32>,
    /// The numbers of the quotes' lookup keys.
    key_numbers: FxHashMap<Cow<'t, str>, u32>,
    /// By key number: the positions of the source's words with that key, in
    /// order.
    positions: Vec<Vec<usize>>,
}

/// The number of a word missing from the index's tables: it equals no
/// source word. Every word of the quotes the index was built for has a
/// number, so this serves only a quote the index was not built for.
const ABSENT: u32 = u32::MAX;
/// The number of a source word that is in none of the quotes.
const OTHER: u32 = u32::MAX - 1;

impl<'t> WordIndex<'t> {
    /// The index of `source` for `quotes` (in normal form): [`closest`]
    /// takes only these.
    ///
    /// [`closest`]: WordIndex::closest
    pub fn new(source: &'t NormalizedText, quotes: &[&'t str]) -> WordIndex<'t> {
        let mut exact_numbers: FxHashMap<&'t str, u32> = FxHashMap::default();
        let mut key_numbers: FxHashMap<Cow<'t, str>, u32> = FxHashMap::default();
        for word in quotes
            .iter()
            .flat_map(|q| q.split(' '))
            .filter(|w| !w.is_empty())
        {
            let next = exact_numbers.len() as u32;
            exact_numbers.entry(word).or_insert(next);
            let next = key_numbers.len() as u32;
            key_numbers.entry(key(word)).or_insert(next);
        }
        let text = source.text.as_str();
        let starts: Vec<usize> = source.word_starts().collect();
        let words: Vec<(usize, usize)> = starts
            .iter()
            .enumerate()
            .map(|(k, &s)| {
                let end = starts.get(k + 1).map_or(text.len(), |&n| n - 1);
                (s, end)
            })
            .collect();
        let mut positions: Vec<Vec<usize>> = vec![Vec::new(); key_numbers.len()];
        let mut exact_ids = Vec::with_capacity(words.len());
        let mut key_ids = Vec::with_capacity(words.len());
        for (k, &(s, e)) in words.iter().enumerate() {
            let word = &text[s..e];
            // A word equal to a quote word has that word's key too.
            let (key_id, exact_id) = match key_numbers.get(key(word).as_ref()) {
                Some(&id) => {
                    positions[id as usize].push(k);
                    (id, exact_numbers.get(word).copied().unwrap_or(OTHER))
                }
                None => (OTHER, OTHER),
            };
            key_ids.push(key_id);
            exact_ids.push(exact_id);
        }
        WordIndex {
            source,
            words,
            exact_ids,
            key_ids,
            exact_numbers,
            key_numbers,
            positions,
        }
    }

    fn word(&self, k: usize) -> &'t str {
        let (s, e) = self.words[k];
        &self.source.text[s..e]
    }

    /// The passage closest to `quote` (already in normal form, and one of
    /// the quotes the index was built for), if any passage shares enough
    /// words with it to be a plausible match.
    pub fn closest(&self, quote: &str) -> Option<Passage> {
        let quote_words: Vec<&str> = quote.split(' ').filter(|w| !w.is_empty()).collect();
        debug_assert!(
            quote_words
                .iter()
                .all(|w| self.exact_numbers.contains_key(w)),
            "the index was not built for this quote"
        );
        if quote_words.is_empty() || self.words.is_empty() {
            return None;
        }
        let quote_keys: Vec<u32> = quote_words
            .iter()
            .map(|w| {
                self.key_numbers
                    .get(key(w).as_ref())
                    .copied()
                    .unwrap_or(ABSENT)
            })
            .collect();
        let quote_exact: Vec<u32> = quote_words
            .iter()
            .map(|w| self.exact_numbers.get(w).copied().unwrap_or(ABSENT))
            .collect();
        let mut votes: FxHashMap<usize, usize> = FxHashMap::default();
        for (i, &id) in quote_keys.iter().enumerate() {
            let Some(found) = self.positions.get(id as usize) else {
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

        let n = quote_words.len() as isize;
        let total = self.words.len() as isize;
        // A window's table rows depend only on its words so far, so one
        // table per start serves every length tried from it.
        let (mut loose_table, mut exact_table) = (Vec::new(), Vec::new());
        let width = quote_words.len() + 1;
        let mut best: Option<((usize, usize, usize), usize, usize)> = None;
        for &(start, _) in &ranked {
            for ds in -SLACK..=SLACK {
                let s = start as isize + ds;
                if s < 0 || s >= total {
                    continue;
                }
                let s = s as usize;
                let longest = (total as usize).min(s + (n + SLACK) as usize);
                fill_table(&mut loose_table, &self.key_ids[s..longest], &quote_keys);
                fill_table(&mut exact_table, &self.exact_ids[s..longest], &quote_exact);
                for dl in -SLACK..=SLACK {
                    let len = n + dl;
                    if len < 1 || s as isize + len > total {
                        continue;
                    }
                    let len = len as usize;
                    let loose = loose_table[len * width + width - 1];
                    let exact = exact_table[len * width + width - 1];
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
    WordIndex::new(source, &[quote]).closest(quote)
}

/// Edits between two word sequences: insertions, deletions, substitutions
/// and swaps of adjacent words (the optimal string alignment distance).
/// strsim's generic Damerau-Levenshtein would do, but it builds a hash map
/// per call, and this runs for every window tried.
#[cfg(test)]
fn word_distance<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut d = Vec::new();
    fill_table(&mut d, a, b);
    d[d.len() - 1]
}

/// The optimal string alignment table of `a` against `b`, row by row: the
/// entry at `i * (b.len() + 1) + j` is the distance between the first `i`
/// words of `a` and the first `j` of `b`. The caller keeps the table, so
/// the windows of one quote allocate it once.
fn fill_table<T: PartialEq>(d: &mut Vec<usize>, a: &[T], b: &[T]) {
    let width = b.len() + 1;
    d.clear();
    d.extend(0..width * (a.len() + 1));
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
}

/// A word without case and surrounding punctuation; borrowed when it is
/// already lowercase ASCII, as most words are.
fn key(word: &str) -> Cow<'_, str> {
    let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(trimmed.to_lowercase())
    }
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
        assert_eq!(p.origin.line, 2);
    }

    #[test]
    fn word_distance_counts_a_swap_as_one_edit() {
        assert_eq!(word_distance(&["a", "b", "c"], &["b", "a", "c"]), 1);
        assert_eq!(word_distance(&["a", "b"], &["a", "b"]), 0);
        assert_eq!(word_distance(&["a", "b", "c"], &["a", "c"]), 1);
        assert_eq!(word_distance::<&str>(&[], &["a", "b"]), 2);
        assert_eq!(word_distance(&["x", "y"], &["a", "b", "c"]), 3);
    }

    /// The index as it was built before only the quotes' words were
    /// numbered: every distinct word of the source numbered, and then the
    /// quotes' other words, which no source word equals.
    fn full_index<'t>(source: &'t NormalizedText, quotes: &[&'t str]) -> WordIndex<'t> {
        let text = source.text.as_str();
        let starts: Vec<usize> = source.word_starts().collect();
        let words: Vec<(usize, usize)> = starts
            .iter()
            .enumerate()
            .map(|(k, &s)| (s, starts.get(k + 1).map_or(text.len(), |&n| n - 1)))
            .collect();
        let mut exact_numbers: FxHashMap<&str, u32> = FxHashMap::default();
        let mut key_numbers: FxHashMap<Cow<'_, str>, u32> = FxHashMap::default();
        let (mut positions, mut exact_ids, mut key_ids) = (Vec::new(), Vec::new(), Vec::new());
        for (k, &(s, e)) in words.iter().enumerate() {
            let word = &text[s..e];
            let next = exact_numbers.len() as u32;
            exact_ids.push(*exact_numbers.entry(word).or_insert(next));
            let next = key_numbers.len() as u32;
            let id = *key_numbers.entry(key(word)).or_insert(next);
            if id == next {
                positions.push(Vec::new());
            }
            positions[id as usize].push(k);
            key_ids.push(id);
        }
        for word in quotes.iter().flat_map(|q| q.split(' ')) {
            let next = exact_numbers.len() as u32;
            exact_numbers.entry(word).or_insert(next);
            let next = key_numbers.len() as u32;
            if *key_numbers.entry(key(word)).or_insert(next) == next {
                positions.push(Vec::new());
            }
        }
        WordIndex {
            source,
            words,
            exact_ids,
            key_ids,
            exact_numbers,
            key_numbers,
            positions,
        }
    }

    /// Numbering only the quotes' words finds the passages that numbering
    /// every word finds, for quotes alone or several at once: quotes cut
    /// from a source, some with a word changed, dropped or added, or two
    /// swapped, and some recased.
    #[test]
    fn an_index_of_the_quotes_words_finds_what_a_full_index_finds() {
        let vocabulary = [
            "the",
            "internet",
            "Internet",
            "users",
            "governance",
            "of",
            "a",
            "cyber-space",
            "—",
            "(2015)",
            "sovereignty",
            "data",
            "the,",
            "\"trust\"",
            "é",
        ];
        let mut picks = crate::testing::Picks::new(0x2f6b_1c3d_u64);
        let mut found = 0;
        for _ in 0..60 {
            let words: Vec<&str> = (0..400)
                .map(|_| vocabulary[picks.below(vocabulary.len())])
                .collect();
            let source = NormalizedText::new(&words.join(" "));
            let quotes: Vec<String> = (0..6)
                .map(|_| {
                    let start = picks.below(390);
                    let mut q: Vec<&str> = words[start..start + 3 + picks.below(8)].to_vec();
                    let (at, last) = (picks.below(q.len()), q.len() - 1);
                    match picks.below(5) {
                        0 => q[at] = vocabulary[picks.below(vocabulary.len())],
                        1 => {
                            q.remove(at);
                        }
                        2 => q.swap(0, last),
                        3 => q.push("bananas"),
                        _ => {}
                    }
                    let q = q.join(" ");
                    // Recased sometimes: found by the lookup keys alone.
                    let q = if picks.below(3) == 0 {
                        q.to_uppercase()
                    } else {
                        q
                    };
                    normalize_quote(&q)
                })
                .collect();
            let all: Vec<&str> = quotes.iter().map(String::as_str).collect();
            let full = full_index(&source, &all);
            let together = WordIndex::new(&source, &all);
            for quote in &all {
                let expected = full.closest(quote);
                found += usize::from(expected.is_some());
                assert_eq!(together.closest(quote), expected, "{quote}");
                assert_eq!(WordIndex::new(&source, &[quote]).closest(quote), expected);
            }
        }
        // Most of the quotes have a passage, so the comparison is not of
        // nothing with nothing.
        assert!(found > 250, "{found} of 360 found");
    }

    #[test]
    fn unrelated_text_has_no_closest_passage() {
        assert_eq!(closest("bananas grow on trees in the tropics"), None);
        assert_eq!(closest(""), None);
    }
}
