//! `quote-not-found`: quotes verified against their source's text.

use super::{Context, Sink, declare_rule};
use crate::model::{DocId, Quote};
use crate::quotes::{Passage, WordIndex, normalize_quote, occurrences};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

declare_rule! {
    /// ## What it does
    /// Reports a `quote` that does not occur in the text of its source's
    /// `file`. Both sides are normalised first: Unicode NFC, runs of
    /// whitespace folded to one space, curly quotes and apostrophes made
    /// straight, dashes made `-`. Matching is case-sensitive.
    ///
    /// ## Why it matters
    /// A quote is the anchor of a claim in its source. One that is not in the
    /// source, even by a word, misrepresents it, and readers who check it
    /// lose trust in everything else.
    ///
    /// ## Example
    /// ```text
    /// source essay "Make efforts for the construction of international cyberspace rules"
    ///   date 2016
    ///   file "sources/essay.txt"
    ///
    /// quantity world-users = 3.366 billion users
    ///   quote essay "there were 3.366 billion Internet users worldwide"
    /// ```
    /// The essay writes "internet" in lower case. The help shows the closest
    /// passage of the source and the first word that differs; copy the
    /// passage as it stands.
    pub static QUOTE_NOT_FOUND = ("quote-not-found", Error, Some(quote_not_found));
}

/// Passages longer than this are shortened in the help.
const MAX_PASSAGE_CHARS: usize = 300;

fn quote_not_found(ctx: &Context<'_>, sink: &mut Sink) {
    let ws = ctx.ws;
    let mut documents_of: FxHashMap<usize, Vec<DocId>> = FxHashMap::default();
    for r in &ws.document_refs {
        let docs = documents_of.entry(r.source).or_default();
        if ws.documents[r.document].text().is_some() && !docs.contains(&r.document) {
            docs.push(r.document);
        }
    }
    // The quotes to verify, each in normal form, grouped by document so that
    // every document is scanned once for all of its quotes. Documents are
    // scanned in parallel; each quote's verdict does not depend on the order.
    let quotes: Vec<(&Quote, String, &[DocId])> = ws
        .relations
        .quotes
        .par_iter()
        .filter_map(|q| {
            let docs = documents_of.get(&q.source)?;
            (!docs.is_empty()).then(|| (q, normalize_quote(q.text(ws)), docs.as_slice()))
        })
        .collect();
    let mut by_document: FxHashMap<DocId, Vec<usize>> = FxHashMap::default();
    for (k, (_, _, docs)) in quotes.iter().enumerate() {
        for &d in *docs {
            by_document.entry(d).or_default().push(k);
        }
    }
    let mut scanned: Vec<(DocId, Vec<usize>)> = by_document.into_iter().collect();
    scanned.sort_unstable();
    let hits: Vec<Vec<bool>> = scanned
        .par_iter()
        .map(|(d, ks)| match ws.documents[*d].text() {
            Some(text) => {
                let patterns: Vec<&str> = ks.iter().map(|&k| quotes[k].1.as_str()).collect();
                occurrences(&text.text, &patterns)
            }
            None => Vec::new(),
        })
        .collect();
    let mut found = vec![false; quotes.len()];
    for ((_, ks), hits) in scanned.iter().zip(&hits) {
        for (&k, &hit) in ks.iter().zip(hits) {
            found[k] |= hit;
        }
    }
    drop(hits);
    drop(scanned);

    // Each document of a quote not found is indexed once, and each such
    // quote looks there for its closest passage. A thread holds one index at
    // a time and drops it once the document's quotes are done: an index is
    // larger than its document, and holding all of them at once set the
    // peak memory of a large workspace. A quote whose source has several
    // documents is looked for in each; the first one in order wins.
    let missing: Vec<usize> = (0..quotes.len())
        .filter(|&k| !found[k] && !quotes[k].1.is_empty())
        .collect();
    let mut missing_in: FxHashMap<DocId, Vec<usize>> = FxHashMap::default();
    for &k in &missing {
        for &d in quotes[k].2 {
            missing_in.entry(d).or_default().push(k);
        }
    }
    let mut indexed: Vec<(DocId, Vec<usize>)> = missing_in.into_iter().collect();
    indexed.sort_unstable();
    let passages: FxHashMap<(usize, DocId), Passage> = indexed
        .par_iter()
        .map(|(d, ks)| {
            let Some(text) = ws.documents[*d].text() else {
                return Vec::new();
            };
            let wanted: Vec<&str> = ks.iter().map(|&k| quotes[k].1.as_str()).collect();
            let index = WordIndex::new(text, &wanted);
            ks.iter()
                .filter_map(|&k| Some(((k, *d), index.closest(&quotes[k].1)?)))
                .collect::<Vec<_>>()
        })
        .flatten()
        .collect();
    let mut helps: Vec<Option<String>> = vec![None; quotes.len()];
    let computed: Vec<String> = missing
        .par_iter()
        .map(|&k| {
            let (_, _, docs) = &quotes[k];
            // The first of the source's documents that has a close passage.
            let best = docs.iter().find_map(|&d| Some((d, passages.get(&(k, d))?)));
            match best {
                Some((d, passage)) => {
                    let mut help = format!(
                        "the closest passage ({}:{}) reads: \"{}\"",
                        ws.documents[d].display(),
                        passage.origin.line,
                        shorten(&passage.text)
                    );
                    if let Some((quoted, written)) = &passage.first_difference {
                        help.push_str(&format!(
                            "\nthe quote has `{quoted}` where the source has `{written}`"
                        ));
                    }
                    help
                }
                None => format!(
                    "no passage of `{}` resembles it; check the source or the quote",
                    ws.documents[docs[0]].display()
                ),
            }
        })
        .collect();
    for (&k, help) in missing.iter().zip(computed) {
        helps[k] = Some(help);
    }

    for (k, (quote, normal, docs)) in quotes.iter().enumerate() {
        if found[k] {
            continue;
        }
        let source = ws.name(quote.source).unwrap_or_default();
        let first = &ws.documents[docs[0]];
        if normal.is_empty() {
            sink.report(
                quote.loc,
                "empty quote",
                format!("the quote from `{source}` is empty"),
                Some("quote the passage of the source that states this".into()),
                Some(quote.from),
            );
            continue;
        }
        let Some(help) = helps[k].take() else {
            continue;
        };
        sink.report(
            quote.loc,
            "not in the source's text",
            format!(
                "quote not found in `{}` (source `{source}`)",
                first.display()
            ),
            Some(help.into()),
            Some(quote.from),
        );
    }
}

/// Long passages keep their start and end.
fn shorten(passage: &str) -> String {
    let count = passage.chars().count();
    if count <= MAX_PASSAGE_CHARS {
        return passage.to_owned();
    }
    let half = MAX_PASSAGE_CHARS / 2;
    let head: String = passage.chars().take(half).collect();
    let tail: String = passage.chars().skip(count - half).collect();
    format!("{head} … {tail}")
}
