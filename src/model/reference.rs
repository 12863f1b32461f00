//! References: every identifier written where a statement is meant, with the
//! role it plays, so the reference rules can judge each one.

use super::{Loc, StmtId};
use crate::ast::StatementKind;

/// What a reference is for; decides which kinds of statement it may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefRole {
    /// `cites REF`
    Cites,
    /// `quote REF "..."`
    Quote,
    /// A member of a `supported-by` group.
    Supporter,
    /// The target of `supports`.
    Supported,
    /// A name in `attacked-by`.
    Attacker,
    /// The target of `attacks`.
    Attacked,
    /// `contradicts REF`
    Contradicts,
    /// `same-as REF`
    SameAs,
    /// A quantity named in a check's expression.
    Operand,
}

impl RefRole {
    /// The statement kinds this role takes.
    pub fn kinds(self) -> &'static [StatementKind] {
        use StatementKind::*;
        match self {
            RefRole::Cites | RefRole::Quote => &[Source],
            RefRole::Supporter => &[Claim, Premise, Evidence, Quantity, Check],
            RefRole::Supported => &[Claim, Premise],
            RefRole::Attacker | RefRole::Attacked | RefRole::Contradicts => {
                &[Claim, Premise, Evidence, Quantity]
            }
            RefRole::SameAs | RefRole::Operand => &[Quantity],
        }
    }

    pub fn accepts(self, kind: StatementKind) -> bool {
        self.kinds().contains(&kind)
    }

    /// Whether naming the statement itself is a `self-reference`.
    pub fn is_relation(self) -> bool {
        !matches!(self, RefRole::Cites | RefRole::Quote | RefRole::Operand)
    }

    /// The clause as users wrote it, for messages.
    pub fn clause(self) -> &'static str {
        match self {
            RefRole::Cites => "cites",
            RefRole::Quote => "quote",
            RefRole::Supporter => "supported-by",
            RefRole::Supported => "supports",
            RefRole::Attacker => "attacked-by",
            RefRole::Attacked => "attacks",
            RefRole::Contradicts => "contradicts",
            RefRole::SameAs => "same-as",
            RefRole::Operand => "check",
        }
    }
}

/// One identifier written where a statement is meant. Its name is not
/// copied: it is the text at `loc` (see [`Reference::name`]).
#[derive(Debug, Clone)]
pub struct Reference {
    pub from: StmtId,
    pub loc: Loc,
    pub role: RefRole,
    /// The statement declared with that name, whatever its kind.
    pub target: Option<StmtId>,
}

impl Reference {
    /// The identifier as written.
    pub fn name<'w>(&self, ws: &'w super::Workspace) -> &'w str {
        ws.files[self.loc.file]
            .text
            .get(self.loc.span.range())
            .unwrap_or_default()
    }
}
