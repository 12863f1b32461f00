//! Whole checks built by hand: the spec's worked example and one case per
//! rule and hedge.

use super::decimal::{pow10, ratio};
use super::testing::{add, call, div, lit, mul, name, neg, paren, relation, sub, value};
use super::value::number_interval;
use super::*;
use crate::ast::{DateLit, Expr, ExprKind, Func, Ident, RelOp, Relation, Value};
use crate::syntax::span::Span;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Quantities by name: (value text, as-of).
struct Workspace {
    quantities: HashMap<String, (Value, Option<DateLit>)>,
}

impl Workspace {
    fn new(entries: &[(&str, &str)]) -> Workspace {
        let quantities = entries
            .iter()
            .map(|(n, v)| (n.to_string(), (value(v), None)))
            .collect();
        Workspace { quantities }
    }

    fn dated(mut self, quantity: &str, date: &str) -> Workspace {
        if let Some(entry) = self.quantities.get_mut(quantity) {
            entry.1 = testing::date_lit(date);
        }
        self
    }

    /// The workspace with `quantity` stated as `text` instead.
    fn restated(mut self, quantity: &str, text: &str) -> Workspace {
        self.quantities
            .insert(quantity.to_string(), (value(text), None));
        self
    }

    fn check(&self, relation: &Relation) -> CheckOutcome {
        evaluate_relation(relation, "", &|n| self.info(n), &NumberSettings::default())
    }

    /// [`Workspace::check`] as the rules run it: sides only when failing.
    fn check_for_findings(&self, relation: &Relation) -> CheckOutcome {
        let settings = NumberSettings::default();
        evaluate_relation_for_findings(relation, "", &|n| self.info(n), &settings)
    }

    /// [`Workspace::check`], and every name it asked for, sorted.
    fn check_asking(&self, relation: &Relation) -> (CheckOutcome, Vec<String>) {
        let asked = std::cell::RefCell::new(Vec::new());
        let lookup = |n: &str| {
            asked.borrow_mut().push(n.to_owned());
            self.info(n)
        };
        let outcome = evaluate_relation(relation, "", &lookup, &NumberSettings::default());
        let mut asked = asked.into_inner();
        asked.sort();
        (outcome, asked)
    }

    fn info(&self, name: &str) -> Option<QuantityInfo<'_>> {
        self.quantities
            .get(name)
            .map(|(value, as_of)| QuantityInfo {
                value,
                as_of: *as_of,
                amounts: None,
            })
    }
}

fn essay(china: &str) -> Workspace {
    Workspace::new(&[
        ("world-users", "3.366 billion users"),
        ("china-users", china),
        ("us-users", "280 million users"),
        ("cn-us-share", "28.22 %"),
    ])
}

fn share_check() -> Relation {
    relation(
        name("cn-us-share"),
        RelOp::Eq,
        div(
            paren(add(name("china-users"), name("us-users"))),
            name("world-users"),
        ),
    )
}

fn interval_of(text: &str, reading: Reading) -> Interval {
    let Value::Number(number) = value(text) else {
        panic!("not a number: {text}")
    };
    number_interval(&number, reading, &NumberSettings::default())
        .unwrap()
        .to_big()
}

fn closed(lo: BigRational, hi: BigRational) -> Interval {
    Interval::closed(lo, hi)
}

fn million(n: i64, d: i64) -> BigRational {
    ratio(n, d) * ratio(1_000_000, 1)
}

fn rules(outcome: &CheckOutcome) -> Vec<&'static str> {
    outcome.problems.iter().map(|p| p.rule).collect()
}

#[test]
fn each_name_is_looked_up_once_per_relation() {
    // `670 million` reads differently when coarse, so the relation is
    // evaluated twice; `cn-us-share`, alone on its side, is read again to
    // describe that side and to judge its precision. Without the memo, ten
    // lookups.
    let (outcome, asked) = essay("670 million users").check_asking(&share_check());
    assert_eq!(outcome.verdict, Verdict::Holds);
    let right = outcome.right.as_ref().unwrap();
    assert!(right.coarse.is_some(), "the coarse pass ran");
    assert_eq!(
        asked,
        ["china-users", "cn-us-share", "us-users", "world-users"]
    );
}

#[test]
fn a_long_sum_asks_each_name_once() {
    // More names than the memo scans: the rest are hashed, and still each
    // is asked once although the coarse pass reads them all again.
    let names: Vec<String> = (0..20).map(|k| format!("q{k}")).collect();
    let entries: Vec<(&str, &str)> = names
        .iter()
        .map(|n| (n.as_str(), "670 million users"))
        .collect();
    let args = names.iter().map(|n| name(n)).collect();
    let check = relation(call(Func::Sum, args), RelOp::Eq, lit("13.4 billion users"));
    let (outcome, asked) = Workspace::new(&entries).check_asking(&check);
    assert_eq!(outcome.verdict, Verdict::Holds);
    let mut expected = names.clone();
    expected.sort();
    assert_eq!(asked, expected);
}

#[test]
fn essay_figures_are_consistent() {
    let outcome = essay("670 million users").check(&share_check());
    assert_eq!(outcome.verdict, Verdict::Holds);
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    let right = outcome.right.as_ref().unwrap();
    // Strict share [949/3366.5, 951/3365.5].
    assert_eq!(
        right.strict.to_big(),
        closed(ratio(9490, 33665), ratio(9510, 33655))
    );
    let (left_display, right_display) = outcome.displays(Reading::Strict).unwrap();
    assert_eq!(right_display, "[28.189 %, 28.258 %]");
    assert_eq!(left_display, "[28.215 %, 28.225 %]");
}

#[test]
fn worked_example_intervals() {
    assert_eq!(
        interval_of("3.366 billion users", Reading::Strict),
        closed(million(33655, 10), million(33665, 10))
    );
    assert_eq!(
        interval_of("670 million users", Reading::Strict),
        closed(million(6695, 10), million(6705, 10))
    );
    assert_eq!(
        interval_of("670 million users", Reading::Coarse),
        closed(million(665, 1), million(675, 1))
    );
    assert_eq!(
        interval_of("280 million users", Reading::Coarse),
        closed(million(275, 1), million(285, 1))
    );
    assert_eq!(
        interval_of("3.366e9", Reading::Coarse),
        closed(million(33655, 10), million(33665, 10))
    );
}

#[test]
fn inflated_china_figure_is_a_numeric_inconsistency() {
    let outcome = essay("688 million users").check(&share_check());
    assert_eq!(outcome.verdict, Verdict::NumericInconsistency);
    assert_eq!(outcome.reading, Some(Reading::Coarse));
    let right = outcome.right.as_ref().unwrap();
    assert_eq!(
        right.strict.to_big(),
        closed(ratio(9670, 33665), ratio(9690, 33655))
    );
    // `688` has no rounding zeros, so only `280` widens under the coarse
    // reading: [962.5/3366.5, 973.5/3365.5]. (The spec's coarse
    // [28.457 %, 29.060 %] would need 688 to be read as [683, 693].)
    assert_eq!(
        right.interval(Reading::Coarse).to_big(),
        closed(ratio(9625, 33665), ratio(9735, 33655))
    );
    assert_eq!(
        outcome.displays(Reading::Strict).unwrap().1,
        "[28.724 %, 28.793 %]"
    );
    assert_eq!(
        outcome.message().unwrap(),
        "28.22 % stands for [28.215 %, 28.225 %] but (china-users + us-users) / world-users gives [28.590 %, 28.926 %]"
    );
}

#[test]
fn only_failing_outcomes_keep_their_sides_for_findings() {
    let failing = essay("688 million users").check(&share_check());
    let kept = failing.clone().without_unshown_sides();
    assert_eq!(kept, failing);
    assert!(kept.message().is_some());

    let holding = essay("670 million users").check(&share_check());
    assert_eq!(holding.verdict, Verdict::Holds);
    assert!(holding.shown().is_some());
    let trimmed = holding.clone().without_unshown_sides();
    assert_eq!(
        (trimmed.verdict, trimmed.reading, &trimmed.problems),
        (holding.verdict, holding.reading, &holding.problems)
    );
    assert!(trimmed.left.is_none() && trimmed.right.is_none());
    assert!(trimmed.shown().is_none() && trimmed.message().is_none());
}

#[test]
fn the_rules_outcome_is_the_full_one_without_unshown_sides() {
    let precise = || essay("670 million users").restated("cn-us-share", "28.2213 %");
    let dated = |ws: Workspace| {
        ws.dated("china-users", "2010-06")
            .dated("us-users", "2015-12")
    };
    let pair = Workspace::new(&[("a", "670 million users"), ("b", "673 million users")]);
    assert_eq!(
        rules(&dated(precise()).check_for_findings(&share_check())),
        ["mixed-dates", "overstated-precision"]
    );
    let cases = [
        // holds; fails coarse; holds with a precision note; mixed dates;
        // fails strict only; both notes, in order; not evaluated.
        (essay("670 million users"), share_check()),
        (essay("688 million users"), share_check()),
        (precise(), share_check()),
        (dated(essay("670 million users")), share_check()),
        (pair, relation(name("a"), RelOp::Eq, name("b"))),
        (dated(precise()), share_check()),
        (
            essay("670 million users"),
            relation(name("nobody"), RelOp::Eq, lit("5")),
        ),
    ];
    let mut verdicts = Vec::new();
    for (ws, check) in &cases {
        let full = ws.check(check);
        verdicts.push(full.verdict);
        assert_eq!(
            ws.check_for_findings(check),
            full.clone().without_unshown_sides()
        );
        assert_eq!(full.left.is_some(), full.verdict != Verdict::NotEvaluated);
    }
    assert_eq!(
        verdicts,
        [
            Verdict::Holds,
            Verdict::NumericInconsistency,
            Verdict::Holds,
            Verdict::Holds,
            Verdict::RoundingInconsistency,
            Verdict::Holds,
            Verdict::NotEvaluated
        ]
    );
}

#[test]
fn rounding_inconsistency_holds_coarse_fails_strict() {
    let ws = Workspace::new(&[("a", "670 million users"), ("b", "673 million users")]);
    let outcome = ws.check(&relation(name("a"), RelOp::Eq, name("b")));
    assert_eq!(outcome.verdict, Verdict::RoundingInconsistency);
    assert_eq!(outcome.reading, Some(Reading::Strict));
    assert_eq!(
        outcome.message().unwrap(),
        "670 million users stands for [669.5 million users, 670.5 million users] but 673 million users stands for [672.5 million users, 673.5 million users]"
    );
    assert!(
        outcome
            .help()
            .unwrap()
            .contains("[665 million users, 675 million users]")
    );
}

#[test]
fn exact_decimal_arithmetic() {
    let check = relation(
        add(lit("exactly 0.1"), lit("exactly 0.2")),
        RelOp::Eq,
        lit("exactly 0.3"),
    );
    assert_eq!(Workspace::new(&[]).check(&check).verdict, Verdict::Holds);
    let off = relation(
        add(lit("exactly 0.1"), lit("exactly 0.2")),
        RelOp::Eq,
        lit("exactly 0.30001"),
    );
    assert_eq!(
        Workspace::new(&[]).check(&off).verdict,
        Verdict::NumericInconsistency
    );
}

#[test]
fn huge_and_tiny_exponents_are_fast() {
    let start = Instant::now();
    let check = relation(
        mul(lit("1e300"), lit("1e-300")),
        RelOp::Eq,
        lit("exactly 1"),
    );
    let outcome = Workspace::new(&[]).check(&check);
    assert_eq!(outcome.verdict, Verdict::Holds);
    let big = relation(lit("1e300"), RelOp::Gt, lit("9.99e299"));
    assert_eq!(Workspace::new(&[]).check(&big).verdict, Verdict::Holds);
    let huge = relation(mul(lit("1e1000"), lit("1e1000")), RelOp::Gt, lit("1e-1000"));
    assert_eq!(Workspace::new(&[]).check(&huge).verdict, Verdict::Holds);
    assert!(start.elapsed() < Duration::from_secs(2));
    assert_eq!(
        interval_of("1e300", Reading::Strict),
        closed(
            ratio(1, 2) * pow10(300).unwrap(),
            ratio(3, 2) * pow10(300).unwrap()
        )
    );
}

#[test]
fn hedges() {
    let s = Reading::Coarse;
    let r = |n| ratio(n, 1);
    assert_eq!(interval_of("exactly 5", s), Interval::point(r(5)));
    // 5 % of 100 each side of the strict [99.5, 100.5], even under coarse.
    assert_eq!(
        interval_of("about 100", s),
        closed(ratio(945, 10), ratio(1055, 10))
    );
    assert_eq!(
        interval_of("around 100", s),
        interval_of("approximately 100", s)
    );
    assert_eq!(interval_of("nearly 100", s), closed(r(95), r(100)));
    assert_eq!(interval_of("almost 100", s), closed(r(95), r(100)));
    assert_eq!(interval_of("over 5", s), Interval::above(r(5), false));
    assert_eq!(interval_of("more than 5", s), Interval::above(r(5), false));
    assert_eq!(interval_of("under 5", s), Interval::below(r(5), false));
    assert_eq!(interval_of("at least 5", s), Interval::above(r(5), true));
    assert_eq!(interval_of("at most 5", s), Interval::below(r(5), true));
    assert_eq!(
        interval_of("5 million ± 200 thousand", s),
        closed(r(4_800_000), r(5_200_000))
    );
    assert_eq!(
        interval_of("28.22 %", s),
        closed(ratio(28215, 100_000), ratio(28225, 100_000))
    );
    assert_eq!(
        interval_of("28.22 % +/- 0.5", s),
        closed(ratio(2772, 10_000), ratio(2872, 10_000))
    );
}

#[test]
fn settings_override_hedge_constants() {
    let settings = NumberSettings {
        about_tolerance: ratio(1, 10),
        nearly_factor: ratio(9, 10),
    };
    let Value::Number(about) = value("about 100") else {
        unreachable!()
    };
    let Value::Number(nearly) = value("nearly 100") else {
        unreachable!()
    };
    assert_eq!(
        number_interval(&about, Reading::Strict, &settings)
            .unwrap()
            .to_big(),
        closed(ratio(895, 10), ratio(1105, 10))
    );
    assert_eq!(
        number_interval(&nearly, Reading::Strict, &settings)
            .unwrap()
            .to_big(),
        closed(ratio(90, 1), ratio(100, 1))
    );
}

#[test]
fn quanta_from_digits_as_written() {
    let s = Reading::Strict;
    let c = Reading::Coarse;
    assert_eq!(
        interval_of("0.10", c),
        closed(ratio(95, 1000), ratio(105, 1000))
    );
    assert_eq!(
        interval_of("1,000", c),
        closed(ratio(500, 1), ratio(1500, 1))
    );
    assert_eq!(
        interval_of("1,000", s),
        closed(ratio(1999, 2), ratio(2001, 2))
    );
    assert_eq!(interval_of("0", c), closed(ratio(-1, 2), ratio(1, 2)));
    assert_eq!(
        interval_of("30e3", c),
        closed(ratio(25_000, 1), ratio(35_000, 1))
    );
    assert_eq!(
        interval_of("2 weeks", s),
        closed(ratio(21, 2), ratio(35, 2))
    );
}

#[test]
fn unit_mismatch_points_at_operator_and_names_both() {
    let ws = Workspace::new(&[("a", "5 users"), ("b", "3 USD")]);
    let outcome = ws.check(&relation(
        add(name("a"), name("b")),
        RelOp::Gt,
        lit("1 users"),
    ));
    assert_eq!(outcome.verdict, Verdict::NotEvaluated);
    assert_eq!(rules(&outcome), ["unit-mismatch"]);
    assert_eq!(
        outcome.problems[0].message,
        "`+` joins users and USD, which are different dimensions"
    );

    let ws = Workspace::new(&[("a", "5 user"), ("b", "3 users")]);
    let outcome = ws.check(&relation(name("a"), RelOp::Eq, name("b")));
    assert_eq!(rules(&outcome), ["unit-mismatch"]);
    assert_eq!(
        outcome.problems[0].help.as_deref(),
        Some("`user` and `users` differ only by a plural s; write one of them everywhere")
    );
    let ws = Workspace::new(&[("share", "5 %"), ("span", "3 years")]);
    let outcome = ws.check(&relation(name("share"), RelOp::Lt, name("span")));
    assert_eq!(
        outcome.problems[0].message,
        "`<` relates % and days, which are different dimensions"
    );
}

#[test]
fn operator_span_is_found_in_the_source() {
    let source = "check a + b = c";
    let at = |start, end, kind| Expr {
        kind,
        span: Span::new(start, end),
    };
    let ident =
        |n: &str, start: usize| ExprKind::Ref(Ident::with_name(n, Span::new(start, start + 1)));
    let lhs = at(
        6,
        11,
        ExprKind::Binary {
            op: crate::ast::BinOp::Add,
            lhs: Box::new(at(6, 7, ident("a", 6))),
            rhs: Box::new(at(10, 11, ident("b", 10))),
        },
    );
    let rel = Relation {
        lhs,
        op: RelOp::Eq,
        op_span: Span::new(12, 13),
        rhs: at(14, 15, ident("c", 14)),
    };
    let ws = Workspace::new(&[("a", "5 users"), ("b", "3 USD"), ("c", "8 users")]);
    let lookup = |n: &str| ws.info(n);
    let outcome = evaluate_relation(&rel, source, &lookup, &NumberSettings::default());
    assert_eq!(outcome.problems[0].span, Span::new(8, 9));
}

#[test]
fn dimensions_combine_and_cancel() {
    let ws = Workspace::new(&[
        ("budget", "120 USD/year"),
        ("years", "2 years"),
        ("users", "50 users"),
        ("all", "200 users"),
    ]);
    let per_period = relation(
        mul(name("budget"), name("years")),
        RelOp::Eq,
        lit("240 USD"),
    );
    assert_eq!(ws.check(&per_period).verdict, Verdict::Holds);
    let share = relation(div(name("users"), name("all")), RelOp::Eq, lit("25 %"));
    assert_eq!(ws.check(&share).verdict, Verdict::Holds);
    let plain = relation(lit("0.2822"), RelOp::Eq, lit("28.22 %"));
    assert_eq!(ws.check(&plain).verdict, Verdict::Holds);
    let case = relation(lit("3 USD"), RelOp::Eq, lit("3 usd"));
    assert_eq!(ws.check(&case).verdict, Verdict::Holds);
}

#[test]
fn percent_vs_points() {
    let ws = Workspace::new(&[("then", "20 %"), ("now", "23 %")]);
    let in_percent = ws.check(&relation(
        sub(name("now"), name("then")),
        RelOp::Eq,
        lit("3 %"),
    ));
    assert_eq!(rules(&in_percent), ["percent-vs-points"]);
    assert_eq!(in_percent.verdict, Verdict::Holds);
    let in_points = ws.check(&relation(
        sub(name("now"), name("then")),
        RelOp::Eq,
        lit("3 pp"),
    ));
    assert!(in_points.problems.is_empty());
    let reverse = ws.check(&relation(lit("3 pp"), RelOp::Lt, name("now")));
    assert_eq!(rules(&reverse), ["percent-vs-points"]);
    let moved = ws.check(&relation(
        add(name("then"), lit("3 pp")),
        RelOp::Eq,
        name("now"),
    ));
    assert!(moved.problems.is_empty());
}

#[test]
fn undefined_arithmetic() {
    let ws = Workspace::new(&[("a", "5"), ("b", "5")]);
    let outcome = ws.check(&relation(
        div(lit("10"), paren(sub(name("a"), name("b")))),
        RelOp::Gt,
        lit("1"),
    ));
    assert_eq!(outcome.verdict, Verdict::NotEvaluated);
    assert_eq!(rules(&outcome), ["undefined-arithmetic"]);
    assert_eq!(
        outcome.problems[0].message,
        "division by (a - b), which stands for [-1, 1] and so may be zero"
    );
    // Zero only under the coarse reading: the strict reading decides.
    let coarse_only = relation(
        div(lit("1"), paren(sub(lit("100"), lit("90")))),
        RelOp::Eq,
        lit("0.1"),
    );
    let outcome = ws.check(&coarse_only);
    assert_eq!(outcome.verdict, Verdict::Holds);
    assert!(outcome.problems.is_empty());
    let coarse_only_fails = relation(
        div(lit("1"), paren(sub(lit("100"), lit("90")))),
        RelOp::Eq,
        lit("5"),
    );
    assert_eq!(
        ws.check(&coarse_only_fails).verdict,
        Verdict::RoundingInconsistency
    );
}

#[test]
fn durations_between_dates_compare_with_years() {
    let ws = Workspace::new(&[]);
    let span = || sub(lit("2015-10"), lit("2000-07"));
    assert_eq!(
        ws.check(&relation(span(), RelOp::Eq, lit("15 years")))
            .verdict,
        Verdict::Holds
    );
    let wrong = ws.check(&relation(span(), RelOp::Eq, lit("16 years")));
    assert_eq!(wrong.verdict, Verdict::NumericInconsistency);
    // [2015-10-01 - 2000-07-31, 2015-10-31 - 2000-07-01] in days.
    assert_eq!(
        wrong.left.unwrap().interval(Reading::Coarse).to_big(),
        closed(ratio(5540, 1), ratio(5600, 1))
    );
    let moved = relation(
        add(lit("2015-12-31"), lit("1 week")),
        RelOp::Gt,
        lit("2016-01-05"),
    );
    assert_eq!(ws.check(&moved).verdict, Verdict::Holds);
    let before = relation(lit("2015-10"), RelOp::Ge, lit("2015-11"));
    assert_eq!(ws.check(&before).verdict, Verdict::NumericInconsistency);
    let leap = relation(
        sub(lit("2016-03-01"), lit("2016-02-01")),
        RelOp::Eq,
        lit("exactly 29 days"),
    );
    assert_eq!(ws.check(&leap).verdict, Verdict::Holds);
    let common = relation(
        sub(lit("1900-03-01"), lit("1900-02-01")),
        RelOp::Eq,
        lit("exactly 28 days"),
    );
    assert_eq!(ws.check(&common).verdict, Verdict::Holds);
    let added = relation(
        add(lit("2015-12-31"), lit("1 week")),
        RelOp::Eq,
        lit("2016-01-07"),
    );
    let outcome = ws.check(&added);
    assert_eq!(outcome.verdict, Verdict::Holds);
    assert_eq!(outcome.shown().unwrap().1, "[2016-01-07, 2016-01-07]");
}

#[test]
fn four_digit_integers_are_years_next_to_dates() {
    let ws = Workspace::new(&[("founded", "1998"), ("count", "1998")]);
    let since = relation(
        sub(lit("2015-10"), name("founded")),
        RelOp::Gt,
        lit("15 years"),
    );
    assert_eq!(ws.check(&since).verdict, Verdict::Holds);
    let literal = relation(sub(lit("2015-10"), lit("1998")), RelOp::Gt, lit("15 years"));
    assert_eq!(ws.check(&literal).verdict, Verdict::Holds);
    let same_year = relation(lit("2015-10"), RelOp::Eq, lit("2015"));
    assert_eq!(ws.check(&same_year).verdict, Verdict::Holds);
    let number = relation(add(name("count"), lit("2")), RelOp::Eq, lit("exactly 2000"));
    assert_eq!(ws.check(&number).verdict, Verdict::Holds);
    // With a separator it is a number, and a number is no date.
    let separated = relation(lit("2015-10"), RelOp::Eq, lit("2,015"));
    assert_eq!(rules(&ws.check(&separated)), ["unit-mismatch"]);
}

#[test]
fn year_only_date_values_are_also_years_or_numbers() {
    let year = Value::Date(DateLit {
        year: 1998,
        month: None,
        day: None,
        span: Span::default(),
    });
    let quantities = HashMap::from([("founded".to_string(), (year, None))]);
    let ws = Workspace { quantities };
    assert_eq!(
        ws.check(&relation(name("founded"), RelOp::Lt, lit("2015-10")))
            .verdict,
        Verdict::Holds
    );
    assert_eq!(
        ws.check(&relation(
            mul(name("founded"), lit("2")),
            RelOp::Eq,
            lit("3996")
        ))
        .verdict,
        Verdict::Holds
    );
}

#[test]
fn unknown_names_are_not_evaluated_silently() {
    let outcome = essay("670 million users").check(&relation(name("nobody"), RelOp::Eq, lit("5")));
    assert_eq!(outcome.verdict, Verdict::NotEvaluated);
    assert!(outcome.problems.is_empty());
    assert!(outcome.message().is_none());
}

#[test]
fn mixed_dates_when_as_of_periods_do_not_overlap() {
    let ws = essay("670 million users")
        .dated("world-users", "2015-12")
        .dated("china-users", "2010-06")
        .dated("us-users", "2015-12");
    let outcome = ws.check(&share_check());
    assert_eq!(rules(&outcome), ["mixed-dates"]);
    assert_eq!(
        outcome.problems[0].message,
        "this check combines `china-users` (as of 2010-06) and `us-users` (as of 2015-12), whose periods do not overlap"
    );
    let overlapping = essay("670 million users")
        .dated("world-users", "2015-12")
        .dated("china-users", "2015-12");
    assert!(overlapping.check(&share_check()).problems.is_empty());
}

#[test]
fn overstated_precision_when_digits_outrun_inputs() {
    let ws = essay("670 million users").restated("cn-us-share", "28.2213 %");
    let outcome = ws.check(&share_check());
    assert_eq!(outcome.verdict, Verdict::Holds);
    assert_eq!(rules(&outcome), ["overstated-precision"]);
    assert_eq!(
        outcome.problems[0].message,
        "28.2213 % is stated to the 0.0001 % but the inputs only pin it down to a width of 0.0679 %"
    );
}

#[test]
fn functions_sum_min_max() {
    let ws = Workspace::new(&[
        ("a", "exactly 2 users"),
        ("b", "exactly 5 users"),
        ("c", "exactly 3 users"),
    ]);
    let all = || vec![name("a"), name("b"), name("c")];
    assert_eq!(
        ws.check(&relation(
            call(Func::Sum, all()),
            RelOp::Eq,
            lit("exactly 10 users")
        ))
        .verdict,
        Verdict::Holds
    );
    assert_eq!(
        ws.check(&relation(
            call(Func::Min, all()),
            RelOp::Eq,
            lit("exactly 2 users")
        ))
        .verdict,
        Verdict::Holds
    );
    assert_eq!(
        ws.check(&relation(
            call(Func::Max, all()),
            RelOp::Eq,
            lit("exactly 5 users")
        ))
        .verdict,
        Verdict::Holds
    );
    let negated = relation(neg(name("a")), RelOp::Lt, lit("exactly 0 users"));
    assert_eq!(ws.check(&negated).verdict, Verdict::Holds);
    let mixed = relation(
        call(Func::Max, vec![name("a"), lit("3 USD")]),
        RelOp::Eq,
        lit("3 USD"),
    );
    assert_eq!(rules(&ws.check(&mixed)), ["unit-mismatch"]);
}

#[test]
fn same_as_pairs() {
    let a = value("28.22 %");
    let b = value("29 %");
    let quantity = |name, value| NamedQuantity {
        name,
        info: QuantityInfo {
            value,
            as_of: None,
            amounts: None,
        },
    };
    let outcome = evaluate_same_as(
        quantity("share", &a),
        quantity("share-again", &b),
        Span::new(3, 9),
        &NumberSettings::default(),
    );
    assert_eq!(outcome.verdict, Verdict::NumericInconsistency);
    assert_eq!(
        outcome.left.as_ref().unwrap().name.as_deref(),
        Some("share")
    );
    assert_eq!(
        outcome.message().unwrap(),
        "28.22 % stands for [28.215 %, 28.225 %] but 29 % stands for [28.5 %, 29.5 %]"
    );
    let c = value("28.2 %");
    let holds = evaluate_same_as(
        quantity("share", &a),
        quantity("x", &c),
        Span::default(),
        &NumberSettings::default(),
    );
    assert_eq!(holds.verdict, Verdict::Holds);
}

#[test]
fn orderings_and_messages() {
    let ws = Workspace::new(&[("a", "5 users"), ("b", "7 users")]);
    let outcome = ws.check(&relation(name("a"), RelOp::Gt, name("b")));
    assert_eq!(outcome.verdict, Verdict::NumericInconsistency);
    assert_eq!(
        outcome.message().unwrap(),
        "5 users stands for [4.5 users, 5.5 users] but 7 users stands for [6.5 users, 7.5 users], so `>` cannot hold"
    );
    assert_eq!(
        ws.check(&relation(name("a"), RelOp::Ne, name("b"))).verdict,
        Verdict::Holds
    );
    let same = relation(lit("exactly 5"), RelOp::Ne, lit("exactly 5"));
    assert_eq!(ws.check(&same).verdict, Verdict::NumericInconsistency);
}

#[test]
fn stated_values_display_as_intervals() {
    let settings = NumberSettings::default();
    let show = |text: &str, reading| value_display(&value(text), reading, &settings).unwrap();
    assert_eq!(show("28.22 %", Reading::Strict), "[28.215 %, 28.225 %]");
    assert_eq!(
        show("670 million users", Reading::Coarse),
        "[665 million users, 675 million users]"
    );
    assert_eq!(
        show("3.366 billion users", Reading::Strict),
        "[3.3655 billion users, 3.3665 billion users]"
    );
    assert_eq!(
        show("over 5 USD/year", Reading::Strict),
        "(0.013689 USD/day, +inf)"
    );
    assert_eq!(show("2016-02", Reading::Strict), "[2016-02-01, 2016-02-29]");
    assert_eq!(
        Verdict::RoundingInconsistency.rule(),
        Some("rounding-inconsistency")
    );
}
