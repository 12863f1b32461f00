//! `argcheck fmt [--check] [--width N] [PATH...]`: formats files in place,
//! or with `--check` shows what would change. With no path it formats
//! standard input to standard output.
//!
//! A file is replaced atomically: the new text goes to a temporary file in
//! the same directory, which is then renamed over the original, so a reader
//! (or a crash) never sees half a file. A file that does not parse is never
//! written; its diagnostics are shown instead.

use super::{FormatError, FormatOptions, format_text};
use crate::input::{MAX_FILE_BYTES, UsageError, discover, read};
use crate::model::{SourceFile, Workspace};
use crate::report::human::HumanReporter;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What to format and how.
#[derive(Debug, Clone)]
pub struct FmtRequest {
    pub paths: Vec<PathBuf>,
    /// Show a diff and fail instead of writing.
    pub check: bool,
    pub options: FormatOptions,
}

/// How one file went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Unchanged,
    /// Rewritten, or with `--check`, would be.
    Changed,
    /// Not formatted: unreadable or with syntax errors (diagnostics shown).
    Refused,
    /// The formatter would have changed what the file says (a bug); the
    /// file is left alone.
    Internal,
}

/// Runs the command. Exit 0 when every file is formatted (with `--check`:
/// already formatted), 1 when `--check` found a file to change or a file
/// could not be formatted, 2 for usage and internal errors.
pub fn run(request: &FmtRequest) -> Result<ExitCode, UsageError> {
    let outcomes = if request.paths.is_empty() {
        vec![format_stdin(request)?]
    } else {
        let files = discover(&request.paths)?;
        files.iter().map(|p| format_path(p, request)).collect()
    };
    let code = if outcomes.contains(&Outcome::Internal) {
        2
    } else if outcomes.contains(&Outcome::Refused)
        || (request.check && outcomes.contains(&Outcome::Changed))
    {
        1
    } else {
        0
    };
    Ok(ExitCode::from(code))
}

fn format_stdin(request: &FmtRequest) -> Result<Outcome, UsageError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| UsageError(format!("cannot read standard input: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(UsageError(format!(
            "standard input is larger than {} MiB, the most argcheck reads",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let name = "<stdin>";
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let file = SourceFile {
                path: name.to_owned(),
                text: String::new(),
                unreadable: Some(crate::model::Unreadable {
                    message: "not UTF-8".to_owned(),
                    offset: Some(e.utf8_error().valid_up_to()),
                }),
            };
            show_diagnostics(file);
            return Ok(Outcome::Refused);
        }
    };
    let mut stdout = std::io::stdout().lock();
    let outcome = match format_text(&text, &request.options) {
        Ok(formatted) if request.check => {
            if formatted == text {
                Outcome::Unchanged
            } else {
                let _ = stdout.write_all(unified_diff(name, &text, &formatted).as_bytes());
                Outcome::Changed
            }
        }
        Ok(formatted) => {
            let _ = stdout.write_all(formatted.as_bytes());
            if formatted == text {
                Outcome::Unchanged
            } else {
                Outcome::Changed
            }
        }
        Err(e) => refuse(name, text, e),
    };
    let _ = stdout.flush();
    Ok(outcome)
}

fn format_path(path: &Path, request: &FmtRequest) -> Outcome {
    let file = read(path);
    if file.unreadable.is_some() {
        show_diagnostics(file);
        return Outcome::Refused;
    }
    let name = file.path.clone();
    let text = file.text;
    let formatted = match format_text(&text, &request.options) {
        Ok(formatted) => formatted,
        Err(e) => return refuse(&name, text, e),
    };
    if formatted == text {
        return Outcome::Unchanged;
    }
    if request.check {
        let mut stdout = std::io::stdout().lock();
        let _ = stdout
            .write_all(unified_diff(&name, &text, &formatted).as_bytes())
            .and_then(|()| stdout.flush());
        return Outcome::Changed;
    }
    match write_atomically(path, &formatted) {
        Ok(()) => Outcome::Changed,
        Err(e) => {
            eprintln!("argcheck: cannot write {name}: {e}; the file is left unchanged");
            Outcome::Refused
        }
    }
}

fn refuse(name: &str, text: String, error: FormatError) -> Outcome {
    match error {
        FormatError::Syntax(_) => {
            show_diagnostics(SourceFile {
                path: name.to_owned(),
                text,
                unreadable: None,
            });
            eprintln!("argcheck: {name} has syntax errors and was not formatted");
            Outcome::Refused
        }
        FormatError::Changed(why) => {
            eprintln!("argcheck: internal error: {name}: {why}; the file is left unchanged");
            Outcome::Internal
        }
    }
}

/// Renders the file's `syntax-error` and `unreadable-file` findings to
/// stderr, as `argcheck check` would.
fn show_diagnostics(file: SourceFile) {
    let parsed = crate::syntax::parse(&file.text);
    let ws = Workspace::build(vec![file], vec![parsed]);
    let outcome = crate::rules::check(&ws);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let reporter = HumanReporter {
        color: !no_color && std::io::stderr().is_terminal(),
        width: 100,
    };
    let shown = outcome
        .findings
        .iter()
        .filter(|f| matches!(f.rule, "syntax-error" | "unreadable-file"));
    let mut stderr = std::io::stderr().lock();
    for text in reporter.render_findings(&ws, shown) {
        let _ = writeln!(stderr, "{text}");
    }
}

/// A unified diff from the file as it is to the file formatted.
pub fn unified_diff(name: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(name, &format!("{name} (formatted)"))
        .to_string()
}

/// Replaces the file's contents by renaming a temporary file over it. A
/// symbolic link is followed, so the file it points to is replaced; the
/// original permissions are kept.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(&target)?.permissions();
    let mut temp = tempfile::Builder::new()
        .prefix(".argcheck-fmt-")
        .tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().set_permissions(permissions)?;
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}
