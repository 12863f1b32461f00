//! Values, expressions and relations: the syntax of spec section 5.

use crate::ast::{
    BinOp, DateLit, Expr, ExprKind, Func, Hedge, Ident, NumberLit, NumberValue, RelOp, Relation,
    Scale, Tolerance, UnitLit, Value,
};
use crate::syntax::error::PError;
use crate::syntax::lexer::{
    Ctx, PResult, date, identifier, is_inline_space, keyword, number, space0, space1, unit_word,
};

/// The deepest nesting of parentheses, unary minus and calls that argcheck
/// reads. Deeper input gets a diagnostic instead of a deep recursion; real
/// checks stay far below it.
pub const MAX_DEPTH: usize = 32;

/// The most operators one chain (`a + b - c ...`, `a * b / c ...`) may build
/// on each other. A chain is read in a loop, but it builds a tree as deep as
/// it is long, which evaluation and printing walk recursively; with the
/// nesting limit this bounds the depth of every expression tree.
pub const MAX_CHAIN: usize = 96;

fn fail<T>(e: PError<'_>) -> PResult<'_, T> {
    Err(nom::Err::Failure(e))
}

/// `hedge = "exactly" | "about" | ... | "at" "least" | "at" "most" ;`
///
/// Returns the hedge, the rest after it, and the hedge's slice length.
fn hedge(i: &str) -> Option<(Hedge, &str)> {
    const ONE_WORD: [(&str, Hedge); 10] = [
        ("exactly", Hedge::Exactly),
        ("about", Hedge::About),
        ("around", Hedge::About),
        ("approximately", Hedge::About),
        ("nearly", Hedge::Nearly),
        ("almost", Hedge::Nearly),
        ("over", Hedge::Over),
        ("above", Hedge::Over),
        ("under", Hedge::Under),
        ("below", Hedge::Under),
    ];
    const TWO_WORDS: [(&str, &str, Hedge); 4] = [
        ("more", "than", Hedge::Over),
        ("less", "than", Hedge::Under),
        ("at", "least", Hedge::AtLeast),
        ("at", "most", Hedge::AtMost),
    ];
    for (w, h) in ONE_WORD {
        if let Ok((rest, _)) = keyword(w)(i) {
            return Some((h, rest));
        }
    }
    for (first, second, h) in TWO_WORDS {
        if let Ok((rest, _)) = keyword(first)(i)
            && let Ok((rest, _)) = space1(rest)
            && let Ok((rest, _)) = keyword(second)(rest)
        {
            return Some((h, rest));
        }
    }
    None
}

/// Whether `i` starts a hedged number: a hedge, whitespace, then a digit.
fn hedged_number_ahead(i: &str) -> bool {
    hedge(i).is_some_and(|(_, rest)| {
        let after = rest.trim_start_matches(is_inline_space);
        // `exactly -6` is read as a value too, so that its error is about
        // the sign rather than about a binary `-` after a name.
        let unsigned = after
            .strip_prefix('-')
            .filter(|a| a.starts_with(|c: char| c.is_ascii_digit()))
            .unwrap_or(after);
        unsigned.starts_with(|c: char| c.is_ascii_digit()) && rest.starts_with(is_inline_space)
    })
}

fn number_lit<'a>(ctx: Ctx<'a>, i: &'a str) -> PResult<'a, NumberLit> {
    let (rest, parts) = number(i)?;
    Ok((
        rest,
        NumberLit {
            int_digits: parts.int_digits,
            frac_digits: parts.frac_digits,
            exponent: parts.exponent,
            text: parts.text.into(),
            span: ctx.span(parts.text),
        },
    ))
}

/// `scale`, after whitespace.
fn scale(ctx: Ctx<'_>, i: &str) -> Option<((Scale, crate::syntax::span::Span), usize)> {
    let after_space = i.trim_start_matches(is_inline_space);
    if after_space.len() == i.len() {
        return None;
    }
    for s in [
        Scale::Thousand,
        Scale::Million,
        Scale::Billion,
        Scale::Trillion,
    ] {
        if let Ok((rest, w)) = keyword(s.word())(after_space) {
            return Some(((s, ctx.span(w)), i.len() - rest.len()));
        }
    }
    None
}

/// `unit = "%" | unit-word { "/" unit-word } ;` directly (for `%`) or after
/// whitespace.
fn unit<'a>(ctx: Ctx<'a>, i: &'a str) -> PResult<'a, Option<UnitLit>> {
    if let Some(rest) = i.strip_prefix('%') {
        return Ok((
            rest,
            Some(UnitLit {
                text: "%".into(),
                span: ctx.span(&i[..1]),
            }),
        ));
    }
    let after_space = i.trim_start_matches(is_inline_space);
    if after_space.len() == i.len() {
        return Ok((i, None));
    }
    if let Some(rest) = after_space.strip_prefix('%') {
        return Ok((
            rest,
            Some(UnitLit {
                text: "%".into(),
                span: ctx.span(&after_space[..1]),
            }),
        ));
    }
    // Words that start a hedge, a function call or a tolerance are not units.
    let Ok((mut rest, _)) = unit_word(after_space) else {
        return Ok((i, None));
    };
    while let Some(after_slash) = rest.strip_prefix('/') {
        match unit_word(after_slash) {
            Ok((r, _)) => rest = r,
            Err(_) => {
                return fail(PError::expected(after_slash, "a unit word after `/`"));
            }
        }
    }
    let text = &after_space[..after_space.len() - rest.len()];
    if rest.starts_with('(') {
        // `5 sum(...)`: not a unit; let the caller report what follows.
        return Ok((i, None));
    }
    Ok((
        rest,
        Some(UnitLit {
            text: text.into(),
            span: ctx.span(text),
        }),
    ))
}

/// `tolerance = ( "±" | "+/-" ) number [ scale ] ;`
fn tolerance<'a>(ctx: Ctx<'a>, i: &'a str) -> PResult<'a, Option<Box<Tolerance>>> {
    let after_space = i.trim_start_matches(is_inline_space);
    let Some(after_sign) = after_space
        .strip_prefix('±')
        .or_else(|| after_space.strip_prefix("+/-"))
    else {
        return Ok((i, None));
    };
    let (at_number, _) = space0(after_sign)?;
    let (mut rest, lit) = number_lit(ctx, at_number)
        .map_err(|_| nom::Err::Failure(PError::expected(at_number, "a number after `±`")))?;
    let mut scale_part = None;
    if let Some((s, len)) = scale(ctx, rest) {
        scale_part = Some(s);
        rest = &rest[len..];
    }
    Ok((
        rest,
        Some(Box::new(Tolerance {
            number: lit,
            scale: scale_part,
            span: ctx.between(after_space, rest),
        })),
    ))
}

/// `number-value = [ hedge ] number [ scale ] [ unit ] [ tolerance ] ;`
pub fn number_value<'a>(ctx: Ctx<'a>, i: &'a str) -> PResult<'a, NumberValue> {
    let mut rest = i;
    let mut hedge_part = None;
    if let Some((h, after)) = hedge(i) {
        let hedge_text = &i[..i.len() - after.len()];
        let (after_space, _) = space1(after)
            .map_err(|_| nom::Err::Failure(PError::expected(after, "a number after the hedge")))?;
        if !after_space.starts_with(|c: char| c.is_ascii_digit()) {
            return fail(PError::custom(
                after_space,
                crate::syntax::error::found_len(after_space),
                format!(
                    "expected a number after `{hedge_text}`, found {}",
                    crate::syntax::error::describe_found(after_space)
                ),
                "expected a number",
                after_space
                    .strip_prefix('-')
                    .and_then(|unsigned| crate::syntax::lexer::number(unsigned).ok())
                    .map(|(_, n)| {
                        format!(
                            "a value has no sign; an expression in a check can negate one: `-{hedge_text} {}`",
                            n.text
                        )
                    }),
            ));
        }
        hedge_part = Some((h, ctx.span(hedge_text)));
        rest = after_space;
    }
    let (after_number, lit) = number_lit(ctx, rest)?;
    if after_number.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        return fail(PError::custom(
            after_number,
            crate::syntax::error::found_len(after_number),
            format!(
                "expected whitespace after the number `{}`, found {}",
                lit.text,
                crate::syntax::error::describe_found(after_number)
            ),
            "write a space before a scale or unit",
            Some(format!(
                "write `{} {}`",
                lit.text,
                &after_number[..crate::syntax::error::found_len(after_number)]
            )),
        ));
    }
    rest = after_number;
    let mut scale_part = None;
    if let Some((s, len)) = scale(ctx, rest) {
        scale_part = Some(s);
        rest = &rest[len..];
    }
    let (after_unit, unit_part) = unit(ctx, rest)?;
    rest = after_unit;
    let (after_tolerance, tolerance_part) = tolerance(ctx, rest)?;
    rest = after_tolerance;
    Ok((
        rest,
        NumberValue {
            hedge: hedge_part,
            number: lit,
            scale: scale_part,
            unit: unit_part,
            tolerance: tolerance_part,
            span: ctx.between(i, rest),
        },
    ))
}

fn date_lit<'a>(ctx: Ctx<'a>, i: &'a str, allow_year: bool) -> PResult<'a, DateLit> {
    let (rest, (year, month, day, text)) = date(allow_year)(i)?;
    Ok((
        rest,
        DateLit {
            year,
            month,
            day,
            span: ctx.span(text),
        },
    ))
}

/// `date`, where one is required (`date` and `as-of` clauses): `YYYY` is a year.
pub fn date_clause_value<'a>(ctx: Ctx<'a>, i: &'a str) -> PResult<'a, DateLit> {
    date_lit(ctx, i, true)
}

/// `value = number-value | date ;` a date here is `YYYY-MM` or `YYYY-MM-DD`;
/// a bare `YYYY` is a number (see the grammar's clarification).
pub fn value<'a>(ctx: Ctx<'a>, i: &'a str) -> PResult<'a, Value> {
    if let Ok((rest, d)) = date_lit(ctx, i, false) {
        return Ok((rest, Value::Date(d)));
    }
    if let Err(nom::Err::Failure(e)) = date_lit(ctx, i, false) {
        return Err(nom::Err::Failure(e));
    }
    if !(i.starts_with(|c: char| c.is_ascii_digit()) || hedge(i).is_some()) {
        return Err(nom::Err::Error(PError::expected(
            i,
            "a value (a number with optional hedge, scale and unit, or a date)",
        )));
    }
    let (rest, n) = number_value(ctx, i)?;
    Ok((rest, Value::Number(Box::new(n))))
}

/// The height of an expression's tree, counting operator links only: a
/// chain's operands stay below [`MAX_CHAIN`] links wherever they nest, and
/// the nesting that separates chains is bounded by [`MAX_DEPTH`]. Walked
/// with an explicit stack, as it is what bounds recursion elsewhere.
fn tree_height(e: &Expr) -> usize {
    // Most operands are a name or a number: no walk needed.
    if matches!(e.kind, ExprKind::Literal(_) | ExprKind::Ref(_)) {
        return 0;
    }
    let mut highest = 0;
    let mut stack = vec![(e, 0)];
    while let Some((e, links)) = stack.pop() {
        highest = highest.max(links);
        match &e.kind {
            ExprKind::Literal(_) | ExprKind::Ref(_) => {}
            ExprKind::Neg(inner) | ExprKind::Paren(inner) => stack.push((inner, links)),
            ExprKind::Binary { lhs, rhs, .. } => {
                stack.push((lhs, links + 1));
                stack.push((rhs, links + 1));
            }
            ExprKind::Call { args, .. } => stack.extend(args.iter().map(|a| (a, links))),
        }
    }
    highest
}

fn chain_too_long(i: &str) -> PError<'_> {
    PError::custom(
        i,
        1,
        format!(
            "expression too long: more than {MAX_CHAIN} operators build on each other (expected an operand that ends the chain, found another operator)"
        ),
        "operator limit reached here",
        Some(
            "use `sum(...)` for a long sum, or split the expression into named quantities"
                .to_owned(),
        ),
    )
}

fn too_deep(i: &str) -> PError<'_> {
    PError::custom(
        i,
        crate::syntax::error::found_len(i).max(1),
        format!(
            "expression nested too deeply (more than {MAX_DEPTH} levels): expected an operand, found another level of nesting"
        ),
        "nesting limit reached here",
        Some(
            "split the expression into named quantities, or use `sum(...)` for long sums"
                .to_owned(),
        ),
    )
}

/// `relation = expr rel-op expr ;`
pub fn relation<'a>(ctx: Ctx<'a>, i: &'a str) -> PResult<'a, Relation> {
    let (rest, lhs) = expr(ctx, i, 0)?;
    let (rest, _) = space0(rest)?;
    let Some((op, after_op)) = rel_op(rest) else {
        return fail(PError::expected(
            rest,
            "a relation (`=`, `!=`, `<`, `<=`, `>` or `>=`)",
        ));
    };
    let op_span = ctx.between(rest, after_op);
    let (at_rhs, _) = space0(after_op)?;
    let (rest, rhs) = expr(ctx, at_rhs, 0)?;
    let (after_space, _) = space0(rest)?;
    if let Some((second, after_second)) = rel_op(after_space) {
        return fail(PError::custom(
            after_space,
            after_space.len() - after_second.len(),
            format!(
                "a check relates two expressions with one relation: expected the end of the check, found a second `{}`",
                second.symbol()
            ),
            "second relation",
            Some("write one check per relation".to_owned()),
        ));
    }
    Ok((
        rest,
        Relation {
            lhs,
            op,
            op_span,
            rhs,
        },
    ))
}

/// `rel-op = "=" | "!=" | "<=" | ">=" | "<" | ">" ;`
fn rel_op(i: &str) -> Option<(RelOp, &str)> {
    const OPS: [(&str, RelOp); 6] = [
        ("!=", RelOp::Ne),
        ("<=", RelOp::Le),
        (">=", RelOp::Ge),
        ("=", RelOp::Eq),
        ("<", RelOp::Lt),
        (">", RelOp::Gt),
    ];
    OPS.into_iter()
        .find_map(|(sym, op)| i.strip_prefix(sym).map(|rest| (op, rest)))
}

/// `expr = sum-expr ;` `sum-expr = product-expr { ws ( "+" | "-" ) ws product-expr } ;`
///
/// Chains are folded left to right in a loop; the tree they build may be
/// at most [`MAX_CHAIN`] operators deep.
pub fn expr<'a>(ctx: Ctx<'a>, i: &'a str, depth: usize) -> PResult<'a, Expr> {
    let (mut rest, mut lhs) = product_expr(ctx, i, depth)?;
    // Measured only once the expression turns out to be a chain.
    let mut height = None;
    loop {
        let (after_space, space) = space0(rest)?;
        let op = if after_space.starts_with("+/-") {
            None
        } else if after_space.starts_with('+') {
            Some(BinOp::Add)
        } else if after_space.starts_with('-') {
            Some(BinOp::Sub)
        } else {
            None
        };
        let Some(op) = op else {
            return Ok((rest, lhs));
        };
        let after_op = &after_space[1..];
        if space.is_empty() || !after_op.starts_with(is_inline_space) {
            return fail(PError::custom(
                after_space,
                1,
                format!(
                    "binary `{}` needs whitespace on both sides: expected a space before and after it",
                    op.symbol()
                ),
                "write spaces around this operator",
                Some(format!(
                    "`-` may occur inside identifiers, so `a-b` is one name; write `a {} b`",
                    op.symbol()
                )),
            ));
        }
        let (at_rhs, _) = space0(after_op)?;
        let (r, rhs) = product_expr(ctx, at_rhs, depth)?;
        lhs = link(&mut height, op, lhs, rhs, after_space)?;
        rest = r;
    }
}

/// The next link of an operator chain at `op_at`: the binary node of `lhs`
/// and `rhs`, unless it would put more than [`MAX_CHAIN`] operators on one
/// path. `height` is the chain's height so far, measured once it is a chain.
fn link<'a>(
    height: &mut Option<usize>,
    op: BinOp,
    lhs: Expr,
    rhs: Expr,
    op_at: &'a str,
) -> Result<Expr, nom::Err<PError<'a>>> {
    let linked = height
        .unwrap_or_else(|| tree_height(&lhs))
        .max(tree_height(&rhs))
        + 1;
    if linked > MAX_CHAIN {
        return Err(nom::Err::Failure(chain_too_long(op_at)));
    }
    *height = Some(linked);
    Ok(binary(op, lhs, rhs))
}

/// A binary node spanning both operands.
fn binary(op: BinOp, lhs: Expr, rhs: Expr) -> Expr {
    let span = lhs.span.to(rhs.span);
    Expr {
        kind: ExprKind::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        span,
    }
}

/// `product-expr = unary-expr { ( "*" | "/" ) unary-expr } ;`
fn product_expr<'a>(ctx: Ctx<'a>, i: &'a str, depth: usize) -> PResult<'a, Expr> {
    let (mut rest, mut lhs) = unary_expr(ctx, i, depth)?;
    let mut height = None;
    loop {
        let (after_space, _) = space0(rest)?;
        let op = match after_space.chars().next() {
            Some('*') => BinOp::Mul,
            Some('/') => BinOp::Div,
            _ => return Ok((rest, lhs)),
        };
        let (at_rhs, _) = space0(&after_space[1..])?;
        let (r, rhs) = unary_expr(ctx, at_rhs, depth)?;
        lhs = link(&mut height, op, lhs, rhs, after_space)?;
        rest = r;
    }
}

/// `unary-expr = { "-" } primary ;` read in a loop.
fn unary_expr<'a>(ctx: Ctx<'a>, i: &'a str, depth: usize) -> PResult<'a, Expr> {
    let mut minuses = Vec::new();
    let mut rest = i;
    while let Some(after) = rest.strip_prefix('-') {
        if minuses.len() + depth >= MAX_DEPTH {
            return fail(too_deep(rest));
        }
        minuses.push(rest);
        rest = after.trim_start_matches(is_inline_space);
    }
    let (rest, mut e) = primary(ctx, rest, depth + minuses.len())?;
    for start in minuses.into_iter().rev() {
        // From this `-` to the end of its operand (not to the end of `start`,
        // which runs on to the end of the statement).
        let span = crate::syntax::span::Span::new(ctx.offset(start), e.span.end());
        e = Expr {
            kind: ExprKind::Neg(Box::new(e)),
            span,
        };
    }
    Ok((rest, e))
}

/// `primary = "(" expr ")" | call | value | identifier ;`
fn primary<'a>(ctx: Ctx<'a>, i: &'a str, depth: usize) -> PResult<'a, Expr> {
    if let Some(inner) = i.strip_prefix('(') {
        if depth + 1 > MAX_DEPTH {
            return fail(too_deep(i));
        }
        let (inner, _) = space0(inner)?;
        let (rest, e) = expr(ctx, inner, depth + 1)?;
        let (rest, _) = space0(rest)?;
        let Some(after) = rest.strip_prefix(')') else {
            return fail(closing_paren_expected(rest));
        };
        return Ok((
            after,
            Expr {
                kind: ExprKind::Paren(Box::new(e)),
                span: ctx.between(i, after),
            },
        ));
    }
    for func in [Func::Sum, Func::Min, Func::Max] {
        if let Some(args_start) = i
            .strip_prefix(func.name())
            .and_then(|r| r.strip_prefix('('))
        {
            return call(ctx, i, func, args_start, depth);
        }
    }
    if i.starts_with(|c: char| c.is_ascii_digit()) || hedged_number_ahead(i) {
        let (rest, v) = value(ctx, i)?;
        let span = v.span();
        return Ok((
            rest,
            Expr {
                kind: ExprKind::Literal(v),
                span,
            },
        ));
    }
    match identifier(i) {
        Ok((rest, name)) => Ok((
            rest,
            Expr {
                kind: ExprKind::Ref(Ident::verbatim(ctx.span(name))),
                span: ctx.span(name),
            },
        )),
        Err(nom::Err::Failure(e)) => Err(nom::Err::Failure(e)),
        Err(_) => fail(PError::expected(
            i,
            "an operand (a quantity, a number, a date, `(` or a function)",
        )),
    }
}

fn closing_paren_expected(at: &str) -> PError<'_> {
    let found = crate::syntax::error::describe_found(at);
    PError::custom(
        at,
        crate::syntax::error::found_len(at),
        format!("expected `)` to close the parenthesis, found {found}"),
        "expected `)`",
        Some("every `(` needs a matching `)` on the same line".to_owned()),
    )
}

/// `call = ( "sum" | "min" | "max" ) "(" expr { "," expr } ")" ;`
fn call<'a>(
    ctx: Ctx<'a>,
    start: &'a str,
    func: Func,
    args_start: &'a str,
    depth: usize,
) -> PResult<'a, Expr> {
    if depth + 1 > MAX_DEPTH {
        return fail(too_deep(start));
    }
    let mut args = Vec::new();
    let (mut rest, _) = space0(args_start)?;
    loop {
        let (r, arg) = expr(ctx, rest, depth + 1)?;
        args.push(arg);
        let (r, _) = space0(r)?;
        if let Some(after) = r.strip_prefix(',') {
            let (after, _) = space0(after)?;
            rest = after;
        } else if let Some(after) = r.strip_prefix(')') {
            return Ok((
                after,
                Expr {
                    kind: ExprKind::Call { func, args },
                    span: ctx.between(start, after),
                },
            ));
        } else {
            return fail(PError::expected(
                r,
                format!("`,` or `)` in the arguments of `{}`", func.name()),
            ));
        }
    }
}
