//! The command line: parses arguments, runs the library, writes reports and
//! decides the exit code. Exit codes: 0 clean, 1 findings that fail the run,
//! 2 usage or internal errors.

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
    /// Draw the argument map (DOT, SVG, PNG, PDF, Mermaid, JSON or AIF), each
    /// statement coloured by whether it stands.
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
pub struct MapArgs {
    /// Files and directories to draw.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write the map to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Output format; svg, png and pdf run Graphviz's `dot`.
    #[arg(long, value_enum, default_value_t = MapFormat::Dot)]
    pub format: MapFormat,
    /// Group statements into boxes by file or by first tag.
    #[arg(long, value_enum, default_value_t = MapCluster::None)]
    pub cluster: MapCluster,
    /// Which way support flows: LR puts conclusions on the right, BT at the
    /// top, TB at the bottom.
    #[arg(long, value_enum, ignore_case = true, default_value_t = MapDirection::Lr)]
    pub direction: MapDirection,
    /// Draw only the statements near this one (see --depth).
    #[arg(long, value_name = "ID", conflicts_with = "only_findings")]
    pub focus: Option<String>,
    /// With --focus: how many support or attack steps away to draw.
    #[arg(long, value_name = "N", default_value_t = 2, requires = "focus")]
    pub depth: usize,
    /// Draw only statements with findings, and those that link two of them.
    #[arg(long)]
    pub only_findings: bool,
    /// Draw sources as nodes with their `cites` and `quote` edges (otherwise
    /// each statement names its sources in its box).
    #[arg(long)]
    pub sources: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MapFormat {
    Dot,
    Svg,
    Png,
    Pdf,
    Mermaid,
    Json,
    Aif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MapCluster {
    File,
    Tag,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MapDirection {
    #[value(name = "TB")]
    Tb,
    #[value(name = "BT")]
    Bt,
    #[value(name = "LR")]
    Lr,
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
    let ws = load(&args.paths)?;
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
    use crate::export::{Cluster, Direction, DrawOptions, render, view};
    let ws = load(&args.paths)?;
    let (outcome, labelling) =
        crate::rules::check_and_label(&ws, &crate::numeric::NumberSettings::default());
    let selection = match (&args.focus, args.only_findings) {
        (Some(id), _) => view::Selection::Focus {
            id: id.clone(),
            depth: args.depth,
        },
        (None, true) => view::Selection::OnlyFindings,
        (None, false) => view::Selection::All,
    };
    let map = view::MapView::build(&ws, &outcome, &labelling, &selection).map_err(UsageError)?;
    let options = DrawOptions {
        cluster: match args.cluster {
            MapCluster::File => Cluster::File,
            MapCluster::Tag => Cluster::Tag,
            MapCluster::None => Cluster::None,
        },
        direction: match args.direction {
            MapDirection::Tb => Direction::TopToBottom,
            MapDirection::Bt => Direction::BottomToTop,
            MapDirection::Lr => Direction::LeftToRight,
        },
        sources: args.sources,
    };
    let bytes = match args.format {
        MapFormat::Dot => crate::export::dot::to_dot(&map, &options).into_bytes(),
        MapFormat::Mermaid => crate::export::mermaid::to_mermaid(&map, &options).into_bytes(),
        MapFormat::Json => crate::export::json::to_json(&map).into_bytes(),
        MapFormat::Aif => crate::export::aif::to_aif(&map).into_bytes(),
        MapFormat::Svg | MapFormat::Png | MapFormat::Pdf => {
            let format = match args.format {
                MapFormat::Svg => "svg",
                MapFormat::Png => "png",
                _ => "pdf",
            };
            let dot = crate::export::dot::to_dot(&map, &options);
            render::render(&dot, format).map_err(|e| UsageError(e.to_string()))?
        }
    };
    match &args.output {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|e| UsageError(format!("cannot write {}: {e}", path.display())))?,
        None => {
            let mut out = std::io::stdout().lock();
            emit(out.write_all(&bytes).and_then(|()| out.flush()))?;
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
