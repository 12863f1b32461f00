//! Writes a generated workspace for benchmarks and scale tests.
//!
//! ```sh
//! cargo run --release --example gen -- --statements 100000 --files 200 --out /tmp/corpus
//! ```

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
    eprintln!(
        "wrote {} statements in {} files, {} bytes, to {}",
        corpus.statements,
        corpus.arg_files.len(),
        corpus.bytes(),
        args.out.display()
    );
    Ok(())
}
