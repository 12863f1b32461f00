use clap::Parser;
use std::process::ExitCode;

/// jemalloc rather than the system allocator: the workspace is millions of
/// small allocations made on several threads, where it is faster and keeps
/// less freed memory resident (BENCHMARKS.md, "The allocator").
#[cfg(all(
    feature = "jemalloc",
    not(any(target_env = "msvc", target_os = "openbsd", target_os = "aix"))
))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = argcheck::cli::Cli::parse();
    argcheck::cli::guarded(|| argcheck::cli::run(cli))
}
