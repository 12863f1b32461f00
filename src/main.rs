use clap::Parser;
use std::process::ExitCode;

// Parsing and resolving a large workspace makes millions of small
// allocations; mimalloc serves them markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = argcheck::cli::Cli::parse();
    argcheck::cli::guarded(|| argcheck::cli::run(cli))
}
