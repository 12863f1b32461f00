//! Did-you-mean suggestions, shared by the parser, the rules and the CLI.

/// The candidate closest to `word` by edit distance, if it is close enough to
/// be what was meant. Ties go to the first in sort order, so the suggestion
/// does not depend on the candidates' order.
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    Candidates::new(candidates).closest(word)
}

/// Candidates measured once for many lookups: a workspace with many
/// misspelt references looks each one up among every declared name.
pub struct Candidates<'c> {
    entries: Vec<Candidate<'c>>,
}

struct Candidate<'c> {
    text: &'c str,
    /// The length in characters.
    chars: usize,
    /// Which ASCII bytes occur (see [`ascii_set`]); `None` for a word with
    /// other characters.
    bytes: Option<u64>,
}

impl<'c> Candidates<'c> {
    pub fn new(candidates: impl IntoIterator<Item = &'c str>) -> Candidates<'c> {
        let entries = candidates
            .into_iter()
            .map(|text| Candidate {
                text,
                chars: text.chars().count(),
                bytes: ascii_set(text),
            })
            .collect();
        Candidates { entries }
    }

    /// [`closest`] among these candidates.
    pub fn closest(&self, word: &str) -> Option<&'c str> {
        let length = word.chars().count();
        let letters = Letters::of(word);
        let bytes = ascii_set(word);
        let mut scratch = Scratch::default();
        let mut best: Option<(usize, &'c str)> = None;
        for c in &self.entries {
            // A candidate farther than the best so far cannot win, so the
            // cheap bounds below are held to that too; most candidates of a
            // large workspace fall to them before the exact distance.
            let allowed = allowed(c.text);
            let limit = best.map_or(allowed, |(d, _)| d.min(allowed));
            // The edit distance is at least the difference in length, at
            // least the number of distinct bytes one word has and the other
            // lacks, and at least the letters one word has and the other
            // lacks: cheapest first.
            if c.chars.abs_diff(length) > limit {
                continue;
            }
            if let (Some(mine), Some(theirs)) = (bytes, c.bytes) {
                let only_one = (mine & !theirs)
                    .count_ones()
                    .max((theirs & !mine).count_ones());
                if only_one as usize > limit {
                    continue;
                }
            }
            if letters
                .as_ref()
                .is_some_and(|l| l.bag_distance(c.text) > limit)
            {
                continue;
            }
            let d = match (bytes, c.bytes) {
                (Some(_), Some(_)) => scratch.distance(word.as_bytes(), c.text.as_bytes()),
                _ => strsim::damerau_levenshtein(word, c.text),
            };
            if d <= allowed
                && d < c.text.len().max(word.len())
                && best.is_none_or(|b| (d, c.text) < b)
            {
                best = Some((d, c.text));
            }
        }
        best.map(|(_, c)| c)
    }
}

/// The Damerau-Levenshtein distance of two ASCII words (adjacent
/// transpositions, substrings edited any number of times): the algorithm
/// strsim uses, Zhao and Sahni's in linear space, with the last row of each
/// byte in an array rather than a hash map, and the rows kept from one call
/// to the next. strsim's builds its map and rows on every call, and a
/// workspace with many misspelt references calls it for thousands of
/// declared names each. Tests compare the two.
#[derive(Default)]
struct Scratch {
    fr: Vec<isize>,
    r1: Vec<isize>,
    r: Vec<isize>,
}

impl Scratch {
    fn distance(&mut self, a: &[u8], b: &[u8]) -> usize {
        let max_val = a.len().max(b.len()) as isize + 1;
        let size = b.len() + 2;
        let mut last_row = [-1isize; 128];
        let (fr, r1, r) = (&mut self.fr, &mut self.r1, &mut self.r);
        fr.clear();
        fr.resize(size, max_val);
        r1.clear();
        r1.resize(size, max_val);
        r.clear();
        r.push(max_val);
        r.extend(0..(size - 1) as isize);
        for (i, &ch1) in (1..).zip(a) {
            std::mem::swap(r, r1);
            let mut last_col: isize = -1;
            let mut last_i2l1 = r[1];
            r[1] = i;
            let mut t = max_val;
            for (j, &ch2) in (1..).zip(b) {
                let diag = r1[j] + isize::from(ch1 != ch2);
                let left = r[j] + 1;
                let up = r1[j + 1] + 1;
                let mut temp = diag.min(left).min(up);
                if ch1 == ch2 {
                    last_col = j as isize;
                    fr[j + 1] = r1[j - 1];
                    t = last_i2l1;
                } else {
                    let k = last_row[usize::from(ch2 & 0x7f)];
                    let l = last_col;
                    if j as isize - l == 1 {
                        temp = temp.min(fr[j + 1] + (i - k));
                    } else if i - k == 1 {
                        temp = temp.min(t + (j as isize - l));
                    }
                }
                last_i2l1 = r[j + 1];
                r[j + 1] = temp;
            }
            last_row[usize::from(ch1 & 0x7f)] = i;
        }
        r[b.len() + 1] as usize
    }
}

/// The set of bytes of an ASCII word, one bit each: letters, digits and `-`
/// have a bit of their own, the rarer bytes share the last. A shared bit can
/// only hide a difference, so the count of bytes in one set and not the other
/// stays at most the edit distance: each such byte is in a character that
/// must be deleted or replaced. `None` for a word with other characters,
/// whose bytes are not characters.
fn ascii_set(word: &str) -> Option<u64> {
    let mut set = 0u64;
    for b in word.bytes() {
        let bit = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + (b - b'0'),
            b'A'..=b'Z' => 36 + (b - b'A'),
            b'-' => 62,
            0..=127 => 63,
            _ => return None,
        };
        set |= 1 << bit;
    }
    Some(set)
}

/// How many times each ASCII byte occurs in a word, and how many bytes that
/// makes; `None` for a word with other characters, or with one byte more
/// than 65,535 times, where the bound below is not used.
struct Letters {
    counts: [u16; 128],
    total: usize,
}

impl Letters {
    fn of(word: &str) -> Option<Letters> {
        let mut counts = [0u16; 128];
        for b in word.bytes() {
            let slot = counts.get_mut(usize::from(b))?;
            // A count that would not fit is no bound at all: no letters.
            *slot = slot.checked_add(1)?;
        }
        let total = counts.iter().map(|&c| usize::from(c)).sum();
        Some(Letters { counts, total })
    }

    /// The larger of the letters only `self` has and those only `other` has
    /// (counted with repetition). Every insertion, deletion or substitution
    /// changes each count by at most one and a transposition changes none,
    /// so this never exceeds the edit distance. A non-ASCII `other` gets 0,
    /// which rules nothing out. One pass over `other`: this runs for every
    /// declared name a misspelling is compared with.
    fn bag_distance(&self, other: &str) -> usize {
        let mut counts = self.counts;
        let mut only_other = 0usize;
        for b in other.bytes() {
            let Some(slot) = counts.get_mut(usize::from(b)) else {
                return 0;
            };
            if *slot > 0 {
                *slot -= 1;
            } else {
                only_other += 1;
            }
        }
        let matched = other.len() - only_other;
        (self.total - matched).max(only_other)
    }
}

/// How many edits still make `candidate` a plausible intended word.
fn allowed(candidate: &str) -> usize {
    2.max(candidate.len() / 3)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_only_near_words() {
        let rules = ["unsupported-claim", "unused-allow", "unused-source"];
        assert_eq!(
            closest("unsuported-claim", rules),
            Some("unsupported-claim")
        );
        assert_eq!(closest("clam", ["claim", "check"]), Some("claim"));
        assert_eq!(closest("zzz", ["claim", "check"]), None);
    }

    /// The letters only one word has, counted the plain way.
    fn bag_distance_by_hand(a: &str, b: &str) -> usize {
        let mut only_a: Vec<char> = a.chars().collect();
        let mut only_b = Vec::new();
        for c in b.chars() {
            match only_a.iter().position(|&x| x == c) {
                Some(k) => {
                    only_a.remove(k);
                }
                None => only_b.push(c),
            }
        }
        only_a.len().max(only_b.len())
    }

    /// The byte-set bound, over the same words as the letter bound below
    /// and a few that share the last bit.
    #[test]
    fn the_byte_set_bound_never_exceeds_the_edit_distance() {
        let words = [
            "claim",
            "clam",
            "calim",
            "c1aim",
            "ca",
            "",
            "x",
            "unsupported-claim",
            "cn-us-share",
            "cn_us.share",
            "a.b",
            "a_b",
            "A-B",
            "claimm-0",
            "claim-1234",
            "q3",
            "Q3",
        ];
        for a in words {
            for b in words {
                let (Some(x), Some(y)) = (super::ascii_set(a), super::ascii_set(b)) else {
                    panic!("{a} and {b} are ASCII");
                };
                let bound = (x & !y).count_ones().max((y & !x).count_ones()) as usize;
                assert!(bound <= strsim::damerau_levenshtein(a, b), "{a} / {b}");
            }
        }
        assert_eq!(super::ascii_set("naïve"), None);
    }

    /// The ASCII distance is strsim's, over words drawn from a small alphabet
    /// so that repeats and transpositions are common.
    #[test]
    fn the_ascii_distance_is_strsims() {
        let alphabet = b"ab-1c";
        let mut picks = crate::testing::Picks::new(0x9e37_79b9_u64);
        let mut next = |n: usize| picks.below(n);
        let mut scratch = super::Scratch::default();
        for _ in 0..20_000 {
            let mut word = |max: usize| -> String {
                (0..next(max + 1))
                    .map(|_| alphabet[next(alphabet.len())] as char)
                    .collect()
            };
            let (a, b) = (word(9), word(9));
            assert_eq!(
                scratch.distance(a.as_bytes(), b.as_bytes()),
                strsim::damerau_levenshtein(&a, &b),
                "{a} / {b}"
            );
        }
        for (a, b) in [
            ("ca", "abc"),
            ("", "abc"),
            ("abc", ""),
            ("", ""),
            ("claimm-0", "claim-10"),
        ] {
            assert_eq!(
                scratch.distance(a.as_bytes(), b.as_bytes()),
                strsim::damerau_levenshtein(a, b)
            );
        }
    }

    /// Prepared candidates give what a plain scan with the exact distance
    /// alone gives.
    #[test]
    fn prepared_candidates_agree_with_the_exact_distance() {
        let names = [
            "claim-1234",
            "claim-0",
            "claimm-1",
            "clam-0",
            "src-4332",
            "ev2-4332",
            "qa-4332",
            "naïve",
            "naive-1",
            "p1-4332",
            "x",
            "claim-10",
        ];
        let prepared = super::Candidates::new(names);
        // The best so far bounds the rest: the answer must not depend on
        // the order the candidates come in.
        let reversed = super::Candidates::new(names.iter().rev().copied());
        let by_hand = |word: &str| {
            names
                .iter()
                .map(|&c| (strsim::damerau_levenshtein(word, c), c))
                .filter(|&(d, c)| d <= super::allowed(c) && d < c.len().max(word.len()))
                .min()
                .map(|(_, c)| c)
        };
        for word in [
            "claimm-0",
            "claim-1",
            "clam-1234",
            "naïve",
            "naive",
            "src-433",
            "zzz",
            "q-4332",
            "x",
            "",
        ] {
            assert_eq!(prepared.closest(word), by_hand(word), "{word}");
            assert_eq!(reversed.closest(word), by_hand(word), "{word}");
        }
    }

    #[test]
    fn a_word_too_long_to_count_has_no_letter_bound() {
        assert!(super::Letters::of(&"a".repeat(65_535)).is_some());
        assert!(super::Letters::of(&"a".repeat(65_536)).is_none());
    }

    #[test]
    fn the_letter_bound_never_exceeds_the_edit_distance() {
        let words = [
            "claim",
            "clam",
            "calim",
            "claims",
            "c1aim",
            "ca",
            "abc",
            "",
            "x",
            "unsupported-claim",
            "unsuported-claim",
            "cn-us-share",
            "cn-us-shar",
            "naïve",
            "naive",
        ];
        for a in words {
            let Some(letters) = super::Letters::of(a) else {
                continue;
            };
            for b in words {
                assert!(
                    letters.bag_distance(b) <= strsim::damerau_levenshtein(a, b),
                    "{a} / {b}"
                );
                if b.is_ascii() {
                    assert_eq!(
                        letters.bag_distance(b),
                        bag_distance_by_hand(a, b),
                        "{a} / {b}"
                    );
                }
            }
        }
    }
}
