use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = argcheck::cli::Cli::parse();
    argcheck::cli::guarded(|| argcheck::cli::run(cli))
}
