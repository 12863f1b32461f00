//! The command line: parses arguments, runs the library, writes reports and
//! decides the exit code. Exit codes: 0 clean, 1 findings that fail the run,
//! 2 usage or internal errors.

use crate::export::dot::to_dot;
use crate::finding::Severity;
use crate::input::{UsageError, load};
use crate::report::Reporter;
use crate::report::human::HumanReporter;
use crate::report::json::JsonReporter;
use crate::rules::{RULES, check, rule};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "argcheck",
    version,
    about = "Argument mapping and claim checking: a linter for claims, evidence, sources and figures",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// With no subcommand, `argcheck PATH...` is `argcheck check PATH...`.
    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check `.arg` files and report findings (the default).
    Check(CheckArgs),
    /// Draw the argument as a Graphviz map (DOT).
    Map(MapArgs),
    /// Show the arithmetic of every check and `same-as`: both intervals, the
    /// verdict and the reading that decided.
    Numbers(NumbersArgs),
    /// Print a rule's documentation.
    Explain {
        /// The rule's name, such as `unsupported-claim`.
        rule: String,
    },
    /// List every rule with its default severity.
    Rules,
    /// Rewrite `.arg` files in the canonical layout; with no path, format
    /// standard input to standard output.
    Fmt(FmtArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and directories to check; directories are searched for `.arg` files.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long, value_enum)]
    pub deny: Option<Deny>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Let sources' `file` clauses name files outside the directories given
    /// (by default that is the finding `source-file-outside-workspace`).
    #[arg(long)]
    pub allow_outside_files: bool,
}

#[derive(Debug, Args)]
pub struct NumbersArgs {
    /// Files and directories to read.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Files and directories to format; directories are searched for `.arg` files.
    pub paths: Vec<PathBuf>,
    /// Write nothing; print a unified diff and exit 1 if a file would change.
    #[arg(long)]
    pub check: bool,
    /// Fold strings so that lines stay within this many characters.
    #[arg(long, default_value_t = crate::format::DEFAULT_WIDTH as u16, value_parser = clap::value_parser!(u16).range(20..))]
    pub width: u16,
}

#[derive(Debug, Args)]
pub struct MapArgs {
    /// Files and directories to draw.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write the map to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// Runs `body`, turning a panic into an internal error: one line on stderr
/// and exit 2, never a backtrace.
pub fn guarded(body: impl FnOnce() -> ExitCode + std::panic::UnwindSafe) -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("argcheck: internal error: {info}");
    }));
    std::panic::catch_unwind(body).unwrap_or(ExitCode::from(2))
}

/// Runs the command line; never panics past this point (the binary catches
/// panics and reports them as internal errors).
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        None => run_check(&cli.check),
        Some(Command::Check(args)) => run_check(&args),
        Some(Command::Map(args)) => run_map(&args),
        Some(Command::Numbers(args)) => run_numbers(&args),
        Some(Command::Explain { rule: name }) => explain(&name),
        Some(Command::Rules) => list_rules(),
        Some(Command::Fmt(args)) => {
            crate::format::command::run(&crate::format::command::FmtRequest {
                paths: args.paths,
                check: args.check,
                options: crate::format::FormatOptions {
                    width: usize::from(args.width),
                },
            })
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("argcheck: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Output written; a reader that closed the pipe early (`| head`) is not an
/// error.
fn emit(result: std::io::Result<()>) -> Result<(), UsageError> {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(UsageError(format!("cannot write to stdout: {e}")))
        }
        _ => Ok(()),
    }
}

fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            !no_color && std::io::stdout().is_terminal()
        }
    }
}

fn run_check(args: &CheckArgs) -> Result<ExitCode, UsageError> {
    if args.paths.is_empty() {
        return Err(UsageError(
            "no paths given; try `argcheck claims/`".to_owned(),
        ));
    }
    let mut ws = load(&args.paths)?;
    ws.file_access.allow_outside = args.allow_outside_files;
    let outcome = check(&ws);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Human => HumanReporter {
            color: use_color(args.color),
            width: 100,
        }
        .report(&ws, &outcome, &mut out),
        Format::Json => JsonReporter.report(&ws, &outcome, &mut out),
    };
    emit(written.and_then(|()| out.flush()))?;
    let fails = outcome.findings.iter().any(|f| {
        f.severity == Severity::Error
            || (args.deny == Some(Deny::Warnings) && f.severity == Severity::Warning)
    });
    Ok(if fails {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_map(args: &MapArgs) -> Result<ExitCode, UsageError> {
    let ws = load(&args.paths)?;
    let outcome = check(&ws);
    let dot = to_dot(&ws, &outcome.findings);
    match &args.output {
        Some(path) => std::fs::write(path, dot)
            .map_err(|e| UsageError(format!("cannot write {}: {e}", path.display())))?,
        None => {
            let mut out = std::io::stdout().lock();
            emit(out.write_all(dot.as_bytes()).and_then(|()| out.flush()))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_numbers(args: &NumbersArgs) -> Result<ExitCode, UsageError> {
    let ws = load(&args.paths)?;
    let evaluated =
        crate::rules::numbers::evaluate(&ws, &crate::numeric::NumberSettings::default());
    let rows = crate::report::numbers::rows(&ws, &evaluated);
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        Format::Human => crate::report::numbers::write_table(&rows, &mut out),
        Format::Json => serde_json::to_writer_pretty(&mut out, &rows)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(out)),
    };
    emit(written.and_then(|()| out.flush()))?;
    Ok(ExitCode::SUCCESS)
}

fn explain(name: &str) -> Result<ExitCode, UsageError> {
    let Some(r) = rule(name) else {
        let hint = crate::suggest::closest(name, RULES.iter().map(|r| r.name))
            .map(|near| format!("; did you mean `{near}`?"))
            .unwrap_or_default();
        return Err(UsageError(format!("unknown rule `{name}`{hint}")));
    };
    let text = format!("# {} ({})\n\n{}", r.name, r.severity, unindent(r.doc));
    emit(std::io::stdout().lock().write_all(text.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

/// Doc comments keep the space after `///`; drop it for printing.
fn unindent(doc: &str) -> String {
    doc.lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn list_rules() -> Result<ExitCode, UsageError> {
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut text = String::new();
    for r in RULES {
        text.push_str(&format!(
            "{:width$}  {:7}  {}\n",
            r.name,
            r.severity.as_str(),
            r.summary()
        ));
    }
    emit(std::io::stdout().lock().write_all(text.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_an_internal_error_with_exit_2() {
        let code = guarded(|| panic!("a bug"));
        let _ = std::panic::take_hook();
        assert_eq!(format!("{code:?}"), format!("{:?}", ExitCode::from(2)));
        let code = guarded(|| ExitCode::SUCCESS);
        let _ = std::panic::take_hook();
        assert_eq!(format!("{code:?}"), format!("{:?}", ExitCode::SUCCESS));
    }
}
