//! `argcheck fmt`: over the essay's encoding and every valid grammar example,
//! formatting is idempotent, keeps the syntax tree (spans erased) and keeps
//! every comment; the command checks, diffs, writes atomically and refuses
//! files that do not parse.

use argcheck::format::compare::erase_spans;
use argcheck::format::{FormatError, FormatOptions, format_text};
use argcheck::syntax::parse;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The `.arg` files of a directory, sorted (package-relative).
fn arg_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "arg"))
        .collect();
    files.sort();
    files
}

fn comment_texts(text: &str) -> Vec<String> {
    let parsed = parse(text);
    argcheck::format::comment_texts(text, &parsed.file)
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// The three properties, at one width.
fn assert_properties(name: &str, text: &str, width: usize) {
    let options = FormatOptions { width };
    let once = format_text(text, &options).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let twice = format_text(&once, &options).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(once, twice, "{name}: formatting twice differs from once");
    let original = parse(text);
    let formatted = parse(&once);
    assert!(
        formatted.errors.is_empty(),
        "{name}: {:?}",
        formatted.errors
    );
    assert_eq!(
        erase_spans(&original.file, text),
        erase_spans(&formatted.file, &once),
        "{name}: the formatted file says something else"
    );
    assert_eq!(
        comment_texts(text),
        comment_texts(&once),
        "{name}: comments changed"
    );
}

#[test]
fn properties_hold_on_claims_and_valid_examples() {
    let files: Vec<PathBuf> = arg_files("claims")
        .into_iter()
        .chain(arg_files("grammar/examples/valid"))
        .collect();
    assert!(files.len() > 20, "too few inputs: {files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        for width in [20, 60, argcheck::format::DEFAULT_WIDTH, 400] {
            assert_properties(&path.display().to_string(), &text, width);
        }
    }
}

#[test]
fn comment_counts_survive_in_the_examples() {
    let text = std::fs::read_to_string("grammar/examples/valid/10-tabs-comments.arg").unwrap();
    let formatted = format_text(&text, &FormatOptions::default()).unwrap();
    let before = comment_texts(&text);
    assert_eq!(before.len(), 11, "{before:#?}");
    assert_eq!(before, comment_texts(&formatted));
}

#[test]
fn invalid_examples_are_refused() {
    for path in arg_files("grammar/examples/invalid") {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            matches!(
                format_text(&text, &FormatOptions::default()),
                Err(FormatError::Syntax(_))
            ),
            "{} was formatted",
            path.display()
        );
    }
}

#[test]
fn folding_never_changes_a_string() {
    // Runs of spaces, a leading and a trailing space, tabs, escapes and
    // `#`: each string reads back with the same value at every width.
    let text = "claim a \" lead and trail \"\n  note \"two  spaces stay on one line however long the line may grow\"\n  note \"tab\tescape a\\\\b \\\"q\\\" # not a comment\\nnext line and some more words\"\n  quote s \"x y\"\n";
    for width in 20..60 {
        assert_properties("strings", text, width);
    }
    let formatted = format_text(text, &FormatOptions { width: 20 }).unwrap();
    assert!(
        formatted.contains("\"two  spaces stay on one line however long the line may grow\""),
        "{formatted}"
    );
}

fn argcheck() -> Command {
    Command::new(env!("CARGO_BIN_EXE_argcheck"))
}

fn temp_copy(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

const MESSY: &str = "claim  c \"C\"\n\tsupported-by a+b\npremise a \"A\"\n  assumed \"x\"\n";
const TIDY: &str = "claim c \"C\"\n  supported-by a + b\n\npremise a \"A\"\n  assumed \"x\"\n";

#[test]
fn check_prints_a_diff_and_fails_without_writing() {
    let (_dir, path) = temp_copy("messy.arg", MESSY);
    let out = argcheck()
        .args(["fmt", "--check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.contains("-claim  c \"C\""), "{diff}");
    assert!(diff.contains("+claim c \"C\""), "{diff}");
    assert!(diff.contains("+  supported-by a + b"), "{diff}");
    assert!(diff.contains("@@"), "{diff}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), MESSY);
}

#[test]
fn fmt_rewrites_in_place_and_then_checks_clean() {
    let (dir, path) = temp_copy("messy.arg", MESSY);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let out = argcheck().arg("fmt").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), TIDY);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "permissions kept");
    }
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["messy.arg"]);
    let out = argcheck()
        .args(["fmt", "--check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_file_with_syntax_errors_is_not_written() {
    let broken = "claim  a \"x\"\n  bogus 1\n";
    let (_dir, path) = temp_copy("broken.arg", broken);
    let out = argcheck()
        .args(["fmt"])
        .arg(&path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("found `bogus`"), "{stderr}");
    assert!(stderr.contains("was not formatted"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn invalid_utf8_is_refused_with_its_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.arg");
    std::fs::write(&path, b"claim a \"caf\xe9\"\n").unwrap();
    let out = argcheck().arg("fmt").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("invalid UTF-8 at byte offset 12"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"claim a \"caf\xe9\"\n");
}

#[test]
fn standard_input_to_standard_output() {
    use std::io::Write;
    let mut child = argcheck()
        .arg("fmt")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(MESSY.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), TIDY);
}

#[test]
fn width_is_configurable() {
    let (_dir, path) = temp_copy(
        "long.arg",
        "claim a \"one two three four five six seven\"\n  assumed \"x\"\n",
    );
    let out = argcheck()
        .args(["fmt", "--width", "24"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "claim a \"one two three\n    four five six seven\"\n  assumed \"x\"\n"
    );
    let out = argcheck()
        .args(["fmt", "--width", "3"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a width under 20 is a usage error"
    );
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let out = argcheck().args(["fmt", "no/such/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!Path::new("no/such/dir").exists());
}

#[cfg(unix)]
#[test]
fn a_symlinked_file_is_formatted_through_its_link() {
    let (dir, path) = temp_copy("real.arg", MESSY);
    let link = dir.path().join("link.arg");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let out = argcheck().arg("fmt").arg(&link).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), TIDY);
}
