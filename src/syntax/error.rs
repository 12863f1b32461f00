//! Syntax errors: what was expected, what was found, and where.

use crate::syntax::span::Span;
use std::borrow::Cow;

/// One syntax error, ready to become a `syntax-error` finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
    /// The text of the label under the span.
    pub label: String,
    pub help: Option<String>,
}

/// The error type threaded through the nom parsers. It points into the file
/// text (`at` is a suffix of it) so spans can be recovered from pointers.
#[derive(Debug, Clone, PartialEq)]
pub struct PError<'a> {
    pub at: &'a str,
    /// Length in bytes of the offending text (0: a point); `None` for the
    /// word or character at `at`, measured only if the error is reported
    /// (most parse errors are alternatives that another branch recovers).
    pub len: Option<usize>,
    pub kind: PErrorKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PErrorKind {
    /// "expected {0}, found ..." with the found part described from the input.
    Expected(Cow<'static, str>),
    /// "expected `{0}`, found ...": a literal keyword or symbol.
    ExpectedLiteral(&'static str),
    /// What a nom combinator expected, named when reported.
    Nom(nom::error::ErrorKind),
    /// A complete message with its label and help.
    Custom {
        message: String,
        label: String,
        help: Option<String>,
    },
}

impl<'a> PError<'a> {
    pub fn expected(at: &'a str, what: impl Into<Cow<'static, str>>) -> Self {
        PError {
            at,
            len: None,
            kind: PErrorKind::Expected(what.into()),
        }
    }

    /// Expected the literal `text` (shown in backticks).
    pub fn expected_literal(at: &'a str, text: &'static str) -> Self {
        PError {
            at,
            len: None,
            kind: PErrorKind::ExpectedLiteral(text),
        }
    }

    pub fn custom(
        at: &'a str,
        len: usize,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) -> Self {
        PError {
            at,
            len: Some(len),
            kind: PErrorKind::Custom {
                message: message.into(),
                label: label.into(),
                help,
            },
        }
    }

    /// Turns this into a [`SyntaxError`], given the offset of `at` in the file.
    pub fn into_syntax_error(self, offset: usize) -> SyntaxError {
        let span = Span::new(
            offset,
            offset + self.len.unwrap_or_else(|| found_len(self.at)),
        );
        let expected = |what: Cow<'static, str>| {
            let found = describe_found(self.at);
            SyntaxError {
                span,
                message: format!("expected {what}, found {found}"),
                label: format!("expected {what}"),
                help: None,
            }
        };
        match self.kind {
            PErrorKind::ExpectedLiteral(text) => expected(format!("`{text}`").into()),
            PErrorKind::Nom(kind) => expected(kind.description().to_lowercase().into()),
            PErrorKind::Expected(what) => expected(what),
            PErrorKind::Custom {
                message,
                label,
                help,
            } => SyntaxError {
                span,
                message,
                label,
                help,
            },
        }
    }
}

impl<'a> nom::error::ParseError<&'a str> for PError<'a> {
    fn from_error_kind(input: &'a str, kind: nom::error::ErrorKind) -> Self {
        PError {
            at: input,
            len: None,
            kind: PErrorKind::Nom(kind),
        }
    }

    fn append(_input: &'a str, _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

/// The byte length of the token at the start of `rest`, for an error's span:
/// a word, a number, or one character; 0 at the end of a line or of input.
pub fn found_len(rest: &str) -> usize {
    let Some(first) = rest.chars().next() else {
        return 0;
    };
    if first == '\n' || first == '\r' {
        return 0;
    }
    if first.is_alphanumeric() || first == '_' {
        return rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
            .unwrap_or(rest.len());
    }
    first.len_utf8()
}

/// How the text at the start of `rest` reads in a message: "`word`",
/// "end of line", "end of file".
/// How much of what was found a message quotes.
const MAX_QUOTED_CHARS: usize = 40;

pub fn describe_found(rest: &str) -> String {
    match rest.chars().next() {
        None => "end of file".to_owned(),
        Some('\n' | '\r') => "end of line".to_owned(),
        Some('"') => "a string".to_owned(),
        Some(c) if c.is_whitespace() => "whitespace".to_owned(),
        Some(c) if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
        Some(_) => {
            // A message quotes at most a few dozen characters of a long word.
            let found = &rest[..found_len(rest)];
            match found.char_indices().nth(MAX_QUOTED_CHARS) {
                Some((cut, _)) => format!("`{}…`", &found[..cut]),
                None => format!("`{found}`"),
            }
        }
    }
}
