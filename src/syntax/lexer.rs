//! Lexemes of `grammar/argcheck.ebnf`, as nom parsers over slices of the file
//! text. Each returns the slice it recognised; [`Ctx`] turns slices into spans.

use crate::syntax::error::PError;
use crate::syntax::span::Span;
use nom::IResult;
use nom::Parser;
use nom::bytes::complete::{take_while, take_while1};
use nom::combinator::recognize;

pub type PResult<'a, T> = IResult<&'a str, T, PError<'a>>;

/// The whole file text, so that spans can be computed from sub-slices.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub text: &'a str,
}

impl<'a> Ctx<'a> {
    /// The byte offset in the file of the start of `rest`, a suffix or
    /// sub-slice of the file text.
    pub fn offset(&self, rest: &str) -> usize {
        let base = self.text.as_ptr() as usize;
        let at = rest.as_ptr() as usize;
        debug_assert!(at >= base && at <= base + self.text.len());
        at - base
    }

    /// The span of a sub-slice of the file text.
    pub fn span(&self, slice: &str) -> Span {
        let start = self.offset(slice);
        Span::new(start, start + slice.len())
    }

    /// The span from the start of `from` to the start of `to`, two suffixes.
    pub fn between(&self, from: &str, to: &str) -> Span {
        Span::new(self.offset(from), self.offset(to))
    }
}

/// Inline whitespace: spaces and tabs (never a line break).
pub fn is_inline_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// The length of the longest prefix of `i` whose bytes `accept` takes. The
/// tokens scanned this way are ASCII, so the cut is a character boundary
/// (a byte of a multi-byte character is never accepted); scanning bytes
/// rather than decoded characters keeps the lexer's hottest loops short.
fn ascii_run(i: &str, accept: impl Fn(u8) -> bool) -> usize {
    i.bytes().position(|b| !accept(b)).unwrap_or(i.len())
}

/// `i` cut after a first byte `first` takes and the run `rest` takes after
/// it, or `None` when the first byte does not fit.
fn ascii_token(
    i: &str,
    first: impl Fn(u8) -> bool,
    rest: impl Fn(u8) -> bool,
) -> Option<(&str, &str)> {
    let head = *i.as_bytes().first()?;
    if !first(head) {
        return None;
    }
    let len = 1 + ascii_run(&i[1..], rest);
    Some((&i[len..], &i[..len]))
}

fn is_inline_space_byte(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Zero or more spaces and tabs.
pub fn space0(i: &str) -> PResult<'_, &str> {
    let len = ascii_run(i, is_inline_space_byte);
    Ok((&i[len..], &i[..len]))
}

/// One or more spaces and tabs.
pub fn space1(i: &str) -> PResult<'_, &str> {
    match ascii_run(i, is_inline_space_byte) {
        0 => Err(nom::Err::Error(PError::expected(i, "whitespace"))),
        len => Ok((&i[len..], &i[..len])),
    }
}

/// Whether `rest` is at the end of its line: only whitespace and an optional
/// comment remain before the line break.
pub fn at_line_end(rest: &str) -> bool {
    let trimmed = rest.trim_start_matches(is_inline_space);
    trimmed.is_empty()
        || trimmed.starts_with('\n')
        || trimmed.starts_with("\r\n")
        || trimmed == "\r"
        || (trimmed.starts_with('#') && trimmed.len() < rest.len())
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_ident_continue(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')
}

/// `identifier = ( letter | "_" ) { letter | digit | "_" | "." | "-" } ;`
/// not ending in `.` or `-`.
///
/// Returns the identifier's slice. A trailing `.` or `-` is a failure with its
/// own message, since it is a common slip (`a -b`).
pub fn identifier(i: &str) -> PResult<'_, &str> {
    let (rest, word) = ascii_token(
        i,
        |b| is_ident_start(char::from(b)),
        |b| is_ident_continue(char::from(b)),
    )
    .ok_or_else(|| nom::Err::Error(PError::expected(i, "an identifier")))?;
    if let Some(last) = word.chars().last()
        && (last == '.' || last == '-')
    {
        return Err(nom::Err::Failure(PError::custom(
            i,
            word.len(),
            format!(
                "expected an identifier that ends in a letter, digit or `_`, found `{word}`, which ends in `{last}`"
            ),
            format!("identifiers cannot end in `{last}`"),
            Some(if last == '-' {
                "binary `-` needs whitespace on both sides: `a - b`".to_owned()
            } else {
                "remove the trailing `.`".to_owned()
            }),
        )));
    }
    Ok((rest, word))
}

/// A keyword-like word: letters, digits, `_` and `-` (clause keywords such as
/// `supported-by`, rule names such as `unused-allow`).
pub fn word(i: &str) -> PResult<'_, &str> {
    ascii_token(
        i,
        |b| b.is_ascii_alphabetic() || b == b'_',
        |b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-',
    )
    .ok_or_else(|| nom::Err::Error(PError::expected(i, "a word")))
}

/// `unit-word = letter { letter | digit | "_" } ;`
pub fn unit_word(i: &str) -> PResult<'_, &str> {
    recognize((
        take_while1(|c: char| c.is_alphabetic()),
        take_while(|c: char| c.is_alphanumeric() || c == '_'),
    ))
    .parse(i)
    .map_err(|_: nom::Err<PError<'_>>| nom::Err::Error(PError::expected(i, "a unit")))
}

/// Recognises a literal `t` not followed by an identifier character, so that
/// `at` does not match the start of `atlas`.
pub fn keyword<'a>(t: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i: &'a str| match i.strip_prefix(t) {
        Some(rest) if !rest.starts_with(is_ident_continue) => Ok((rest, &i[..t.len()])),
        _ => Err(nom::Err::Error(PError::expected_literal(i, t))),
    }
}

/// Parsed digits of a `number`, before their meaning is applied.
pub struct NumberParts<'a> {
    pub text: &'a str,
    pub int_digits: crate::ast::Name,
    pub frac_digits: crate::ast::Name,
    pub exponent: i32,
}

/// The most digits a number may have. Exact arithmetic on longer ones would
/// be slow for no use: no stated figure has that many.
pub const MAX_DIGITS: usize = 100;

/// The largest exponent magnitude argcheck reads.
pub const MAX_EXPONENT: i64 = 1000;

/// The message of a string still open where its statement ends; the parser
/// recognises the error by it.
pub const UNTERMINATED_STRING: &str =
    "unterminated string: expected a closing `\"`, found the end of the statement";

/// A carriage return inside a string that no line feed follows.
fn lone_carriage_return(at: &str) -> PError<'_> {
    PError::custom(
        at,
        1,
        format!(
            "expected a line feed after the carriage return, found {}",
            crate::syntax::error::describe_found(&at[1..])
        ),
        "carriage return without a line feed",
        Some("lines end with a line feed, or a carriage return and a line feed".to_owned()),
    )
}

/// `number = digits { "," digit digit digit } [ "." digits ] [ exponent ] ;`
///
/// A comma continues the number only when exactly three digits follow it, so
/// `1,234` is one number and `max(1,2)` two. A group of four or more digits
/// after a comma (`1,2345`) is an error: neither reading is plainly meant.
pub fn number(i: &str) -> PResult<'_, NumberParts<'_>> {
    let digits = |s| take_while1::<_, _, PError<'_>>(|c: char| c.is_ascii_digit()).parse(s);
    let (mut rest, first) =
        digits(i).map_err(|_| nom::Err::Error(PError::expected(i, "a number")))?;
    let mut int_digits = crate::ast::Name::from(first);
    while let Some(after_comma) = rest.strip_prefix(',') {
        let group_len = after_comma
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after_comma.len());
        // One or two digits: the comma separates, and the number ends here.
        if group_len < 3 {
            break;
        }
        if group_len > 3 {
            return Err(nom::Err::Failure(PError::custom(
                rest,
                1 + group_len,
                format!("expected three digits after a thousands separator, found {group_len}"),
                "digit group of the wrong length",
                Some("separate list items with a comma and a space: `1, 23`".to_owned()),
            )));
        }
        int_digits.push_str(&after_comma[..3]);
        rest = &after_comma[3..];
    }
    let mut frac_digits = crate::ast::Name::default();
    if let Some(after_dot) = rest.strip_prefix('.')
        && after_dot.starts_with(|c: char| c.is_ascii_digit())
    {
        let (r, frac) = digits(after_dot)?;
        frac_digits = frac.into();
        rest = r;
    }
    let digit_count = int_digits.len() + frac_digits.len();
    if digit_count > MAX_DIGITS {
        let len = i.len() - rest.len();
        return Err(nom::Err::Failure(PError::custom(
            i,
            len,
            format!("number too long: expected at most {MAX_DIGITS} digits, found {digit_count}"),
            "too many digits",
            Some(format!(
                "argcheck reads numbers of up to {MAX_DIGITS} digits; use an exponent (`3.366e9`) or a scale word"
            )),
        )));
    }
    let mut exponent = 0i32;
    if let Some(after_e) = rest.strip_prefix(['e', 'E']) {
        let (sign, unsigned) = match after_e.strip_prefix('-') {
            Some(u) => (-1i64, u),
            None => (1i64, after_e.strip_prefix('+').unwrap_or(after_e)),
        };
        if let Ok((r, exp_digits)) = digits(unsigned) {
            let magnitude: Option<i64> = exp_digits.parse().ok();
            match magnitude.map(|m| sign * m) {
                Some(e) if e.abs() <= MAX_EXPONENT => exponent = e as i32,
                _ => {
                    let len = i.len() - r.len();
                    return Err(nom::Err::Failure(PError::custom(
                        i,
                        len,
                        format!(
                            "exponent of `{}` is out of range: expected an exponent from -{MAX_EXPONENT} to {MAX_EXPONENT}",
                            &i[..len]
                        ),
                        "exponent out of range",
                        Some(format!(
                            "argcheck reads exponents from -{MAX_EXPONENT} to {MAX_EXPONENT}"
                        )),
                    )));
                }
            }
            rest = r;
        }
    }
    let text = &i[..i.len() - rest.len()];
    Ok((
        rest,
        NumberParts {
            text,
            int_digits,
            frac_digits,
            exponent,
        },
    ))
}

/// A string literal `"..."` with escapes `\"`, `\\`, `\n`. It may continue on
/// the statement's following indented lines: each line break, with the
/// indentation after it, reads as one space (a blank line's too), and a line
/// at column 0 ends it unterminated. `i` must be limited to the statement's
/// text, so that a string still open at the statement's end is reported at
/// its opening quote.
///
/// The value is returned only when it differs from the text between the
/// quotes (an escape or a line break); most literals have neither, and for
/// them nothing is copied.
pub fn string(i: &str) -> PResult<'_, Option<String>> {
    let Some(body) = i.strip_prefix('"') else {
        return Err(nom::Err::Error(PError::expected(i, "a string")));
    };
    let mut value: Option<String> = None;
    // `body[..copied]` is in `value`, once there is one.
    let mut copied = 0;
    let mut pos = 0;
    // Only quotes, escapes and line breaks (all ASCII, so every cut is a
    // character boundary) stop the scan.
    'scan: while let Some(run) =
        crate::text::first_of_four(&body.as_bytes()[pos..], [b'"', b'\\', b'\n', b'\r'])
    {
        pos += run;
        let stop = body.as_bytes()[pos];
        if stop == b'"' {
            let value = value.map(|mut v| {
                v.push_str(&body[copied..pos]);
                v
            });
            return Ok((&body[pos + 1..], value));
        }
        let v = value.get_or_insert_with(String::new);
        v.push_str(&body[copied..pos]);
        if stop == b'\\' {
            let escaped = body[pos + 1..].chars().next();
            match escaped {
                Some('"') => v.push('"'),
                Some('\\') => v.push('\\'),
                Some('n') => v.push('\n'),
                None => break,
                Some(other) => {
                    let shown = if other == '\n' || other == '\r' {
                        "expected an escape (`\\\"`, `\\\\` or `\\n`) after `\\`, found the end of the line".to_owned()
                    } else {
                        format!(
                            "unknown escape in string: expected `\\\"`, `\\\\` or `\\n`, found `\\{other}`"
                        )
                    };
                    let len = if other == '\n' || other == '\r' {
                        1
                    } else {
                        1 + other.len_utf8()
                    };
                    return Err(nom::Err::Failure(PError::custom(
                        &body[pos..],
                        len,
                        shown,
                        "unknown escape",
                        Some(r#"the escapes are `\"`, `\\` and `\n`"#.to_owned()),
                    )));
                }
            }
            pos += 1 + escaped.map_or(0, char::len_utf8);
        } else {
            // Each line break, with the indentation after it, reads as one
            // space; a blank line is a break with no indentation. The next
            // line with text must be indented: one at column 0 (even a
            // comment) ends the statement, leaving the string open. A
            // carriage return ends a line only before a line feed.
            let mut after = &body[pos..];
            loop {
                let Some(line) = after
                    .strip_prefix("\r\n")
                    .or_else(|| after.strip_prefix('\n'))
                else {
                    return Err(nom::Err::Failure(lone_carriage_return(after)));
                };
                v.push(' ');
                let text = line.trim_start_matches(is_inline_space);
                if text.starts_with(['\r', '\n']) {
                    after = text;
                } else if text.len() == line.len() {
                    break 'scan;
                } else {
                    after = text;
                    break;
                }
            }
            pos = body.len() - after.len();
        }
        copied = pos;
    }
    Err(nom::Err::Failure(PError::custom(
        i,
        1,
        UNTERMINATED_STRING,
        "this string is never closed",
        Some("close it with `\"` before the statement ends".to_owned()),
    )))
}

/// A date `YYYY-MM-DD`, `YYYY-MM` or (where `allow_year`) `YYYY`, checked to
/// name a real calendar period. Returns `(year, month, day, slice)`.
pub type DateParts<'a> = (i32, Option<u8>, Option<u8>, &'a str);

/// `date = year [ "-" month [ "-" day ] ] ;`
pub fn date(allow_year: bool) -> impl Fn(&str) -> PResult<'_, DateParts<'_>> {
    move |i: &str| {
        let bytes = i.as_bytes();
        let is_digit = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
        let all_digits = |from: usize, to: usize| (from..to).all(is_digit);
        let not_continued = |k: usize| {
            !bytes
                .get(k)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.')
        };
        let expected =
            || nom::Err::Error(PError::expected(i, "a date (YYYY-MM-DD, YYYY-MM or YYYY)"));
        if !all_digits(0, 4) || is_digit(4) {
            return Err(expected());
        }
        let year: i32 = i[..4].parse().map_err(|_| expected())?;
        let (len, month, day) = if bytes.get(4) == Some(&b'-') && all_digits(5, 7) && !is_digit(7) {
            let month: u8 = i[5..7].parse().map_err(|_| expected())?;
            if bytes.get(7) == Some(&b'-') && all_digits(8, 10) && !is_digit(10) {
                let day: u8 = i[8..10].parse().map_err(|_| expected())?;
                (10, Some(month), Some(day))
            } else {
                (7, Some(month), None)
            }
        } else if allow_year {
            (4, None, None)
        } else {
            return Err(expected());
        };
        if !not_continued(len) {
            return Err(expected());
        }
        let text = &i[..len];
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(nom::Err::Failure(PError::custom(
                i,
                len,
                format!("expected a date, found `{text}`: there is no month {m}"),
                "no such month",
                Some("months run from 01 to 12".to_owned()),
            )));
        }
        if let (Some(m), Some(d)) = (month, day) {
            let last = days_in_month(year, m);
            if d == 0 || d > last {
                return Err(nom::Err::Failure(PError::custom(
                    i,
                    len,
                    format!("expected a date, found `{text}`: {year}-{m:02} has {last} days"),
                    "no such day",
                    None,
                )));
            }
        }
        Ok((&i[len..], (year, month, day, text)))
    }
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_digits() {
        let (rest, n) = number("3,366,261,156 users").unwrap();
        assert_eq!(n.int_digits, "3366261156");
        assert_eq!(rest, " users");
        let (_, n) = number("28.220%").unwrap();
        assert_eq!(
            (n.int_digits.as_str(), n.frac_digits.as_str()),
            ("28", "220")
        );
        let (_, n) = number("3.366e9").unwrap();
        assert_eq!(n.exponent, 9);
        let (rest, n) = number("1, 2").unwrap();
        assert_eq!((n.int_digits.as_str(), rest), ("1", ", 2"));
        // One or two digits after a comma: the comma separates.
        let (rest, n) = number("1,2)").unwrap();
        assert_eq!((n.int_digits.as_str(), rest), ("1", ",2)"));
        let (rest, n) = number("1,234,56").unwrap();
        assert_eq!((n.int_digits.as_str(), rest), ("1234", ",56"));
        assert!(matches!(number("1,2345"), Err(nom::Err::Failure(_))));
        assert!(matches!(number("1e999999999"), Err(nom::Err::Failure(_))));
        assert!(matches!(
            number("1e99999999999999999999999"),
            Err(nom::Err::Failure(_))
        ));
    }

    #[test]
    fn strings_continue_across_lines() {
        let (rest, s) = string("\"a \\\"b\\\"\n    c\" tail").unwrap();
        assert_eq!(s.as_deref(), Some("a \"b\" c"));
        assert_eq!(rest, " tail");
        let (_, s) = string("\"x\r\n\ty\"").unwrap();
        assert_eq!(s.as_deref(), Some("x y"));
        // Every line break reads as one space, a blank line's too.
        let (_, s) = string("\"x\n\n  \r\n  y\"").unwrap();
        assert_eq!(s.as_deref(), Some("x   y"));
        // A carriage return ends a line only before a line feed.
        for lone in ["\"x\r  y\"", "\"x\ry\""] {
            let Err(nom::Err::Failure(e)) = string(lone) else {
                panic!("{lone:?} is accepted");
            };
            assert_eq!(
                lone.len() - e.at.len(),
                2,
                "{lone:?}: points at the carriage return"
            );
        }
        // A continuation must be indented: a line at column 0, even a
        // comment, leaves the string open.
        for open in ["\"x\n#y\"", "\"x\ny\"", "\"x\n\n", "\"x\n  \n"] {
            assert!(
                matches!(string(open), Err(nom::Err::Failure(_))),
                "{open:?}"
            );
        }
        let (_, s) = string("\"a\\\\b\\nc\"").unwrap();
        assert_eq!(s.as_deref(), Some("a\\b\nc"));
        // Nothing to resolve: the value is the text between the quotes.
        let (rest, s) = string("\"plain words\" tail").unwrap();
        assert_eq!((s, rest), (None, " tail"));
        assert!(matches!(string("\"open"), Err(nom::Err::Failure(_))));
        assert!(matches!(string("\"bad \\q\""), Err(nom::Err::Failure(_))));
    }

    #[test]
    fn dates_name_real_days() {
        assert_eq!(date(true)("2016-02-29 x").unwrap().1.2, Some(29));
        assert!(matches!(
            date(true)("2015-02-29"),
            Err(nom::Err::Failure(_))
        ));
        assert!(matches!(date(true)("2015-13"), Err(nom::Err::Failure(_))));
        assert_eq!(date(true)("2015").unwrap().1.1, None);
        assert!(date(false)("2015").is_err());
        assert!(date(true)("20155").is_err());
    }

    #[test]
    fn identifiers_do_not_end_in_punctuation() {
        assert_eq!(identifier("users.china rest").unwrap().1, "users.china");
        assert!(matches!(identifier("a- b"), Err(nom::Err::Failure(_))));
        assert!(identifier("9a").is_err());
    }
}
