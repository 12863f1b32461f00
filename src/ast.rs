//! What was written: the syntax tree of one `.arg` file, with a byte span on
//! every node. Nothing here is resolved; identifiers are plain names.
//!
//! The productions named in doc comments are those of `grammar/argcheck.ebnf`.

use crate::syntax::span::Span;
use std::fmt;

/// `file = { statement } ;`
#[derive(Debug, Clone, Default, PartialEq)]
pub struct File {
    pub statements: Vec<Statement>,
}

/// An identifier's text. Identifiers are short, so they are stored inline
/// (up to 24 bytes) rather than each in its own allocation.
pub type Name = compact_str::CompactString;

/// An identifier as written, with its span. A parsed identifier's name is
/// the file's text at `span` (see [`Ident::name`]), so the tree holds no
/// copy of it: a workspace has several identifiers per statement. Only a tree
/// built in memory holds its names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ident {
    /// The name, when it is not the text at `span`. Boxed, so that a parsed
    /// identifier costs one pointer beside its span.
    given: Option<Box<Name>>,
    pub span: Span,
}

impl Ident {
    /// An identifier whose name is the text at `span`.
    pub(crate) fn verbatim(span: Span) -> Ident {
        Ident { given: None, span }
    }

    /// An identifier with its name given: one in a tree built in memory.
    pub fn with_name(name: impl Into<Name>, span: Span) -> Ident {
        Ident {
            given: Some(Box::new(name.into())),
            span,
        }
    }

    /// The name. `text` is the file the identifier was parsed from; an
    /// identifier with its name given does not read it.
    pub fn name<'a>(&'a self, text: &'a str) -> &'a str {
        match &self.given {
            Some(name) => name,
            None => text.get(self.span.range()).unwrap_or_default(),
        }
    }

    /// The identifier with its name held, so that trees parsed from
    /// different texts compare by name.
    pub fn to_owned_name(&self, text: &str) -> Ident {
        Ident::with_name(self.name(text), self.span)
    }
}

/// A string literal; `span` covers the quotes. Its value has escapes
/// resolved and line continuations folded to one space. Most literals have
/// neither: their value is the text between the quotes, read from the file
/// (see [`Str::value`]) rather than copied into the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Str {
    /// The value, when it is not the text between the quotes. Boxed twice
    /// over: such literals are rare, and a thin pointer keeps every literal,
    /// and so every statement head, 8 bytes smaller.
    unescaped: Option<Box<Box<str>>>,
    pub span: Span,
}

impl Str {
    /// A literal whose value is the text between the quotes at `span`.
    pub(crate) fn verbatim(span: Span) -> Str {
        Str {
            unescaped: None,
            span,
        }
    }

    /// A literal with its value given: one with escapes or line breaks, or
    /// one in a tree built in memory.
    pub fn with_value(value: impl Into<Box<str>>, span: Span) -> Str {
        Str {
            unescaped: Some(Box::new(value.into())),
            span,
        }
    }

    /// The value. `text` is the file the literal was parsed from; a literal
    /// with its value given does not read it.
    pub fn value<'a>(&'a self, text: &'a str) -> &'a str {
        match &self.unescaped {
            Some(value) => value,
            None => text
                .get(self.span.start() + 1..self.span.end().saturating_sub(1))
                .unwrap_or_default(),
        }
    }

    /// The literal with its value held, so that trees parsed from different
    /// texts compare by value.
    pub fn to_owned_value(&self, text: &str) -> Str {
        Str::with_value(self.value(text), self.span)
    }
}

/// The six statement keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatementKind {
    Source,
    Claim,
    Premise,
    Evidence,
    Quantity,
    Check,
}

impl StatementKind {
    pub const ALL: [StatementKind; 6] = [
        StatementKind::Source,
        StatementKind::Claim,
        StatementKind::Premise,
        StatementKind::Evidence,
        StatementKind::Quantity,
        StatementKind::Check,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            StatementKind::Source => "source",
            StatementKind::Claim => "claim",
            StatementKind::Premise => "premise",
            StatementKind::Evidence => "evidence",
            StatementKind::Quantity => "quantity",
            StatementKind::Check => "check",
        }
    }

    pub fn from_keyword(word: &str) -> Option<StatementKind> {
        StatementKind::ALL.into_iter().find(|k| k.keyword() == word)
    }

    /// Keywords in prose, for messages: `join(&[Evidence, Quantity], "and")`
    /// is "evidence and quantity".
    pub fn join(kinds: &[StatementKind], conjunction: &str) -> String {
        let words: Vec<&str> = kinds.iter().map(|k| k.keyword()).collect();
        match words.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
        }
    }

    /// The keyword with its article, for messages: "a claim", "an evidence".
    pub fn with_article(self) -> &'static str {
        match self {
            StatementKind::Source => "a source",
            StatementKind::Claim => "a claim",
            StatementKind::Premise => "a premise",
            StatementKind::Evidence => "an evidence",
            StatementKind::Quantity => "a quantity",
            StatementKind::Check => "a check",
        }
    }
}

impl fmt::Display for StatementKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// `statement = source | claim | premise | evidence | quantity | check ;`
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub kind: StatementKind,
    /// Every statement but an anonymous `check` has one.
    pub id: Option<Ident>,
    pub head: Head,
    /// Boxed rather than a `Vec`: the list never grows once parsed.
    pub clauses: Box<[Clause]>,
    /// From the keyword to the end of the last clause. It starts where the
    /// keyword does: [`Statement::keyword_span`] relies on that.
    pub span: Span,
    /// Whether a syntax error was reported inside this statement; rules that
    /// judge what is *missing* stay quiet on such statements.
    pub has_errors: bool,
}

/// What follows the identifier on the statement's first line.
#[derive(Debug, Clone, PartialEq)]
pub enum Head {
    /// `source`, `claim`, `premise`, `evidence`: the title or text.
    Text(Str),
    /// `quantity ID = VALUE`.
    Value(Value),
    /// `check [ID:] EXPR REL EXPR`.
    Check(Box<Relation>),
    /// The head did not parse; the error was reported.
    Missing,
}

/// Every clause keyword of section 3 of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClauseKeyword {
    By,
    Date,
    Url,
    Kind,
    File,
    Cites,
    Quote,
    SupportedBy,
    AttackedBy,
    Supports,
    Attacks,
    Contradicts,
    Assumed,
    AsOf,
    SameAs,
    Allow,
    Tags,
    Note,
}

impl ClauseKeyword {
    pub const ALL: [ClauseKeyword; 18] = [
        ClauseKeyword::By,
        ClauseKeyword::Date,
        ClauseKeyword::Url,
        ClauseKeyword::Kind,
        ClauseKeyword::File,
        ClauseKeyword::Cites,
        ClauseKeyword::Quote,
        ClauseKeyword::SupportedBy,
        ClauseKeyword::AttackedBy,
        ClauseKeyword::Supports,
        ClauseKeyword::Attacks,
        ClauseKeyword::Contradicts,
        ClauseKeyword::Assumed,
        ClauseKeyword::AsOf,
        ClauseKeyword::SameAs,
        ClauseKeyword::Allow,
        ClauseKeyword::Tags,
        ClauseKeyword::Note,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            ClauseKeyword::By => "by",
            ClauseKeyword::Date => "date",
            ClauseKeyword::Url => "url",
            ClauseKeyword::Kind => "kind",
            ClauseKeyword::File => "file",
            ClauseKeyword::Cites => "cites",
            ClauseKeyword::Quote => "quote",
            ClauseKeyword::SupportedBy => "supported-by",
            ClauseKeyword::AttackedBy => "attacked-by",
            ClauseKeyword::Supports => "supports",
            ClauseKeyword::Attacks => "attacks",
            ClauseKeyword::Contradicts => "contradicts",
            ClauseKeyword::Assumed => "assumed",
            ClauseKeyword::AsOf => "as-of",
            ClauseKeyword::SameAs => "same-as",
            ClauseKeyword::Allow => "allow",
            ClauseKeyword::Tags => "tags",
            ClauseKeyword::Note => "note",
        }
    }

    pub fn from_keyword(word: &str) -> Option<ClauseKeyword> {
        // A match, not a scan of `ALL`: every clause line is looked up.
        Some(match word {
            "by" => ClauseKeyword::By,
            "date" => ClauseKeyword::Date,
            "url" => ClauseKeyword::Url,
            "kind" => ClauseKeyword::Kind,
            "file" => ClauseKeyword::File,
            "cites" => ClauseKeyword::Cites,
            "quote" => ClauseKeyword::Quote,
            "supported-by" => ClauseKeyword::SupportedBy,
            "attacked-by" => ClauseKeyword::AttackedBy,
            "supports" => ClauseKeyword::Supports,
            "attacks" => ClauseKeyword::Attacks,
            "contradicts" => ClauseKeyword::Contradicts,
            "assumed" => ClauseKeyword::Assumed,
            "as-of" => ClauseKeyword::AsOf,
            "same-as" => ClauseKeyword::SameAs,
            "allow" => ClauseKeyword::Allow,
            "tags" => ClauseKeyword::Tags,
            "note" => ClauseKeyword::Note,
            _ => return None,
        })
    }

    /// The statements that take this clause: the table of spec section 3.
    pub fn allowed_on(self) -> &'static [StatementKind] {
        use StatementKind::*;
        match self {
            ClauseKeyword::By
            | ClauseKeyword::Date
            | ClauseKeyword::Url
            | ClauseKeyword::Kind
            | ClauseKeyword::File => &[Source],
            ClauseKeyword::Cites => &[Evidence, Quantity],
            ClauseKeyword::Quote => &[Claim, Premise, Evidence, Quantity],
            ClauseKeyword::SupportedBy => &[Claim, Premise],
            ClauseKeyword::AttackedBy | ClauseKeyword::Attacks | ClauseKeyword::Contradicts => {
                &[Claim, Premise, Evidence, Quantity]
            }
            ClauseKeyword::Supports => &[Claim, Premise, Evidence, Quantity, Check],
            ClauseKeyword::Assumed => &[Claim, Premise, Quantity],
            ClauseKeyword::AsOf | ClauseKeyword::SameAs => &[Quantity],
            ClauseKeyword::Allow | ClauseKeyword::Tags | ClauseKeyword::Note => &StatementKind::ALL,
        }
    }
}

impl fmt::Display for ClauseKeyword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// `clause = INDENT clause-body NEWLINE ;`
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub keyword: ClauseKeyword,
    pub body: ClauseBody,
    /// From the keyword to the end of the clause.
    pub span: Span,
}

/// The part of a clause after its keyword.
#[derive(Debug, Clone, PartialEq)]
pub enum ClauseBody {
    /// `by`, `url`, `file`, `assumed`, `note`.
    Text(Str),
    /// `date`, `as-of`.
    Date(DateLit),
    /// `kind`.
    Word(Ident),
    /// `cites REF [at "LOCATOR"]`. The strings of this variant and the two
    /// below are boxed so that every clause stays small.
    Cites {
        source: Ident,
        locator: Option<Box<Str>>,
    },
    /// `quote REF "VERBATIM"`.
    Quote { source: Ident, text: Box<Str> },
    /// `supported-by GROUP, ...`.
    Groups(Vec<Group>),
    /// `attacked-by`, `supports`, `attacks`, `tags`: a comma-separated list.
    Refs(Vec<Ident>),
    /// `contradicts REF`, `same-as REF`.
    Ref(Ident),
    /// `allow RULE "REASON"`.
    Allow { rule: Ident, reason: Box<Str> },
}

/// `group = ref { "+" ref } ;` members of a linked group support only together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<Ident>,
    pub span: Span,
}

/// A date literal `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, already checked to name a
/// real calendar period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateLit {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub span: Span,
}

impl fmt::Display for DateLit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// A number as written. The digits are kept, since trailing zeros carry
/// precision: `int_digits` and `frac_digits` hold only ASCII digits (thousands
/// separators removed), `exponent` is the `e` part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberLit {
    pub int_digits: Name,
    pub frac_digits: Name,
    pub exponent: i32,
    /// The literal exactly as written, separators included.
    pub text: Name,
    pub span: Span,
}

/// Scale words: `thousand`, `million`, `billion`, `trillion`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scale {
    Thousand,
    Million,
    Billion,
    Trillion,
}

impl Hedge {
    /// The hedge's first spelling, as printed.
    pub fn word(self) -> &'static str {
        match self {
            Hedge::Exactly => "exactly",
            Hedge::About => "about",
            Hedge::Nearly => "nearly",
            Hedge::Over => "over",
            Hedge::Under => "under",
            Hedge::AtLeast => "at least",
            Hedge::AtMost => "at most",
        }
    }
}

impl Scale {
    pub fn word(self) -> &'static str {
        match self {
            Scale::Thousand => "thousand",
            Scale::Million => "million",
            Scale::Billion => "billion",
            Scale::Trillion => "trillion",
        }
    }

    /// The power of ten the word stands for.
    pub fn exponent(self) -> u32 {
        match self {
            Scale::Thousand => 3,
            Scale::Million => 6,
            Scale::Billion => 9,
            Scale::Trillion => 12,
        }
    }

    pub fn from_word(word: &str) -> Option<Scale> {
        [
            Scale::Thousand,
            Scale::Million,
            Scale::Billion,
            Scale::Trillion,
        ]
        .into_iter()
        .find(|s| s.word() == word)
    }
}

/// Hedges, in the groups of spec section 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hedge {
    /// `exactly`
    Exactly,
    /// `about`, `around`, `approximately`
    About,
    /// `nearly`, `almost`
    Nearly,
    /// `over`, `more than`, `above`
    Over,
    /// `under`, `less than`, `below`
    Under,
    /// `at least`
    AtLeast,
    /// `at most`
    AtMost,
}

/// A unit as written: `%`, or words joined by `/` (`USD/year`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitLit {
    pub text: Name,
    pub span: Span,
}

/// `number-value = [ hedge ] number [ scale ] [ unit ] [ tolerance ] ;`
#[derive(Debug, Clone, PartialEq)]
pub struct NumberValue {
    pub hedge: Option<(Hedge, Span)>,
    pub number: NumberLit,
    pub scale: Option<(Scale, Span)>,
    pub unit: Option<UnitLit>,
    /// `± NUMBER [SCALE]` or `+/- NUMBER [SCALE]`.
    pub tolerance: Option<Box<Tolerance>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tolerance {
    pub number: NumberLit,
    pub scale: Option<(Scale, Span)>,
    pub span: Span,
}

/// `value = number-value | date ;`
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(Box<NumberValue>),
    Date(DateLit),
}

impl Value {
    pub fn span(&self) -> Span {
        match self {
            Value::Number(n) => n.span,
            Value::Date(d) => d.span,
        }
    }
}

/// Relations of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RelOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl RelOp {
    pub fn symbol(self) -> &'static str {
        match self {
            RelOp::Eq => "=",
            RelOp::Ne => "!=",
            RelOp::Lt => "<",
            RelOp::Le => "<=",
            RelOp::Gt => ">",
            RelOp::Ge => ">=",
        }
    }
}

/// `relation = expr rel-op expr ;`
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub lhs: Expr,
    pub op: RelOp,
    pub op_span: Span,
    pub rhs: Expr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }
}

/// Built-in functions of expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Func {
    Sum,
    Min,
    Max,
}

impl Func {
    pub fn name(self) -> &'static str {
        match self {
            Func::Sum => "sum",
            Func::Min => "min",
            Func::Max => "max",
        }
    }
}

/// `expr`: an arithmetic expression over quantities and literal values.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A literal value (`28.22 %`, `about 5 million users`, `2015-10`).
    Literal(Value),
    /// A quantity named by its identifier.
    Ref(Ident),
    Neg(Box<Expr>),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Call {
        func: Func,
        args: Vec<Expr>,
    },
    /// Parentheses, kept so the formatter and messages can show them.
    Paren(Box<Expr>),
}

impl Statement {
    /// The keyword at column 0. Keywords have one spelling, so the span is
    /// not stored: it is the keyword's length from the statement's start.
    pub fn keyword_span(&self) -> Span {
        let from = self.span.start();
        Span::new(from, from + self.kind.keyword().len())
    }

    pub fn clauses_of(&self, keyword: ClauseKeyword) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(move |c| c.keyword == keyword)
    }

    pub fn has_clause(&self, keyword: ClauseKeyword) -> bool {
        self.clauses_of(keyword).next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_clause_keyword_reads_back() {
        for k in ClauseKeyword::ALL {
            assert_eq!(ClauseKeyword::from_keyword(k.keyword()), Some(k));
        }
        assert_eq!(ClauseKeyword::from_keyword("support"), None);
        for k in StatementKind::ALL {
            assert_eq!(StatementKind::from_keyword(k.keyword()), Some(k));
        }
    }
}
