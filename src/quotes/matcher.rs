//! Finding many quotes in one text in a single pass (Aho-Corasick), so a
//! long source with hundreds of quotes is scanned once, not once per quote.

use aho_corasick::AhoCorasick;

/// For each pattern, whether it occurs in `text`. Empty patterns never
/// occur: an empty quote states nothing.
pub fn occurrences(text: &str, patterns: &[&str]) -> Vec<bool> {
    let mut found = vec![false; patterns.len()];
    let wanted: Vec<usize> = (0..patterns.len())
        .filter(|&k| !patterns[k].is_empty())
        .collect();
    if wanted.is_empty() {
        return found;
    }
    let automaton = match AhoCorasick::new(wanted.iter().map(|&k| patterns[k])) {
        Ok(a) => a,
        // Only an automaton over the size limit fails to build; fall back
        // to one SIMD substring search per pattern.
        Err(_) => {
            for &k in &wanted {
                found[k] = memchr::memmem::find(text.as_bytes(), patterns[k].as_bytes()).is_some();
            }
            return found;
        }
    };
    let mut remaining = wanted.len();
    // Overlapping search reports every pattern that occurs anywhere, also
    // one that only occurs inside another's match.
    for m in automaton.find_overlapping_iter(text) {
        let k = wanted[m.pattern().as_usize()];
        if !found[k] {
            found[k] = true;
            remaining -= 1;
            if remaining == 0 {
                break;
            }
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
}
