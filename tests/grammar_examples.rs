//! Every valid example of `grammar/examples/` parses without a syntax error;
//! every invalid one gives at least one.

use std::path::Path;

fn examples(kind: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("grammar/examples")
        .join(kind);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "arg"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no examples in {}", dir.display());
    files
}

fn text(path: &Path) -> String {
    String::from_utf8(std::fs::read(path).expect("readable")).expect("UTF-8")
}

#[test]
fn valid_examples_parse() {
    for path in examples("valid") {
        let parsed = argcheck::syntax::parse(&text(&path));
        assert!(
            parsed.errors.is_empty(),
            "{}: {:#?}",
            path.display(),
            parsed.errors
        );
    }
}

#[test]
fn invalid_examples_fail() {
    for path in examples("invalid") {
        let parsed = argcheck::syntax::parse(&text(&path));
        assert!(
            !parsed.errors.is_empty(),
            "{} parsed without a syntax error",
            path.display()
        );
    }
}

/// What each invalid example is told: the first line of each file says what
/// is wrong, the snapshot shows the message argcheck gives for it.
#[test]
fn invalid_example_messages() {
    let mut out = String::new();
    for path in examples("invalid") {
        let source = text(&path);
        let what = source.lines().next().unwrap_or_default().to_owned();
        let parsed = argcheck::syntax::parse(&source);
        out.push_str(&format!(
            "{}\n  {what}\n",
            path.file_name().unwrap_or_default().to_string_lossy()
        ));
        for e in parsed.errors {
            out.push_str(&format!(
                "  -> {} [{}..{}]\n",
                e.message,
                e.span.start(),
                e.span.end()
            ));
        }
    }
    insta::assert_snapshot!(out);
}
