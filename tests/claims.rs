//! The flagship run: `claims/`, the encoded essay, keeps passing, and its
//! shape (statements, quotes, checks, findings) is snapshotted so that a
//! change to the encoding or to the rules shows up in review.

use argcheck::ast::StatementKind;
use argcheck::finding::Severity;
use argcheck::input::load;
use argcheck::rules::check;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

#[test]
fn the_essay_passes_and_keeps_its_shape() {
    let ws = load(&[PathBuf::from("claims")]).expect("claims/ exists");
    let outcome = check(&ws);
    let errors: Vec<String> = outcome
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect();
    assert!(errors.is_empty(), "claims/ has errors: {errors:#?}");

    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for s in &ws.statements {
        *kinds.entry(format!("{:?}", s.kind())).or_default() += 1;
    }
    let verified = ws
        .relations
        .quotes
        .iter()
        .filter(|q| {
            ws.document_refs
                .iter()
                .any(|r| r.source == q.source && ws.documents[r.document].text().is_some())
        })
        .count();
    let mut findings: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &outcome.findings {
        *findings.entry(f.rule).or_default() += 1;
    }
    let mut allowed: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &outcome.allowed {
        *allowed.entry(a.finding.rule).or_default() += 1;
    }

    let mut shape = String::new();
    writeln!(shape, "files: {}", ws.files.len()).unwrap();
    writeln!(shape, "statements: {}", ws.statements.len()).unwrap();
    for (kind, n) in &kinds {
        writeln!(shape, "  {kind}: {n}").unwrap();
    }
    let checks = ws
        .statements
        .iter()
        .filter(|s| s.kind() == StatementKind::Check)
        .count();
    writeln!(shape, "checks: {checks}").unwrap();
    writeln!(shape, "same-as: {}", ws.relations.same_as.len()).unwrap();
    writeln!(shape, "citations: {}", ws.relations.citations.len()).unwrap();
    writeln!(shape, "source files: {}", ws.documents.len()).unwrap();
    writeln!(
        shape,
        "quotes: {} ({verified} verified)",
        ws.relations.quotes.len()
    )
    .unwrap();
    writeln!(shape, "support groups: {}", ws.relations.groups.len()).unwrap();
    writeln!(shape, "attacks: {}", ws.relations.attacks.len()).unwrap();
    writeln!(
        shape,
        "contradictions: {}",
        ws.relations.contradictions.len()
    )
    .unwrap();
    writeln!(shape, "findings:").unwrap();
    for (rule, n) in &findings {
        writeln!(shape, "  {rule}: {n}").unwrap();
    }
    writeln!(shape, "acknowledged:").unwrap();
    for (rule, n) in &allowed {
        writeln!(shape, "  {rule}: {n}").unwrap();
    }
    insta::assert_snapshot!(shape);
}

#[test]
fn the_essay_is_formatted() {
    let mut files: Vec<_> = std::fs::read_dir("claims")
        .expect("claims/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "arg"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for path in files {
        let text = std::fs::read_to_string(&path).expect("UTF-8");
        let formatted = argcheck::format::format_text(&text, &Default::default())
            .unwrap_or_else(|e| panic!("{} does not format: {e:?}", path.display()));
        assert!(
            formatted == text,
            "{} is not in canonical form; run `argcheck fmt claims/`",
            path.display()
        );
    }
}
