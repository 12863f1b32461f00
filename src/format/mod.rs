//! `argcheck fmt`: the canonical layout of a `.arg` file.
//!
//! - A statement's first line at column 0, each clause on its own line
//!   indented by two spaces, one blank line between statements.
//! - One space around binary operators, relations, `=` and tolerances; `, `
//!   between list items and arguments; `%` after a space.
//! - Strings folded at a width (default [`DEFAULT_WIDTH`]) onto lines
//!   indented by four spaces, only at single spaces, so the value read back
//!   is the same (spec section 2).
//! - Comments stay where they were: a comment after code stays after it,
//!   comment lines keep their order among the statements and clauses. Inside
//!   a statement they are indented like clauses; between statements they
//!   stay at column 0 or indented as written, and a blank line before them
//!   is kept.
//! - LF line ends, no byte order mark, one final newline.
//!
//! The formatter never changes what a file says: it refuses a file with
//! syntax errors, and it parses its own output and compares the syntax trees
//! (spans erased) and the comments before returning it.

pub mod command;
pub mod compare;
mod print;

pub use print::fold_points;

use crate::ast::{ClauseBody, File, Head, Statement, Str};
use crate::position::bom_len;
use crate::syntax::error::SyntaxError;
use crate::syntax::parse;
use crate::syntax::span::Span;
use print::{CLAUSE_INDENT, Layout, Printer};

/// The width strings are folded at unless `--width` says otherwise.
pub const DEFAULT_WIDTH: usize = 92;

/// Options of the canonical layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatOptions {
    /// Strings are folded so that lines stay within this many characters
    /// where their words allow.
    pub width: usize,
}

impl Default for FormatOptions {
    fn default() -> Self {
        FormatOptions {
            width: DEFAULT_WIDTH,
        }
    }
}

/// Why a file was not formatted.
#[derive(Debug, Clone, PartialEq)]
pub enum FormatError {
    /// The file does not parse; it is left as it is.
    Syntax(Vec<SyntaxError>),
    /// The formatted text would not say the same as the original. This is a
    /// bug in the formatter; the file is left as it is.
    Changed(String),
}

/// A comment: `#` to the end of the line, trailing whitespace dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub span: Span,
    /// Whether only whitespace precedes it on its line.
    pub own_line: bool,
    /// Whether it starts at column 0.
    pub at_column_0: bool,
}

impl Comment {
    pub fn text<'t>(&self, source: &'t str) -> &'t str {
        &source[self.span.range()]
    }
}

/// Formats a whole file.
pub fn format_text(text: &str, options: &FormatOptions) -> Result<String, FormatError> {
    let parsed = parse(text);
    if !parsed.errors.is_empty() {
        return Err(FormatError::Syntax(parsed.errors));
    }
    let formatted = print_file(text, &parsed.file, options)?;
    let reparsed = parse(&formatted);
    if !reparsed.errors.is_empty() {
        return Err(FormatError::Changed(format!(
            "the formatted text does not parse: {}",
            reparsed.errors[0].message
        )));
    }
    if compare::erase_spans(&reparsed.file, &formatted) != compare::erase_spans(&parsed.file, text)
    {
        return Err(FormatError::Changed(
            "the formatted text would read differently".to_owned(),
        ));
    }
    if comment_texts(text, &parsed.file) != comment_texts(&formatted, &reparsed.file) {
        return Err(FormatError::Changed(
            "the formatted text would lose or change a comment".to_owned(),
        ));
    }
    Ok(formatted)
}

/// The comments of a parsed file, in text order. `#` starts a comment at the
/// start of a line or after whitespace, outside strings.
/// The text of each comment, in order: what formatting must keep.
pub fn comment_texts<'t>(text: &'t str, file: &File) -> Vec<&'t str> {
    comments(text, file).iter().map(|c| c.text(text)).collect()
}

pub fn comments(text: &str, file: &File) -> Vec<Comment> {
    let mut strings = string_spans(file);
    strings.sort_unstable_by_key(|s| s.start());
    let inside_string = |pos: usize| {
        let k = strings.partition_point(|s| s.start() <= pos);
        k > 0 && pos < strings[k - 1].end()
    };
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut line_start = bom_len(text);
    while line_start < text.len() {
        let line_end =
            memchr::memchr(b'\n', &bytes[line_start..]).map_or(text.len(), |k| line_start + k);
        let mut from = line_start;
        while let Some(k) = memchr::memchr(b'#', &bytes[from..line_end]) {
            let at = from + k;
            let after_space = at == line_start || matches!(bytes[at - 1], b' ' | b'\t');
            if after_space && !inside_string(at) {
                let end = at + text[at..line_end].trim_end().len();
                let before = &text[line_start..at];
                found.push(Comment {
                    span: Span::new(at, end),
                    own_line: before.trim_start_matches([' ', '\t']).is_empty(),
                    at_column_0: before.is_empty(),
                });
                break;
            }
            from = at + 1;
        }
        line_start = line_end + 1;
    }
    found
}

/// The span of every string literal in the file.
fn string_spans(file: &File) -> Vec<Span> {
    let mut spans = Vec::new();
    for s in &file.statements {
        if let Head::Text(t) = &s.head {
            spans.push(t.span);
        }
        for c in &s.clauses {
            let strings: [Option<&Str>; 2] = match &c.body {
                ClauseBody::Text(t) => [Some(t), None],
                ClauseBody::Cites { locator, .. } => [locator.as_deref(), None],
                ClauseBody::Quote { text, .. } => [Some(text), None],
                ClauseBody::Allow { reason, .. } => [Some(reason), None],
                _ => [None, None],
            };
            spans.extend(strings.into_iter().flatten().map(|t| t.span));
        }
    }
    spans
}

/// Where a statement's first line ends.
fn head_end(s: &Statement) -> usize {
    let end = match &s.head {
        Head::Text(t) => t.span.end(),
        Head::Value(v) => v.span().end(),
        Head::Check(r) => r.rhs.span.end(),
        Head::Missing => {
            s.id.as_ref()
                .map_or(s.keyword_span().end(), |i| i.span.end())
        }
    };
    end.max(s.keyword_span().end())
}

/// What a piece of the file is.
#[derive(Debug, Clone, Copy)]
enum Item {
    Head(usize),
    Clause(usize, usize),
    Comment(usize),
}

/// Prints the parsed file in the canonical layout.
fn print_file(text: &str, file: &File, options: &FormatOptions) -> Result<String, FormatError> {
    let notes = comments(text, file);
    let mut items: Vec<(Span, Item)> = Vec::new();
    for (k, s) in file.statements.iter().enumerate() {
        items.push((
            Span::new(s.keyword_span().start(), head_end(s)),
            Item::Head(k),
        ));
        for (c, clause) in s.clauses.iter().enumerate() {
            items.push((clause.span, Item::Clause(k, c)));
        }
    }
    for (k, c) in notes.iter().enumerate() {
        items.push((c.span, Item::Comment(k)));
    }
    items.sort_by_key(|(span, _)| span.start());
    // Everything but whitespace must belong to a statement, a clause or a
    // comment; anything else would be lost.
    let mut covered = bom_len(text);
    for (span, _) in &items {
        if !text[covered.min(span.start())..span.start()]
            .trim()
            .is_empty()
        {
            return Err(uncovered(text, covered));
        }
        covered = covered.max(span.end());
    }
    if !text[covered..].trim().is_empty() {
        return Err(uncovered(text, covered));
    }

    let mut printer = Printer {
        source: Some(text),
        layout: Layout {
            width: options.width,
        },
        out: String::with_capacity(text.len() + text.len() / 8),
    };
    // Whether the last column-0 line printed was a statement's, so the next
    // column-0 line needs a blank line before it.
    let mut after_statement = false;
    // Where the statement being printed ends: comments before it are inside.
    let mut statement_end = 0;
    let mut previous_end: Option<usize> = None;
    for (span, item) in items {
        let gap = previous_end.map(|p| &text[p..span.start()]);
        let line_breaks = gap.map_or(0, |g| memchr::memchr_iter(b'\n', g.as_bytes()).count());
        let blank_before = line_breaks >= 2;
        let out = &mut printer.out;
        let start_line = |out: &mut String, blank: bool| {
            if !out.is_empty() {
                out.push('\n');
                if blank {
                    out.push('\n');
                }
            }
        };
        match item {
            Item::Comment(k) if previous_end.is_some() && line_breaks == 0 => {
                out.push_str("  ");
                out.push_str(notes[k].text(text));
            }
            Item::Comment(k) => {
                let note = &notes[k];
                if span.start() < statement_end {
                    start_line(out, false);
                    out.push_str(CLAUSE_INDENT);
                } else if note.at_column_0 {
                    start_line(out, after_statement || blank_before);
                    after_statement = false;
                } else {
                    start_line(out, blank_before);
                    out.push_str(CLAUSE_INDENT);
                }
                out.push_str(note.text(text));
            }
            Item::Head(k) => {
                let s = &file.statements[k];
                start_line(out, after_statement || blank_before);
                after_statement = true;
                statement_end = s.clauses.last().map_or(span.end(), |c| c.span.end());
                printer.head(s);
            }
            Item::Clause(k, c) => {
                start_line(out, false);
                out.push_str(CLAUSE_INDENT);
                printer.clause(&file.statements[k].clauses[c]);
            }
        }
        previous_end = Some(span.end());
    }
    if !printer.out.is_empty() {
        printer.out.push('\n');
    }
    Ok(printer.out)
}

/// Prints a syntax tree built in memory (its spans are not used) in the
/// canonical layout, each hedge in its first spelling and every tolerance
/// with `±`. Its strings must hold their values and its identifiers their
/// names, as those of a tree built in memory or returned by
/// [`compare::erase_spans`] do: there is no text to read the others from.
pub fn print_tree(file: &File, options: &FormatOptions) -> String {
    let mut printer = Printer {
        source: None,
        layout: Layout {
            width: options.width,
        },
        out: String::new(),
    };
    for (k, s) in file.statements.iter().enumerate() {
        if k > 0 {
            printer.out.push_str("\n\n");
        }
        printer.head(s);
        for c in &s.clauses {
            printer.out.push('\n');
            printer.out.push_str(CLAUSE_INDENT);
            printer.clause(c);
        }
    }
    if !printer.out.is_empty() {
        printer.out.push('\n');
    }
    printer.out
}

fn uncovered(text: &str, from: usize) -> FormatError {
    let at = from + (text[from..].len() - text[from..].trim_start().len());
    FormatError::Changed(format!(
        "the text at byte {at} belongs to no statement, clause or comment"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        format_text(text, &FormatOptions::default()).unwrap()
    }

    #[test]
    fn canonical_layout() {
        let text = "claim  c \"C\"   # why\n\tsupported-by a+b ,d\n\n\n  tags x,y\nquantity q =  about 5  % +/-1\n  as-of 2015-12\n# next\ncheck   a: (q + 1 %)*2 >=-q\n";
        assert_eq!(
            fmt(text),
            "claim c \"C\"  # why\n  supported-by a + b, d\n  tags x, y\n\nquantity q = about 5 % +/- 1\n  as-of 2015-12\n\n# next\ncheck a: (q + 1 %) * 2 >= -q\n"
        );
    }

    #[test]
    fn comments_keep_their_places() {
        let text = "# header\n\n# about a\nclaim a \"x\"\n# inside\n  tags t\n  # after\n\n  # apart\nclaim b \"y\"\n";
        assert_eq!(
            fmt(text),
            "# header\n\n# about a\nclaim a \"x\"\n  # inside\n  tags t\n  # after\n\n  # apart\n\nclaim b \"y\"\n"
        );
    }

    #[test]
    fn long_strings_fold_at_the_width() {
        let options = FormatOptions { width: 20 };
        let text =
            "claim a \"one two three four five six\"\n  note \"xx  yy zz ww vv uu tt ss rr\"\n";
        assert_eq!(
            format_text(text, &options).unwrap(),
            "claim a \"one two\n    three four five\n    six\"\n  note \"xx  yy zz ww vv uu tt ss rr\"\n"
        );
    }

    #[test]
    fn refuses_files_with_syntax_errors() {
        assert!(matches!(
            format_text("clam a \"x\"\n", &FormatOptions::default()),
            Err(FormatError::Syntax(_))
        ));
    }

    #[test]
    fn empty_and_comment_only_files() {
        assert_eq!(fmt(""), "");
        assert_eq!(fmt("\n\n"), "");
        assert_eq!(
            fmt("\u{feff}# only\r\n\r\n\r\n# two  \r\n"),
            "# only\n\n# two\n"
        );
    }
}
