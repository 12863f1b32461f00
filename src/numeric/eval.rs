//! Evaluating expressions to amounts under one reading, with the unit and
//! date rules of section 5.
//!
//! Dates: `date - date` is a duration in days; `date ± duration` is a date;
//! any other arithmetic on a date, and relating a date to a number, is a
//! `unit-mismatch`. A bare four-digit integer (see [`AmountKind::YearOrNumber`],
//! also when it reaches the expression through a quantity reference, and a
//! year-only date value, whose text is the same) is the year when `+`, `-` or
//! the relation joins it with a date, and a number everywhere else.
//!
//! `%` and `pp`: both are dimensionless hundredths, so `0.2822 = 28.22 %`
//! holds and a plain ratio `x / x` compares with `%`. Relating a value in `%`
//! to one in `pp` (a difference of two `%` values is in `pp`) is the warning
//! `percent-vs-points`, and the check is still decided.

use super::check::NumericProblem;
use super::format::{DisplayStyle, format_interval};
use super::interval::{Exact, Interval};
use super::rational::Rational;
use super::units::{Dimension, PercentKind};
use super::value::{Amount, AmountKind, ValueError, depends_on_reading, value_amount, value_text};
use super::{NumberSettings, Reading};
use crate::ast::{BinOp, DateLit, Expr, ExprKind, Func, Name, Relation, Value};
use crate::syntax::span::Span;

/// The most bits the numerator or denominator of an intermediate result may
/// have (about 10^4900): far beyond any stated figure, small enough that
/// exact arithmetic stays fast.
pub const MAX_BITS: u64 = 16_384;

/// What the rule layer knows about a quantity a check names.
#[derive(Debug, Clone, Copy)]
pub struct QuantityInfo<'a> {
    /// The stated value, from `quantity ID = VALUE`.
    pub value: &'a Value,
    /// The `as-of` date, if any.
    pub as_of: Option<DateLit>,
    /// The value's amounts, when the caller evaluated them ahead (once per
    /// quantity rather than once per check that names it).
    pub amounts: Option<&'a StatedAmounts>,
}

/// A stated value under both readings.
#[derive(Debug, Clone)]
pub struct StatedAmounts {
    strict: Result<Amount, ValueError>,
    /// The coarse reading where it differs from the strict one. Boxed: most
    /// figures have no rounding zeros, and one is kept for every quantity
    /// that several checks share while they are decided.
    coarse: Option<Box<Result<Amount, ValueError>>>,
}

impl StatedAmounts {
    pub fn of(value: &Value, settings: &NumberSettings) -> StatedAmounts {
        let strict = value_amount(value, Reading::Strict, settings);
        // Most values read the same either way, and are not computed twice.
        let coarse = depends_on_reading(value)
            .then(|| value_amount(value, Reading::Coarse, settings))
            .filter(|coarse| *coarse != strict);
        StatedAmounts {
            coarse: coarse.map(Box::new),
            strict,
        }
    }

    fn get(&self, reading: Reading) -> &Result<Amount, ValueError> {
        match (reading, &self.coarse) {
            (Reading::Coarse, Some(coarse)) => coarse,
            _ => &self.strict,
        }
    }
}

/// Why evaluation stopped without an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// A name that is not a quantity, or a value the parser already refused:
    /// reported elsewhere, so no numeric finding.
    NotEvaluated,
    /// A numeric problem (unit mismatch, division by zero) was recorded.
    Reported,
}

/// A quantity reference met while evaluating, for `mixed-dates`.
#[derive(Debug, Clone)]
pub struct UsedQuantity {
    pub name: Name,
    pub as_of: Option<DateLit>,
    pub span: Span,
}

pub type Lookup<'l, 'q> = &'l dyn Fn(&str) -> Option<QuantityInfo<'q>>;

/// Evaluates the expressions of one check under one reading.
pub struct Evaluator<'l, 'q> {
    /// The text of the file holding the check; spans index into it.
    source: &'l str,
    lookup: Lookup<'l, 'q>,
    settings: &'l NumberSettings,
    reading: Reading,
    pub problems: Vec<NumericProblem>,
    pub used: Vec<UsedQuantity>,
    /// Whether to fill `used`; a second pass over the same relation need not.
    pub track_used: bool,
    /// Whether a value met so far may stand for another interval under the
    /// other reading; when none does, a pass under it gives the same amounts.
    pub reading_matters: bool,
}

impl<'l, 'q> Evaluator<'l, 'q> {
    pub fn new(
        source: &'l str,
        lookup: Lookup<'l, 'q>,
        settings: &'l NumberSettings,
        reading: Reading,
    ) -> Self {
        Evaluator {
            source,
            lookup,
            settings,
            reading,
            problems: Vec::new(),
            used: Vec::new(),
            track_used: true,
            reading_matters: false,
        }
    }

    /// Both sides of a relation, resolved against each other (years against
    /// dates) and checked for equal dimensions.
    pub fn relation(&mut self, relation: &Relation) -> Result<(Amount, Amount), Stop> {
        let left = self.expr(&relation.lhs)?;
        let right = self.expr(&relation.rhs)?;
        let (left, right) = resolve_years(left, right);
        let symbol = relation.op.symbol();
        if left.is_date() != right.is_date() || left.dimension != right.dimension {
            let message = format!(
                "`{symbol}` relates {} and {}, which are different dimensions",
                describe(&left),
                describe(&right)
            );
            return Err(self.mismatch(relation.op_span, message, &left, &right));
        }
        if let Some(message) = percent_vs_points(&left, &right, symbol) {
            self.problems.push(NumericProblem {
                rule: "percent-vs-points",
                span: relation.op_span,
                message,
                help: Some(
                    "a difference of two percentages is in percentage points (pp); state the other side in pp, or compare ratios"
                        .to_string(),
                ),
            });
        }
        Ok((left, right))
    }

    pub fn expr(&mut self, expr: &Expr) -> Result<Amount, Stop> {
        match &expr.kind {
            ExprKind::Literal(value) => {
                self.reading_matters |= depends_on_reading(value);
                self.value(value)
            }
            ExprKind::Ref(ident) => {
                let name = ident.name(self.source);
                let info = (self.lookup)(name).ok_or(Stop::NotEvaluated)?;
                self.reading_matters |= depends_on_reading(info.value);
                if self.track_used {
                    self.used.push(UsedQuantity {
                        name: name.into(),
                        as_of: info.as_of,
                        span: ident.span,
                    });
                }
                match info.amounts {
                    Some(amounts) => amounts
                        .get(self.reading)
                        .clone()
                        .map_err(|_| Stop::NotEvaluated),
                    None => self.value(info.value),
                }
            }
            ExprKind::Paren(inner) => self.expr(inner),
            ExprKind::Neg(inner) => {
                let amount = self.expr(inner)?.into_number();
                if amount.is_date() {
                    let message = "a date cannot be negated".to_string();
                    return Err(self.mismatch(expr.span, message, &amount, &amount));
                }
                Ok(Amount {
                    interval: amount.interval.neg(),
                    ..amount
                })
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let left = self.expr(lhs)?;
                let right = self.expr(rhs)?;
                let span = self.operator_span(lhs, rhs, op.symbol());
                let amount = match op {
                    BinOp::Add | BinOp::Sub => self.additive(*op, left, right, span),
                    BinOp::Mul | BinOp::Div => self.multiplicative(*op, left, right, span, rhs),
                }?;
                self.within_size(amount, expr)
            }
            ExprKind::Call { func, args } => {
                let amount = self.call(*func, args)?;
                self.within_size(amount, expr)
            }
        }
    }

    /// Stops where exact arithmetic would grow past [`MAX_BITS`]: a chain of
    /// extreme values (`1e1000 * 1e1000 * ...`) would otherwise take minutes
    /// of big-number arithmetic for no meaningful answer.
    fn within_size(&mut self, amount: Amount, expr: &Expr) -> Result<Amount, Stop> {
        let bits = |b: &super::interval::Bound<Rational>| b.value().map_or(0, Rational::bits);
        let size = bits(amount.interval.lo()).max(bits(amount.interval.hi()));
        if size <= MAX_BITS {
            return Ok(amount);
        }
        self.problems.push(NumericProblem {
            rule: "undefined-arithmetic",
            span: expr.span,
            message: format!(
                "{} is too large or too small to compute exactly (beyond 10^±{})",
                expr_text(self.source, expr),
                MAX_BITS * 3 / 10
            ),
            help: Some("state this intermediate value as a quantity of its own".to_string()),
        });
        Err(Stop::Reported)
    }

    fn value(&mut self, value: &Value) -> Result<Amount, Stop> {
        value_amount(value, self.reading, self.settings).map_err(|_| Stop::NotEvaluated)
    }

    fn additive(
        &mut self,
        op: BinOp,
        left: Amount,
        right: Amount,
        span: Span,
    ) -> Result<Amount, Stop> {
        let (left, right) = resolve_years(left, right);
        let subtract = op == BinOp::Sub;
        let symbol = op.symbol();
        let combine = |a: &Interval<Rational>, b: &Interval<Rational>| {
            if subtract { a.sub(b) } else { a.add(b) }
        };
        match (left.is_date(), right.is_date()) {
            (true, true) if subtract => Ok(Amount::number(
                left.interval.sub(&right.interval),
                Dimension::time(),
                PercentKind::None,
            )),
            (true, true) => {
                let message = "`+` cannot add two dates; subtract them for a duration".to_string();
                Err(self.mismatch(span, message, &left, &right))
            }
            (true, false) | (false, true) if right.is_date() && subtract => {
                let message = format!(
                    "`-` subtracts a date from {}; only a date minus a date or a duration works",
                    describe(&left)
                );
                Err(self.mismatch(span, message, &left, &right))
            }
            (true, false) | (false, true) => {
                let duration = if left.is_date() { &right } else { &left };
                if !duration.dimension.is_time() {
                    let message = format!(
                        "`{symbol}` joins a date and {}; only a duration (days, weeks, months, years) moves a date",
                        describe(duration)
                    );
                    return Err(self.mismatch(span, message, &left, &right));
                }
                Ok(Amount::date(combine(&left.interval, &right.interval)))
            }
            (false, false) => {
                if left.dimension != right.dimension {
                    let message = format!(
                        "`{symbol}` joins {} and {}, which are different dimensions",
                        describe(&left),
                        describe(&right)
                    );
                    return Err(self.mismatch(span, message, &left, &right));
                }
                let percent = if subtract {
                    PercentKind::of_difference(left.percent, right.percent)
                } else {
                    PercentKind::of_sum(left.percent, right.percent)
                };
                Ok(Amount::number(
                    combine(&left.interval, &right.interval),
                    left.dimension,
                    percent,
                ))
            }
        }
    }

    fn multiplicative(
        &mut self,
        op: BinOp,
        left: Amount,
        right: Amount,
        span: Span,
        divisor: &Expr,
    ) -> Result<Amount, Stop> {
        let (left, right) = (left.into_number(), right.into_number());
        if left.is_date() || right.is_date() {
            let message = format!(
                "`{}` cannot take a date; subtract dates for a duration first",
                op.symbol()
            );
            return Err(self.mismatch(span, message, &left, &right));
        }
        let (dimension, percent) = if op == BinOp::Mul {
            let percent = if left.percent != PercentKind::None {
                PercentKind::of_scaling(
                    left.percent,
                    right.percent,
                    right.dimension.is_dimensionless(),
                )
            } else {
                PercentKind::of_scaling(
                    right.percent,
                    left.percent,
                    left.dimension.is_dimensionless(),
                )
            };
            (left.dimension.times(&right.dimension), percent)
        } else {
            let percent = PercentKind::of_scaling(
                left.percent,
                right.percent,
                right.dimension.is_dimensionless(),
            );
            (left.dimension.per(&right.dimension), percent)
        };
        let percent = if dimension.is_dimensionless() {
            percent
        } else {
            PercentKind::None
        };
        let interval = match op {
            BinOp::Mul => left.interval.mul(&right.interval),
            _ => match left.interval.div(&right.interval) {
                Ok(quotient) => quotient,
                // Only the strict reading, the narrowest, reports the finding:
                // a divisor that reaches zero only under the wider coarse
                // reading makes the coarse quotient unbounded, which never
                // refutes a check, and the strict reading decides.
                Err(_) if self.reading == Reading::Coarse => Interval::whole(),
                Err(_) => {
                    let text = expr_text(self.source, divisor);
                    let shown = format_interval(
                        &right.interval.convert(Rational::to_big),
                        &DisplayStyle::of_amount(&right),
                    );
                    self.problems.push(NumericProblem {
                        rule: "undefined-arithmetic",
                        span: divisor.span,
                        message: format!(
                            "division by {text}, which stands for {shown} and so may be zero"
                        ),
                        help: Some(
                            "a divisor must stay away from zero over its whole interval"
                                .to_string(),
                        ),
                    });
                    return Err(Stop::Reported);
                }
            },
        };
        Ok(Amount::number(interval, dimension, percent))
    }

    fn call(&mut self, func: Func, args: &[Expr]) -> Result<Amount, Stop> {
        let mut amounts = Vec::with_capacity(args.len());
        for arg in args {
            amounts.push((self.expr(arg)?, arg.span));
        }
        let mut rest = amounts.into_iter();
        let Some((first, _)) = rest.next() else {
            return match func {
                Func::Sum => Ok(Amount::number(
                    Interval::point(Rational::zero()),
                    Dimension::dimensionless(),
                    PercentKind::None,
                )),
                // The parser refuses `min()` and `max()`.
                Func::Min | Func::Max => Err(Stop::NotEvaluated),
            };
        };
        rest.try_fold(first, |acc, (next, arg_span)| match func {
            Func::Sum => self.additive(BinOp::Add, acc, next, arg_span),
            Func::Min | Func::Max => {
                let (acc, next) = resolve_years(acc, next);
                if acc.is_date() != next.is_date() || acc.dimension != next.dimension {
                    let message = format!(
                        "`{}` compares {} and {}, which are different dimensions",
                        func.name(),
                        describe(&acc),
                        describe(&next)
                    );
                    return Err(self.mismatch(arg_span, message, &acc, &next));
                }
                let interval = if func == Func::Min {
                    acc.interval.min(&next.interval)
                } else {
                    acc.interval.max(&next.interval)
                };
                let percent = PercentKind::of_sum(acc.percent, next.percent);
                Ok(Amount {
                    interval,
                    percent,
                    ..acc
                })
            }
        })
    }

    fn mismatch(&mut self, span: Span, message: String, left: &Amount, right: &Amount) -> Stop {
        self.problems.push(NumericProblem {
            rule: "unit-mismatch",
            span,
            message,
            help: left.dimension.plural_help(&right.dimension),
        });
        Stop::Reported
    }

    /// The operator between two operands: the symbol in the source between
    /// them when the source is at hand, else the whole gap.
    fn operator_span(&self, lhs: &Expr, rhs: &Expr, symbol: &str) -> Span {
        let gap = Span::new(lhs.span.end(), rhs.span.start());
        if gap.start() > gap.end() {
            return lhs.span.to(rhs.span);
        }
        match self
            .source
            .get(gap.range())
            .and_then(|text| text.find(symbol))
        {
            Some(offset) => Span::new(gap.start() + offset, gap.start() + offset + symbol.len()),
            None => gap,
        }
    }
}

/// Reads a year-or-number as a year next to a date, as a number otherwise.
fn resolve_years(left: Amount, right: Amount) -> (Amount, Amount) {
    match (left.is_date(), right.is_date()) {
        (true, false) => (left, right.into_date()),
        (false, true) => (left.into_date(), right),
        _ => (left.into_number(), right.into_number()),
    }
}

/// The dimension of an amount as messages name it.
pub fn describe(amount: &Amount) -> String {
    if amount.kind == AmountKind::Date {
        return "a date".to_string();
    }
    match (amount.dimension.is_dimensionless(), amount.percent) {
        (true, PercentKind::Percent) => "%".to_string(),
        (true, PercentKind::Points) => "pp".to_string(),
        _ => amount.dimension.to_string(),
    }
}

fn percent_vs_points(left: &Amount, right: &Amount, symbol: &str) -> Option<String> {
    let in_points = |a: &Amount| a.percent == PercentKind::Points;
    let in_percent = |a: &Amount| a.percent == PercentKind::Percent;
    if (in_points(left) && in_percent(right)) || (in_percent(left) && in_points(right)) {
        let (points_side, percent_side) = if in_points(left) {
            ("left", "right")
        } else {
            ("right", "left")
        };
        Some(format!(
            "`{symbol}` relates percentage points ({points_side} side) to a percentage ({percent_side} side)"
        ))
    } else {
        None
    }
}

/// An expression as written: its source text when the span is valid in
/// `source`, else rebuilt from the tree.
pub fn expr_text(source: &str, expr: &Expr) -> String {
    expr_words(source, expr).into_string()
}

/// [`expr_text`] in a compact string: short expressions need no allocation.
pub fn expr_words(source: &str, expr: &Expr) -> Name {
    match source.get(expr.span.start()..expr.span.end()) {
        Some(text) if !text.trim().is_empty() => Name::from(text.trim()),
        _ => Name::from(rebuild(source, expr)),
    }
}

fn rebuild(source: &str, expr: &Expr) -> String {
    match &expr.kind {
        ExprKind::Literal(value) => value_text(value),
        ExprKind::Ref(ident) => ident.name(source).to_owned(),
        ExprKind::Paren(inner) => format!("({})", rebuild(source, inner)),
        ExprKind::Neg(inner) => format!("-{}", rebuild(source, inner)),
        ExprKind::Binary { op, lhs, rhs } => {
            format!(
                "{} {} {}",
                rebuild(source, lhs),
                op.symbol(),
                rebuild(source, rhs)
            )
        }
        ExprKind::Call { func, args } => {
            let args: Vec<String> = args.iter().map(|a| rebuild(source, a)).collect();
            format!("{}({})", func.name(), args.join(", "))
        }
    }
}
