//! A generated workspace with a realistic mix of statements, for benchmarks
//! and scale tests: sources with local text files and quotes, evidence,
//! quantities and the checks that relate them, premises and claims with linked
//! and convergent support, attacks, contradictions and references across
//! files, plus a few seeded findings. Deterministic for a given seed.
//!
//! Shared by `examples/gen.rs` and the benches (`#[path]`-included), so both
//! measure the same kind of input.
//!
//! With Argdown on, each block also yields its argument in Argdown, and the
//! same argument alone in `.arg` (the "Argdown twin"), so both tools can be
//! timed on one argument. Per block that is 7 statements: the claim, two
//! premises each supported by one piece of evidence (Argdown arguments
//! `<ev-N>`, `<ev2-N>`), an objection attacking the claim, a rebuttal
//! attacking the objection, and the previous block's claim supporting this
//! one. The twin keeps Argdown's identifiers, texts and edges and adds
//! nothing: no sources, quantities, checks, quotes, tags or `assumed`, so
//! argcheck reports its evidence as uncited and its objections as
//! unsupported. Kinds: the root of each block is a `claim`, the other
//! bracketed statements are `premise`s, the arguments are `evidence`. The
//! twin is split into the same `part-NNNNN.arg` files as the workspace.

#![allow(dead_code)]

use std::fmt::Write;
use std::path::Path;

/// Statements in one block; a block is the unit the generator repeats.
pub const BLOCK: usize = 14;

/// One block in this many carries a seeded finding.
const SEED_EVERY: usize = 97;

const WORDS: &[&str] = &[
    "governance",
    "cyberspace",
    "sovereignty",
    "internet",
    "users",
    "security",
    "cooperation",
    "rules",
    "countries",
    "platform",
    "framework",
    "agreement",
    "data",
    "protection",
    "stakeholders",
    "community",
    "development",
    "trust",
    "multilateral",
    "dialogue",
    "conference",
    "policy",
    "network",
    "transition",
    "stewardship",
    "accountability",
    "reform",
    "privacy",
    "transparency",
    "order",
    "the",
    "of",
    "and",
    "in",
    "for",
    "with",
    "a",
    "on",
    "to",
    "between",
];

/// A generated workspace: `.arg` files and source text files, by relative
/// path, and optionally the same argument in Argdown.
pub struct Corpus {
    pub arg_files: Vec<(String, String)>,
    pub documents: Vec<(String, String)>,
    pub argdown: Option<String>,
    /// The Argdown argument alone as `.arg` files, by relative path (empty
    /// unless Argdown is on).
    pub argdown_twin: Vec<(String, String)>,
    pub statements: usize,
}

impl Corpus {
    /// Total bytes of `.arg` text and source documents.
    pub fn bytes(&self) -> usize {
        self.arg_files.iter().map(|(_, t)| t.len()).sum::<usize>()
            + self.documents.iter().map(|(_, t)| t.len()).sum::<usize>()
    }

    /// Writes the corpus below `dir` (and `argument.argdown` when present).
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir.join("sources"))?;
        for (path, text) in self.arg_files.iter().chain(&self.documents) {
            std::fs::write(dir.join(path), text)?;
        }
        if let Some(argdown) = &self.argdown {
            std::fs::write(dir.join("argument.argdown"), argdown)?;
        }
        Ok(())
    }

    /// Writes the Argdown twin's `.arg` files below `dir`.
    pub fn write_argdown_twin(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (path, text) in &self.argdown_twin {
            std::fs::write(dir.join(path), text)?;
        }
        Ok(())
    }
}

struct Gen {
    rng: fastrand::Rng,
}

impl Gen {
    fn sentence(&mut self, words: usize) -> String {
        let mut s = String::new();
        for k in 0..words {
            if k > 0 {
                s.push(' ');
            }
            s.push_str(WORDS[self.rng.usize(..WORDS.len())]);
        }
        s
    }
}

/// Generates about `statements` statements spread over `files` files.
pub fn generate(statements: usize, files: usize, seed: u64, argdown: bool) -> Corpus {
    let files = files.max(1);
    let blocks = statements.div_ceil(BLOCK).max(1);
    let per_file = blocks.div_ceil(files);
    let mut g = Gen {
        rng: fastrand::Rng::with_seed(seed),
    };
    let mut corpus = Corpus {
        arg_files: Vec::new(),
        documents: Vec::new(),
        argdown: argdown.then(String::new),
        argdown_twin: Vec::new(),
        statements: 0,
    };
    let mut block = 0;
    for f in 0..files {
        let first = f * per_file;
        let last = ((f + 1) * per_file).min(blocks);
        if first >= last {
            break;
        }
        // The file's source text: one paragraph per block, quoted from.
        let mut document = String::new();
        let mut arg = String::new();
        let mut twin = String::new();
        for b in first..last {
            write_block(&mut g, &mut corpus, &mut arg, &mut document, f, b);
            if argdown {
                write_twin_block(&mut twin, b);
            }
            block += 1;
        }
        if argdown {
            corpus.argdown_twin.push((format!("part-{f:05}.arg"), twin));
        }
        corpus.arg_files.push((format!("part-{f:05}.arg"), arg));
        corpus
            .documents
            .push((format!("sources/part-{f:05}.txt"), document));
    }
    debug_assert_eq!(block, blocks);
    corpus
}

fn write_block(
    g: &mut Gen,
    corpus: &mut Corpus,
    arg: &mut String,
    document: &mut String,
    f: usize,
    b: usize,
) {
    // Seeded blocks take turns: a misquote, a figure that does not add up,
    // uncited evidence, an unsupported claim.
    let seeded = (b % SEED_EVERY == SEED_EVERY - 1).then_some((b / SEED_EVERY) % 4);
    let id = |name: &str| format!("{name}-{b}");
    // The paragraph of the source text this block quotes.
    let quoted = g.sentence(12);
    let paragraph = format!(
        "{} {}.\nBy December 2015 there were {} million users.\n{}.\n\n",
        g.sentence(20),
        quoted,
        100 + b % 900,
        g.sentence(25)
    );
    document.push_str(&paragraph);
    let quote = if seeded == Some(0) {
        // A misquote: one word changed.
        quoted.replacen(' ', " not ", 1)
    } else {
        quoted.clone()
    };

    let a = 100 + g.rng.u64(..900);
    let c = 50 + g.rng.u64(..400);
    let total = 2000 + g.rng.u64(..2000);
    // The share in hundredths of a percent, rounded half up: consistent with
    // the figures as written, unless this block is seeded with an error.
    let mut share = ((a + c) * 100_000 / total + 5) / 10;
    if seeded == Some(1) {
        share += 100;
    }
    let year = 2000 + (b % 16);
    let text = |g: &mut Gen| g.sentence(10);

    let _ = write!(
        arg,
        "source {src} \"Report {b} on cyberspace governance\"\n  by \"Author {author}\"\n  date {year}-{month:02}\n  kind report\n  file \"sources/part-{f:05}.txt\"\n\n",
        src = id("src"),
        author = b % 50,
        month = 1 + b % 12,
    );
    let _ = write!(
        arg,
        "evidence {ev} \"{t}\"\n  cites {src} at \"p. {page}\"\n  quote {src} \"{quote}\"\n\n",
        ev = id("ev"),
        t = text(g),
        src = id("src"),
        page = 1 + b % 300,
    );
    let evidence_cites = if seeded == Some(2) {
        String::new()
    } else {
        format!("  cites {}\n", id("src"))
    };
    let _ = write!(
        arg,
        "evidence {ev} \"{t}\"\n{evidence_cites}  tags block-{tag}\n\n",
        ev = id("ev2"),
        t = text(g),
        tag = b % 10,
    );
    for (name, value) in [("qa", a), ("qc", c), ("qt", total)] {
        let _ = write!(
            arg,
            "quantity {q} = {value} million users\n  as-of 2015-12\n  cites {src}\n\n",
            q = id(name),
            src = id("src"),
        );
    }
    let _ = write!(
        arg,
        "quantity {q} = {whole}.{frac:02} %\n  cites {src}\n\n",
        q = id("share"),
        whole = share / 100,
        frac = share % 100,
        src = id("src"),
    );
    let _ = write!(
        arg,
        "check {ck}: {share} = ({qa} + {qc}) / {qt}\n\ncheck {order}: {qc} < {qt}\n\n",
        ck = id("adds-up"),
        order = id("within"),
        share = id("share"),
        qa = id("qa"),
        qc = id("qc"),
        qt = id("qt"),
    );
    let _ = write!(
        arg,
        "premise {p1} \"{t1}\"\n  supported-by {ev}\n  quote {src} \"{quoted}\"\n\npremise {p2} \"{t2}\"\n  supported-by {ev2} + {ck}, {qa}\n\n",
        p1 = id("p1"),
        p2 = id("p2"),
        t1 = text(g),
        t2 = text(g),
        ev = id("ev"),
        ev2 = id("ev2"),
        ck = id("adds-up"),
        qa = id("qa"),
        src = id("src"),
    );
    // The objection: an assumed premise attacking this block's claim, and
    // answered by the next block's rebuttal.
    let _ = write!(
        arg,
        "premise {obj} \"{t}\"\n  assumed \"a common objection\"\n  attacks {claim}\n\n",
        obj = id("objection"),
        t = text(g),
        claim = id("claim"),
    );
    let support = if seeded == Some(3) {
        String::new()
    } else {
        format!("  supported-by {}, {} + {}\n", id("p1"), id("p2"), id("ev"))
    };
    let _ = write!(
        arg,
        "claim {claim} \"{t}\"\n{support}",
        claim = id("claim"),
        t = text(g),
    );
    if b > 0 && seeded != Some(3) {
        // Builds on the previous block's claim, which may be in another file.
        let _ = writeln!(arg, "  supported-by claim-{}", b - 1);
    }
    arg.push('\n');
    let _ = write!(
        arg,
        "premise {reb} \"{t}\"\n  supported-by {ev}\n  attacks {obj}\n",
        reb = id("rebuttal"),
        t = text(g),
        ev = id("ev"),
        obj = id("objection"),
    );
    if b % 10 == 3 {
        let _ = writeln!(arg, "  contradicts {}", id("p2"));
    }
    arg.push('\n');
    corpus.statements += BLOCK;

    if let Some(ad) = corpus.argdown.as_mut() {
        let _ = write!(
            ad,
            "[claim-{b}]: Claim {b}.\n  + [p1-{b}]: Premise one of {b}.\n    + <ev-{b}>: Evidence {b}.\n  + [p2-{b}]: Premise two of {b}.\n    + <ev2-{b}>: Evidence two of {b}.\n  - [objection-{b}]: Objection {b}.\n    - [rebuttal-{b}]: Rebuttal {b}.\n"
        );
        if b > 0 {
            let _ = writeln!(ad, "  + [claim-{}]", b - 1);
        }
        ad.push('\n');
    }
}

/// Block `b` of the Argdown argument in `.arg`: the statements, texts and
/// edges `write_block` writes in Argdown, in the same order, and nothing else.
fn write_twin_block(twin: &mut String, b: usize) {
    let _ = write!(
        twin,
        "claim claim-{b} \"Claim {b}.\"\n  supported-by p1-{b}, p2-{b}"
    );
    if b > 0 {
        let _ = write!(twin, ", claim-{}", b - 1);
    }
    let _ = write!(
        twin,
        "\n  attacked-by objection-{b}\n\n\
         premise p1-{b} \"Premise one of {b}.\"\n  supported-by ev-{b}\n\n\
         evidence ev-{b} \"Evidence {b}.\"\n\n\
         premise p2-{b} \"Premise two of {b}.\"\n  supported-by ev2-{b}\n\n\
         evidence ev2-{b} \"Evidence two of {b}.\"\n\n\
         premise objection-{b} \"Objection {b}.\"\n  attacked-by rebuttal-{b}\n\n\
         premise rebuttal-{b} \"Rebuttal {b}.\"\n\n"
    );
}
