//! `argcheck map`: every format snapshotted on the same fixtures, the DOT
//! output accepted by Graphviz (when installed), the Mermaid output checked
//! for structure, and the selections (`--focus`, `--only-findings`).

use std::collections::HashSet;
use std::process::{Command, Output};

/// The fixtures every format is drawn from.
const FIXTURES: &str = "tests/fixtures/map";

fn argcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argcheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

/// stdout of a run on the fixtures that must succeed.
fn map(args: &[&str]) -> String {
    map_of(FIXTURES, args)
}

/// stdout of a run on `dir` that must succeed.
fn map_of(dir: &str, args: &[&str]) -> String {
    let mut all = vec!["map", dir];
    all.extend_from_slice(args);
    let o = argcheck(&all);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{all:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

#[test]
fn dot_format() {
    insta::assert_snapshot!(map(&["--format", "dot"]));
}

#[test]
fn dot_with_sources_clusters_and_direction() {
    insta::assert_snapshot!(map(&[
        "--sources",
        "--cluster",
        "file",
        "--direction",
        "TB"
    ]));
}

#[test]
fn mermaid_format() {
    insta::assert_snapshot!(map(&["--format", "mermaid"]));
}

#[test]
fn json_format() {
    insta::assert_snapshot!(map(&["--format", "json"]));
}

#[test]
fn aif_format() {
    insta::assert_snapshot!(map(&["--format", "aif"]));
}

#[test]
fn dot_is_the_default_and_output_is_stable() {
    let first = map(&[]);
    assert!(first.starts_with("digraph argcheck {"));
    assert_eq!(first, map(&["--format", "dot"]));
    for format in ["dot", "mermaid", "json", "aif"] {
        assert_eq!(map(&["--format", format]), map(&["--format", format]));
    }
}

#[test]
fn json_nodes_carry_labels_and_findings() {
    let doc: serde_json::Value = serde_json::from_str(&map(&["--format", "json"])).unwrap();
    let node = |id: &str| {
        doc["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap_or_else(|| panic!("no node {id}"))
            .clone()
    };
    assert_eq!(node("cooperation")["label"], "in", "reinstated");
    assert_eq!(node("sovereignty-first")["label"], "out");
    assert_eq!(node("us-leads")["label"], "undecided");
    assert_eq!(node("us-leads")["findings"][0], "unresolved-contradiction");
    assert_eq!(
        node("china-users")["label"],
        "undecided",
        "conflicting figures"
    );
    assert_eq!(node("essay")["label"], serde_json::Value::Null);
    assert_eq!(node("entitled")["conclusion"], true);
    let linked: Vec<&serde_json::Value> = doc["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "linked")
        .collect();
    assert_eq!(linked.len(), 2);
    assert_eq!(linked[0]["group"], linked[1]["group"]);
    assert_eq!(doc["counts"]["in"], 12);
}

#[test]
fn aif_links_premises_and_attackers_through_ra_and_ca_nodes() {
    let doc: serde_json::Value = serde_json::from_str(&map(&["--format", "aif"])).unwrap();
    let nodes = doc["nodes"].as_array().unwrap();
    let kind_of: std::collections::HashMap<&str, &str> = nodes
        .iter()
        .map(|n| (n["nodeID"].as_str().unwrap(), n["type"].as_str().unwrap()))
        .collect();
    let text_of = |id: &str| {
        nodes
            .iter()
            .find(|n| n["nodeID"] == id)
            .map(|n| n["text"].as_str().unwrap().to_owned())
            .unwrap()
    };
    let edges: Vec<(&str, &str)> = doc["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["fromID"].as_str().unwrap(), e["toID"].as_str().unwrap()))
        .collect();
    // Every RA and CA node has inputs from I nodes and one output to an I node.
    for (id, kind) in &kind_of {
        if *kind == "I" {
            continue;
        }
        let into: Vec<_> = edges.iter().filter(|e| e.1 == *id).collect();
        let out: Vec<_> = edges.iter().filter(|e| e.0 == *id).collect();
        assert!(!into.is_empty(), "{id} has no input");
        assert_eq!(out.len(), 1, "{id} has one conclusion");
        assert!(into.iter().chain(&out).all(|(a, b)| {
            let other = if a == id { b } else { a };
            kind_of[other] == "I"
        }));
    }
    // The linked group is one RA with two premises.
    let linked = kind_of
        .iter()
        .filter(|(id, k)| **k == "RA" && edges.iter().filter(|e| e.1 == **id).count() == 2)
        .count();
    assert_eq!(linked, 1);
    // The attack of `interdependence` on `sovereignty-first` is a CA.
    let attacker = edges
        .iter()
        .find(|(from, to)| {
            kind_of[to] == "CA" && text_of(from).starts_with("Networks cross borders")
        })
        .expect("a CA from the attacker");
    let target = edges
        .iter()
        .find(|(from, _)| *from == attacker.1)
        .unwrap()
        .1;
    assert!(text_of(target).starts_with("Each state governs"));
    // Three written attacks, and each `contradicts` is a conflict each way.
    let ca = kind_of.values().filter(|k| **k == "CA").count();
    assert_eq!(ca, 3 + 2 * 2);
    assert!(kind_of.values().all(|k| ["I", "RA", "CA"].contains(k)));
}

/// Mermaid lines that can appear in the output, and the identifiers each
/// defines or uses; enough structure to catch broken output without a
/// Mermaid parser.
#[test]
fn mermaid_is_well_formed() {
    for args in [
        vec!["--format", "mermaid"],
        vec!["--format", "mermaid", "--cluster", "file", "--sources"],
        vec![
            "--format",
            "mermaid",
            "--direction",
            "TB",
            "--cluster",
            "tag",
        ],
    ] {
        let text = map(&args);
        let mut lines = text.lines();
        let header = lines.next().unwrap();
        assert!(
            ["flowchart LR", "flowchart BT", "flowchart TB"].contains(&header),
            "{header}"
        );
        let mut defined: HashSet<String> = HashSet::new();
        let mut links = 0usize;
        let mut depth = 0i32;
        let id_end = |s: &str| {
            s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(s.len())
        };
        let arrows = [
            " --> ",
            " --- ",
            " --x ",
            " <-.->|contradicts| ",
            " -.-|same as| ",
            " -.- ",
            " -.-> ",
            " -->|linked| ",
        ];
        for line in lines {
            let line = line.trim();
            assert!(!line.is_empty());
            if let Some(rest) = line.strip_prefix("subgraph ") {
                depth += 1;
                assert!(rest.ends_with("\"]"), "{line}");
            } else if line == "end" {
                depth -= 1;
                assert!(depth >= 0);
            } else if line.starts_with("classDef ") {
            } else if let Some(rest) = line.strip_prefix("class ") {
                let (ids, _class) = rest.split_once(' ').unwrap();
                for id in ids.split(',') {
                    assert!(defined.contains(id), "class of undefined {id}");
                }
            } else if let Some(rest) = line.strip_prefix("linkStyle ") {
                let (indexes, style) = rest.split_once(' ').unwrap();
                assert!(style.starts_with("stroke:"));
                for k in indexes.split(',') {
                    assert!(k.parse::<usize>().unwrap() < links, "{line}");
                }
            } else if let Some(arrow) = arrows.iter().find(|a| line.contains(*a)) {
                let (from, to) = line.split_once(arrow).unwrap();
                assert!(defined.contains(from), "link from undefined {from}");
                assert!(defined.contains(to), "link to undefined {to}");
                links += 1;
            } else {
                // A node: an identifier, then a shape around a quoted label.
                let end = id_end(line);
                assert!(end > 0, "{line}");
                let (id, shape) = line.split_at(end);
                let label_start = shape.find('"').expect("quoted label");
                let label_end = shape.rfind('"').unwrap();
                assert!(label_end > label_start, "{line}");
                let (open, close) = (&shape[..label_start], &shape[label_end + 1..]);
                let pairs = [
                    ("(", ")"),
                    ("[", "]"),
                    ("[/", "/]"),
                    ("[[", "]]"),
                    ("{{", "}}"),
                    ("[(", ")]"),
                    ("((", "))"),
                ];
                assert!(pairs.contains(&(open, close)), "{line}");
                let label = &shape[label_start + 1..label_end];
                assert!(!label.contains('"'), "unescaped quote in {line}");
                defined.insert(id.to_owned());
            }
        }
        assert_eq!(depth, 0, "unbalanced subgraphs");
        assert!(links > 0);
    }
}

/// Every DOT the map can produce, on the fixtures and the essay.
fn dot_variants() -> Vec<Vec<&'static str>> {
    let mut variants = Vec::new();
    for input in [FIXTURES, "claims"] {
        for direction in ["TB", "BT", "LR"] {
            for cluster in ["none", "file", "tag"] {
                for sources in [false, true] {
                    let mut args =
                        vec!["map", input, "--direction", direction, "--cluster", cluster];
                    if sources {
                        args.push("--sources");
                    }
                    variants.push(args);
                }
            }
        }
        variants.push(vec!["map", input, "--only-findings"]);
    }
    variants.push(vec![
        "map",
        FIXTURES,
        "--focus",
        "cooperation",
        "--depth",
        "1",
    ]);
    variants.push(vec![
        "map",
        "claims",
        "--focus",
        "title-thesis",
        "--depth",
        "3",
    ]);
    variants
}

/// Graphviz accepts every DOT output without a warning. Skipped (with a
/// message) when `dot` is not installed; CI installs it.
#[test]
fn dot_accepts_every_dot_output_without_warnings() {
    if Command::new("dot").arg("-V").output().is_err() {
        eprintln!("skipped: `dot` is not on PATH (apt-get install graphviz)");
        return;
    }
    for args in dot_variants() {
        let o = argcheck(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.dot");
        std::fs::write(&path, &o.stdout).unwrap();
        let rendered = Command::new("dot")
            .args(["-Tsvg", "-o"])
            .arg(dir.path().join("map.svg"))
            .arg(&path)
            .output()
            .unwrap();
        assert!(rendered.status.success(), "dot failed on {args:?}");
        assert!(
            rendered.stderr.is_empty(),
            "dot warned on {args:?}: {}",
            String::from_utf8_lossy(&rendered.stderr)
        );
    }
}

/// `--format svg|png|pdf` run `dot` themselves. Skipped without Graphviz.
#[test]
fn image_formats_render_with_dot() {
    if Command::new("dot").arg("-V").output().is_err() {
        eprintln!("skipped: `dot` is not on PATH (apt-get install graphviz)");
        return;
    }
    let svg = argcheck(&["map", FIXTURES, "--format", "svg"]);
    assert_eq!(svg.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&svg.stdout).contains("<svg"));
    let png = argcheck(&["map", FIXTURES, "--format", "png"]);
    assert!(png.stdout.starts_with(b"\x89PNG"));
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("map.pdf");
    let o = argcheck(&[
        "map",
        FIXTURES,
        "--format",
        "pdf",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
}

/// Without `dot` on PATH, the image formats say how to install it and
/// suggest `--format dot`, and exit 2.
#[test]
fn image_formats_without_dot_explain_and_exit_2() {
    let empty = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_argcheck"))
        .args(["map", FIXTURES, "--format", "svg"])
        .env("PATH", empty.path())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("apt-get install graphviz"), "{stderr}");
    assert!(stderr.contains("--format dot"), "{stderr}");
    assert!(o.stdout.is_empty());
}

fn node_ids(json: &str) -> Vec<String> {
    let doc: serde_json::Value = serde_json::from_str(json).unwrap();
    doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn focus_follows_support_and_attack_both_ways() {
    let depth1 = node_ids(&map(&[
        "--format",
        "json",
        "--focus",
        "sovereignty-first",
        "--depth",
        "1",
    ]));
    // Its attacker and its target.
    assert_eq!(
        depth1,
        ["cooperation", "sovereignty-first", "interdependence"]
    );
    let depth2 = node_ids(&map(&[
        "--format",
        "json",
        "--focus",
        "sovereignty-first",
        "--depth",
        "2",
    ]));
    assert!(depth2.contains(&"shared-threats".to_owned()), "{depth2:?}");
    let depth0 = node_ids(&map(&[
        "--format",
        "json",
        "--focus",
        "interdependence",
        "--depth",
        "0",
    ]));
    assert_eq!(depth0, ["interdependence"]);
    // A failing `same-as` links the two figures as an attack.
    let figures = node_ids(&map(&[
        "--format",
        "json",
        "--focus",
        "china-users-cnnic",
        "--depth",
        "1",
    ]));
    assert!(figures.contains(&"china-users".to_owned()), "{figures:?}");
}

/// The quantities of a failing check attack each other: each is one step
/// from every other, though no pair of them is listed.
#[test]
fn the_quantities_of_a_failing_check_are_neighbours() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("source s \"S\"\n  date 2016\n");
    // `b` and `c` cite nothing, so each has a finding.
    for (q, cites) in [("a", true), ("b", false), ("c", false), ("d", true)] {
        text.push_str(&format!("quantity {q} = 5 users\n"));
        if cites {
            text.push_str("  cites s\n");
        }
    }
    text.push_str("check big: sum(a, b, c) = 1 users\ncheck apart: d < 10 users\n");
    std::fs::write(dir.path().join("t.arg"), text).unwrap();
    let path = dir.path().to_str().unwrap();
    let ids_of = |args: &[&str]| {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        let mut ids = node_ids(&map_of(path, &all));
        ids.sort();
        ids
    };
    // Along its operands the check is one step away, and the other
    // quantities would be two; as attackers they are one.
    assert_eq!(
        ids_of(&["--focus", "a", "--depth", "1"]),
        ["a", "b", "big", "c", "s"]
    );
    assert_eq!(
        ids_of(&["--focus", "d", "--depth", "1"]),
        ["apart", "d", "s"]
    );
    // `a` has no finding of its own but links `b` and `c`, which have.
    let only = ids_of(&["--only-findings"]);
    assert!(only.contains(&"a".to_owned()), "{only:?}");
    assert!(!only.contains(&"d".to_owned()), "{only:?}");
}

#[test]
fn only_findings_keeps_statements_with_findings() {
    let ids = node_ids(&map(&["--format", "json", "--only-findings"]));
    assert_eq!(ids, ["essay", "not-only", "us-leads", "china-users-cnnic"]);
    insta::assert_snapshot!(map(&["--only-findings"]));
}

#[test]
fn selection_errors_exit_2() {
    let o = argcheck(&["map", FIXTURES, "--focus", "cooperatoin"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `cooperation`?"));
    let o = argcheck(&["map", FIXTURES, "--depth", "2"]);
    assert_eq!(o.status.code(), Some(2), "--depth needs --focus");
    let o = argcheck(&["map", FIXTURES, "--focus", "entitled", "--only-findings"]);
    assert_eq!(o.status.code(), Some(2));
    let o = argcheck(&["map", FIXTURES, "--direction", "up"]);
    assert_eq!(o.status.code(), Some(2));
}

/// The spec shows an `assumed` reason in reports: the map carries it in the
/// box, the tooltip and the JSON node of each statement taken as given.
#[test]
fn assumed_reasons_are_shown() {
    let reason = "a position the essay rejects";
    let dot = map(&["--format", "dot"]);
    let line = dot
        .lines()
        .find(|l| l.trim_start().starts_with("\"bipolar\""))
        .expect("the assumed claim is drawn");
    assert!(line.contains(&format!("<I>assumed: {reason}")), "{line}");
    assert!(line.contains(&format!("\\nassumed: {reason}")), "{line}");
    let json: serde_json::Value = serde_json::from_str(&map(&["--format", "json"])).unwrap();
    let nodes = json["nodes"].as_array().unwrap();
    let node = |id: &str| nodes.iter().find(|n| n["id"] == id).unwrap();
    assert_eq!(node("bipolar")["assumed"], serde_json::json!([reason]));
    assert_eq!(node("entitled")["assumed"], serde_json::json!([]));
    assert!(map(&["--format", "mermaid"]).contains(&format!("<i>assumed: {reason}</i>")));
    // An empty reason shows as `assumed`, without a dangling colon.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.arg"),
        "claim given \"G\"\n  assumed \"\"\n",
    )
    .unwrap();
    let at = dir.path().to_str().unwrap();
    let dot = map_of(at, &["--format", "dot"]);
    assert!(
        dot.contains("<I>assumed<BR") && dot.contains("\\nassumed\""),
        "{dot}"
    );
    assert!(!dot.contains("assumed:"), "{dot}");
    assert!(map_of(at, &["--format", "mermaid"]).contains("<i>assumed</i>"));
}
