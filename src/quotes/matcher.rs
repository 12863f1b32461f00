//! Finding many quotes in one text in a single pass (Aho-Corasick), so a
//! long source with hundreds of quotes is scanned once, not once per quote.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rustc_hash::FxHashMap;

/// The automaton is built over the quotes' first bytes only, and a match is
/// then confirmed against the whole quote. Building costs in proportion to
/// the patterns' total length, so this keeps it small for long quotes.
const PREFIX_BYTES: usize = 32;

/// For each pattern, whether it occurs in `text`. Empty patterns never
/// occur: an empty quote states nothing.
pub fn occurrences(text: &str, patterns: &[&str]) -> Vec<bool> {
    let mut found = vec![false; patterns.len()];
    // Distinct prefixes, each with the patterns that start with it.
    let mut prefixes: Vec<&str> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    for (k, pattern) in patterns.iter().enumerate() {
        if pattern.is_empty() {
            continue;
        }
        let prefix = &pattern[..pattern.floor_char_boundary(PREFIX_BYTES)];
        let slot = *index.entry(prefix).or_insert_with(|| {
            prefixes.push(prefix);
            members.push(Vec::new());
            prefixes.len() - 1
        });
        members[slot].push(k);
    }
    let mut remaining: usize = members.iter().map(Vec::len).sum();
    if remaining == 0 {
        return found;
    }
    let automaton = match AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&prefixes)
    {
        Ok(a) => a,
        // Only an automaton over the size limit fails to build; fall back
        // to one SIMD substring search per pattern.
        Err(_) => {
            for group in &members {
                for &k in group {
                    found[k] =
                        memchr::memmem::find(text.as_bytes(), patterns[k].as_bytes()).is_some();
                }
            }
            return found;
        }
    };
    // Overlapping search reports every prefix that occurs anywhere, also one
    // that only occurs inside another's match.
    for m in automaton.find_overlapping_iter(text) {
        let rest = &text.as_bytes()[m.start()..];
        for &k in &members[m.pattern().as_usize()] {
            if !found[k] && rest.starts_with(patterns[k].as_bytes()) {
                found[k] = true;
                remaining -= 1;
            }
        }
        if remaining == 0 {
            break;
        }
    }
    found
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
        let head = "a passage that is longer than the prefix the automaton sees";
        let text = format!("{head}, and then one ending");
        let one = format!("{head}, and then one ending");
        let other = format!("{head}, and then another ending");
        assert_eq!(
            occurrences(&text, &[&one, &other, head]),
            vec![true, false, true]
        );
    }

    #[test]
    fn a_prefix_ends_on_a_character_boundary() {
        let pattern = "é".repeat(40);
        let text = format!("x{pattern}y");
        assert_eq!(occurrences(&text, &[&pattern]), vec![true]);
        assert_eq!(occurrences(&"é".repeat(39), &[&pattern]), vec![false]);
    }
}
