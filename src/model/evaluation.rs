//! Evaluation: which statements stand once every attack is taken into account.
//!
//! Every statement except a source is labelled IN, OUT or UNDECIDED. The
//! labelling is the least fixpoint of these rules (everything starts
//! UNDECIDED, and a label is only ever given, never taken back):
//!
//! - A *ground* (evidence or a quantity with `cites`, any statement with
//!   `assumed`, a check that holds) is IN when every attacker is OUT, and OUT
//!   when some attacker is IN.
//! - A claim or premise that is not assumed is IN when some support group
//!   has every member IN and every attacker is OUT. It is OUT when some
//!   attacker is IN, when it has no support group, or when every support
//!   group has a member that is OUT (a group naming a missing statement
//!   counts as having one).
//! - Evidence or a quantity without `cites` (and not assumed) stands on
//!   nothing: OUT.
//! - A failing check is OUT, and the quantities it relates attack each other
//!   as `contradicts` would. A check that cannot be decided (it holds only
//!   under the coarse reading, or it could not be evaluated) stays UNDECIDED.
//! - `contradicts` is an attack in both directions.
//!
//! Because a statement is only labelled once the labels it depends on are
//! known, support cycles without outside support and odd attack cycles stay
//! UNDECIDED, and an attacker of an attacker reinstates the statement. The
//! fixpoint is computed with a worklist, without recursion, in time linear
//! in the size of the graph. The quantities of a failing check are kept as
//! one set (a *conflict*), not as the k(k-1) attacks it stands for, so that
//! size is that of the text.

use super::graph::Adjacency;
use super::{StmtId, Workspace};
use crate::ast::{ClauseKeyword, StatementKind};
use std::collections::VecDeque;

/// Whether a statement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// It stands: grounded, and every attack on it is defeated.
    In,
    /// It falls: an attacker stands, or its support fails.
    Out,
    /// Neither can be decided (a cycle, or an attack that stays open).
    Undecided,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::In => "in",
            Label::Out => "out",
            Label::Undecided => "undecided",
        }
    }
}

/// What the numbers say about a check, as far as the labelling cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckState {
    Holds,
    Fails,
    /// Holds only under the coarse reading, or could not be evaluated.
    Undecided,
}

/// The numeric inputs of the labelling.
#[derive(Debug, Clone, Default)]
pub struct NumericVerdicts {
    /// The state of each check, by statement; checks not listed stay
    /// UNDECIDED.
    pub checks: Vec<(StmtId, CheckState)>,
    /// `same-as` pairs that fail: the two quantities attack each other.
    pub failed_same_as: Vec<(StmtId, StmtId)>,
}

/// The label of every statement, and the attacks it was computed from.
#[derive(Debug, Clone, Default)]
pub struct Labelling {
    /// By statement; `None` for sources, which are not evaluated.
    pub labels: Vec<Option<Label>>,
    /// The written attackers of each statement, sorted and deduplicated:
    /// attacks, and both directions of `contradicts`.
    pub attackers: Adjacency,
    /// Sets of quantities that attack each other: those of each failing check
    /// and each failing `same-as`, sorted and deduplicated. A set of k
    /// quantities stands for k(k-1) attacks, which are never listed one by
    /// one, so a check over thousands of quantities costs no more than its
    /// text.
    pub conflicts: Adjacency,
    /// The conflicts each statement belongs to.
    pub conflicts_of: Adjacency,
}

impl Labelling {
    pub fn label(&self, s: StmtId) -> Option<Label> {
        self.labels[s]
    }

    /// How many statements carry each label: (in, out, undecided).
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for label in self.labels.iter().flatten() {
            match label {
                Label::In => counts.0 += 1,
                Label::Out => counts.1 += 1,
                Label::Undecided => counts.2 += 1,
            }
        }
        counts
    }

    /// The attackers of `s` that are IN, sorted: written ones and the other
    /// quantities of its conflicts.
    pub fn standing_attackers(&self, s: StmtId) -> Vec<StmtId> {
        let conflicting = self
            .conflicts_of
            .of(s)
            .flat_map(|c| self.conflicts.of(c))
            .filter(|&a| a != s);
        let mut standing: Vec<StmtId> = self
            .attackers
            .of(s)
            .chain(conflicting)
            .filter(|&a| self.labels[a] == Some(Label::In))
            .collect();
        standing.sort_unstable();
        standing.dedup();
        standing
    }
}

/// How a statement can come to be labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not evaluated (a source).
    Unlabelled,
    /// IN once every attacker is OUT; OUT once one is IN.
    Ground,
    /// A claim or premise that needs a support group.
    Supported,
    /// Fixed from the start whatever happens around it.
    Fixed(Label),
}

/// Labels every statement of the workspace.
pub fn evaluate(ws: &Workspace, numbers: &NumericVerdicts) -> Labelling {
    let n = ws.statements.len();
    let attackers = written_attackers(ws);
    let conflicts = conflicts(ws, numbers);
    let conflicts_of = Adjacency::from_pairs(
        n,
        (0..conflicts.len()).flat_map(|c| conflicts.of(c).map(move |m| (m, c))),
    );
    let mut check_state = vec![CheckState::Undecided; n];
    for &(s, state) in &numbers.checks {
        check_state[s] = state;
    }
    let roles: Vec<Role> = ws
        .statements
        .iter()
        .enumerate()
        .map(|(s, stmt)| {
            let kind = stmt.kind();
            if kind == StatementKind::Source {
                Role::Unlabelled
            } else if kind == StatementKind::Check {
                match check_state[s] {
                    CheckState::Holds => Role::Ground,
                    CheckState::Fails => Role::Fixed(Label::Out),
                    CheckState::Undecided => Role::Fixed(Label::Undecided),
                }
            } else if stmt.has(ClauseKeyword::Assumed) {
                Role::Ground
            } else if matches!(kind, StatementKind::Claim | StatementKind::Premise) {
                Role::Supported
            } else if stmt.has(ClauseKeyword::Cites) {
                Role::Ground
            } else {
                Role::Fixed(Label::Out)
            }
        })
        .collect();
    let attacks_of = Adjacency::from_pairs(
        n,
        (0..attackers.len()).flat_map(|target| attackers.of(target).map(move |a| (a, target))),
    );
    // Support groups with members deduplicated; only those of claims and
    // premises that need support take part.
    let groups: Vec<(StmtId, bool)> = ws
        .relations
        .groups
        .iter()
        .filter(|g| roles[g.target] == Role::Supported)
        .map(|g| (g.target, g.broken))
        .collect();
    let members = Adjacency::from_pairs(
        groups.len(),
        ws.relations
            .groups
            .iter()
            .filter(|g| roles[g.target] == Role::Supported)
            .enumerate()
            .flat_map(|(k, g)| g.members.iter().map(move |&m| (k, m))),
    )
    .sorted_and_deduplicated();
    let groups_of_member = Adjacency::from_pairs(
        n,
        (0..members.len()).flat_map(|g| members.of(g).map(move |m| (m, g))),
    );

    // A conflict of one quantity attacks nothing.
    let blocks = |c: usize| conflicts.of(c).len() > 1;
    let mut state = State {
        labels: vec![None; n],
        queue: VecDeque::new(),
        blockers: (0..n)
            .map(|s| count(attackers.of(s)) + count(conflicts_of.of(s).filter(|&c| blocks(c))))
            .collect(),
        processed_out: vec![false; n],
        conflict_not_out: (0..conflicts.len())
            .map(|c| count(conflicts.of(c)))
            .collect(),
        members_not_in: (0..members.len()).map(|g| count(members.of(g))).collect(),
        group_has_out: groups.iter().map(|&(_, broken)| broken).collect(),
        full_groups: vec![0; n],
        groups_without_out: vec![0; n],
    };
    for (&(target, broken), members) in groups.iter().zip(members.iter()) {
        if !broken {
            state.groups_without_out[target] += 1;
            if members.is_empty() {
                state.full_groups[target] += 1;
            }
        }
    }
    for (s, role) in roles.iter().enumerate() {
        match role {
            Role::Unlabelled => {}
            Role::Fixed(label) => state.set(s, *label),
            Role::Ground => {
                if state.blockers[s] == 0 {
                    state.set(s, Label::In);
                }
            }
            Role::Supported => {
                if state.groups_without_out[s] == 0 {
                    state.set(s, Label::Out);
                } else if state.full_groups[s] > 0 && state.blockers[s] == 0 {
                    state.set(s, Label::In);
                }
            }
        }
    }
    // The statements whose blockers an OUT label lowered, reused.
    let mut cleared: Vec<StmtId> = Vec::new();
    while let Some(s) = state.queue.pop_front() {
        match state.labels[s] {
            Some(Label::In) => {
                for t in attacks_of.of(s) {
                    state.set(t, Label::Out);
                }
                // Nothing to do for its conflicts: a quantity of a conflict
                // is IN only once every other one is OUT.
                for g in groups_of_member.of(s) {
                    state.members_not_in[g] -= 1;
                    let target = groups[g].0;
                    if state.members_not_in[g] == 0 && !state.group_has_out[g] {
                        state.full_groups[target] += 1;
                        if state.blockers[target] == 0 {
                            state.set(target, Label::In);
                        }
                    }
                }
            }
            Some(Label::Out) => {
                state.processed_out[s] = true;
                for t in attacks_of.of(s) {
                    state.blockers[t] -= 1;
                    cleared.push(t);
                }
                // A conflict stops blocking its last quantity not OUT once
                // all the others are: found by one scan per conflict.
                for c in conflicts_of.of(s) {
                    state.conflict_not_out[c] -= 1;
                    if state.conflict_not_out[c] == 1 && blocks(c) {
                        let last = conflicts.of(c).find(|&t| !state.processed_out[t]);
                        if let Some(t) = last {
                            state.blockers[t] -= 1;
                            cleared.push(t);
                        }
                    }
                }
                for t in cleared.drain(..) {
                    if state.blockers[t] > 0 {
                        continue;
                    }
                    match roles[t] {
                        Role::Ground => state.set(t, Label::In),
                        Role::Supported if state.full_groups[t] > 0 => state.set(t, Label::In),
                        _ => {}
                    }
                }
                for g in groups_of_member.of(s) {
                    if state.group_has_out[g] {
                        continue;
                    }
                    state.group_has_out[g] = true;
                    let target = groups[g].0;
                    state.groups_without_out[target] -= 1;
                    if state.groups_without_out[target] == 0 {
                        state.set(target, Label::Out);
                    }
                }
            }
            _ => {}
        }
    }
    let labels = state
        .labels
        .iter()
        .zip(&roles)
        .map(|(label, role)| match role {
            Role::Unlabelled => None,
            _ => Some(label.unwrap_or(Label::Undecided)),
        })
        .collect();
    Labelling {
        labels,
        attackers,
        conflicts,
        conflicts_of,
    }
}

/// The worklist state. `labels[s]` is `None` while `s` is undecided.
struct State {
    labels: Vec<Option<Label>>,
    queue: VecDeque<StmtId>,
    // The counters are 32-bit: one per statement, group or conflict, five
    // arrays of them, and no list is longer than the workspace's text.
    /// Per statement: written attackers not (yet) OUT, plus conflicts with
    /// another quantity not (yet) OUT. IN needs none.
    blockers: Vec<u32>,
    /// Per statement: its OUT label has been passed on.
    processed_out: Vec<bool>,
    /// Per conflict: quantities not (yet) OUT.
    conflict_not_out: Vec<u32>,
    /// Per group: members not (yet) IN.
    members_not_in: Vec<u32>,
    /// Per group: some member is OUT (or missing).
    group_has_out: Vec<bool>,
    /// Per statement: groups whose members are all IN.
    full_groups: Vec<u32>,
    /// Per statement: groups none of whose members is OUT.
    groups_without_out: Vec<u32>,
}

impl State {
    /// Gives `s` its label unless it has one; a label is never changed, so
    /// each statement enters the queue at most once.
    fn set(&mut self, s: StmtId, label: Label) {
        if self.labels[s].is_none() {
            self.labels[s] = Some(label);
            if label != Label::Undecided {
                self.queue.push_back(s);
            }
        }
    }
}

/// How many items a list has, as a counter.
fn count(list: impl Iterator) -> u32 {
    u32::try_from(list.count()).unwrap_or(u32::MAX)
}

/// The written attackers of each statement: attacks, and both directions of
/// each `contradicts`.
fn written_attackers(ws: &Workspace) -> Adjacency {
    let n = ws.statements.len();
    let written = ws.relations.attacks.iter().map(|e| (e.to, e.from));
    let contradicted = ws
        .relations
        .contradictions
        .iter()
        .flat_map(|e| [(e.to, e.from), (e.from, e.to)]);
    Adjacency::from_pairs(n, written.chain(contradicted)).sorted_and_deduplicated()
}

/// The quantities of each failing check, then the pair of each failing
/// `same-as`: each set's quantities attack each other.
fn conflicts(ws: &Workspace, numbers: &NumericVerdicts) -> Adjacency {
    let n = ws.statements.len();
    let mut failing = vec![false; n];
    for &(check, state) in &numbers.checks {
        if state == CheckState::Fails {
            failing[check] = true;
        }
    }
    let checks: Vec<StmtId> = (0..n).filter(|&s| failing[s]).collect();
    let mut conflict_of_check = vec![usize::MAX; n];
    for (c, &check) in checks.iter().enumerate() {
        conflict_of_check[check] = c;
    }
    let operands = (ws.relations.operands.iter())
        .filter(|o| failing[o.check()])
        .map(|o| (conflict_of_check[o.check()], o.quantity()));
    let pairs = numbers
        .failed_same_as
        .iter()
        .enumerate()
        .flat_map(|(k, &(a, b))| [(checks.len() + k, a), (checks.len() + k, b)]);
    Adjacency::from_pairs(
        checks.len() + numbers.failed_same_as.len(),
        operands.chain(pairs),
    )
    .sorted_and_deduplicated()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::load_texts;
    use std::fmt::Write;

    /// The label of each named statement, evaluated with the real checker
    /// (so checks and `same-as` are decided by the numbers).
    fn labels_of(text: &str) -> Vec<(String, Option<Label>)> {
        let ws = load_texts(&[("t.arg", text)]);
        assert!(ws.syntax_errors.is_empty(), "{:?}", ws.syntax_errors);
        let (_, labelling) =
            crate::rules::check_and_label(&ws, &crate::numeric::NumberSettings::default());
        ws.statements
            .iter()
            .enumerate()
            .map(|(s, stmt)| {
                let name = ws.name_of(stmt).unwrap_or("(check)").to_owned();
                (name, labelling.label(s))
            })
            .collect()
    }

    fn label(labels: &[(String, Option<Label>)], name: &str) -> Label {
        labels
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, l)| *l)
            .unwrap_or_else(|| panic!("{name} has no label"))
    }

    fn assert_labels(text: &str, expected: &[(&str, Label)]) {
        let labels = labels_of(text);
        for &(name, want) in expected {
            assert_eq!(label(&labels, name), want, "{name} in\n{text}");
        }
    }

    use Label::{In, Out, Undecided};

    const SOURCE: &str = "source s \"S\"\n  date 2016\n";

    #[test]
    fn a_support_chain_down_to_cited_evidence_is_in() {
        let text = format!(
            "{SOURCE}evidence e \"E\"\n  cites s\npremise p \"P\"\n  supported-by e\nclaim c \"C\"\n  supported-by p\n"
        );
        assert_labels(&text, &[("e", In), ("p", In), ("c", In)]);
    }

    #[test]
    fn a_chain_that_ends_in_nothing_is_out() {
        let text = "evidence e \"E\"\npremise p \"P\"\n  supported-by e\nclaim c \"C\"\n  supported-by p\npremise bare \"B\"\n";
        assert_labels(text, &[("e", Out), ("p", Out), ("c", Out), ("bare", Out)]);
    }

    #[test]
    fn an_attacker_of_an_attacker_reinstates() {
        let text = "claim a \"A\"\n  assumed \"x\"\n  attacked-by b\npremise b \"B\"\n  assumed \"x\"\n  attacked-by c\npremise c \"C\"\n  assumed \"x\"\n";
        assert_labels(text, &[("c", In), ("b", Out), ("a", In)]);
    }

    #[test]
    fn an_attacker_that_is_out_does_not_defeat() {
        let text = "claim a \"A\"\n  assumed \"x\"\n  attacked-by b\npremise b \"B\"\n";
        assert_labels(text, &[("b", Out), ("a", In)]);
    }

    #[test]
    fn odd_attack_cycles_are_undecided() {
        let text = "claim a \"A\"\n  assumed \"x\"\n  attacks b\nclaim b \"B\"\n  assumed \"x\"\n  attacks c\nclaim c \"C\"\n  assumed \"x\"\n  attacks a\n";
        assert_labels(
            text,
            &[("a", Undecided), ("b", Undecided), ("c", Undecided)],
        );
    }

    #[test]
    fn even_attack_cycles_are_undecided_until_broken_from_outside() {
        let cycle = "claim a \"A\"\n  assumed \"x\"\n  attacks b\nclaim b \"B\"\n  assumed \"x\"\n  attacks c\nclaim c \"C\"\n  assumed \"x\"\n  attacks d\nclaim d \"D\"\n  assumed \"x\"\n  attacks a\n";
        assert_labels(
            cycle,
            &[
                ("a", Undecided),
                ("b", Undecided),
                ("c", Undecided),
                ("d", Undecided),
            ],
        );
        let broken = format!("{cycle}premise e \"E\"\n  assumed \"x\"\n  attacks a\n");
        assert_labels(
            &broken,
            &[("e", In), ("a", Out), ("b", In), ("c", Out), ("d", In)],
        );
        let pair =
            "claim a \"A\"\n  assumed \"x\"\n  contradicts b\nclaim b \"B\"\n  assumed \"x\"\n";
        assert_labels(pair, &[("a", Undecided), ("b", Undecided)]);
    }

    #[test]
    fn support_cycles_need_outside_support() {
        let cycle = "claim a \"A\"\n  supported-by b\nclaim b \"B\"\n  supported-by a\n";
        assert_labels(cycle, &[("a", Undecided), ("b", Undecided)]);
        let grounded = format!(
            "{SOURCE}claim a \"A\"\n  supported-by b, e\nclaim b \"B\"\n  supported-by a\nevidence e \"E\"\n  cites s\n"
        );
        assert_labels(&grounded, &[("a", In), ("b", In)]);
        let failed = "claim a \"A\"\n  supported-by b, e\nclaim b \"B\"\n  supported-by a\nevidence e \"E\"\n";
        assert_labels(failed, &[("e", Out), ("a", Undecided), ("b", Undecided)]);
    }

    #[test]
    fn linked_groups_need_every_member() {
        let base = format!(
            "{SOURCE}evidence e1 \"E1\"\n  cites s\nevidence e2 \"E2\"\n  cites s\nevidence bare \"no source\"\n"
        );
        assert_labels(
            &format!("{base}claim c \"C\"\n  supported-by e1 + e2\n"),
            &[("c", In)],
        );
        assert_labels(
            &format!("{base}claim c \"C\"\n  supported-by e1 + bare\n"),
            &[("bare", Out), ("c", Out)],
        );
        // Convergent: one good group is enough.
        assert_labels(
            &format!("{base}claim c \"C\"\n  supported-by e1 + bare, e2\n"),
            &[("c", In)],
        );
        // A member that stays undecided leaves the group undecided.
        let open = format!(
            "{base}premise x \"X\"\n  assumed \"x\"\n  contradicts y\npremise y \"Y\"\n  assumed \"y\"\nclaim c \"C\"\n  supported-by e1 + x\n"
        );
        assert_labels(&open, &[("x", Undecided), ("c", Undecided)]);
        // A group naming a missing statement never supports.
        assert_labels(
            &format!("{base}claim c \"C\"\n  supported-by e1 + missing\n"),
            &[("c", Out)],
        );
    }

    #[test]
    fn an_attack_that_stands_beats_support() {
        let text = format!(
            "{SOURCE}evidence e \"E\"\n  cites s\nclaim c \"C\"\n  supported-by e\n  attacked-by o\npremise o \"O\"\n  assumed \"x\"\n"
        );
        assert_labels(&text, &[("c", Out)]);
        let attacked_ground = format!("{text}evidence e2 \"E2\"\n  cites s\n  attacked-by o\n");
        assert_labels(&attacked_ground, &[("e2", Out), ("e", In)]);
    }

    #[test]
    fn checks_that_hold_are_in_and_failing_checks_set_their_quantities_against_each_other() {
        let quantities = format!(
            "{SOURCE}quantity a = 670 million users\n  cites s\nquantity b = 280 million users\n  cites s\nquantity total = 950 million users\n  cites s\n"
        );
        let holds = format!(
            "{quantities}check sum: total = a + b\n  supports c\nclaim c \"C\"\n  supported-by sum\n"
        );
        assert_labels(
            &holds,
            &[("sum", In), ("a", In), ("b", In), ("total", In), ("c", In)],
        );
        let fails =
            format!("{quantities}check sum: total = a + b + b\nclaim c \"C\"\n  supported-by a\n");
        assert_labels(
            &fails,
            &[
                ("sum", Out),
                ("a", Undecided),
                ("b", Undecided),
                ("total", Undecided),
                ("c", Undecided),
            ],
        );
        // An uncited quantity in the conflict is OUT, so the others stand.
        let one_uncited = format!(
            "{SOURCE}quantity a = 670 million users\n  cites s\nquantity b = 688 million users\ncheck same: a = b\n"
        );
        assert_labels(&one_uncited, &[("same", Out), ("b", Out), ("a", In)]);
        let same_as = format!(
            "{SOURCE}quantity a = 670 million users\n  cites s\n  same-as b\nquantity b = 688 million users\n  cites s\n"
        );
        assert_labels(&same_as, &[("a", Undecided), ("b", Undecided)]);
    }

    #[test]
    fn a_conflict_of_many_quantities_stands_for_every_pair() {
        // Quantities `a`, `b` and `c`, each cited or not, then `checks`.
        let text = |cited: [bool; 3], checks: &str| {
            let mut text = SOURCE.to_owned();
            for (name, cited) in ["a", "b", "c"].into_iter().zip(cited) {
                text.push_str(&format!("quantity {name} = 5 users\n"));
                if cited {
                    text.push_str("  cites s\n");
                }
            }
            text + checks
        };
        let big = "check big: sum(a, b, c) = 1 users\n";
        // Three quantities that cannot add up attack each other pairwise:
        // nothing settles them, UNDECIDED.
        assert_labels(
            &text([true, true, true], big),
            &[
                ("big", Out),
                ("a", Undecided),
                ("b", Undecided),
                ("c", Undecided),
            ],
        );
        // Once every other quantity is OUT, the last one stands.
        assert_labels(
            &text([true, false, false], big),
            &[("a", In), ("b", Out), ("c", Out)],
        );
        // One OUT is not enough while another quantity is still open.
        assert_labels(
            &text([true, true, false], big),
            &[("a", Undecided), ("b", Undecided), ("c", Out)],
        );
        // A quantity in two conflicts needs both cleared, and a quantity
        // written twice is one member.
        let two_checks = "check first: a + b + b = 1 users\ncheck second: a + c = 1 users\n";
        assert_labels(
            &text([true, false, true], two_checks),
            &[("a", Undecided), ("b", Out), ("c", Undecided)],
        );
        assert_labels(
            &text([true, false, false], two_checks),
            &[("a", In), ("b", Out), ("c", Out)],
        );
    }

    #[test]
    fn sources_are_not_labelled() {
        let labels = labels_of(SOURCE);
        assert_eq!(labels, [("s".to_owned(), None)]);
    }

    /// A statement whose label is decided by statements far down a chain.
    #[test]
    fn long_chains_and_cycles_need_no_recursion() {
        const N: usize = 100_000;
        let mut support = String::new();
        let mut attack = String::new();
        let mut cycle = String::new();
        for k in 0..N {
            let _ = writeln!(support, "claim s{k} \"S\"\n  supported-by s{}", k + 1);
            let _ = writeln!(
                attack,
                "claim a{k} \"A\"\n  assumed \"x\"\n  attacked-by a{}",
                k + 1
            );
            let _ = writeln!(cycle, "claim c{k} \"C\"\n  supported-by c{}", (k + 1) % N);
        }
        let _ = writeln!(support, "claim s{N} \"S\"\n  assumed \"x\"");
        let _ = writeln!(attack, "claim a{N} \"A\"\n  assumed \"x\"");
        let ws = load_texts(&[("s.arg", &support), ("a.arg", &attack), ("c.arg", &cycle)]);
        let labelling = evaluate(&ws, &NumericVerdicts::default());
        let of = |name: &str| labelling.label(ws.lookup(name).unwrap());
        assert_eq!(of("s0"), Some(In));
        // a{N} stands, so the labels alternate down the chain.
        assert_eq!(of(&format!("a{N}")), Some(In));
        // N is even: a0 is an even number of steps from a{N}.
        assert_eq!(of("a0"), Some(In));
        assert_eq!(of("a1"), Some(Out));
        assert_eq!(of("c0"), Some(Undecided));
        let (ins, outs, undecided) = labelling.counts();
        assert_eq!((ins + outs, undecided), (2 * (N + 1), N));
    }
}
