//! Writes a generated workspace for benchmarks and scale tests.
//!
//! ```sh
//! cargo run --release --example gen -- --statements 100000 --files 200 --out /tmp/corpus
//! ```
//!
//! `--argdown` also writes `argument.argdown` into `--out`: the claims,
//! premises, evidence, objections and rebuttals of the workspace with their
//! support and attack edges (7 of each block's 14 statements). The `.arg`
//! workspace holds more than that argument (sources, quantities, checks,
//! quotes); `--argdown-twin DIR` writes the Argdown argument alone as `.arg`
//! files into DIR, with the same identifiers, texts and edges, so both tools
//! can be timed on exactly one argument (see `benches/corpus/mod.rs` for how
//! the kinds are mapped).

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use clap::Parser;
use std::path::PathBuf;

#[derive(Parser)]
#[command(about = "Write a generated argcheck workspace")]
struct Args {
    /// About how many statements to write.
    #[arg(long, default_value_t = 10_000)]
    statements: usize,
    /// How many `.arg` files to spread them over.
    #[arg(long, default_value_t = 10)]
    files: usize,
    /// Alternatively: about how many megabytes of input to write (overrides
    /// `--statements`).
    #[arg(long)]
    megabytes: Option<usize>,
    /// The directory to write to.
    #[arg(long)]
    out: PathBuf,
    /// Also write the same argument as `argument.argdown`.
    #[arg(long)]
    argdown: bool,
    /// With `--argdown`: also write the Argdown argument alone, as `.arg`
    /// files, into this directory.
    #[arg(long, value_name = "DIR", requires = "argdown")]
    argdown_twin: Option<PathBuf>,
    /// The random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let statements = match args.megabytes {
        Some(mb) => {
            // Measure the bytes per statement on a small sample, then scale.
            let sample = corpus::generate(corpus::BLOCK * 100, 1, args.seed, false);
            mb * 1_000_000 * sample.statements / sample.bytes().max(1)
        }
        None => args.statements,
    };
    let corpus = corpus::generate(statements, args.files, args.seed, args.argdown);
    corpus.write(&args.out)?;
    if let Some(twin) = &args.argdown_twin {
        corpus.write_argdown_twin(twin)?;
        eprintln!(
            "wrote the Argdown argument alone in {} files, {} bytes, to {}",
            corpus.argdown_twin.len(),
            corpus
                .argdown_twin
                .iter()
                .map(|(_, t)| t.len())
                .sum::<usize>(),
            twin.display()
        );
    }
    eprintln!(
        "wrote {} statements in {} files, {} bytes, to {}",
        corpus.statements,
        corpus.arg_files.len(),
        corpus.bytes(),
        args.out.display()
    );
    Ok(())
}
