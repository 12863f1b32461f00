//! Statements and clauses: the `file`, `statement` and `clause` productions of
//! `grammar/argcheck.ebnf`.
//!
//! The file is first cut into statements at column-0 lines (hand-written:
//! it is line structure, not grammar), then each statement is parsed with the
//! nom parsers of [`lexer`](crate::syntax::lexer) and [`expr`](crate::syntax::expr).
//! An error inside a clause is reported and parsing resumes at the next line
//! that starts a clause; an error in a statement's head skips that statement.
//! So one broken statement never hides the findings after it.

use crate::ast::{
    Clause, ClauseBody, ClauseKeyword, File, Group, Head, Ident, Statement, StatementKind, Str,
};
use crate::syntax::error::{PError, PErrorKind, SyntaxError, describe_found, found_len};
use crate::syntax::expr::{date_clause_value, relation, value};
use crate::syntax::lexer::{
    Ctx, PResult, at_line_end, identifier, is_inline_space, keyword, space0, space1, string, word,
};
use crate::syntax::span::Span;

/// The result of parsing one file: the statements that could be read and the
/// syntax errors, in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub file: File,
    pub errors: Vec<SyntaxError>,
}

/// Parses a whole file. Never panics; every problem becomes a [`SyntaxError`].
///
/// `file = [ BOM ] { blank-line | comment-line | statement } ;`
pub fn parse(text: &str) -> Parsed {
    let ctx = Ctx { text };
    let mut out = Parsed::default();
    let start = crate::position::bom_len(text);
    let chunks = split_statements(ctx, start, &mut out.errors);
    out.file.statements.reserve_exact(chunks.len());
    // One list of clauses reused by every statement, each statement's then
    // copied into a box of its size: no growing and shrinking per statement.
    let mut clauses = Vec::new();
    for chunk in chunks {
        let chunk = &text[chunk.0..chunk.1];
        if let Some(statement) = parse_statement(ctx, chunk, &mut clauses, &mut out.errors) {
            out.file.statements.push(statement);
        }
    }
    out
}

/// A line of the file: where it starts and where its content ends (before
/// the line break).
struct Line {
    start: usize,
    end: usize,
}

fn lines(text: &str, from: usize) -> impl Iterator<Item = Line> + '_ {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        let (end, next) = match memchr::memchr(b'\n', &text.as_bytes()[start..]) {
            Some(k) => {
                let nl = start + k;
                let end = if nl > start && text.as_bytes()[nl - 1] == b'\r' {
                    nl - 1
                } else {
                    nl
                };
                (end, nl + 1)
            }
            None => (text.len(), text.len()),
        };
        pos = next;
        Some(Line { start, end })
    })
}

/// Cuts the text into statements: each runs from a column-0 line that is not
/// a comment to the next one. Indented lines before the first statement are
/// reported once per run.
fn split_statements(
    ctx: Ctx<'_>,
    from: usize,
    errors: &mut Vec<SyntaxError>,
) -> Vec<(usize, usize)> {
    let text = ctx.text;
    let mut chunks: Vec<(usize, usize)> = Vec::new();
    let mut orphan_reported = false;
    for line in lines(text, from) {
        let content = &text[line.start..line.end];
        let trimmed = content.trim_start_matches(is_inline_space);
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if trimmed.len() == content.len() {
            if let Some(last) = chunks.last_mut() {
                last.1 = line.start;
            }
            chunks.push((line.start, text.len()));
            orphan_reported = false;
        } else if chunks.is_empty() && !orphan_reported {
            orphan_reported = true;
            let at = line.end - trimmed.len();
            errors.push(SyntaxError {
                span: Span::new(at, at + found_len(trimmed)),
                message: "indented line outside any statement".to_owned(),
                label: "this line belongs to no statement".to_owned(),
                help: Some(
                    "statements start at column 0 with a keyword (source, claim, premise, evidence, quantity, check); their clauses follow on indented lines".to_owned(),
                ),
            });
        }
    }
    chunks
}

fn to_syntax_error(ctx: Ctx<'_>, err: nom::Err<PError<'_>>) -> SyntaxError {
    let e = match err {
        nom::Err::Error(e) | nom::Err::Failure(e) => e,
        nom::Err::Incomplete(_) => PError::expected(ctx.text, "more input"),
    };
    let offset = ctx.offset(e.at);
    e.into_syntax_error(offset)
}

/// `statement = statement-head NEWLINE { clause | blank-line | comment-line } ;`
fn parse_statement(
    ctx: Ctx<'_>,
    chunk: &str,
    clauses: &mut Vec<Clause>,
    errors: &mut Vec<SyntaxError>,
) -> Option<Statement> {
    let (after_kw, kw) = match word(chunk) {
        Ok(ok) => ok,
        Err(_) => {
            errors.push(syntax_error(
                ctx,
                chunk,
                found_len(chunk).max(1),
                format!(
                    "expected a statement keyword (source, claim, premise, evidence, quantity or check), found {}",
                    describe_found(chunk)
                ),
                "expected a statement keyword",
                None,
            ));
            return None;
        }
    };
    let Some(kind) = StatementKind::from_keyword(kw) else {
        errors.push(unknown_statement_keyword(ctx, chunk, kw));
        return None;
    };
    let mut statement = Statement {
        kind,
        id: None,
        head: Head::Missing,
        clauses: Box::default(),
        span: ctx.span(kw),
        has_errors: false,
    };
    let mut rest = match statement_head(ctx, kind, after_kw) {
        Ok((rest, (id, head))) => {
            statement.id = id;
            statement.head = head;
            if at_line_end(rest) {
                rest
            } else {
                errors.push(end_of_line_expected(
                    ctx,
                    rest,
                    "the statement's first line",
                ));
                statement.has_errors = true;
                rest
            }
        }
        Err(err) => {
            let fatal = is_unterminated(&err);
            // Keep an identifier that was read, so references to it resolve.
            statement.id = head_identifier(ctx, kind, after_kw);
            errors.push(to_syntax_error(ctx, err));
            statement.has_errors = true;
            if fatal || statement.id.is_none() {
                statement.span = ctx.span(chunk.trim_end());
                return statement.id.is_some().then_some(statement);
            }
            after_kw
        }
    };
    let mut last_end = ctx.offset(rest);
    let mut recovering = false;
    clauses.clear();
    loop {
        rest = next_line(rest);
        if rest.is_empty() {
            break;
        }
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let trimmed = rest[..line_end].trim_start_matches(is_inline_space);
        if trimmed.trim_end().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let at = &rest[rest.len() - rest.trim_start_matches(is_inline_space).len()..];
        if recovering {
            let starts_clause = word(at)
                .ok()
                .is_some_and(|(_, w)| ClauseKeyword::from_keyword(w).is_some());
            if !starts_clause {
                continue;
            }
            recovering = false;
        }
        match clause(ctx, kind, at) {
            Ok((after, c)) => {
                last_end = c.span.end();
                clauses.push(c);
                if !at_line_end(after) {
                    errors.push(end_of_line_expected(ctx, after, "the clause"));
                    statement.has_errors = true;
                    recovering = true;
                }
                rest = after;
            }
            Err(err) => {
                let fatal = is_unterminated(&err);
                let e = to_syntax_error(ctx, err);
                last_end = last_end.max(e.span.end());
                errors.push(e);
                statement.has_errors = true;
                if fatal {
                    break;
                }
                recovering = true;
                rest = at;
            }
        }
    }
    statement.clauses = clauses.drain(..).collect();
    let keyword = statement.keyword_span();
    statement.span = Span::new(keyword.start(), last_end.max(keyword.end()));
    Some(statement)
}

/// The rest of the text after the next line break (empty at the end).
fn next_line(rest: &str) -> &str {
    match memchr::memchr(b'\n', rest.as_bytes()) {
        Some(k) => &rest[k + 1..],
        None => &rest[rest.len()..],
    }
}

fn is_unterminated(err: &nom::Err<PError<'_>>) -> bool {
    matches!(err, nom::Err::Failure(PError { kind: PErrorKind::Custom { message, .. }, .. }) if message == crate::syntax::lexer::UNTERMINATED_STRING)
}

fn syntax_error(
    ctx: Ctx<'_>,
    at: &str,
    len: usize,
    message: String,
    label: &str,
    help: Option<String>,
) -> SyntaxError {
    let start = ctx.offset(at);
    SyntaxError {
        span: Span::new(start, start + len),
        message,
        label: label.to_owned(),
        help,
    }
}

fn unknown_statement_keyword(ctx: Ctx<'_>, at: &str, kw: &str) -> SyntaxError {
    if ClauseKeyword::from_keyword(kw).is_some() {
        return syntax_error(
            ctx,
            at,
            kw.len(),
            format!(
                "clause `{kw}` at column 0; clauses go on indented lines under their statement"
            ),
            "a clause, not a statement",
            Some(format!(
                "indent this line to make `{kw}` a clause of the statement above"
            )),
        );
    }
    let suggestion = crate::suggest::closest(kw, StatementKind::ALL.iter().map(|k| k.keyword()));
    let message = match suggestion {
        Some(s) => {
            format!(
                "unknown keyword: expected a statement keyword, found `{kw}`; did you mean `{s}`?"
            )
        }
        None => format!("unknown keyword: expected a statement keyword, found `{kw}`"),
    };
    syntax_error(
        ctx,
        at,
        kw.len(),
        message,
        "unknown statement keyword",
        Some(
            "a statement starts with source, claim, premise, evidence, quantity or check"
                .to_owned(),
        ),
    )
}

fn end_of_line_expected(ctx: Ctx<'_>, at: &str, what: &str) -> SyntaxError {
    let at = at.trim_start_matches(is_inline_space);
    let help = if at.starts_with('#') {
        Some("a comment starts with `#` after whitespace".to_owned())
    } else if at
        .strip_prefix(',')
        .is_some_and(|digits| digits.starts_with(|c: char| c.is_ascii_digit()))
        && ctx.text[..ctx.offset(at)].ends_with(|c: char| c.is_ascii_digit())
    {
        Some("a comma continues a number only before three digits: `1,234`".to_owned())
    } else if at.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        Some("separate list items with `,`; put each clause on its own indented line".to_owned())
    } else {
        None
    };
    syntax_error(
        ctx,
        at,
        found_len(at),
        format!("expected the end of {what}, found {}", describe_found(at)),
        "expected the end of the line",
        help,
    )
}

fn ident<'a>(ctx: Ctx<'a>, i: &'a str) -> PResult<'a, Ident> {
    let (rest, name) = identifier(i)?;
    Ok((rest, Ident::verbatim(ctx.span(name))))
}

fn string_lit<'a>(ctx: Ctx<'a>, i: &'a str) -> PResult<'a, Str> {
    let (rest, value) = string(i)?;
    let span = ctx.between(i, rest);
    let literal = match value {
        Some(value) => Str::with_value(value, span),
        None => Str::verbatim(span),
    };
    Ok((rest, literal))
}

/// Requires whitespace, then runs `p`; both failures say what `p` expected.
fn after_space<'a, T>(
    i: &'a str,
    what: &'static str,
    p: impl FnOnce(&'a str) -> PResult<'a, T>,
) -> PResult<'a, T> {
    let (rest, _) = space1(i).map_err(|_| nom::Err::Failure(PError::expected(i, what)))?;
    match p(rest) {
        Err(nom::Err::Error(_)) => Err(nom::Err::Failure(PError::expected(rest, what))),
        other => other,
    }
}

/// The identifier of a statement whose head failed to parse, if it was read.
fn head_identifier(ctx: Ctx<'_>, kind: StatementKind, after_kw: &str) -> Option<Ident> {
    let (rest, _) = space1(after_kw).ok()?;
    let (after, id) = ident(ctx, rest).ok()?;
    if kind == StatementKind::Check {
        let (after, _) = space0(after).ok()?;
        after.strip_prefix(':')?;
    }
    Some(id)
}

/// `source-statement = "source" identifier string ;` and its siblings for
/// claim, premise and evidence; `quantity-statement = "quantity" identifier
/// "=" value ;`; `check-statement = "check" [ identifier ":" ] relation ;`
fn statement_head<'a>(
    ctx: Ctx<'a>,
    kind: StatementKind,
    after_kw: &'a str,
) -> PResult<'a, (Option<Ident>, Head)> {
    let what_id = match kind {
        StatementKind::Source => "an identifier for the source",
        StatementKind::Claim => "an identifier for the claim",
        StatementKind::Premise => "an identifier for the premise",
        StatementKind::Evidence => "an identifier for the evidence",
        StatementKind::Quantity => "an identifier for the quantity",
        StatementKind::Check => "a check (`[ID:] EXPR REL EXPR`)",
    };
    match kind {
        StatementKind::Check => {
            let (rest, _) = space1(after_kw)
                .map_err(|_| nom::Err::Failure(PError::expected(after_kw, what_id)))?;
            let mut id = None;
            let mut at_relation = rest;
            if let Ok((after, name)) = ident(ctx, rest)
                && let Ok((after, _)) = space0(after)
                && let Some(after) = after.strip_prefix(':')
            {
                id = Some(name);
                at_relation = space0(after)?.0;
            }
            let (rest, rel) = relation(ctx, at_relation)?;
            Ok((rest, (id, Head::Check(Box::new(rel)))))
        }
        StatementKind::Quantity => {
            let (rest, id) = after_space(after_kw, what_id, |i| ident(ctx, i))?;
            let (rest, _) = space0(rest)?;
            let Some(rest) = rest.strip_prefix('=') else {
                return Err(nom::Err::Failure(PError::expected(
                    rest,
                    "`=` and the quantity's value",
                )));
            };
            let (rest, _) = space0(rest)?;
            let (rest, v) = match value(ctx, rest) {
                Err(nom::Err::Error(_)) => {
                    return Err(nom::Err::Failure(PError::expected(
                        rest,
                        "a value (a number with optional hedge, scale and unit, or a date)",
                    )));
                }
                other => other?,
            };
            Ok((rest, (Some(id), Head::Value(v))))
        }
        _ => {
            let (rest, id) = after_space(after_kw, what_id, |i| ident(ctx, i))?;
            let what_text = match kind {
                StatementKind::Source => "the source's title as a string",
                StatementKind::Claim => "the claim's text as a string",
                StatementKind::Premise => "the premise's text as a string",
                _ => "the evidence's text as a string",
            };
            let (rest, text) = after_space(rest, what_text, |i| string_lit(ctx, i))?;
            Ok((rest, (Some(id), Head::Text(text))))
        }
    }
}

/// `clause = clause-keyword clause-body ;` at the start of an indented line.
fn clause<'a>(ctx: Ctx<'a>, kind: StatementKind, at: &'a str) -> PResult<'a, Clause> {
    let (after_kw, kw) = word(at).map_err(|_| {
        nom::Err::Failure(PError::custom(
            at,
            found_len(at).max(1),
            format!("expected a clause keyword, found {}", describe_found(at)),
            "expected a clause",
            Some("a string continues on the next line only inside its quotes".to_owned()),
        ))
    })?;
    let Some(keyword_kind) = ClauseKeyword::from_keyword(kw) else {
        return Err(nom::Err::Failure(unknown_clause(at, kw, kind)));
    };
    let allowed = keyword_kind.allowed_on();
    if !allowed.contains(&kind) {
        return Err(nom::Err::Failure(PError::custom(
            at,
            kw.len(),
            format!(
                "`{kw}` is not allowed on {}; {} take{} it (expected a clause {} takes, found `{kw}`)",
                kind.with_article(),
                StatementKind::join(allowed, "and"),
                if allowed.len() == 1 { "s" } else { "" },
                kind.with_article(),
            ),
            format!("not allowed on {}", kind.with_article()),
            None,
        )));
    }
    let (rest, body) = clause_body(ctx, keyword_kind, after_kw)?;
    Ok((
        rest,
        Clause {
            keyword: keyword_kind,
            body,
            span: ctx.between(at, rest),
        },
    ))
}

fn unknown_clause<'a>(at: &'a str, kw: &str, kind: StatementKind) -> PError<'a> {
    if StatementKind::from_keyword(kw).is_some() {
        return PError::custom(
            at,
            kw.len(),
            format!(
                "`{kw}` starts a statement, so it must be at column 0: expected a clause, found the indented keyword `{kw}`"
            ),
            "indented statement keyword",
            Some(format!("remove the indentation before `{kw}`")),
        );
    }
    let suggestion = crate::suggest::closest(kw, ClauseKeyword::ALL.iter().map(|k| k.keyword()));
    let message = match suggestion {
        Some(s) => {
            format!("unknown clause: expected a clause keyword, found `{kw}`; did you mean `{s}`?")
        }
        None => format!("unknown clause: expected a clause keyword, found `{kw}`"),
    };
    let takes: Vec<&str> = ClauseKeyword::ALL
        .iter()
        .filter(|c| c.allowed_on().contains(&kind))
        .map(|c| c.keyword())
        .collect();
    PError::custom(
        at,
        kw.len(),
        message,
        "unknown clause",
        Some(format!(
            "{} takes: {}",
            kind.with_article(),
            takes.join(", ")
        )),
    )
}

/// `clause-body`, by keyword.
fn clause_body<'a>(ctx: Ctx<'a>, kw: ClauseKeyword, i: &'a str) -> PResult<'a, ClauseBody> {
    use ClauseKeyword as K;
    match kw {
        K::By | K::Url | K::File | K::Assumed | K::Note => {
            let what = match kw {
                K::By => "the author's name as a string",
                K::Url => "the URL as a string",
                K::File => "the file's path as a string",
                K::Assumed => "the reason it is assumed, as a string",
                _ => "the note as a string",
            };
            // Only `allow` needs a reason; the spec asks none of `assumed`.
            let (rest, s) = after_space(i, what, |i| string_lit(ctx, i))?;
            Ok((rest, ClauseBody::Text(s)))
        }
        K::Date | K::AsOf => {
            let (rest, d) = after_space(i, "a date (YYYY, YYYY-MM or YYYY-MM-DD)", |i| {
                date_clause_value(ctx, i)
            })?;
            Ok((rest, ClauseBody::Date(d)))
        }
        K::Kind => {
            let (rest, w) = after_space(i, "a kind word (speech, report, ruling, ...)", |i| {
                ident(ctx, i)
            })?;
            Ok((rest, ClauseBody::Word(w)))
        }
        K::Cites => {
            let (rest, source) = after_space(i, "the identifier of a source", |i| ident(ctx, i))?;
            let mut locator = None;
            let mut rest = rest;
            if let Ok((r, _)) = space1(rest)
                && let Ok((r, _)) = keyword("at")(r)
            {
                let (r, l) = after_space(r, "the locator as a string", |i| string_lit(ctx, i))?;
                locator = Some(Box::new(l));
                rest = r;
            }
            Ok((rest, ClauseBody::Cites { source, locator }))
        }
        K::Quote => {
            let (rest, source) = after_space(i, "the identifier of a source", |i| ident(ctx, i))?;
            let (rest, text) = after_space(rest, "the quoted passage as a string", |i| {
                string_lit(ctx, i)
            })?;
            let text = Box::new(text);
            Ok((rest, ClauseBody::Quote { source, text }))
        }
        K::SupportedBy => {
            let (rest, groups) = after_space(i, "a support group", |i| group_list(ctx, i))?;
            Ok((rest, ClauseBody::Groups(groups)))
        }
        K::AttackedBy | K::Supports | K::Attacks | K::Tags => {
            let what = if kw == K::Tags {
                "a tag"
            } else {
                "an identifier"
            };
            let (rest, refs) = after_space(i, what, |i| ref_list(ctx, i))?;
            Ok((rest, ClauseBody::Refs(refs)))
        }
        K::Contradicts | K::SameAs => {
            let (rest, r) = after_space(i, "an identifier", |i| ident(ctx, i))?;
            Ok((rest, ClauseBody::Ref(r)))
        }
        K::Allow => {
            let (rest, rule) = after_space(i, "a rule name", |i| {
                let (rest, w) = word(i)?;
                Ok((rest, Ident::verbatim(ctx.span(w))))
            })?;
            let (rest, reason) =
                after_space(rest, "the reason as a string", |i| string_lit(ctx, i))?;
            if reason.value(ctx.text).trim().is_empty() {
                return Err(empty_allow_reason(ctx, &reason));
            }
            let reason = Box::new(reason);
            Ok((rest, ClauseBody::Allow { rule, reason }))
        }
    }
}

/// An `allow` whose reason is empty or blank: acknowledging a finding
/// needs a reason.
fn empty_allow_reason<'a>(ctx: Ctx<'a>, s: &Str) -> nom::Err<PError<'a>> {
    let at = &ctx.text[s.span.start()..];
    nom::Err::Failure(PError::custom(
        at,
        s.span.len(),
        "the reason of `allow` must not be empty: expected a reason, found an empty string",
        "empty reason",
        Some("say why, so reviewers can judge it".to_owned()),
    ))
}

/// `ref-list = identifier { "," identifier } ;`
fn ref_list<'a>(ctx: Ctx<'a>, i: &'a str) -> PResult<'a, Vec<Ident>> {
    let (mut rest, first) = ident(ctx, i)?;
    let mut refs = vec![first];
    loop {
        let (r, _) = space0(rest)?;
        let Some(after) = r.strip_prefix(',') else {
            refs.shrink_to_fit();
            return Ok((rest, refs));
        };
        let (after, _) = space0(after)?;
        let (r, next) = ident(ctx, after).map_err(|e| match e {
            nom::Err::Error(_) => {
                nom::Err::Failure(PError::expected(after, "an identifier after `,`"))
            }
            other => other,
        })?;
        refs.push(next);
        rest = r;
    }
}

/// `group-list = group { "," group } ;` `group = identifier { "+" identifier } ;`
fn group_list<'a>(ctx: Ctx<'a>, i: &'a str) -> PResult<'a, Vec<Group>> {
    let mut groups = Vec::new();
    let mut rest = i;
    loop {
        let start = rest;
        let what = if groups.is_empty() {
            "an identifier"
        } else {
            "an identifier after `,`"
        };
        let (r, first) = ident(ctx, rest).map_err(|e| match e {
            nom::Err::Error(_) => nom::Err::Failure(PError::expected(rest, what)),
            other => other,
        })?;
        let mut members = vec![first];
        let mut r = r;
        loop {
            let (after_space, _) = space0(r)?;
            let Some(after_plus) = after_space.strip_prefix('+') else {
                break;
            };
            let (after_plus, _) = space0(after_plus)?;
            let (after, m) = ident(ctx, after_plus).map_err(|e| match e {
                nom::Err::Error(_) => nom::Err::Failure(PError::expected(
                    after_plus,
                    "an identifier after `+` (a linked group names each member)",
                )),
                other => other,
            })?;
            members.push(m);
            r = after;
        }
        members.shrink_to_fit();
        groups.push(Group {
            members,
            span: ctx.between(start, r),
        });
        let (after_space, _) = space0(r)?;
        let Some(after_comma) = after_space.strip_prefix(',') else {
            groups.shrink_to_fit();
            return Ok((r, groups));
        };
        rest = space0(after_comma)?.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        parse(text).errors.into_iter().map(|e| e.message).collect()
    }

    #[test]
    fn statements_and_clauses() {
        let text =
            "# intro\nclaim c \"C\"\n  supported-by a + b, d\n  tags x, y\n\npremise a \"A\"\n";
        let p = parse(text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.file.statements.len(), 2);
        let c = &p.file.statements[0];
        assert_eq!(c.id.as_ref().map(|i| i.name(text)), Some("c"));
        match &c.clauses[0].body {
            ClauseBody::Groups(g) => {
                assert_eq!(g.len(), 2);
                assert_eq!(g[0].members.len(), 2);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn keyword_spans_cover_the_keyword() {
        // A byte-order mark, a statement whose head does not parse, and an
        // anonymous check: the keyword span is derived, never stored.
        let text = "\u{feff}claim c \"C\"\n  tags x\npremise p\ncheck 1 < 2\n";
        let p = parse(text);
        let words: Vec<&str> = p
            .file
            .statements
            .iter()
            .map(|s| &text[s.keyword_span().range()])
            .collect();
        assert_eq!(words, ["claim", "premise", "check"]);
        assert!(p.file.statements[1].has_errors);
    }

    #[test]
    fn errors_say_what_was_expected() {
        assert_eq!(
            messages("clam x \"t\"\n"),
            ["unknown keyword: expected a statement keyword, found `clam`; did you mean `claim`?"]
        );
        assert_eq!(
            messages("claim x \"t\"\n  cites s\n"),
            [
                "`cites` is not allowed on a claim; evidence and quantity take it (expected a clause a claim takes, found `cites`)"
            ]
        );
        assert_eq!(
            messages("claim x \"t\n"),
            ["unterminated string: expected a closing `\"`, found the end of the statement"]
        );
    }

    #[test]
    fn one_broken_statement_hides_nothing_after_it() {
        let text = "claim a \"x\n\nclaim b \"y\"\n  bogus 1\n  tags t\nclaim c \"z\"\n";
        let p = parse(text);
        assert_eq!(p.errors.len(), 2, "{:?}", p.errors);
        let ids: Vec<_> = p
            .file
            .statements
            .iter()
            .filter_map(|s| s.id.as_ref().map(|i| i.name(text)))
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(p.file.statements[1].clauses.len(), 1);
    }

    #[test]
    fn deep_nesting_is_a_diagnostic() {
        let deep = format!("check d: {}1{} = 1\n", "(".repeat(5000), ")".repeat(5000));
        let m = messages(&deep);
        assert_eq!(m.len(), 1);
        assert!(m[0].contains("nested too deeply"), "{m:?}");
        // The limit itself is fine, even on a small stack.
        let limit = crate::syntax::expr::MAX_DEPTH - 1;
        let ok = format!("check d: {}1{} = 1\n", "(".repeat(limit), ")".repeat(limit));
        let child = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || parse(&ok).errors.len())
            .unwrap();
        assert_eq!(child.join().unwrap(), 0);
        let chain = format!("check d: x = {}1\n", "1 + ".repeat(5000));
        assert!(messages(&chain)[0].contains("more than 96 operators"));
        // A chain is not nesting: 40 terms are fine.
        let sum = format!("check d: x = {}1\n", "1 + ".repeat(39));
        assert!(messages(&sum).is_empty());
        let minus = format!("check d: x = {}1\n", "-".repeat(5000));
        assert!(messages(&minus)[0].contains("nested too deeply"));
    }
}
