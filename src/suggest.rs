//! Did-you-mean suggestions, shared by the parser, the rules and the CLI.

/// The candidate closest to `word` by edit distance, if it is close enough to
/// be what was meant. Ties go to the first in sort order, so the suggestion
/// does not depend on the candidates' order.
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let length = word.chars().count();
    let letters = Letters::of(word);
    candidates
        .into_iter()
        // The edit distance is at least the difference in length, and at
        // least the letters one word has and the other lacks: cheap bounds
        // that skip most candidates of a large workspace before the exact
        // distance is computed.
        .filter(|c| c.chars().count().abs_diff(length) <= allowed(c))
        .filter(|c| {
            letters
                .as_ref()
                .is_none_or(|l| l.bag_distance(c) <= allowed(c))
        })
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= allowed(c) && *d < c.len().max(word.len()))
        .min()
        .map(|(_, c)| c)
}

/// How many times each ASCII byte occurs in a word, and how many bytes that
/// makes; `None` for a word with other characters, where the bound below is
/// not used.
struct Letters {
    counts: [u16; 128],
    total: usize,
}

impl Letters {
    fn of(word: &str) -> Option<Letters> {
        let mut counts = [0u16; 128];
        for b in word.bytes() {
            let slot = counts.get_mut(usize::from(b))?;
            *slot = slot.saturating_add(1);
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
