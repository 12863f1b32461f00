//! Resolution: every identifier written where a statement is meant is looked
//! up once, and the relations between statements are collected with the
//! places they were written.

use super::{
    Allow, Citation, Edge, Loc, NameTable, Operand, Quote, RefRole, Reference, Relations,
    SourceFile, Stmt, StmtId, SupportGroup, collect_refs,
};
use crate::ast::{self, ClauseBody, ClauseKeyword, Head, StatementKind};
use rayon::prelude::*;

/// Statements resolved by one task: large enough that joining the chunks'
/// relations costs little, small enough to share the work among threads.
const CHUNK: usize = 4096;

/// Resolves every statement's references against the name table. Chunks of
/// statements are resolved in parallel and their relations joined in
/// statement order, so the result is the same as one pass in order.
pub(super) fn resolve(statements: &[Stmt], names: &NameTable, files: &[SourceFile]) -> Relations {
    // Each target's kind is checked; a byte per statement stays in cache,
    // where the statements themselves are scattered over the heap.
    let kinds: Vec<StatementKind> = statements.iter().map(Stmt::kind).collect();
    let parts: Vec<Relations> = statements
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(k, chunk)| {
            let mut resolver = Resolver {
                statements,
                kinds: &kinds,
                names,
                files,
                out: Relations::default(),
            };
            let first = k * CHUNK;
            for index in first..first + chunk.len() {
                resolver.resolve_statement(index);
            }
            resolver.out
        })
        .collect();
    Relations::concat(parts)
}

struct Resolver<'a> {
    statements: &'a [Stmt],
    kinds: &'a [StatementKind],
    names: &'a NameTable,
    files: &'a [SourceFile],
    out: Relations,
}

impl Resolver<'_> {
    /// Returns the statement a reference names when that is of a kind the
    /// role takes and is not the referring statement itself. Only the other
    /// references are recorded as such, for the reference rules; a check's
    /// quantities are recorded as its operands.
    fn resolve(&mut self, from: StmtId, ident: &ast::Ident, role: RefRole) -> Option<StmtId> {
        let file = self.statements[from].file;
        let text = &self.files[file as usize].text;
        let target = self
            .names
            .get(self.statements, self.files, ident.name(text));
        let named = target.filter(|&t| !(t == from && role.is_relation()));
        let resolved = named.filter(|&t| role.accepts(self.kinds[t]));
        match resolved {
            None => {
                let loc = Loc {
                    file,
                    span: ident.span,
                };
                self.out
                    .references
                    .push(Reference::new(from, loc, role, target));
            }
            Some(quantity) if role == RefRole::Operand => {
                self.out.operands.push(Operand::new(from, quantity));
            }
            Some(_) => {}
        }
        resolved
    }

    fn resolve_statement(&mut self, index: StmtId) {
        let statements = self.statements;
        let stmt = &statements[index].ast;
        let file = statements[index].file;
        let loc = |span| Loc { file, span };
        if let Head::Check(rel) = &stmt.head {
            let mut refs = Vec::new();
            collect_refs(&rel.lhs, &mut refs);
            collect_refs(&rel.rhs, &mut refs);
            for r in refs {
                self.resolve(index, r, RefRole::Operand);
            }
        }
        for (position, clause) in (0..).zip(&stmt.clauses) {
            match (&clause.keyword, &clause.body) {
                (ClauseKeyword::Cites, ClauseBody::Cites { source, .. }) => {
                    if let Some(s) = self.resolve(index, source, RefRole::Cites) {
                        self.out.citations.push(Citation {
                            from: index,
                            source: s,
                            loc: loc(clause.span),
                        });
                    }
                }
                (ClauseKeyword::Quote, ClauseBody::Quote { source, text }) => {
                    if let Some(s) = self.resolve(index, source, RefRole::Quote) {
                        self.out.quotes.push(Quote {
                            from: index,
                            source: s,
                            clause: position,
                            loc: loc(text.span),
                        });
                    }
                }
                (ClauseKeyword::SupportedBy, ClauseBody::Groups(groups)) => {
                    for g in groups {
                        let mut members = Vec::new();
                        let mut broken = false;
                        for m in &g.members {
                            match self.resolve(index, m, RefRole::Supporter) {
                                Some(t) => members.push(t),
                                None => broken = true,
                            }
                        }
                        self.out.groups.push(SupportGroup {
                            target: index,
                            members: members.into_boxed_slice(),
                            broken,
                            loc: loc(g.span),
                        });
                    }
                }
                (ClauseKeyword::Supports, ClauseBody::Refs(targets)) => {
                    for t in targets {
                        if let Some(target) = self.resolve(index, t, RefRole::Supported) {
                            self.out.groups.push(SupportGroup {
                                target,
                                members: Box::new([index]),
                                broken: false,
                                loc: loc(t.span),
                            });
                        }
                    }
                }
                (ClauseKeyword::AttackedBy, ClauseBody::Refs(attackers)) => {
                    for a in attackers {
                        if let Some(from) = self.resolve(index, a, RefRole::Attacker) {
                            self.out.attacks.push(Edge {
                                from,
                                to: index,
                                loc: loc(a.span),
                            });
                        }
                    }
                }
                (ClauseKeyword::Attacks, ClauseBody::Refs(targets)) => {
                    for t in targets {
                        if let Some(to) = self.resolve(index, t, RefRole::Attacked) {
                            self.out.attacks.push(Edge {
                                from: index,
                                to,
                                loc: loc(t.span),
                            });
                        }
                    }
                }
                (ClauseKeyword::Contradicts, ClauseBody::Ref(other)) => {
                    if let Some(to) = self.resolve(index, other, RefRole::Contradicts) {
                        self.out.contradictions.push(Edge {
                            from: index,
                            to,
                            loc: loc(other.span),
                        });
                    }
                }
                (ClauseKeyword::SameAs, ClauseBody::Ref(other)) => {
                    if let Some(to) = self.resolve(index, other, RefRole::SameAs) {
                        self.out.same_as.push(Edge {
                            from: index,
                            to,
                            loc: loc(other.span),
                        });
                    }
                }
                (ClauseKeyword::Allow, ClauseBody::Allow { rule, reason }) => {
                    self.out.allows.push(Allow {
                        statement: index,
                        rule: rule.name(&self.files[file as usize].text).into(),
                        rule_loc: loc(rule.span),
                        reason: reason.value(&self.files[file as usize].text).into(),
                        loc: loc(clause.span),
                    });
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::input::load_texts;
    use crate::model::RefRole;

    #[test]
    fn only_references_the_rules_judge_are_kept_and_operands_are_listed() {
        let ws = load_texts(&[(
            "a.arg",
            "quantity q = 5 %\n\
             \n\
             claim c \"C\"\n  supported-by q, ghost, c, k\n\
             \n\
             check k: q + q < nothing + c\n",
        )]);
        let kept: Vec<(RefRole, String, Option<usize>)> = (ws.relations.references.iter())
            .map(|r| (r.role, r.name(&ws).to_owned(), r.target()))
            .collect();
        assert_eq!(
            kept,
            [
                (RefRole::Supporter, "ghost".to_owned(), None),
                (RefRole::Supporter, "c".to_owned(), Some(1)),
                (RefRole::Operand, "nothing".to_owned(), None),
                (RefRole::Operand, "c".to_owned(), Some(1)),
            ]
        );
        let operands: Vec<(usize, usize)> = (ws.relations.operands.iter())
            .map(|o| (o.check(), o.quantity()))
            .collect();
        assert_eq!(operands, [(2, 0), (2, 0)]);
    }
}
