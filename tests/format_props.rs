//! Property tests of the parser and the formatter over generated files.
//!
//! - A syntax tree generated in memory, printed by the formatter and parsed
//!   back, is the same tree (spans aside).
//! - The printed text, made untidy (tabs and odd indentation, extra blank
//!   lines, comment lines and trailing comments, strings folded at another
//!   width), formats back to the same tree with the same comments, and
//!   formatting it twice equals formatting it once.

use argcheck::ast::{
    BinOp, Clause, ClauseBody, ClauseKeyword, DateLit, Expr, ExprKind, File, Func, Group, Head,
    Hedge, Ident, NumberLit, NumberValue, RelOp, Relation, Scale, Statement, StatementKind, Str,
    Tolerance, UnitLit, Value,
};
use argcheck::format::compare::erase_spans;
use argcheck::format::{FormatOptions, comment_texts, format_text, print_tree};
use argcheck::syntax::parse;
use argcheck::syntax::span::Span;
use proptest::prelude::*;

const NOWHERE: Span = Span::empty(0);

/// Words that mean something where an identifier may stand; kept out of
/// generated identifiers so the generator need not know every ambiguity.
const RESERVED: &[&str] = &[
    "exactly",
    "about",
    "around",
    "approximately",
    "nearly",
    "almost",
    "over",
    "above",
    "under",
    "below",
    "more",
    "less",
    "at",
    "than",
    "least",
    "most",
    "thousand",
    "million",
    "billion",
    "trillion",
    "sum",
    "min",
    "max",
];

fn ident() -> impl Strategy<Value = Ident> {
    "[a-zA-Z_][a-z0-9_]{0,5}([.-][a-z0-9]{1,3}){0,2}"
        .prop_filter("reserved word", |s| !RESERVED.contains(&s.as_str()))
        .prop_map(|name| Ident::with_name(name, NOWHERE))
}

fn rule_name() -> impl Strategy<Value = Ident> {
    "[a-z][a-z-]{0,15}".prop_map(|name| Ident::with_name(name, NOWHERE))
}

/// String values: any characters a value can hold (a raw carriage return
/// reads as a line break, so it never is one), with spaces, runs of spaces,
/// quotes, backslashes, line breaks, `#` and non-ASCII text.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => "[a-zA-Z0-9,.']{1,12}",
            3 => Just(" ".to_owned()),
            1 => Just("  ".to_owned()),
            1 => prop::sample::select(vec!["\"", "\\", "\n", "#", " # ", "\t", "é", "中文", "±", "\u{0}"])
                .prop_map(str::to_owned),
        ],
        0..30,
    )
    .prop_map(|parts| parts.concat())
}

fn reason() -> impl Strategy<Value = String> {
    (text(), "[a-z]{1,8}").prop_map(|(t, w)| format!("{w}{t}"))
}

fn str_of(s: impl Strategy<Value = String>) -> impl Strategy<Value = Str> {
    s.prop_map(|value| Str::with_value(value, NOWHERE))
}

fn date() -> impl Strategy<Value = DateLit> {
    (
        1000i32..2999,
        prop::option::of((1u8..=12, prop::option::of(1u8..=28))),
    )
        .prop_map(|(year, md)| DateLit {
            year,
            month: md.map(|(m, _)| m),
            day: md.and_then(|(_, d)| d),
            span: NOWHERE,
        })
}

/// A date as a value: `YYYY` alone is a number there.
fn value_date() -> impl Strategy<Value = DateLit> {
    date().prop_filter("a bare year is a number", |d| d.month.is_some())
}

/// A number literal, read by the lexer so its fields match its text.
fn number() -> impl Strategy<Value = NumberLit> {
    (
        prop_oneof!["[1-9][0-9]{0,2}(,[0-9]{3}){0,3}", "[0-9]{1,6}"],
        prop::option::of("[0-9]{1,4}"),
        prop::option::of(-1000i32..=1000),
    )
        .prop_map(|(int, frac, exp)| {
            let mut text = int;
            if let Some(f) = frac {
                text.push('.');
                text.push_str(&f);
            }
            if let Some(e) = exp {
                text.push_str(&format!("e{e}"));
            }
            let (rest, parts) = argcheck::syntax::lexer::number(&text).expect("a number");
            assert!(rest.is_empty(), "{text}");
            NumberLit {
                int_digits: parts.int_digits,
                frac_digits: parts.frac_digits,
                exponent: parts.exponent,
                text: text.as_str().into(),
                span: NOWHERE,
            }
        })
}

fn scale() -> impl Strategy<Value = Option<(Scale, Span)>> {
    prop::option::of(
        prop::sample::select(vec![
            Scale::Thousand,
            Scale::Million,
            Scale::Billion,
            Scale::Trillion,
        ])
        .prop_map(|s| (s, NOWHERE)),
    )
}

fn number_value() -> impl Strategy<Value = NumberValue> {
    let hedge = prop::option::of(
        prop::sample::select(vec![
            Hedge::Exactly,
            Hedge::About,
            Hedge::Nearly,
            Hedge::Over,
            Hedge::Under,
            Hedge::AtLeast,
            Hedge::AtMost,
        ])
        .prop_map(|h| (h, NOWHERE)),
    );
    let unit = prop::option::of(
        prop::sample::select(vec![
            "%", "pp", "users", "USD/year", "km/h", "days", "years",
        ])
        .prop_map(|u| UnitLit {
            text: u.into(),
            span: NOWHERE,
        }),
    );
    let tolerance = prop::option::of((number(), scale()).prop_map(|(number, scale)| {
        Box::new(Tolerance {
            number,
            scale,
            span: NOWHERE,
        })
    }));
    (hedge, number(), scale(), unit, tolerance).prop_map(
        |(hedge, number, scale, unit, tolerance)| NumberValue {
            hedge,
            number,
            scale,
            unit,
            tolerance,
            span: NOWHERE,
        },
    )
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => number_value().prop_map(|n| Value::Number(Box::new(n))),
        1 => value_date().prop_map(Value::Date),
    ]
}

fn node(kind: ExprKind) -> Expr {
    Expr {
        kind,
        span: NOWHERE,
    }
}

fn paren(e: Expr) -> Expr {
    node(ExprKind::Paren(Box::new(e)))
}

/// How tightly an expression binds: 0 for `+ -`, 1 for `* /`, 2 otherwise.
fn binding(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Binary {
            op: BinOp::Add | BinOp::Sub,
            ..
        } => 0,
        ExprKind::Binary { .. } => 1,
        _ => 2,
    }
}

/// Expressions as the parser builds them: parentheses wherever precedence or
/// left-to-right grouping needs them.
fn expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        ident().prop_map(|i| node(ExprKind::Ref(i))),
        value().prop_map(|v| node(ExprKind::Literal(v))),
    ];
    leaf.prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| {
                let e = if binding(&e) < 2 { paren(e) } else { e };
                node(ExprKind::Neg(Box::new(e)))
            }),
            (
                inner.clone(),
                prop::sample::select(vec![BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Div]),
                inner.clone()
            )
                .prop_map(|(lhs, op, rhs)| {
                    let level = u8::from(matches!(op, BinOp::Mul | BinOp::Div));
                    let lhs = if binding(&lhs) < level {
                        paren(lhs)
                    } else {
                        lhs
                    };
                    let rhs = if binding(&rhs) <= level {
                        paren(rhs)
                    } else {
                        rhs
                    };
                    node(ExprKind::Binary {
                        op,
                        lhs: Box::new(lhs),
                        rhs: Box::new(rhs),
                    })
                }),
            (
                prop::sample::select(vec![Func::Sum, Func::Min, Func::Max]),
                prop::collection::vec(inner.clone(), 1..4)
            )
                .prop_map(|(func, args)| node(ExprKind::Call { func, args })),
            inner.prop_map(paren),
        ]
    })
}

fn relation() -> impl Strategy<Value = Relation> {
    (
        expr(),
        prop::sample::select(vec![
            RelOp::Eq,
            RelOp::Ne,
            RelOp::Lt,
            RelOp::Le,
            RelOp::Gt,
            RelOp::Ge,
        ]),
        expr(),
    )
        .prop_map(|(lhs, op, rhs)| Relation {
            lhs,
            op,
            op_span: NOWHERE,
            rhs,
        })
}

fn refs() -> impl Strategy<Value = Vec<Ident>> {
    prop::collection::vec(ident(), 1..4)
}

fn body(keyword: ClauseKeyword) -> BoxedStrategy<ClauseBody> {
    use ClauseKeyword as K;
    match keyword {
        K::By | K::Url | K::File | K::Note => str_of(text()).prop_map(ClauseBody::Text).boxed(),
        K::Assumed => str_of(reason()).prop_map(ClauseBody::Text).boxed(),
        K::Date | K::AsOf => date().prop_map(ClauseBody::Date).boxed(),
        K::Kind => ident().prop_map(ClauseBody::Word).boxed(),
        K::Cites => (ident(), prop::option::of(str_of(text())))
            .prop_map(|(source, locator)| ClauseBody::Cites {
                source,
                locator: locator.map(Box::new),
            })
            .boxed(),
        K::Quote => (ident(), str_of(text()))
            .prop_map(|(source, text)| ClauseBody::Quote {
                source,
                text: Box::new(text),
            })
            .boxed(),
        K::SupportedBy => prop::collection::vec(refs(), 1..4)
            .prop_map(|groups| {
                ClauseBody::Groups(
                    groups
                        .into_iter()
                        .map(|members| Group {
                            members,
                            span: NOWHERE,
                        })
                        .collect(),
                )
            })
            .boxed(),
        K::AttackedBy | K::Supports | K::Attacks | K::Tags => {
            refs().prop_map(ClauseBody::Refs).boxed()
        }
        K::Contradicts | K::SameAs => ident().prop_map(ClauseBody::Ref).boxed(),
        K::Allow => (rule_name(), str_of(reason()))
            .prop_map(|(rule, reason)| ClauseBody::Allow {
                rule,
                reason: Box::new(reason),
            })
            .boxed(),
    }
}

fn clause(kind: StatementKind) -> BoxedStrategy<Clause> {
    let allowed: Vec<ClauseKeyword> = ClauseKeyword::ALL
        .into_iter()
        .filter(|k| k.allowed_on().contains(&kind))
        .collect();
    prop::sample::select(allowed)
        .prop_flat_map(|keyword| {
            body(keyword).prop_map(move |body| Clause {
                keyword,
                body,
                span: NOWHERE,
            })
        })
        .boxed()
}

fn statement() -> impl Strategy<Value = Statement> {
    prop::sample::select(StatementKind::ALL.to_vec()).prop_flat_map(|kind| {
        let head = match kind {
            StatementKind::Quantity => (value().prop_map(Head::Value), ident().prop_map(Some))
                .prop_map(|(h, id)| (h, id))
                .boxed(),
            StatementKind::Check => (
                relation().prop_map(|r| Head::Check(Box::new(r))),
                prop::option::of(ident()),
            )
                .boxed(),
            _ => (str_of(text()).prop_map(Head::Text), ident().prop_map(Some)).boxed(),
        };
        (head, prop::collection::vec(clause(kind), 0..5)).prop_map(move |((head, id), clauses)| {
            Statement {
                kind,
                id,
                head,
                clauses: clauses.into_boxed_slice(),
                span: NOWHERE,
                has_errors: false,
            }
        })
    })
}

fn file() -> impl Strategy<Value = File> {
    prop::collection::vec(statement(), 0..6).prop_map(|statements| File { statements })
}

/// Ways to make a tidy file untidy without changing what it says.
#[derive(Debug, Clone)]
struct Mess {
    /// Indentation for each indented line, cycled.
    indents: Vec<&'static str>,
    /// After which lines to add a blank line, a comment line or a trailing
    /// comment, cycled.
    extras: Vec<u8>,
    /// The width the untidy file's strings are folded at.
    width: usize,
    crlf: bool,
}

fn mess() -> impl Strategy<Value = Mess> {
    (
        prop::collection::vec(
            prop::sample::select(vec!["  ", "\t", "    ", " \t ", "        "]),
            1..5,
        ),
        prop::collection::vec(0u8..6, 1..7),
        20usize..120,
        any::<bool>(),
    )
        .prop_map(|(indents, extras, width, crlf)| Mess {
            indents,
            extras,
            width,
            crlf,
        })
}

/// The printed file, made untidy, and the comments it now holds.
fn untidy(tree: &File, mess: &Mess) -> (String, Vec<String>) {
    let printed = print_tree(tree, &FormatOptions { width: mess.width });
    let mut out = String::new();
    let mut added = Vec::new();
    let eol = if mess.crlf { "\r\n" } else { "\n" };
    let lines: Vec<&str> = printed.lines().collect();
    for (k, line) in lines.iter().enumerate() {
        let body = line.trim_start_matches(' ');
        if body.len() < line.len() {
            out.push_str(mess.indents[k % mess.indents.len()]);
        }
        out.push_str(body);
        // Text after a line that ends inside a string would join the string;
        // only lines that end a construct may take a trailing comment.
        let ends_construct = !line_inside_string(&printed, &lines, k);
        match mess.extras[k % mess.extras.len()] {
            1 if ends_construct => {
                let c = format!("# trailing {k}");
                out.push_str(" \t");
                out.push_str(&c);
                added.push((k, c));
            }
            2 if ends_construct => {
                out.push_str(eol);
                out.push_str(eol);
            }
            3 if ends_construct => {
                let c = format!("# line {k} #x \"q\"");
                out.push_str(eol);
                out.push_str(&c);
                added.push((k, c));
            }
            4 if ends_construct => {
                let c = format!("#indented {k}");
                out.push_str(eol);
                out.push_str(mess.indents[0]);
                out.push_str(&c);
                added.push((k, c));
            }
            _ => {}
        }
        out.push_str(eol);
    }
    (out, added.into_iter().map(|(_, c)| c).collect())
}

/// Whether line `k` of the printed text ends inside an open string.
fn line_inside_string(printed: &str, lines: &[&str], k: usize) -> bool {
    let end: usize = lines[..=k].iter().map(|l| l.len() + 1).sum::<usize>() - 1;
    let mut open = false;
    let mut escaped = false;
    for c in printed[..end.min(printed.len())].chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if open => escaped = true,
            '"' => open = !open,
            _ => {}
        }
    }
    open
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn printing_a_tree_and_parsing_it_back_gives_the_tree(tree in file(), width in 20usize..200) {
        let printed = print_tree(&tree, &FormatOptions { width });
        let parsed = parse(&printed);
        prop_assert!(parsed.errors.is_empty(), "{:?}\n{}", parsed.errors, printed);
        prop_assert_eq!(erase_spans(&parsed.file, &printed), tree);
    }

    #[test]
    fn untidy_files_format_back_to_the_same_tree(tree in file(), mess in mess()) {
        let (text, added) = untidy(&tree, &mess);
        let parsed = parse(&text);
        prop_assert!(parsed.errors.is_empty(), "{:?}\n{}", parsed.errors, text);
        prop_assert_eq!(&erase_spans(&parsed.file, &text), &tree, "{}", text);
        let options = FormatOptions::default();
        let once = format_text(&text, &options).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        let twice = format_text(&once, &options).map_err(|e| TestCaseError::fail(format!("{e:?}\n{once}")))?;
        prop_assert_eq!(&once, &twice);
        let reparsed = parse(&once);
        prop_assert_eq!(&erase_spans(&reparsed.file, &once), &tree);
        let kept: Vec<String> = comment_texts(&once, &reparsed.file)
            .into_iter()
            .map(str::to_owned)
            .collect();
        prop_assert_eq!(kept, added);
    }
}

/// Found by the properties above: a unary minus spanned the rest of its
/// statement, so a clause after a check seemed to start inside it.
#[test]
fn a_negation_spans_only_its_operand() {
    let text = "check x < --5\n  note \"n\"\n";
    let parsed = parse(text);
    assert!(parsed.errors.is_empty());
    let Head::Check(relation) = &parsed.file.statements[0].head else {
        panic!("not a check");
    };
    assert_eq!(&text[relation.rhs.span.range()], "--5");
    assert_eq!(format_text(text, &FormatOptions::default()).unwrap(), text);
}
