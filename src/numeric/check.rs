//! Deciding a check (or a `same-as` pair): the coarse reading first, then the
//! strict one, with the findings of section 5.
//!
//! Choices made here:
//! - Every problem span lies in the file of the relation: operators, the
//!   relation symbol, a divisor, a side of the relation, or (for
//!   `mixed-dates`) the whole relation.
//! - `overstated-precision` (note): for a holding `=` whose one side is a
//!   single plain stated figure (a quantity reference or a literal, without
//!   hedge or tolerance) and whose other side is computed (an operator or a
//!   function), the note fires when the figure's strict quantum is under a
//!   tenth of the strict width of the computed side: its last digit is finer
//!   than the inputs can tell. Two single figures (e.g. `same-as`) get no note.
//! - `mixed-dates`: the quantities of one check with an `as-of` whose periods
//!   do not overlap; one warning per check, naming the first such pair.
//! - Messages name a side by its stated value (`28.22 %`) when it is a single
//!   quantity or literal ("stands for"), and by its expression text otherwise
//!   ("gives"). The expression text is taken from `source` through the spans
//!   (so pass the text of the file holding the check); when the spans do not
//!   fit `source` it is rebuilt from the tree.

use super::dates::date_span;
use super::eval::{Evaluator, QuantityInfo, UsedQuantity, expr_words};
use super::format::{DisplayStyle, Shape, decimal_text, format_pair};
use super::interval::{Exact, Interval};
use super::rational::Rational;
use super::value::{Amount, stated_quantum, value_text, value_words};
use super::{NumberSettings, Reading};
use crate::ast::{Expr, ExprKind, Ident, Name, RelOp, Relation, Value};
use crate::syntax::span::Span;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// A numeric finding. `rule` is one of `unit-mismatch`, `percent-vs-points`,
/// `undefined-arithmetic`, `mixed-dates`, `overstated-precision`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumericProblem {
    pub rule: &'static str,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Holds under both readings.
    Holds,
    /// Holds under the coarse reading, fails under the strict one.
    RoundingInconsistency,
    /// Fails under the coarse reading (and so under the strict one).
    NumericInconsistency,
    /// A name is not a quantity, or a problem (unit mismatch, division by
    /// zero) keeps the relation from being decided.
    NotEvaluated,
}

impl Verdict {
    /// Whether findings about the relation print its sides: only a failing
    /// relation's message shows the intervals.
    pub fn prints_sides(self) -> bool {
        matches!(
            self,
            Verdict::NumericInconsistency | Verdict::RoundingInconsistency
        )
    }

    /// The finding a failing check gets (`same-as` pairs report
    /// `conflicting-values` instead): `numeric-inconsistency` or
    /// `rounding-inconsistency`; `None` when it holds or was not evaluated.
    pub fn rule(self) -> Option<&'static str> {
        match self {
            Verdict::NumericInconsistency => Some("numeric-inconsistency"),
            Verdict::RoundingInconsistency => Some("rounding-inconsistency"),
            Verdict::Holds | Verdict::NotEvaluated => None,
        }
    }

    pub fn holds(self) -> bool {
        self == Verdict::Holds
    }
}

/// One side of a decided relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// How the message names it: the stated value or the expression text.
    pub text: Name,
    /// The quantity's name when the side is a single reference.
    pub name: Option<Name>,
    /// A single stated value ("stands for") rather than a computation ("gives").
    pub stated: bool,
    /// The interval under the strict reading.
    pub strict: Interval<Rational>,
    /// The interval under the coarse reading when it differs from the strict
    /// one; boxed, as most figures have no rounding zeros and outcomes are
    /// kept for every check.
    pub coarse: Option<Box<Interval<Rational>>>,
}

impl Side {
    pub fn interval(&self, reading: Reading) -> &Interval<Rational> {
        match (reading, &self.coarse) {
            (Reading::Coarse, Some(coarse)) => coarse,
            _ => &self.strict,
        }
    }
}

/// The decision on one relation. The intervals are printed only on demand
/// ([`CheckOutcome::shown`], [`CheckOutcome::message`]): most checks hold and
/// are never shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOutcome {
    pub verdict: Verdict,
    /// The reading that decided: coarse for a numeric inconsistency, strict
    /// otherwise; `None` when not evaluated.
    pub reading: Option<Reading>,
    pub op: RelOp,
    /// The sides are boxed: an outcome is kept for every check, and most
    /// lose their sides once decided (see
    /// [`CheckOutcome::without_unshown_sides`]).
    pub left: Option<Box<Side>>,
    pub right: Option<Box<Side>>,
    pub problems: Vec<NumericProblem>,
    /// What decides how each side's values are printed.
    shapes: Option<(Shape, Shape)>,
}

impl CheckOutcome {
    fn not_evaluated(op: RelOp, problems: Vec<NumericProblem>) -> CheckOutcome {
        CheckOutcome {
            verdict: Verdict::NotEvaluated,
            reading: None,
            op,
            left: None,
            right: None,
            problems,
            shapes: None,
        }
    }

    /// The outcome without its sides when the verdict is one that prints
    /// none (it holds, or was not decided): the verdict and the problems
    /// stay. Only [`CheckOutcome::shown`] differs, returning `None`.
    pub fn without_unshown_sides(mut self) -> CheckOutcome {
        if !self.verdict.prints_sides() {
            self.left = None;
            self.right = None;
            self.shapes = None;
        }
        self
    }

    /// Both sides' intervals under `reading` as printed, with enough digits
    /// that the printed intervals relate as the exact ones do.
    pub fn displays(&self, reading: Reading) -> Option<(String, String)> {
        let (left, right) = (self.left.as_ref()?, self.right.as_ref()?);
        let (left_shape, right_shape) = self.shapes.as_ref()?;
        Some(format_pair(
            &left.interval(reading).to_big(),
            &right.interval(reading).to_big(),
            self.op,
            &DisplayStyle::for_shapes(left_shape, right_shape),
        ))
    }

    /// Both sides as printed under the deciding reading.
    pub fn shown(&self) -> Option<(String, String)> {
        self.displays(self.reading?)
    }

    /// For a failing check, the intervals under the deciding reading:
    /// `28.22 % stands for [28.215 %, 28.225 %] but (china-users + us-users) /
    /// world-users gives [29.46 %, 29.53 %]`. Relations other than `=` add
    /// `, so `<` cannot hold`.
    pub fn message(&self) -> Option<String> {
        if !matches!(
            self.verdict,
            Verdict::NumericInconsistency | Verdict::RoundingInconsistency
        ) {
            return None;
        }
        let (left, right) = (self.left.as_ref()?, self.right.as_ref()?);
        let (left_display, right_display) = self.shown()?;
        let mut message = format!(
            "{} {} {} but {} {} {}",
            left.text,
            verb(left),
            left_display,
            right.text,
            verb(right),
            right_display
        );
        if self.op != RelOp::Eq {
            message.push_str(&format!(", so `{}` cannot hold", self.op.symbol()));
        }
        Some(message)
    }

    /// For a rounding inconsistency, the coarse intervals under which it holds.
    pub fn help(&self) -> Option<String> {
        if self.verdict != Verdict::RoundingInconsistency {
            return None;
        }
        let (left, right) = (self.left.as_ref()?, self.right.as_ref()?);
        let (left_display, right_display) = self.displays(Reading::Coarse)?;
        Some(format!(
            "it holds only if trailing zeros are rounding (coarse reading: {} {} {}, {} {} {}); state the figures with the digits they have",
            left.text,
            verb(left),
            left_display,
            right.text,
            verb(right),
            right_display
        ))
    }
}

fn verb(side: &Side) -> &'static str {
    if side.stated { "stands for" } else { "gives" }
}

/// The quantities one relation has looked up. Most relations name a
/// handful, found by a scan; past [`Seen::SCANNED`] names the rest are
/// hashed, so that a `sum` over thousands stays linear.
#[derive(Default)]
struct Seen<'q> {
    scanned: Vec<(Name, Option<QuantityInfo<'q>>)>,
    hashed: FxHashMap<Name, Option<QuantityInfo<'q>>>,
}

impl<'q> Seen<'q> {
    const SCANNED: usize = 8;

    /// The answer for `name`, if it was looked up.
    fn get(&self, name: &str) -> Option<Option<QuantityInfo<'q>>> {
        if let Some(&(_, info)) = self.scanned.iter().find(|(n, _)| n == name) {
            return Some(info);
        }
        if self.hashed.is_empty() {
            return None;
        }
        self.hashed.get(name).copied()
    }

    fn insert(&mut self, name: &str, info: Option<QuantityInfo<'q>>) {
        if self.scanned.len() < Self::SCANNED {
            self.scanned.push((name.into(), info));
        } else {
            self.hashed.insert(name.into(), info);
        }
    }
}

/// Decides `check LHS REL RHS`. `source` is the text of the file holding the
/// relation (its spans index into it); `lookup` resolves a name to a quantity,
/// or `None` for a name that is not one (already reported elsewhere): the
/// outcome is then [`Verdict::NotEvaluated`] with no numeric finding.
pub fn evaluate_relation<'q>(
    relation: &Relation,
    source: &str,
    lookup: &dyn Fn(&str) -> Option<QuantityInfo<'q>>,
    settings: &NumberSettings,
) -> CheckOutcome {
    decide(relation, source, lookup, settings, Sides::Always)
}

/// [`evaluate_relation`] followed by [`CheckOutcome::without_unshown_sides`],
/// without building the sides that would be dropped: most checks hold, and
/// describing a side takes its words and its intervals.
pub fn evaluate_relation_for_findings<'q>(
    relation: &Relation,
    source: &str,
    lookup: &dyn Fn(&str) -> Option<QuantityInfo<'q>>,
    settings: &NumberSettings,
) -> CheckOutcome {
    decide(relation, source, lookup, settings, Sides::WhenFailing)
}

/// Which outcomes of [`decide`] carry their sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sides {
    Always,
    /// Only those whose verdict prints them (see
    /// [`CheckOutcome::without_unshown_sides`]).
    WhenFailing,
}

fn decide<'q>(
    relation: &Relation,
    source: &str,
    lookup: &dyn Fn(&str) -> Option<QuantityInfo<'q>>,
    settings: &NumberSettings,
    sides: Sides,
) -> CheckOutcome {
    // Both readings' passes, the sides' descriptions and the precision note
    // read the same names: each is looked up once.
    let seen = RefCell::new(Seen::default());
    let once = |name: &str| {
        if let Some(info) = seen.borrow().get(name) {
            return info;
        }
        let info = lookup(name);
        seen.borrow_mut().insert(name, info);
        info
    };
    let lookup: &dyn Fn(&str) -> Option<QuantityInfo<'q>> = &once;
    let op = relation.op;
    let mut strict = Evaluator::new(source, lookup, settings, Reading::Strict);
    let strict_sides = strict.relation(relation);
    let mut problems = std::mem::take(&mut strict.problems);
    let used = std::mem::take(&mut strict.used);
    let Ok((strict_left, strict_right)) = strict_sides else {
        return CheckOutcome::not_evaluated(op, problems);
    };
    // When no value stands for another interval under the coarse reading,
    // the coarse pass would compute the strict amounts again: `None`.
    let coarse_sides = if strict.reading_matters {
        // Units and dates do not depend on the reading, so the coarse pass
        // meets no new problem; its findings would repeat the strict ones.
        let mut coarse = Evaluator::new(source, lookup, settings, Reading::Coarse);
        coarse.track_used = false;
        let Ok(sides) = coarse.relation(relation) else {
            return CheckOutcome::not_evaluated(op, problems);
        };
        Some(sides)
    } else {
        None
    };

    let (coarse_left, coarse_right) = match &coarse_sides {
        Some((left, right)) => (left, right),
        None => (&strict_left, &strict_right),
    };
    let holds_coarse = coarse_left.interval.relate(op, &coarse_right.interval);
    let holds_strict = strict_left.interval.relate(op, &strict_right.interval);
    let (verdict, reading) = match (holds_coarse, holds_strict) {
        (false, _) => (Verdict::NumericInconsistency, Reading::Coarse),
        (true, false) => (Verdict::RoundingInconsistency, Reading::Strict),
        (true, true) => (Verdict::Holds, Reading::Strict),
    };

    problems.extend(mixed_dates(&used, relation));

    let shapes = (Shape::of(&strict_left), Shape::of(&strict_right));
    let precision = if verdict == Verdict::Holds && op == RelOp::Eq {
        overstated_precision(
            relation,
            source,
            lookup,
            &strict_left,
            &strict_right,
            &shapes,
        )
    } else {
        None
    };
    problems.extend(precision);
    if sides == Sides::WhenFailing && !verdict.prints_sides() {
        return CheckOutcome {
            verdict,
            reading: Some(reading),
            op,
            left: None,
            right: None,
            problems,
            shapes: None,
        };
    }
    let side = |expr: &Expr, coarse: Option<Amount>, strict: &Amount| {
        let single = single_value(expr, source, lookup);
        Side {
            text: single
                .as_ref()
                .map_or_else(|| expr_words(source, expr), |(_, value)| value_words(value)),
            name: single.and_then(|(name, _)| name.map(|n| n.name(source).into())),
            stated: single.is_some(),
            strict: strict.interval.clone(),
            coarse: coarse
                .filter(|coarse| coarse.interval != strict.interval)
                .map(|coarse| Box::new(coarse.interval)),
        }
    };
    let (coarse_left, coarse_right) = coarse_sides.unzip();
    let left = side(&relation.lhs, coarse_left, &strict_left);
    let right = side(&relation.rhs, coarse_right, &strict_right);

    CheckOutcome {
        verdict,
        reading: Some(reading),
        op,
        left: Some(Box::new(left)),
        right: Some(Box::new(right)),
        problems,
        shapes: Some(shapes),
    }
}

/// A quantity for [`evaluate_same_as`].
#[derive(Debug, Clone, Copy)]
pub struct NamedQuantity<'a> {
    pub name: &'a str,
    pub info: QuantityInfo<'a>,
}

/// Decides `quantity A ... same-as B` as the implicit `check A = B`. The rule
/// layer reports a failure as `conflicting-values` (the verdict says
/// whether it failed coarse or only strict). Problems point at `span`
/// (e.g. the `same-as` clause); the sides are named by their values, with
/// [`Side::name`] holding each quantity's name.
pub fn evaluate_same_as(
    a: NamedQuantity<'_>,
    b: NamedQuantity<'_>,
    span: Span,
    settings: &NumberSettings,
) -> CheckOutcome {
    let reference = |name: &str| Expr {
        kind: ExprKind::Ref(Ident::with_name(name, span)),
        span,
    };
    let relation = Relation {
        lhs: reference(a.name),
        op: RelOp::Eq,
        op_span: span,
        rhs: reference(b.name),
    };
    let lookup = |name: &str| {
        if name == a.name {
            Some(a.info)
        } else if name == b.name {
            Some(b.info)
        } else {
            None
        }
    };
    evaluate_relation(&relation, "", &lookup, settings)
}

/// The quantity reference (if any) and the value of a side that is a single
/// stated value, looking through parentheses. `source` holds the names.
fn single_value<'e, 'q: 'e>(
    expr: &'e Expr,
    source: &str,
    lookup: &dyn Fn(&str) -> Option<QuantityInfo<'q>>,
) -> Option<(Option<&'e Ident>, &'e Value)> {
    match &expr.kind {
        ExprKind::Paren(inner) => single_value(inner, source, lookup),
        ExprKind::Literal(value) => Some((None, value)),
        ExprKind::Ref(ident) => lookup(ident.name(source)).map(|info| (Some(ident), info.value)),
        _ => None,
    }
}

fn is_computed(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::Paren(inner) => is_computed(inner),
        ExprKind::Literal(_) | ExprKind::Ref(_) => false,
        ExprKind::Neg(_) | ExprKind::Binary { .. } | ExprKind::Call { .. } => true,
    }
}

fn overstated_precision<'q>(
    relation: &Relation,
    source: &str,
    lookup: &dyn Fn(&str) -> Option<QuantityInfo<'q>>,
    strict_left: &Amount,
    strict_right: &Amount,
    shapes: &(Shape, Shape),
) -> Option<NumericProblem> {
    let sides = [
        (&relation.lhs, &relation.rhs, strict_right, true),
        (&relation.rhs, &relation.lhs, strict_left, false),
    ];
    sides
        .into_iter()
        .find_map(|(stated, computed, computed_amount, stated_left)| {
            if !is_computed(computed) || is_computed(stated) {
                return None;
            }
            let (_, value) = single_value(stated, source, lookup)?;
            let quantum = stated_quantum(value)?;
            let width = computed_amount.interval.width()?;
            if quantum.times(&Rational::integer(10)) >= width {
                return None;
            }
            let text = value_text(value);
            let styles = DisplayStyle::for_shapes(&shapes.0, &shapes.1);
            let style = if stated_left { &styles.0 } else { &styles.1 };
            Some(NumericProblem {
                rule: "overstated-precision",
                span: stated.span,
                message: format!(
                    "{text} is stated to the {} but the inputs only pin it down to a width of {}",
                    show_amount(&quantum, style),
                    show_amount(&width, style)
                ),
                help: Some("drop the digits the inputs cannot justify".to_string()),
            })
        })
}

/// A positive magnitude in the style of a side (`0.0001 %`), rounded up.
fn show_amount(value: &Rational, style: &DisplayStyle) -> String {
    let hundredths = || value.times(&Rational::integer(100));
    match style {
        DisplayStyle::Percent => format!("{} %", decimal_text(&hundredths(), 3, true)),
        DisplayStyle::Points => format!("{} pp", decimal_text(&hundredths(), 3, true)),
        DisplayStyle::Date => format!("{} days", decimal_text(value, 3, true)),
        DisplayStyle::Plain { unit } => {
            let number = decimal_text(value, 3, true);
            unit.as_ref()
                .map_or(number.clone(), |u| format!("{number} {u}"))
        }
    }
}

fn mixed_dates(used: &[UsedQuantity], relation: &Relation) -> Option<NumericProblem> {
    let dated: Vec<(&UsedQuantity, (i64, i64))> = used
        .iter()
        .filter_map(|q| Some((q, date_span(&q.as_of?)?)))
        .collect();
    for (i, (a, (a_first, a_last))) in dated.iter().enumerate() {
        for (b, (b_first, b_last)) in &dated[i + 1..] {
            if a_first > b_last || b_first > a_last {
                let (a_date, b_date) = (a.as_of?, b.as_of?);
                return Some(NumericProblem {
                    rule: "mixed-dates",
                    span: relation.lhs.span.to(relation.rhs.span),
                    message: format!(
                        "this check combines `{}` (as of {a_date}) and `{}` (as of {b_date}), whose periods do not overlap",
                        a.name, b.name
                    ),
                    help: Some("use figures for the same period, or acknowledge the difference with `allow`".to_string()),
                });
            }
        }
    }
    None
}
