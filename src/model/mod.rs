//! The resolved workspace: every statement of every file by identifier, with
//! the support, attack, citation and quote relations between them. Each
//! relation keeps the place it was written, so findings point at the clause.

pub mod graph;
pub mod reference;

use crate::ast::{self, ClauseBody, ClauseKeyword, ExprKind, Head, StatementKind};
use crate::finding::FileId;
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;
use std::collections::HashMap;

pub use reference::{RefRole, Reference};

/// Index of a statement in [`Workspace::statements`].
pub type StmtId = usize;

/// A place in the workspace: a file and a byte span in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    pub file: FileId,
    pub span: Span,
}

/// One input file as read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as given on the command line joined with the path below it.
    pub path: String,
    pub text: String,
    /// The file could not be read or is not UTF-8: the finding to report.
    pub unreadable: Option<Unreadable>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub message: String,
    /// The byte offset of the first bad byte, for invalid UTF-8.
    pub offset: Option<usize>,
}

/// One statement and the file it is in.
#[derive(Debug, Clone)]
pub struct Stmt {
    pub file: FileId,
    pub ast: ast::Statement,
}

impl Stmt {
    pub fn kind(&self) -> StatementKind {
        self.ast.kind
    }

    pub fn name(&self) -> Option<&str> {
        self.ast.id.as_ref().map(|i| i.name.as_str())
    }

    /// Where findings about the statement as a whole point: its identifier,
    /// or its keyword for an anonymous check.
    pub fn anchor(&self) -> Loc {
        Loc {
            file: self.file,
            span: self
                .ast
                .id
                .as_ref()
                .map_or(self.ast.keyword_span, |i| i.span),
        }
    }

    pub fn has(&self, keyword: ClauseKeyword) -> bool {
        self.ast.has_clause(keyword)
    }

    /// The statement's text or title, if it has one.
    pub fn text(&self) -> Option<&str> {
        match &self.ast.head {
            Head::Text(s) => Some(&s.value),
            _ => None,
        }
    }
}

/// A support group: its members together support the target.
#[derive(Debug, Clone)]
pub struct SupportGroup {
    pub target: StmtId,
    pub members: Vec<StmtId>,
    /// Some member named no statement of a kind that can support: the group
    /// exists but can never ground its target. The cause is reported already.
    pub broken: bool,
    pub loc: Loc,
}

/// A directed relation between two statements, where it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub from: StmtId,
    pub to: StmtId,
    pub loc: Loc,
}

/// A `cites` or `quote` of a source.
#[derive(Debug, Clone)]
pub struct Citation {
    pub from: StmtId,
    pub source: StmtId,
    pub loc: Loc,
}

/// A `quote REF "..."`.
#[derive(Debug, Clone)]
pub struct Quote {
    pub from: StmtId,
    pub source: StmtId,
    pub text: String,
    pub loc: Loc,
}

/// An `allow RULE "REASON"`.
#[derive(Debug, Clone)]
pub struct Allow {
    pub statement: StmtId,
    pub rule: String,
    pub rule_loc: Loc,
    pub reason: String,
    pub loc: Loc,
}

/// The resolved workspace.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    pub files: Vec<SourceFile>,
    pub syntax_errors: Vec<(FileId, SyntaxError)>,
    pub statements: Vec<Stmt>,
    /// The first declaration of each identifier.
    pub by_name: HashMap<String, StmtId>,
    /// Later declarations of an identifier: (the later one, the first one).
    pub duplicates: Vec<(StmtId, StmtId)>,
    /// Every reference written, resolved or not.
    pub references: Vec<Reference>,
    pub groups: Vec<SupportGroup>,
    /// `from` attacks `to`, from `attacked-by`, `attacks` and both directions
    /// of `contradicts`.
    pub attacks: Vec<Edge>,
    /// `contradicts` as written (`from contradicts to`).
    pub contradictions: Vec<Edge>,
    pub citations: Vec<Citation>,
    pub quotes: Vec<Quote>,
    /// `same-as` as written (`from same-as to`).
    pub same_as: Vec<Edge>,
    pub allows: Vec<Allow>,
}

impl Workspace {
    /// Resolves the parsed files into a workspace. `parsed[k]` belongs to
    /// `files[k]`.
    pub fn build(files: Vec<SourceFile>, parsed: Vec<crate::syntax::Parsed>) -> Workspace {
        let mut ws = Workspace {
            files,
            ..Workspace::default()
        };
        for (file, p) in parsed.into_iter().enumerate() {
            ws.syntax_errors
                .extend(p.errors.into_iter().map(|e| (file, e)));
            for ast in p.file.statements {
                ws.statements.push(Stmt { file, ast });
            }
        }
        for (index, stmt) in ws.statements.iter().enumerate() {
            if let Some(name) = stmt.name() {
                match ws.by_name.get(name) {
                    Some(&first) => ws.duplicates.push((index, first)),
                    None => {
                        ws.by_name.insert(name.to_owned(), index);
                    }
                }
            }
        }
        for index in 0..ws.statements.len() {
            ws.resolve_statement(index);
        }
        ws
    }

    pub fn stmt(&self, id: StmtId) -> &Stmt {
        &self.statements[id]
    }

    pub fn lookup(&self, name: &str) -> Option<StmtId> {
        self.by_name.get(name).copied()
    }

    /// Records a reference and returns the statement it names when that is
    /// of a kind the role takes and is not the referring statement itself.
    fn resolve(&mut self, from: StmtId, ident: &ast::Ident, role: RefRole) -> Option<StmtId> {
        let loc = Loc {
            file: self.statements[from].file,
            span: ident.span,
        };
        let target = self.lookup(&ident.name);
        self.references.push(Reference {
            from,
            name: ident.name.clone(),
            loc,
            role,
            target,
        });
        let target = target?;
        if target == from && role.is_relation() {
            return None;
        }
        role.accepts(self.statements[target].kind())
            .then_some(target)
    }

    fn resolve_statement(&mut self, index: StmtId) {
        let stmt = self.statements[index].ast.clone();
        let file = self.statements[index].file;
        let loc = |span| Loc { file, span };
        if let Head::Check(rel) = &stmt.head {
            let mut refs = Vec::new();
            collect_refs(&rel.lhs, &mut refs);
            collect_refs(&rel.rhs, &mut refs);
            for r in refs {
                self.resolve(index, &r, RefRole::Operand);
            }
        }
        for clause in &stmt.clauses {
            match (&clause.keyword, &clause.body) {
                (ClauseKeyword::Cites, ClauseBody::Cites { source, .. }) => {
                    if let Some(s) = self.resolve(index, source, RefRole::Cites) {
                        self.citations.push(Citation {
                            from: index,
                            source: s,
                            loc: loc(clause.span),
                        });
                    }
                }
                (ClauseKeyword::Quote, ClauseBody::Quote { source, text }) => {
                    if let Some(s) = self.resolve(index, source, RefRole::Quote) {
                        self.quotes.push(Quote {
                            from: index,
                            source: s,
                            text: text.value.clone(),
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
                        self.groups.push(SupportGroup {
                            target: index,
                            members,
                            broken,
                            loc: loc(g.span),
                        });
                    }
                }
                (ClauseKeyword::Supports, ClauseBody::Refs(targets)) => {
                    for t in targets {
                        if let Some(target) = self.resolve(index, t, RefRole::Supported) {
                            self.groups.push(SupportGroup {
                                target,
                                members: vec![index],
                                broken: false,
                                loc: loc(t.span),
                            });
                        }
                    }
                }
                (ClauseKeyword::AttackedBy, ClauseBody::Refs(attackers)) => {
                    for a in attackers {
                        if let Some(from) = self.resolve(index, a, RefRole::Attacker) {
                            self.attacks.push(Edge {
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
                            self.attacks.push(Edge {
                                from: index,
                                to,
                                loc: loc(t.span),
                            });
                        }
                    }
                }
                (ClauseKeyword::Contradicts, ClauseBody::Ref(other)) => {
                    if let Some(to) = self.resolve(index, other, RefRole::Contradicts) {
                        let edge = Edge {
                            from: index,
                            to,
                            loc: loc(other.span),
                        };
                        self.contradictions.push(edge);
                        self.attacks.push(edge);
                        self.attacks.push(Edge {
                            from: to,
                            to: index,
                            loc: edge.loc,
                        });
                    }
                }
                (ClauseKeyword::SameAs, ClauseBody::Ref(other)) => {
                    if let Some(to) = self.resolve(index, other, RefRole::SameAs) {
                        self.same_as.push(Edge {
                            from: index,
                            to,
                            loc: loc(other.span),
                        });
                    }
                }
                (ClauseKeyword::Allow, ClauseBody::Allow { rule, reason }) => {
                    self.allows.push(Allow {
                        statement: index,
                        rule: rule.name.clone(),
                        rule_loc: loc(rule.span),
                        reason: reason.value.clone(),
                        loc: loc(clause.span),
                    });
                }
                _ => {}
            }
        }
    }

    /// The support groups of each statement, by target.
    pub fn groups_by_target(&self) -> Vec<Vec<usize>> {
        let mut by_target = vec![Vec::new(); self.statements.len()];
        for (g, group) in self.groups.iter().enumerate() {
            by_target[group.target].push(g);
        }
        by_target
    }
}

/// The quantity references of an expression, in written order, without
/// recursion (expressions may be nested up to the parser's limit).
pub fn collect_refs(expr: &ast::Expr, out: &mut Vec<ast::Ident>) {
    let mut stack = vec![expr];
    let mut found = Vec::new();
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Ref(id) => found.push(id.clone()),
            ExprKind::Literal(_) => {}
            ExprKind::Neg(inner) | ExprKind::Paren(inner) => stack.push(inner),
            ExprKind::Binary { lhs, rhs, .. } => {
                stack.push(rhs);
                stack.push(lhs);
            }
            ExprKind::Call { args, .. } => stack.extend(args.iter().rev()),
        }
    }
    out.extend(found);
}
