//! Finding many quotes in one text in a single pass, so a long source with
//! hundreds of quotes is scanned once, not once per quote.
//!
//! The scan reads the eight bytes at every position of the text and tests
//! them against a small bit set of the quotes' first eight bytes; only on a
//! hit does it look the quotes up. That is a few instructions a byte; an
//! Aho-Corasick automaton over the same quotes took about 75, following its
//! transitions at every byte. A quote of 8 to 31 bytes is looked up whole; a
//! longer one by its first 32 bytes, and then among the quotes sharing those
//! by a binary search, so that no text makes the scan compare every quote at
//! every position.

use rustc_hash::FxHashMap;

/// The bytes the filter reads at each position; shorter quotes are searched
/// for one by one.
const KEY: usize = 8;
/// Quotes from `KEY` bytes up to this are looked up whole; longer ones by
/// this many first bytes. A length mask of 32 bits holds the whole ones'.
const LONG: usize = 32;
/// The bit set has `1 << FILTER_BITS` bits (8 KiB): few false hits for the
/// thousands of distinct keys a document's quotes have, and small enough to
/// stay in the cache during the scan.
const FILTER_BITS: u32 = 16;

/// For each pattern, whether it occurs in `text`. Empty patterns never
/// occur: an empty quote states nothing.
pub fn occurrences(text: &str, patterns: &[&str]) -> Vec<bool> {
    let bytes = text.as_bytes();
    let mut found = vec![false; patterns.len()];
    // Patterns shorter than `LONG` bytes by their text, with a bit per length
    // present; longer ones by their first `LONG` bytes.
    let mut whole: FxHashMap<&[u8], Vec<usize>> = FxHashMap::default();
    let mut whole_lengths = 0u32;
    let mut sharing: FxHashMap<&[u8], Vec<usize>> = FxHashMap::default();
    let mut filter = vec![0u64; 1 << (FILTER_BITS - 6)];
    let mut remaining = 0;
    for (k, pattern) in patterns.iter().enumerate() {
        let pattern = pattern.as_bytes();
        let Some(key) = key_at(pattern, 0) else {
            // Too short to key, and rare: one SIMD substring search each.
            found[k] = !pattern.is_empty() && memchr::memmem::find(bytes, pattern).is_some();
            continue;
        };
        let bit = slot(key);
        filter[bit >> 6] |= 1 << (bit & 63);
        remaining += 1;
        if pattern.len() < LONG {
            whole.entry(pattern).or_default().push(k);
            whole_lengths |= 1 << pattern.len();
        } else {
            sharing.entry(&pattern[..LONG]).or_default().push(k);
        }
    }
    if remaining == 0 {
        return found;
    }
    let by_prefix: FxHashMap<&[u8], Sharing> = sharing
        .into_iter()
        .map(|(prefix, members)| (prefix, Sharing::new(members, patterns)))
        .collect();
    for (at, window) in bytes.windows(KEY).enumerate() {
        let key = u64::from_le_bytes(window.try_into().unwrap_or_default());
        let bit = slot(key);
        if filter[bit >> 6] & (1 << (bit & 63)) == 0 {
            continue;
        }
        let rest = &bytes[at..];
        let mut lengths = whole_lengths;
        while lengths != 0 {
            let len = lengths.trailing_zeros() as usize;
            lengths &= lengths - 1;
            let Some(candidates) = rest.get(..len).and_then(|head| whole.get(head)) else {
                continue;
            };
            for &k in candidates {
                remaining -= usize::from(!found[k]);
                found[k] = true;
            }
        }
        if let Some(group) = (!by_prefix.is_empty())
            .then(|| rest.get(..LONG))
            .flatten()
            .and_then(|head| by_prefix.get(head))
        {
            remaining -= group.mark(rest, patterns, &mut found);
        }
        if remaining == 0 {
            break;
        }
    }
    found
}

/// The quotes sharing their first `LONG` bytes, sorted, each with the
/// longest other one that is a prefix of it.
struct Sharing {
    /// Pattern indexes, sorted by the patterns' bytes (then by index).
    members: Vec<usize>,
    /// For each member, the position in `members` of its longest proper
    /// prefix among them (an equal pattern earlier counts).
    parent: Vec<Option<usize>>,
}

impl Sharing {
    fn new(mut members: Vec<usize>, patterns: &[&str]) -> Sharing {
        members.sort_by(|&a, &b| patterns[a].cmp(patterns[b]).then(a.cmp(&b)));
        let mut parent = Vec::with_capacity(members.len());
        // The members that are prefixes of the current one, longest last:
        // in sorted order, the patterns sharing a prefix follow it.
        let mut open: Vec<usize> = Vec::new();
        for (i, &k) in members.iter().enumerate() {
            let text = patterns[k].as_bytes();
            while let Some(&top) = open.last() {
                if text.starts_with(patterns[members[top]].as_bytes()) {
                    break;
                }
                open.pop();
            }
            parent.push(open.last().copied());
            open.push(i);
        }
        Sharing { members, parent }
    }

    /// Marks found each member that `rest` starts with, and returns how many
    /// were not found before. Those members are all prefixes of the last
    /// member not after `rest` in sorted order, so they lie on its chain of
    /// parents: a binary search and a walk up the chain find them. A walk
    /// marks every prefix on the chain, so it stops at one found already.
    fn mark(&self, rest: &[u8], patterns: &[&str], found: &mut [bool]) -> usize {
        let end = self
            .members
            .partition_point(|&k| patterns[k].as_bytes() <= rest);
        let Some(last) = end.checked_sub(1) else {
            return 0;
        };
        let nearest = patterns[self.members[last]].as_bytes();
        let common = nearest.iter().zip(rest).take_while(|(a, b)| a == b).count();
        let mut newly = 0;
        let mut at = Some(last);
        while let Some(i) = at {
            let k = self.members[i];
            if patterns[k].len() <= common {
                if found[k] {
                    break;
                }
                found[k] = true;
                newly += 1;
            }
            at = self.parent[i];
        }
        newly
    }
}

/// The key of the `KEY` bytes at `at`, if there are that many.
fn key_at(bytes: &[u8], at: usize) -> Option<u64> {
    let window = bytes.get(at..at + KEY)?;
    Some(u64::from_le_bytes(window.try_into().ok()?))
}

/// The key's bit in the filter: the high bits of a multiplicative hash.
fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_each_pattern() {
        let text = "the internet users worldwide";
        let found = occurrences(
            text,
            &["internet users", "users", "Internet", "", "worldwide"],
        );
        assert_eq!(found, vec![true, true, false, false, true]);
    }

    #[test]
    fn finds_patterns_nested_in_other_matches() {
        assert_eq!(occurrences("abcd", &["abcd", "bc"]), vec![true, true]);
    }

    #[test]
    fn duplicate_patterns_are_both_found() {
        assert_eq!(occurrences("x y", &["y", "y"]), vec![true, true]);
    }

    #[test]
    fn long_patterns_sharing_a_prefix_are_told_apart() {
        let head = "a passage that is longer than the prefix it is looked up by";
        let text = format!("{head}, and then one ending");
        let one = format!("{head}, and then one ending");
        let other = format!("{head}, and then another ending");
        assert_eq!(
            occurrences(&text, &[&one, &other, head]),
            vec![true, false, true]
        );
    }

    #[test]
    fn short_and_keyed_patterns_at_the_edges_of_the_text() {
        let text = "eight by the end";
        assert_eq!(
            occurrences(
                text,
                &[
                    "eight by",
                    "the end",
                    "e",
                    "he end",
                    "d",
                    "x",
                    "eight by the end!"
                ]
            ),
            vec![true, true, true, true, true, false, false]
        );
        // A pattern longer than the text, and a text shorter than a key.
        assert_eq!(
            occurrences("short", &["short", "shorter text", "or"]),
            vec![true, false, true]
        );
        assert_eq!(
            occurrences("", &["anything at all", "a"]),
            vec![false, false]
        );
    }

    #[test]
    fn many_patterns_sharing_a_key_are_each_checked() {
        let text = "agreement on data; agreement on trust; agreement on rules";
        let patterns = [
            "agreement on rules",
            "agreement on data",
            "agreement on peace",
            "agreement on trust;",
        ];
        assert_eq!(occurrences(text, &patterns), vec![true, true, false, true]);
    }

    /// The same answers as one plain substring search per pattern, over
    /// texts and patterns drawn from a few words so that keys repeat.
    #[test]
    fn agrees_with_a_search_per_pattern() {
        let words = [
            "agreement",
            "on",
            "data",
            "trust",
            "é",
            "a",
            "the",
            "internet",
        ];
        let mut picks = crate::testing::Picks::new(0x2545_f491_u64);
        let mut next = |n: usize| picks.below(n);
        for _ in 0..50 {
            let text: Vec<&str> = (0..200).map(|_| words[next(words.len())]).collect();
            let text = text.join(" ");
            let patterns: Vec<String> = (0..40)
                .map(|_| {
                    let len = 1 + next(4);
                    (0..len)
                        .map(|_| words[next(words.len())])
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            let expected: Vec<bool> = patterns.iter().map(|p| text.contains(p)).collect();
            assert_eq!(occurrences(&text, &patterns), expected, "{text}");
        }
    }

    /// Quotes of every length class (short, whole, by 32 bytes)
    /// sharing their first bytes, over a text of one repeated byte and its
    /// quotes' endings: each is found exactly when it is a substring.
    #[test]
    fn quotes_sharing_their_first_bytes_in_every_length_class() {
        let text = format!("{}xyz{}", "a".repeat(300), "a".repeat(40));
        let mut patterns: Vec<String> = Vec::new();
        for len in 1..70 {
            patterns.push("a".repeat(len));
            patterns.push(format!("{}x", "a".repeat(len)));
            patterns.push(format!("{}y", "a".repeat(len)));
            patterns.push(format!("{}xyz{}", "a".repeat(len), "a".repeat(len % 7)));
        }
        let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let expected: Vec<bool> = patterns.iter().map(|p| text.contains(p)).collect();
        assert!(expected.contains(&false) && expected.contains(&true));
        assert_eq!(occurrences(&text, &patterns), expected);
    }

    /// Quotes sharing their first 32 bytes, nested in one another, repeated,
    /// or ending differently: the chain of prefixes finds each exactly when
    /// it is a substring.
    #[test]
    fn quotes_sharing_32_bytes_are_found_through_their_prefixes() {
        let head = "b".repeat(32);
        let text = format!("{head}cd{head}ce-{head}");
        let patterns = [
            format!("{head}c"),
            format!("{head}cd"),
            format!("{head}cdb"),
            format!("{head}cdx"),
            format!("{head}ce-"),
            format!("{head}ce-b"),
            format!("{head}c"),
            format!("{head}cf"),
            head.clone(),
            format!("{head}b"),
            format!("{head}ce-{head}"),
            format!("{head}ce-{head}b"),
        ];
        let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let expected: Vec<bool> = patterns.iter().map(|p| text.contains(p)).collect();
        assert!(expected.contains(&false) && expected.contains(&true));
        assert_eq!(occurrences(&text, &patterns), expected);
        // In every order: the groups are sorted, not taken as given.
        let reversed: Vec<&str> = patterns.iter().rev().copied().collect();
        let mut expected_reversed = expected.clone();
        expected_reversed.reverse();
        assert_eq!(occurrences(&text, &reversed), expected_reversed);
    }

    /// Keys and prefixes are bytes: a quote of two-byte characters is
    /// matched whatever byte its prefixes end on.
    #[test]
    fn a_prefix_ends_on_a_character_boundary() {
        let pattern = "é".repeat(40);
        let text = format!("x{pattern}y");
        assert_eq!(occurrences(&text, &[&pattern]), vec![true]);
        assert_eq!(occurrences(&"é".repeat(39), &[&pattern]), vec![false]);
    }
}
