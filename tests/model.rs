//! The resolved model: attacks, contradictions and the rules that read them.

use argcheck::input::load_texts;
use argcheck::rules::check;

#[test]
fn contradicts_is_an_attack_both_ways() {
    let ws = load_texts(&[(
        "t.arg",
        "premise a \"A\"\n  assumed \"x\"\n  contradicts b\n\nclaim b \"B\"\n  assumed \"y\"\n  attacked-by c\n\nclaim c \"C\"\n  assumed \"z\"\n",
    )]);
    assert_eq!(ws.relations.contradictions.len(), 1);
    assert_eq!(ws.relations.attacks.len(), 1, "only the written attack");
    let edges: Vec<(usize, usize)> = ws.attack_edges().map(|e| (e.from, e.to)).collect();
    assert_eq!(edges, [(2, 1), (0, 1), (1, 0)]);
    // A premise that contradicts something is used: it attacks it.
    let rules: Vec<&str> = check(&ws).findings.iter().map(|f| f.rule).collect();
    assert!(!rules.contains(&"unused-premise"), "{rules:?}");
}
