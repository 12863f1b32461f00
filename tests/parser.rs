//! Table tests for the parser: each row is an input and the syntax errors it
//! must give (empty: it must parse cleanly), plus renderings of diagnostics
//! at the very end of a file.

use argcheck::input::load_texts;
use argcheck::report::human::HumanReporter;
use argcheck::rules::check;
use argcheck::syntax::parse;

const TABLE: &[(&str, &[&str])] = &[
    ("claim c \"text\"\n", &[]),
    ("\u{feff}claim c \"text\"\r\n  note \"crlf\"\r\n", &[]),
    (
        "claim c \"text\"\n\t# tab-indented comment\n\tnote \"tab\"\n",
        &[],
    ),
    ("claim c \"one\n    two\"\n", &[]),
    ("claim c \"esc \\\" \\\\ \\n\"\n", &[]),
    ("quantity q = about 3,366,261,156 users ± 5 million\n", &[]),
    ("quantity q = 28.22%\n", &[]),
    ("quantity q = at least 2.5e3 USD/year\n", &[]),
    ("quantity q = more than 15 years\n", &[]),
    ("quantity q = 2015-10\n  as-of 2016\n", &[]),
    (
        "check c: sum(a, b, 1,000) / -max(c, 2) >= (d - e) * 3 %\n",
        &[],
    ),
    ("check a = b\n", &[]),
    (
        "claim c \"t\"\n  supported-by a + b, c+d, e\n  attacked-by f, g\n",
        &[],
    ),
    (
        "evidence e \"t\"\n  cites s at \"p. 3\"\n  quote s \"passage\"\n",
        &[],
    ),
    (
        "clam c \"t\"\n",
        &["unknown keyword: expected a statement keyword, found `clam`; did you mean `claim`?"],
    ),
    (
        "claim c \"t\"\n  cites s\n",
        &[
            "`cites` is not allowed on a claim; evidence and quantity take it (expected a clause a claim takes, found `cites`)",
        ],
    ),
    (
        "source s \"t\"\n  as-of 2015\n",
        &[
            "`as-of` is not allowed on a source; quantity takes it (expected a clause a source takes, found `as-of`)",
        ],
    ),
    (
        "claim c \"t\"\n  supportedby a\n",
        &[
            "unknown clause: expected a clause keyword, found `supportedby`; did you mean `supported-by`?",
        ],
    ),
    (
        "claim c \"never closed\n",
        &["unterminated string: expected a closing `\"`, found the end of the statement"],
    ),
    (
        "claim \"t\"\n",
        &["expected an identifier for the claim, found a string"],
    ),
    (
        "claim c\n",
        &["expected the claim's text as a string, found end of line"],
    ),
    (
        "quantity q 5\n",
        &["expected `=` and the quantity's value, found `5`"],
    ),
    (
        "quantity q = 5users\n",
        &["expected whitespace after the number `5`, found `users`"],
    ),
    (
        "quantity q = 1,23\n",
        &["expected the end of the statement's first line, found `,`"],
    ),
    (
        "quantity q = 1,2345\n",
        &["expected three digits after a thousands separator, found 4"],
    ),
    // Only `allow` needs a reason: an empty `assumed` is fine.
    ("claim c \"C\"\n  assumed \"\"\n", &[]),
    // A comma before one or two digits separates arguments.
    ("check c: x = max(1,2) + sum(1,234,5)\n", &[]),
    (
        "quantity q = 2015-02-29\n",
        &["expected a date, found `2015-02-29`: 2015-02 has 28 days"],
    ),
    // A sign after a hedge is about the value, not a binary `-`.
    (
        "check c: a = exactly -6\n",
        &["expected a number after `exactly`, found `-`"],
    ),
    (
        "check c: a -b = 1\n",
        &["binary `-` needs whitespace on both sides: expected a space before and after it"],
    ),
    (
        "check c: a < b < c\n",
        &[
            "a check relates two expressions with one relation: expected the end of the check, found a second `<`",
        ],
    ),
    (
        "check c: (a = 1\n",
        &["expected `)` to close the parenthesis, found `=`"],
    ),
    (
        "claim c \"t\"\n  allow unused-allow \"  \"\n",
        &["the reason of `allow` must not be empty: expected a reason, found an empty string"],
    ),
    (
        "  by \"x\"\nclaim c \"t\"\n",
        &["indented line outside any statement"],
    ),
    (
        "claim c \"t\"\n  claim d \"u\"\n",
        &[
            "`claim` starts a statement, so it must be at column 0: expected a clause, found the indented keyword `claim`",
        ],
    ),
    // One broken statement hides nothing: both errors are reported.
    (
        "clam a \"x\"\nclaim b \"y\"\n  tags t,\n",
        &[
            "unknown keyword: expected a statement keyword, found `clam`; did you mean `claim`?",
            "expected an identifier after `,`, found end of line",
        ],
    ),
];

#[test]
fn parser_table() {
    for (input, expected) in TABLE {
        let messages: Vec<String> = parse(input).errors.into_iter().map(|e| e.message).collect();
        assert_eq!(&messages, expected, "input: {input:?}");
    }
}

/// miette drops a zero-length label at the very end of a file; these must
/// still show where the problem is.
#[test]
fn end_of_file_errors_render() {
    let reporter = HumanReporter {
        color: false,
        width: 80,
    };
    let mut out = String::new();
    for (name, text) in [
        ("no-text.arg", "claim x"),
        ("open-string.arg", "claim x \"open"),
        ("dangling-plus.arg", "claim x \"t\"\n  supported-by a +"),
    ] {
        let ws = load_texts(&[(name, text)]);
        let outcome = check(&ws);
        let errors = outcome.findings.iter().filter(|f| f.rule == "syntax-error");
        for text in reporter.render_findings(&ws, errors) {
            out.push_str(&text);
            out.push('\n');
        }
    }
    assert!(out.matches('╰').count() >= 3, "{out}");
    insta::assert_snapshot!(out);
}

/// A comma before three digits continues a number, before one or two it
/// separates arguments: `sum(1,234,5)` is 1234 + 5, and `max(1,2)` is 2.
#[test]
fn commas_in_calls_read_as_the_number_rule_says() {
    let text = "quantity q = exactly 1239\n  assumed \"a\"\n\
                quantity r = exactly 2\n  assumed \"a\"\n\
                check sums: q = sum(1,234,5)\n\
                check largest: r = max(1,2)\n\
                check wrong: q = sum(1,234,9)\n";
    let ws = load_texts(&[("commas.arg", text)]);
    let outcome = check(&ws);
    let failing: Vec<&str> = outcome
        .findings
        .iter()
        .filter(|f| f.rule == "numeric-inconsistency")
        .map(|f| f.id(&ws).unwrap_or_default())
        .collect();
    assert_eq!(failing, ["wrong"]);
    assert!(outcome.findings.iter().all(|f| f.rule != "syntax-error"));
}
