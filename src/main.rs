use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // A panic is an internal error: one line on stderr and exit 2, never a
    // backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("argcheck: internal error: {info}");
    }));
    let cli = argcheck::cli::Cli::parse();
    std::panic::catch_unwind(|| argcheck::cli::run(cli)).unwrap_or(ExitCode::from(2))
}
