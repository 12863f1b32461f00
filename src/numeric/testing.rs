//! Hand-built syntax trees for tests, until (and besides) the parser: a value
//! from its text (`value("about 670 million users")`) and small expression
//! constructors. Spans are all `Span::default()`.

use crate::ast::{
    BinOp, DateLit, Expr, ExprKind, Func, Hedge, Ident, NumberLit, NumberValue, RelOp, Relation,
    Scale, Tolerance, UnitLit, Value,
};
use crate::syntax::span::Span;

/// A number literal from text such as `3,366`, `3.366e9`, `0.10`.
pub fn number_lit(text: &str) -> NumberLit {
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse().unwrap_or(0)),
        None => (text, 0),
    };
    let mantissa = mantissa.replace(',', "");
    let (int_digits, frac_digits) = mantissa.split_once('.').unwrap_or((&mantissa, ""));
    NumberLit {
        int_digits: int_digits.into(),
        frac_digits: frac_digits.into(),
        exponent,
        text: text.into(),
        span: Span::default(),
    }
}

fn hedge_of(words: &[&str]) -> Option<(Hedge, usize)> {
    let hedge = match words {
        ["at", "least", ..] => return Some((Hedge::AtLeast, 2)),
        ["at", "most", ..] => return Some((Hedge::AtMost, 2)),
        ["more", "than", ..] => return Some((Hedge::Over, 2)),
        ["less", "than", ..] => return Some((Hedge::Under, 2)),
        ["exactly", ..] => Hedge::Exactly,
        ["about" | "around" | "approximately", ..] => Hedge::About,
        ["nearly" | "almost", ..] => Hedge::Nearly,
        ["over" | "above", ..] => Hedge::Over,
        ["under" | "below", ..] => Hedge::Under,
        _ => return None,
    };
    Some((hedge, 1))
}

/// A value from its text: `[HEDGE] NUMBER [SCALE] [UNIT] [± NUMBER [SCALE]]`,
/// or a date `YYYY-MM[-DD]`. `%` may be attached to the number.
pub fn value(text: &str) -> Value {
    let spaced = text.replace('%', " %").replace("+/-", "±");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    if let [single] = words.as_slice()
        && let Some(date) = date_lit(single)
    {
        return Value::Date(date);
    }
    let (hedge, mut rest) = match hedge_of(&words) {
        Some((hedge, used)) => (Some((hedge, Span::default())), &words[used..]),
        None => (None, &words[..]),
    };
    let number = number_lit(rest.first().copied().unwrap_or("0"));
    rest = rest.get(1..).unwrap_or(&[]);
    let take_scale = |rest: &mut &[&str]| {
        let scale = rest.first().and_then(|w| Scale::from_word(w));
        if scale.is_some() {
            *rest = &rest[1..];
        }
        scale.map(|s| (s, Span::default()))
    };
    let scale = take_scale(&mut rest);
    let unit = match rest.first() {
        Some(word) if *word != "±" => {
            rest = &rest[1..];
            Some(UnitLit {
                text: (*word).into(),
                span: Span::default(),
            })
        }
        _ => None,
    };
    let tolerance = match rest {
        ["±", number, more @ ..] => {
            let mut more: &[&str] = more;
            Some(Box::new(Tolerance {
                number: number_lit(number),
                scale: take_scale(&mut more),
                span: Span::default(),
            }))
        }
        _ => None,
    };
    Value::Number(Box::new(NumberValue {
        hedge,
        number,
        scale,
        unit,
        tolerance,
        span: Span::default(),
    }))
}

/// `YYYY-MM` or `YYYY-MM-DD` (a bare `YYYY` is a number here, as in the parser).
pub fn date_lit(text: &str) -> Option<DateLit> {
    let parts: Vec<&str> = text.split('-').collect();
    if parts.len() < 2 || parts.len() > 3 || parts[0].len() != 4 {
        return None;
    }
    let year = parts[0].parse().ok()?;
    let month = Some(parts[1].parse().ok()?);
    let day = match parts.get(2) {
        Some(d) => Some(d.parse().ok()?),
        None => None,
    };
    Some(DateLit {
        year,
        month,
        day,
        span: Span::default(),
    })
}

/// A literal expression from value text.
pub fn lit(text: &str) -> Expr {
    expr(ExprKind::Literal(value(text)))
}

/// A quantity reference.
pub fn name(id: &str) -> Expr {
    expr(ExprKind::Ref(Ident::with_name(id, Span::default())))
}

pub fn binary(op: BinOp, lhs: Expr, rhs: Expr) -> Expr {
    expr(ExprKind::Binary {
        op,
        lhs: Box::new(lhs),
        rhs: Box::new(rhs),
    })
}

pub fn add(lhs: Expr, rhs: Expr) -> Expr {
    binary(BinOp::Add, lhs, rhs)
}

pub fn sub(lhs: Expr, rhs: Expr) -> Expr {
    binary(BinOp::Sub, lhs, rhs)
}

pub fn mul(lhs: Expr, rhs: Expr) -> Expr {
    binary(BinOp::Mul, lhs, rhs)
}

pub fn div(lhs: Expr, rhs: Expr) -> Expr {
    binary(BinOp::Div, lhs, rhs)
}

pub fn paren(inner: Expr) -> Expr {
    expr(ExprKind::Paren(Box::new(inner)))
}

pub fn neg(inner: Expr) -> Expr {
    expr(ExprKind::Neg(Box::new(inner)))
}

pub fn call(func: Func, args: Vec<Expr>) -> Expr {
    expr(ExprKind::Call { func, args })
}

pub fn relation(lhs: Expr, op: RelOp, rhs: Expr) -> Relation {
    Relation {
        lhs,
        op,
        op_span: Span::default(),
        rhs,
    }
}

fn expr(kind: ExprKind) -> Expr {
    Expr {
        kind,
        span: Span::default(),
    }
}
