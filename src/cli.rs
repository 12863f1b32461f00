//! The command line: parses arguments, runs the library, writes reports and
//! decides the exit code. Exit codes: 0 clean, 1 findings that fail the run,
//! 2 usage, configuration or internal errors.

use crate::config::{Config, ConfigError};
use crate::finding::Severity;
use crate::input::{UsageError, Walk, load_with};
use crate::model::Workspace;
use crate::report::Reporter;
use crate::report::concise::ConciseReporter;
use crate::report::github::GithubReporter;
use crate::report::gitlab::GitlabReporter;
use crate::report::human::{HumanReporter, summary_line};
use crate::report::json::JsonReporter;
use crate::report::json_lines::JsonLinesReporter;
use crate::report::junit::JunitReporter;
use crate::report::sarif::SarifReporter;
use crate::rules::{Outcome, RULES, rule};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
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
    /// Rewrite `.arg` files in the canonical layout; with no path, format
    /// standard input to standard output.
    Fmt(FmtArgs),
    /// Write a commented starter `argcheck.yaml`.
    Init(InitArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a man directory.
    Man,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The directory to write `argcheck.yaml` in.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Replace an existing `argcheck.yaml`.
    #[arg(long)]
    pub force: bool,
}

/// The formats of `check`; each is one reporter over the same findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Diagnostics with the source line and a labelled span.
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// One JSON document (findings, acknowledged findings, summary).
    Json,
    /// One JSON object per finding and line.
    JsonLines,
    /// GitHub Actions workflow commands, shown as annotations.
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// JUnit XML.
    Junit,
}

impl OutputFormat {
    /// Machine formats keep stdout for the report alone: the summary and
    /// `--stats` go to stderr.
    fn is_machine(self) -> bool {
        !matches!(self, OutputFormat::Human | OutputFormat::Concise)
    }
}

/// The lowest severity that fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Note,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Note => Severity::Note,
        }
    }
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
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Write the report to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// The configuration file; by default the nearest `argcheck.yaml` in the
    /// first path's directory or its parents.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Fail (exit 1) on findings of this severity or above [default: error].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,
    /// Fail (exit 1) on warnings too: the same as `--fail-on warning`.
    #[arg(long, value_enum)]
    pub deny: Option<Deny>,
    /// Exit 0 whatever the findings (usage and configuration errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Also list acknowledged findings with their reasons (human and json
    /// output always do).
    #[arg(long)]
    pub show_allowed: bool,
    /// Print the number of findings per rule.
    #[arg(long)]
    pub stats: bool,
    /// Report `allow` clauses that acknowledge nothing (the default).
    #[arg(long, overrides_with = "no_report_unused_allows")]
    pub report_unused_allows: bool,
    /// Do not report `allow` clauses that acknowledge nothing.
    #[arg(long, overrides_with = "report_unused_allows")]
    pub no_report_unused_allows: bool,
    /// Print every `allow` with its reason and what it acknowledges, instead
    /// of the findings, so reviewers can audit what was waved through.
    #[arg(long)]
    pub list_allows: bool,
    /// Walk directories without honouring `.gitignore` and `.ignore`, and
    /// enter hidden directories.
    #[arg(long)]
    pub no_ignore: bool,
    /// Run the whole check (reading, parsing, every rule, the report) on N
    /// threads [default: one per core]. The output does not depend on it.
    #[arg(short = 'j', long = "threads", value_name = "N")]
    pub threads: Option<usize>,
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
    /// The configuration file whose `numbers:` settings apply; by default
    /// the nearest `argcheck.yaml`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
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
    /// The configuration file whose rule levels and `numbers:` settings
    /// decide the findings and labels drawn; by default the nearest
    /// `argcheck.yaml`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
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
        Some(Command::Fmt(args)) => {
            crate::format::command::run(&crate::format::command::FmtRequest {
                paths: args.paths,
                check: args.check,
                options: crate::format::FormatOptions {
                    width: usize::from(args.width),
                },
            })
        }
        Some(Command::Init(args)) => init(&args),
        Some(Command::Completions { shell }) => completions(shell),
        Some(Command::Man) => man(),
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

/// The configuration of a run: `--config FILE`, else the nearest
/// `argcheck.yaml` above the first path, else the defaults.
fn configuration(explicit: Option<&Path>, paths: &[PathBuf]) -> Result<Config, Box<ConfigError>> {
    // A discovered file is named relative to the working directory when it
    // lies below it, as the checked files are.
    let cwd = std::env::current_dir().ok();
    let found = match explicit {
        Some(path) => Some(path.to_path_buf()),
        None => paths
            .first()
            .and_then(|p| Config::discover(p))
            .map(|found| {
                cwd.as_deref()
                    .and_then(|cwd| found.strip_prefix(cwd).ok())
                    .map_or_else(|| found.clone(), Path::to_path_buf)
            }),
    };
    match found {
        Some(path) => Config::load(&path),
        None => Ok(Config::defaults(
            std::env::current_dir().unwrap_or_default(),
        )),
    }
}

/// Shows a configuration error on stderr; it exits 2 like a usage error.
fn config_failure(e: &ConfigError, color: Color) -> ExitCode {
    let color = match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            !no_color && std::io::stderr().is_terminal()
        }
    };
    eprint!("{}", e.render(color));
    ExitCode::from(2)
}

fn run_check(args: &CheckArgs) -> Result<ExitCode, UsageError> {
    match args.threads {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| UsageError(format!("cannot start {n} threads: {e}")))?
            .install(|| check_on_current_pool(args)),
        None => check_on_current_pool(args),
    }
}

fn check_on_current_pool(args: &CheckArgs) -> Result<ExitCode, UsageError> {
    if args.paths.is_empty() {
        return Err(UsageError(
            "no paths given; try `argcheck claims/`".to_owned(),
        ));
    }
    let mut config = match configuration(args.config.as_deref(), &args.paths) {
        Ok(config) => config,
        Err(e) => return Ok(config_failure(&e, args.color)),
    };
    if let Some(unused_allow) = rule("unused-allow") {
        if args.no_report_unused_allows {
            config.force(unused_allow, None);
        } else if args.report_unused_allows {
            // The flag wins over a configuration that turned the rule off.
            let level = config.rules.get(unused_allow.name).copied().flatten();
            config.force(unused_allow, Some(level.unwrap_or(unused_allow.severity)));
        }
    }
    let select = |path: &Path, named: bool| config.selects(path, named);
    let walk = Walk {
        no_ignore: args.no_ignore,
        select: Some(&select),
        allow_outside_files: args.allow_outside_files,
        project: config.project(),
    };
    let ws = load_with(&args.paths, &walk)?;
    let levels = |r: &'static crate::rules::Rule, file: crate::finding::FileId| {
        config.level(r, Path::new(&ws.file(file).path))
    };
    let outcome = crate::rules::check_configured(&ws, &config.numbers, &levels);
    if args.list_allows {
        return list_allows(&ws, &outcome, args.format).map(|()| ExitCode::SUCCESS);
    }
    write_report(args, &ws, &outcome)?;
    let threshold = [
        args.fail_on.map(FailOn::severity),
        args.deny.map(|Deny::Warnings| Severity::Warning),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(Severity::Error);
    let fails = outcome.findings.iter().any(|f| f.severity >= threshold);
    release_at_exit(outcome);
    release_at_exit(ws);
    Ok(if fails && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Leaves a large value to the operating system: the process ends right
/// after the command, and freeing a big workspace node by node first would
/// cost about a tenth of the run.
fn release_at_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Writes the report to stdout or `--output-file`; for machine formats the
/// summary and `--stats` go to stderr so the report stays parseable.
fn write_report(args: &CheckArgs, ws: &Workspace, outcome: &Outcome) -> Result<(), UsageError> {
    let base = std::env::current_dir().ok();
    let show_allowed = args.show_allowed;
    let reporter: Box<dyn Reporter> = match args.format {
        OutputFormat::Human => Box::new(HumanReporter {
            color: match &args.output_file {
                Some(_) => args.color == Color::Always,
                None => use_color(args.color),
            },
            width: 100,
        }),
        OutputFormat::Concise => Box::new(ConciseReporter { show_allowed }),
        OutputFormat::Json => Box::new(JsonReporter),
        OutputFormat::JsonLines => Box::new(JsonLinesReporter { show_allowed }),
        OutputFormat::Github => Box::new(GithubReporter { show_allowed }),
        OutputFormat::Sarif => Box::new(SarifReporter { base, show_allowed }),
        OutputFormat::Gitlab => Box::new(GitlabReporter { base }),
        OutputFormat::Junit => Box::new(JunitReporter),
    };
    let mut text = Vec::new();
    reporter
        .report(ws, outcome, &mut text)
        .map_err(|e| UsageError(format!("cannot write the report: {e}")))?;
    let mut trailer = Vec::new();
    if args.format.is_machine() {
        // Writing to a Vec cannot fail.
        let _ = writeln!(
            trailer,
            "{}",
            summary_line(&crate::report::Summary::of(ws, outcome))
        );
    }
    if args.stats {
        let _ = crate::report::write_stats(outcome, &mut trailer);
    }
    let trailer_on_stderr = args.format.is_machine();
    if !trailer_on_stderr {
        text.append(&mut trailer);
    }
    match &args.output_file {
        Some(path) => std::fs::write(path, &text)
            .map_err(|e| UsageError(format!("cannot write {}: {e}", path.display())))?,
        None => {
            let mut out = std::io::stdout().lock();
            emit(out.write_all(&text).and_then(|()| out.flush()))?;
        }
    }
    if trailer_on_stderr {
        // A closed stderr is not worth failing a run for.
        let _ = std::io::stderr().lock().write_all(&trailer);
    }
    Ok(())
}

/// `check --list-allows`: every `allow` with its reason and how many
/// findings it acknowledges, in file order.
fn list_allows(ws: &Workspace, outcome: &Outcome, format: OutputFormat) -> Result<(), UsageError> {
    #[derive(serde::Serialize)]
    struct Entry<'a> {
        file: &'a str,
        line: usize,
        column: usize,
        rule: &'a str,
        id: Option<&'a str>,
        reason: &'a str,
        acknowledged: usize,
    }
    let indexes = crate::position::line_indexes(ws);
    let mut entries: Vec<(crate::model::Loc, Entry<'_>)> = ws
        .relations
        .allows
        .iter()
        .map(|a| {
            let (line, column) = indexes[a.loc.file as usize].line_col(a.loc.span.start());
            let acknowledged = outcome
                .allowed
                .iter()
                .filter(|x| x.finding.statement == Some(a.statement) && x.finding.rule == a.rule)
                .count();
            let entry = Entry {
                file: &ws.file(a.loc.file).path,
                line,
                column,
                rule: &a.rule,
                id: ws.name(a.statement),
                reason: &a.reason,
                acknowledged,
            };
            (a.loc, entry)
        })
        .collect();
    entries.sort_by_key(|(loc, _)| *loc);
    let mut text = String::new();
    if matches!(format, OutputFormat::Json | OutputFormat::JsonLines) {
        let list: Vec<&Entry<'_>> = entries.iter().map(|(_, e)| e).collect();
        text = serde_json::to_string_pretty(&list).unwrap_or_default() + "\n";
    } else {
        for (_, e) in &entries {
            let what = match e.acknowledged {
                0 => "acknowledges nothing".to_owned(),
                1 => "acknowledges 1 finding".to_owned(),
                n => format!("acknowledges {n} findings"),
            };
            text.push_str(&format!(
                "{}:{}:{}: allow {} on `{}` ({what}): {}\n",
                e.file,
                e.line,
                e.column,
                e.rule,
                e.id.unwrap_or("(anonymous check)"),
                e.reason
            ));
        }
        text.push_str(&format!(
            "{} allow{}\n",
            entries.len(),
            if entries.len() == 1 { "" } else { "s" }
        ));
    }
    emit(std::io::stdout().lock().write_all(text.as_bytes()))
}

fn init(args: &InitArgs) -> Result<ExitCode, UsageError> {
    let path = args.dir.join(crate::config::FILE_NAME);
    if path.exists() && !args.force {
        return Err(UsageError(format!(
            "{} already exists; `argcheck init --force` replaces it",
            path.display()
        )));
    }
    std::fs::write(&path, crate::config::STARTER)
        .map_err(|e| UsageError(format!("cannot write {}: {e}", path.display())))?;
    eprintln!("wrote {}", path.display());
    Ok(ExitCode::SUCCESS)
}

fn completions(shell: clap_complete::Shell) -> Result<ExitCode, UsageError> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "argcheck", &mut out);
    emit(std::io::stdout().lock().write_all(&out))?;
    Ok(ExitCode::SUCCESS)
}

fn man() -> Result<ExitCode, UsageError> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| UsageError(format!("cannot render the manual: {e}")))?;
    emit(std::io::stdout().lock().write_all(&out))?;
    Ok(ExitCode::SUCCESS)
}

/// The workspace of `paths` with the default walk, its sources' files
/// allowed anywhere in the configuration's project.
fn load_in_project(
    paths: &[std::path::PathBuf],
    config: &Config,
) -> Result<crate::model::Workspace, UsageError> {
    load_with(
        paths,
        &Walk {
            project: config.project(),
            ..Walk::default()
        },
    )
}

fn run_map(args: &MapArgs) -> Result<ExitCode, UsageError> {
    use crate::export::{Cluster, Direction, DrawOptions, render, view};
    let config = match configuration(args.config.as_deref(), &args.paths) {
        Ok(config) => config,
        Err(e) => return Ok(config_failure(&e, Color::Auto)),
    };
    let ws = load_in_project(&args.paths, &config)?;
    let levels = |r: &'static crate::rules::Rule, file: crate::finding::FileId| {
        config.level(r, Path::new(&ws.file(file).path))
    };
    let (outcome, labelling) =
        crate::rules::check_configured_and_label(&ws, &config.numbers, &levels);
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
        MapFormat::Dot => {
            let written = stream_dot(args, &map, &options);
            release_at_exit(map);
            release_at_exit(labelling);
            release_at_exit(outcome);
            release_at_exit(ws);
            return written;
        }
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
    release_at_exit(map);
    release_at_exit(labelling);
    release_at_exit(outcome);
    release_at_exit(ws);
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

/// Writes the DOT map as it is drawn: its text is several times the size of
/// the input, and is never held whole.
fn stream_dot(
    args: &MapArgs,
    map: &crate::export::view::MapView<'_>,
    options: &crate::export::DrawOptions,
) -> Result<ExitCode, UsageError> {
    use crate::export::dot::write_dot;
    use std::io::BufWriter;
    // The drawing hands over parts of hundreds of kilobytes, which a
    // buffer smaller than them passes straight through; it gathers only the
    // small pieces between them.
    const BUFFER: usize = 64 << 10;
    match &args.output {
        Some(path) => std::fs::File::create(path)
            .and_then(|file| write_dot(map, options, &mut BufWriter::with_capacity(BUFFER, file)))
            .map_err(|e| UsageError(format!("cannot write {}: {e}", path.display())))?,
        None => emit(write_dot(
            map,
            options,
            &mut BufWriter::with_capacity(BUFFER, std::io::stdout().lock()),
        ))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn run_numbers(args: &NumbersArgs) -> Result<ExitCode, UsageError> {
    let config = match configuration(args.config.as_deref(), &args.paths) {
        Ok(config) => config,
        Err(e) => return Ok(config_failure(&e, Color::Auto)),
    };
    let ws = load_in_project(&args.paths, &config)?;
    let evaluated = crate::rules::numbers::evaluate(&ws, &config.numbers);
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
    let text = format!("# {} ({})\n\n{}", r.name, r.severity, r.documentation());
    emit(std::io::stdout().lock().write_all(text.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
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
