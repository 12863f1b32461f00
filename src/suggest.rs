//! Did-you-mean suggestions, shared by the parser, the rules and the CLI.

/// The candidate closest to `word` by edit distance, if it is close enough to
/// be what was meant. Ties go to the first in sort order, so the suggestion
/// does not depend on the candidates' order.
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let length = word.chars().count();
    candidates
        .into_iter()
        // The edit distance is at least the difference in length: a cheap
        // bound that skips most candidates of a large workspace.
        .filter(|c| c.chars().count().abs_diff(length) <= allowed(c))
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= allowed(c) && *d < c.len().max(word.len()))
        .min()
        .map(|(_, c)| c)
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
}
