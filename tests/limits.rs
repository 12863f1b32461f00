//! Hard limits: input at the edges of what argcheck reads gets a diagnostic,
//! never a crash or a hang. Large inputs are generated in temporary
//! directories; none is kept in the repository.

use argcheck::input::{load, load_texts};
use argcheck::rules::{Outcome, check};
use std::fmt::Write as _;

fn check_text(text: &str) -> Outcome {
    check(&load_texts(&[("limits.arg", text)]))
}

fn messages(outcome: &Outcome, rule: &str) -> Vec<String> {
    outcome
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.message.clone())
        .collect()
}

/// Runs `body` on a thread with a 1 MiB stack, smaller than any thread
/// argcheck runs on, so unbounded recursion would show.
fn on_small_stack<T: Send + 'static>(body: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(body)
        .unwrap()
        .join()
        .expect("no stack overflow or panic")
}

#[test]
fn thousands_of_nested_parentheses() {
    let text = format!(
        "check deep: {}x{} = 1\n",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    let outcome = on_small_stack(move || check_text(&text));
    let m = messages(&outcome, "syntax-error");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("nested too deeply"), "{m:?}");
}

#[test]
fn long_chains_of_operators() {
    for op in ["+", "-", "*", "/"] {
        let text = format!("check long: x = 1{}\n", format!(" {op} 1").repeat(100_000));
        let outcome = on_small_stack(move || check_text(&text));
        let m = messages(&outcome, "syntax-error");
        assert_eq!(m.len(), 1, "{op}: {m:?}");
        assert!(m[0].contains("more than 96 operators"), "{op}: {m:?}");
    }
    // A long sum is written with `sum(...)`, which does not nest.
    let text = format!(
        "quantity x = 10000\n  assumed \"a count\"\ncheck long: x = sum(1{})\n",
        ", 1".repeat(9_999)
    );
    let outcome = on_small_stack(move || check_text(&text));
    assert!(messages(&outcome, "syntax-error").is_empty());
    assert!(messages(&outcome, "numeric-inconsistency").is_empty());
}

/// The deepest expressions that parse: 96 operators on one path, under 31
/// parentheses, or 93 spread over 31 nested parentheses. Each is checked and
/// formatted on a small stack, and drawn and shown by the binary, whose
/// threads have larger stacks but run unoptimised code in tests.
#[test]
fn the_deepest_expressions_argcheck_reads() {
    let x = "quantity x = exactly 1\n  assumed \"a count\"\n";
    let chain = format!("x{}", " + x".repeat(96));
    let wrapped = format!("{}{chain}{}", "(".repeat(31), ")".repeat(31));
    // ((( ... ) + x + x + x) + x + x + x) + x + x + x: the parenthesis is
    // the chain's first operand, so all three operators of each level lie on
    // the path down to it: 93 in all.
    let mut spread = "x".to_owned();
    for _ in 0..31 {
        spread = format!("({spread}) + x + x + x");
    }
    for (name, lhs, terms) in [
        ("chain", &chain, 97),
        ("wrapped", &wrapped, 97),
        ("spread", &spread, 94),
    ] {
        let text = format!("{x}check {name}: {lhs} = exactly {terms}\n");
        let checked = text.clone();
        let outcome = on_small_stack(move || check_text(&checked));
        assert!(
            outcome.findings.is_empty(),
            "{name}: {:?}",
            outcome.findings
        );
        // Formatting may wrap the long line; what it writes means the same.
        let formatted = text.clone();
        let again = on_small_stack(move || {
            let once = argcheck::format::format_text(&formatted, &Default::default()).unwrap();
            (check_text(&once), once)
        });
        assert!(again.0.findings.is_empty(), "{name}: {}", again.1);
        let dir = temp_dir();
        std::fs::write(dir.path().join("deep.arg"), &text).unwrap();
        for command in ["map", "numbers"] {
            let run = std::process::Command::new(env!("CARGO_BIN_EXE_argcheck"))
                .arg(command)
                .arg(dir.path())
                .output()
                .unwrap();
            assert_eq!(run.status.code(), Some(0), "{name} {command}");
        }
    }
    // One operator more is a diagnostic, however it nests.
    for over in [
        format!("(x + {chain})"),
        format!("({spread}) + x + x + x + x"),
    ] {
        let one_more = format!("{x}check over: {over} = 1\n");
        let outcome = on_small_stack(move || check_text(&one_more));
        let m = messages(&outcome, "syntax-error");
        assert!(
            m.len() == 1 && m[0].contains("more than 96 operators"),
            "{m:?}"
        );
    }
}

#[test]
fn a_support_chain_of_100_000_statements() {
    const N: usize = 100_000;
    let mut text = String::with_capacity(N * 40);
    for k in 0..N - 1 {
        writeln!(text, "premise p{k} \"step {k}\"\n  supports p{}", k + 1).unwrap();
    }
    writeln!(
        text,
        "claim p{} \"the end\"\n  allow unused-premise \"x\"",
        N - 1
    )
    .unwrap();
    text.insert_str(
        0,
        "premise start \"given\"\n  assumed \"the base\"\n  supports p0\n",
    );
    let outcome = on_small_stack(move || check_text(&text));
    assert!(messages(&outcome, "circular-support").is_empty());
    assert!(messages(&outcome, "ungrounded-claim").is_empty());
    assert!(messages(&outcome, "unsupported-premise").is_empty());
}

#[test]
fn a_support_cycle_through_100_000_statements() {
    const N: usize = 100_000;
    let mut text = String::with_capacity(N * 40);
    for k in 0..N {
        writeln!(
            text,
            "premise p{k} \"step {k}\"\n  supports p{}",
            (k + 1) % N
        )
        .unwrap();
    }
    let outcome = on_small_stack(move || check_text(&text));
    let cycles = messages(&outcome, "circular-support");
    assert_eq!(cycles.len(), 1);
    // Spelled out in full would be a megabyte; the middle is elided.
    assert!(cycles[0].len() < 1000, "{} bytes", cycles[0].len());
    assert!(
        cycles[0].starts_with("circular support: p0 -> p1 -> "),
        "{}",
        cycles[0]
    );
    assert!(cycles[0].contains("99,990 more"), "{}", cycles[0]);
    assert!(cycles[0].ends_with("-> p99999 -> p0"), "{}", cycles[0]);
}

#[test]
fn absurd_exponents_and_digit_counts() {
    let outcome = check_text("quantity big = 1e99999999999999999999\n  assumed \"x\"\n");
    let m = messages(&outcome, "syntax-error");
    assert!(
        m[0].contains("exponent of `1e99999999999999999999` is out of range"),
        "{m:?}"
    );
    // Within range, products of extreme values stop at a size limit with a
    // diagnostic instead of computing for minutes.
    let outcome = check_text(&format!(
        "quantity big = 1e1000\n  assumed \"x\"\nquantity small = 1e-1000\n  assumed \"x\"\ncheck huge: {} = {}\n",
        vec!["big"; 30].join(" * "),
        vec!["small"; 30].join(" / ")
    ));
    let m = messages(&outcome, "undefined-arithmetic");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].contains("too large or too small to compute exactly"),
        "{m:?}"
    );
    // Large but within the limit, the check is decided.
    let outcome = check_text(
        "quantity big = 1e1000\n  assumed \"x\"\ncheck fits: big * big * big * big = big * big * big * big\n",
    );
    assert!(outcome.findings.is_empty(), "{:?}", outcome.findings);
    // A number with a million digits is refused, not parsed for minutes.
    let outcome = check_text(&format!(
        "quantity long = {}\n  assumed \"x\"\n",
        "7".repeat(1_000_000)
    ));
    let m = messages(&outcome, "syntax-error");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("digits"), "{m:?}");
}

#[test]
fn nul_bytes() {
    // Inside a string a NUL is a character like any other.
    let outcome = check_text("claim a \"nul \0 here\"\n  assumed \"x\"\n");
    assert!(outcome.findings.is_empty(), "{:?}", outcome.findings);
    // Elsewhere it is a syntax error that names it.
    let outcome = check_text("claim a \"x\"\0\n  assumed \"x\"\n\0\0\0\n");
    let m = messages(&outcome, "syntax-error");
    assert!(!m.is_empty());
    assert!(
        m.iter().all(|m| m.contains("the control character U+0000")),
        "{m:?}"
    );
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn invalid_utf8_in_the_middle_of_a_file() {
    let dir = temp_dir();
    let mut bytes = b"claim a \"x\"\n  assumed \"y\"\n".repeat(1000);
    let at = bytes.len() / 2;
    bytes.insert(at, 0xff);
    std::fs::write(dir.path().join("bad.arg"), &bytes).unwrap();
    std::fs::write(dir.path().join("good.arg"), "claim b \"z\"\n").unwrap();
    let ws = load(&[dir.path().to_path_buf()]).unwrap();
    let outcome = check(&ws);
    let unreadable = messages(&outcome, "unreadable-file");
    assert_eq!(unreadable.len(), 1);
    assert!(
        unreadable[0].ends_with(&format!("invalid UTF-8 at byte offset {at}")),
        "{unreadable:?}"
    );
    // The other file is still checked.
    assert_eq!(messages(&outcome, "unsupported-claim").len(), 1);
}

#[test]
fn a_file_over_the_size_limit() {
    let dir = temp_dir();
    let path = dir.path().join("huge.arg");
    // Sparse: 100 MB long without writing 100 MB.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(100_000_000).unwrap();
    drop(file);
    std::fs::write(dir.path().join("small.arg"), "claim b \"z\"\n").unwrap();
    let ws = load(&[dir.path().to_path_buf()]).unwrap();
    let outcome = check(&ws);
    let unreadable = messages(&outcome, "unreadable-file");
    assert_eq!(unreadable.len(), 1, "{unreadable:?}");
    assert!(unreadable[0].contains("larger than"), "{unreadable:?}");
    assert_eq!(messages(&outcome, "unsupported-claim").len(), 1);
}

#[test]
fn a_single_10_mb_line() {
    let long = "word ".repeat(2_000_000);
    // A 10 MB string, formatted and checked.
    let text = format!("claim a \"{long}\"\n  assumed \"x\"\n");
    let outcome = check_text(&text);
    assert!(
        outcome.findings.is_empty(),
        "{:?}",
        outcome.findings.first()
    );
    let formatted = argcheck::format::format_text(&text, &Default::default()).unwrap();
    assert!(formatted.lines().count() > 100_000);
    // 10 MB of junk on one line: one syntax error, whose message quotes only
    // the start of what was found.
    let text = format!("claim a \"x\" {long}\n");
    let ws = load_texts(&[("limits.arg", &text)]);
    let outcome = check(&ws);
    let errors: Vec<_> = outcome
        .findings
        .iter()
        .filter(|f| f.rule == "syntax-error")
        .collect();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.len() < 200, "{}", errors[0].message);
    // A tags list of a million identifiers on one line.
    let tags = (0..1_000_000)
        .map(|k| format!("t{k}"))
        .collect::<Vec<_>>()
        .join(", ");
    let text = format!("claim a \"x\"\n  assumed \"y\"\n  tags {tags}\n");
    let outcome = on_small_stack(move || check_text(&text));
    assert!(outcome.findings.is_empty());
}

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop() {
    let dir = temp_dir();
    let inner = dir.path().join("a/b");
    std::fs::create_dir_all(&inner).unwrap();
    std::fs::write(inner.join("x.arg"), "claim x \"x\"\n  assumed \"y\"\n").unwrap();
    std::os::unix::fs::symlink(dir.path().join("a"), inner.join("loop")).unwrap();
    std::os::unix::fs::symlink("self", dir.path().join("self")).unwrap();
    let ws = load(&[dir.path().to_path_buf()]).unwrap();
    let paths: Vec<&String> = ws.files.iter().map(|f| &f.path).collect();
    assert_eq!(paths.len(), 1, "{paths:?}");
    assert!(check(&ws).findings.is_empty());
    // A symlink to itself named on the command line is a usage error.
    let err = load(&[dir.path().join("self")]).unwrap_err();
    assert!(err.0.contains("self"), "{err}");
}

#[test]
fn a_source_file_outside_the_workspace() {
    let dir = temp_dir();
    let inner = dir.path().join("claims");
    std::fs::create_dir(&inner).unwrap();
    std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    std::fs::write(
        inner.join("a.arg"),
        "source s \"S\"\n  date 2016\n  file \"../secret.txt\"\nevidence e \"E\"\n  cites s\n  quote s \"not in the file\"\n",
    )
    .unwrap();
    // The project is `claims/` itself, whatever lies above the temporary
    // directory.
    std::fs::write(inner.join("argcheck.yaml"), "").unwrap();
    // Runs from `cwd` on `claims/`.
    let run_in = |cwd: &std::path::Path, command: &str, extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_argcheck"))
            .current_dir(cwd)
            .args([command, "--format", "json"])
            .args(extra)
            .arg(&inner)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let run = |command: &str, extra: &[&str]| run_in(dir.path(), command, extra);
    let (code, json) = run("check", &[]);
    assert_eq!(code, Some(1));
    assert!(
        json.contains("\"rule\": \"source-file-outside-workspace\""),
        "{json}"
    );
    // The file was not read, so the quote was not checked against it.
    assert!(!json.contains("quote-not-found"), "{json}");
    let (_, json) = run("check", &["--allow-outside-files"]);
    assert!(!json.contains("source-file-outside-workspace"), "{json}");
    assert!(json.contains("quote-not-found"), "{json}");
    // Given the parent directory, the same file is inside the workspace.
    let ws = load(&[dir.path().to_path_buf()]).unwrap();
    assert!(messages(&check(&ws), "source-file-outside-workspace").is_empty());
    // A repository above does not widen the workspace: argcheck does not
    // control what lies above the directories it is given.
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let (_, json) = run("check", &[]);
    assert!(json.contains("source-file-outside-workspace"), "{json}");
    // The project does: with the configuration in the parent, run from
    // there, the parent is the project, for `check` and for `map` alike.
    std::fs::rename(
        inner.join("argcheck.yaml"),
        dir.path().join("argcheck.yaml"),
    )
    .unwrap();
    let (_, json) = run("check", &[]);
    assert!(!json.contains("source-file-outside-workspace"), "{json}");
    assert!(json.contains("quote-not-found"), "{json}");
    let (_, map) = run("map", &[]);
    assert!(
        map.contains("quote-not-found") && !map.contains("source-file-outside"),
        "{map}"
    );
    // A configuration above the working directory (a home directory's, say)
    // makes no project of it.
    let (_, json) = run_in(&inner, "check", &[]);
    assert!(json.contains("source-file-outside-workspace"), "{json}");
}

/// A link inside the workspace that leads out of it is refused like a path
/// that does, and the file it leads to is not read.
#[cfg(unix)]
#[test]
fn a_source_file_linked_from_outside_the_workspace() {
    let dir = temp_dir();
    let claims = dir.path().join("claims");
    std::fs::create_dir_all(claims.join("sources")).unwrap();
    std::fs::write(dir.path().join("secret.txt"), "secret words").unwrap();
    std::fs::write(claims.join("sources/inside.txt"), "plain words").unwrap();
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), claims.join("sources/s.txt"))
        .unwrap();
    std::os::unix::fs::symlink(
        claims.join("sources/inside.txt"),
        claims.join("sources/t.txt"),
    )
    .unwrap();
    std::fs::write(
        claims.join("a.arg"),
        "source s \"S\"\n  date 2016\n  file \"sources/s.txt\"\nsource t \"T\"\n  date 2016\n  file \"sources/t.txt\"\nevidence e \"E\"\n  cites s\n  quote s \"secret words\"\n  quote t \"other words\"\n",
    )
    .unwrap();
    let outcome = check(&load(&[claims]).unwrap());
    let refused = messages(&outcome, "source-file-outside-workspace");
    assert_eq!(
        refused,
        ["`file \"sources/s.txt\"` leads out of the workspace through a symbolic link"]
    );
    // Not read: its quote is neither found nor reported missing. The link
    // that stays inside is followed: its document is read, and the quote
    // that is not in it is reported.
    assert_eq!(messages(&outcome, "quote-not-found").len(), 1);
    assert!(messages(&outcome, "missing-source-file").is_empty());
}

/// A failing check over 50,000 quantities sets them against each other:
/// 2.5 billion attacks if they were listed pair by pair. They are one
/// conflict, so the check runs in memory proportional to its text.
#[test]
fn a_failing_sum_of_50_000_quantities() {
    const N: usize = 50_000;
    let mut text = String::from("source s \"S\"\n  date 2016\n");
    for k in 0..N {
        writeln!(text, "quantity q{k} = 1 users\n  cites s").unwrap();
    }
    let operands: Vec<String> = (0..N).map(|k| format!("q{k}")).collect();
    writeln!(text, "check big: sum({}) = 1 users", operands.join(", ")).unwrap();
    let ws = load_texts(&[("limits.arg", &text)]);
    let (outcome, labelling) =
        argcheck::rules::check_and_label(&ws, &argcheck::numeric::NumberSettings::default());
    assert_eq!(messages(&outcome, "numeric-inconsistency").len(), 1);
    assert_eq!(labelling.conflicts.len(), 1);
    assert_eq!(labelling.conflicts[0].len(), N);
    // Mutual attacks that nothing outside breaks: nothing is decided.
    let (_, _, undecided) = labelling.counts();
    assert_eq!(undecided, N);
}
