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

/// One identifier written where a statement is meant, kept for the
/// reference rules (see [`Relations::references`](super::Relations)). Its
/// name is not copied: it is the text at `loc` (see [`Reference::name`]).
/// The statement indexes are 32-bit, as elsewhere in the model.
#[derive(Debug, Clone)]
pub struct Reference {
    from: u32,
    /// [`NO_TARGET`] when no statement has the name; no statement has that
    /// index (see [`stmt_index32`](super::stmt_index32)).
    target: u32,
    pub loc: Loc,
    pub role: RefRole,
}

const NO_TARGET: u32 = u32::MAX;

impl Reference {
    pub fn new(from: StmtId, loc: Loc, role: RefRole, target: Option<StmtId>) -> Reference {
        Reference {
            from: super::stmt_index32(from),
            target: target.map_or(NO_TARGET, super::stmt_index32),
            loc,
            role,
        }
    }

    /// The statement the reference is written in.
    pub fn from(&self) -> StmtId {
        self.from as StmtId
    }

    /// The statement declared with that name, whatever its kind.
    pub fn target(&self) -> Option<StmtId> {
        (self.target != NO_TARGET).then_some(self.target as StmtId)
    }

    /// The identifier as written.
    pub fn name<'w>(&self, ws: &'w super::Workspace) -> &'w str {
        ws.file(self.loc.file)
            .text
            .get(self.loc.span.range())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::span::Span;

    #[test]
    fn a_reference_keeps_its_statements() {
        let loc = Loc {
            file: 3,
            span: Span::new(5, 9),
        };
        let named = Reference::new(7, loc, RefRole::Cites, Some(0));
        assert_eq!((named.from(), named.target()), (7, Some(0)));
        let unknown = Reference::new(0, loc, RefRole::Operand, None);
        assert_eq!((unknown.from(), unknown.target()), (0, None));
        let last = (u32::MAX - 1) as StmtId;
        assert_eq!(
            Reference::new(last, loc, RefRole::SameAs, Some(last)).target(),
            Some(last)
        );
    }
}
