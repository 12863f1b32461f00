//! Criterion benchmarks of each stage on a generated workspace: parse,
//! resolve, the numbers, the argument rules, quote matching, the whole check,
//! and DOT export. Throughput is reported in statements and bytes of input
//! per second (for the documents' stages, bytes of the documents).
//!
//! ```sh
//! cargo bench --bench pipeline
//! ```

mod corpus;

use argcheck::export::DrawOptions;
use argcheck::export::dot::to_dot;
use argcheck::export::view::{MapView, Selection};
use argcheck::input::load_texts_with_documents;
use argcheck::model::{SourceFile, Workspace};
use argcheck::numeric::NumberSettings;
use argcheck::quotes::{NormalizedText, normalize_quote, occurrences};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// The binary's allocator (see `src/main.rs`), so that the stages are
/// measured as they run in `argcheck`.
#[cfg(all(
    feature = "jemalloc",
    not(any(target_env = "msvc", target_os = "openbsd", target_os = "aix"))
))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// About 3 MB of `.arg` text and documents.
const STATEMENTS: usize = 20_000;

fn stages(c: &mut Criterion) {
    // With the Argdown twin, for the argument rules below; the twin draws
    // nothing from the generator's random numbers, so the workspace is the
    // same as without it.
    let corpus = corpus::generate(STATEMENTS, 8, 1, true);
    let files: Vec<(&str, &str)> = corpus
        .arg_files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let documents: Vec<(&str, &str)> = corpus
        .documents
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let arg_bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let doc_bytes: usize = documents.iter().map(|(_, t)| t.len()).sum();
    let ws = load_texts_with_documents(&files, &documents);
    let (outcome, labelling) = argcheck::rules::check_and_label(&ws, &NumberSettings::default());
    let map = MapView::build(&ws, &outcome, &labelling, &Selection::All).expect("whole map");

    let statements = ws.statements.len();
    let mut group = c.benchmark_group(format!("{statements} statements"));
    group.sample_size(20);
    group.throughput(Throughput::ElementsAndBytes {
        elements: statements as u64,
        bytes: arg_bytes as u64,
    });
    group.bench_function("parse", |b| {
        b.iter(|| {
            for (_, text) in &files {
                black_box(argcheck::syntax::parse(text));
            }
        })
    });
    group.bench_function("resolve", |b| {
        b.iter_batched(
            || {
                let sources: Vec<SourceFile> = files
                    .iter()
                    .map(|(p, t)| SourceFile {
                        path: (*p).to_owned(),
                        text: (*t).to_owned(),
                        unreadable: None,
                    })
                    .collect();
                let parsed = files
                    .iter()
                    .map(|(_, t)| argcheck::syntax::parse(t))
                    .collect();
                (sources, parsed)
            },
            |(sources, parsed)| black_box(Workspace::build(sources, parsed)),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("numbers", |b| {
        b.iter(|| {
            black_box(argcheck::rules::numbers::evaluate(
                &ws,
                &NumberSettings::default(),
            ))
        })
    });
    group.bench_function("check (all rules)", |b| {
        b.iter(|| black_box(argcheck::rules::check(&ws)))
    });
    group.bench_function("dot export", |b| {
        b.iter(|| black_box(to_dot(&map, &DrawOptions::default())))
    });
    // The argument rules on an argument alone (the workspace's Argdown
    // twin: claims, premises and evidence with their support and attacks,
    // no sources or figures), where the numbers and quote rules find
    // nothing to do.
    let twin_files: Vec<(&str, &str)> = corpus
        .argdown_twin
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let twin = load_texts_with_documents(&twin_files, &[]);
    group.throughput(Throughput::ElementsAndBytes {
        elements: twin.statements.len() as u64,
        bytes: twin_files.iter().map(|(_, t)| t.len() as u64).sum(),
    });
    group.bench_function("argument rules (the argument alone)", |b| {
        b.iter(|| black_box(argcheck::rules::check(&twin)))
    });
    // Statements of the workspace the documents serve, and bytes of the
    // documents themselves.
    group.throughput(Throughput::ElementsAndBytes {
        elements: statements as u64,
        bytes: doc_bytes as u64,
    });
    let quotes: Vec<String> = ws
        .relations
        .quotes
        .iter()
        .map(|q| normalize_quote(q.text(&ws)))
        .collect();
    let patterns: Vec<&str> = quotes.iter().map(String::as_str).collect();
    group.bench_function("normalise documents", |b| {
        b.iter(|| {
            for (_, text) in &documents {
                black_box(NormalizedText::new(text));
            }
        })
    });
    let normalized: Vec<NormalizedText> = documents
        .iter()
        .map(|(_, t)| NormalizedText::new(t))
        .collect();
    group.bench_function("match all quotes", |b| {
        b.iter(|| {
            for doc in &normalized {
                black_box(occurrences(&doc.text, &patterns));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
