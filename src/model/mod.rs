//! The resolved workspace: every statement of every file by identifier, with
//! the support, attack, citation and quote relations between them. Each
//! relation keeps the place it was written, so findings point at the clause.

pub mod documents;
pub mod evaluation;
pub mod graph;
pub mod names;
pub mod reference;
mod resolve;
pub mod source_path;

use crate::ast::{self, ClauseKeyword, ExprKind, StatementKind};
use crate::finding::FileId;
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;

pub use documents::{DocId, Document, DocumentContent, DocumentProblem, DocumentRef};
pub use names::NameTable;
pub use reference::{RefRole, Reference};

/// Index of a statement in [`Workspace::statements`].
pub type StmtId = usize;

/// A statement index in 32 bits, for the structures that hold one per
/// reference or per name. Every statement takes well over a hundred bytes
/// of memory, so a workspace of 2^32 - 1 of them cannot be loaded in the
/// first place; the bound is a limit of memory, not of input.
pub(crate) fn stmt_index32(index: StmtId) -> u32 {
    u32::try_from(index)
        .ok()
        .filter(|&i| i != u32::MAX)
        .expect("a workspace holds fewer than 2^32 - 1 statements")
}

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

    /// The identifier; `files` are the workspace's, which hold its text.
    pub fn name<'a>(&'a self, files: &'a [SourceFile]) -> Option<&'a str> {
        let text = &files[self.file as usize].text;
        self.ast.id.as_ref().map(|i| i.name(text))
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
                .map_or_else(|| self.ast.keyword_span(), |i| i.span),
        }
    }

    pub fn has(&self, keyword: ClauseKeyword) -> bool {
        self.ast.has_clause(keyword)
    }
}

/// A support group: its members together support the target.
#[derive(Debug, Clone)]
pub struct SupportGroup {
    pub target: StmtId,
    pub members: Box<[StmtId]>,
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

/// A quantity named in a check's expression. In 32 bits, as in
/// [`Reference`]: a workspace has one per operand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operand {
    check: u32,
    quantity: u32,
}

impl Operand {
    pub fn new(check: StmtId, quantity: StmtId) -> Operand {
        Operand {
            check: stmt_index32(check),
            quantity: stmt_index32(quantity),
        }
    }

    /// The check whose expression names the quantity.
    pub fn check(&self) -> StmtId {
        self.check as StmtId
    }

    pub fn quantity(&self) -> StmtId {
        self.quantity as StmtId
    }
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
    /// The clause's index in its statement: the passage is read from the
    /// syntax tree rather than copied (see [`Quote::text`]).
    pub clause: u32,
    pub loc: Loc,
}

impl Quote {
    /// The quoted passage, escapes resolved.
    pub fn text<'w>(&self, ws: &'w Workspace) -> &'w str {
        let stmt = ws.stmt(self.from);
        match stmt.ast.clauses.get(self.clause as usize).map(|c| &c.body) {
            Some(ast::ClauseBody::Quote { text, .. }) => text.value(&ws.file(stmt.file).text),
            _ => "",
        }
    }
}

/// An `allow RULE "REASON"`.
#[derive(Debug, Clone)]
pub struct Allow {
    pub statement: StmtId,
    pub rule: ast::Name,
    pub rule_loc: Loc,
    pub reason: Box<str>,
    pub loc: Loc,
}

/// The relations between statements, each with the place it was written.
#[derive(Debug, Clone, Default)]
pub struct Relations {
    /// The references the reference rules report, in written order: those
    /// that name no statement or a statement of a kind their clause does not
    /// take, and relations that name their own statement. A workspace has
    /// several references per statement and nearly all resolve; those are
    /// held only as the relations below.
    pub references: Vec<Reference>,
    /// Each quantity a check's expression names, in written order (a
    /// quantity named twice is listed twice).
    pub operands: Vec<Operand>,
    pub groups: Vec<SupportGroup>,
    /// `from` attacks `to`, from `attacked-by` and `attacks`; see
    /// [`Workspace::attack_edges`] for these with `contradicts` included.
    pub attacks: Vec<Edge>,
    /// `contradicts` as written (`from contradicts to`).
    pub contradictions: Vec<Edge>,
    pub citations: Vec<Citation>,
    pub quotes: Vec<Quote>,
    /// `same-as` as written (`from same-as to`).
    pub same_as: Vec<Edge>,
    pub allows: Vec<Allow>,
}

impl Relations {
    /// The relations of consecutive parts of the workspace, in order. Each
    /// list is joined as its own rayon task, the lists in parallel: they are
    /// tens of megabytes in a large workspace, fresh memory to fault in and
    /// fill.
    fn concat(mut parts: Vec<Relations>) -> Relations {
        fn join<T>(lists: Vec<Vec<T>>) -> Vec<T> {
            let mut all = Vec::with_capacity(lists.iter().map(Vec::len).sum());
            for mut list in lists {
                all.append(&mut list);
            }
            all
        }
        macro_rules! joined {
            ($($list:ident),*) => {{
                let mut out = Relations::default();
                // Naming every field: a list added to `Relations` and not
                // here does not compile.
                let Relations { $($list),* } = &mut out;
                rayon::scope(|scope| {
                    $(
                        let lists: Vec<_> =
                            parts.iter_mut().map(|p| std::mem::take(&mut p.$list)).collect();
                        scope.spawn(move |_| *$list = join(lists));
                    )*
                });
                out
            }};
        }
        joined!(
            references,
            operands,
            groups,
            attacks,
            contradictions,
            citations,
            quotes,
            same_as,
            allows
        )
    }
}

/// The resolved workspace.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    pub files: Vec<SourceFile>,
    pub syntax_errors: Vec<(FileId, SyntaxError)>,
    pub statements: Vec<Stmt>,
    /// The first declaration of each identifier.
    pub names: NameTable,
    /// Later declarations of an identifier: (the later one, the first one).
    pub duplicates: Vec<(StmtId, StmtId)>,
    /// The relations between statements, as resolved.
    pub relations: Relations,
    /// Where sources' `file` clauses may point.
    pub file_access: source_path::FileAccess,
    /// The local text files that sources name with `file`, each once.
    pub documents: Vec<Document>,
    /// Every `file` clause, with the document it names.
    pub document_refs: Vec<DocumentRef>,
}

impl Workspace {
    /// Resolves the parsed files into a workspace. `parsed[k]` belongs to
    /// `files[k]`.
    pub fn build(files: Vec<SourceFile>, parsed: Vec<crate::syntax::Parsed>) -> Workspace {
        let count = parsed.iter().map(|p| p.file.statements.len()).sum();
        let mut ws = Workspace {
            files,
            statements: Vec::with_capacity(count),
            ..Workspace::default()
        };
        // File indexes are 32-bit: far more files than memory could hold.
        for (file, p) in (0..).zip(parsed) {
            ws.syntax_errors
                .extend(p.errors.into_iter().map(|e| (file, e)));
            for ast in p.file.statements {
                ws.statements.push(Stmt { file, ast });
            }
        }
        // The name table is built on one thread; the documents are listed
        // beside it.
        ((ws.names, ws.duplicates), (ws.documents, ws.document_refs)) = rayon::join(
            || NameTable::build(&ws.statements, &ws.files),
            || documents::collect(&ws),
        );
        ws.relations = resolve::resolve(&ws.statements, &ws.names, &ws.files);
        ws
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id as usize]
    }

    pub fn stmt(&self, id: StmtId) -> &Stmt {
        &self.statements[id]
    }

    pub fn lookup(&self, name: &str) -> Option<StmtId> {
        self.names.get(&self.statements, &self.files, name)
    }

    /// The identifier of statement `s`; `None` for an anonymous check.
    pub fn name(&self, s: StmtId) -> Option<&str> {
        self.name_of(self.stmt(s))
    }

    /// The identifier of `stmt`, a statement of this workspace.
    pub fn name_of<'w>(&'w self, stmt: &'w Stmt) -> Option<&'w str> {
        stmt.name(&self.files)
    }

    /// The name `ident`, written in file `file`.
    pub fn ident<'w>(&'w self, file: FileId, ident: &'w ast::Ident) -> &'w str {
        ident.name(&self.file(file).text)
    }

    /// Every declared name, each once, in no particular order.
    pub fn declared_names(&self) -> impl Iterator<Item = (&str, StmtId)> + '_ {
        self.names
            .iter()
            .map(|s| (self.name(s).unwrap_or_default(), s))
    }

    /// Every attack: the written ones and both directions of each
    /// `contradicts`.
    pub fn attack_edges(&self) -> impl Iterator<Item = Edge> + '_ {
        self.relations
            .attacks
            .iter()
            .copied()
            .chain(self.relations.contradictions.iter().flat_map(|e| {
                [
                    *e,
                    Edge {
                        from: e.to,
                        to: e.from,
                        loc: e.loc,
                    },
                ]
            }))
    }
}

/// The quantity references of an expression, in written order, without
/// recursion (expressions may be nested up to the parser's limit).
pub fn collect_refs<'e>(expr: &'e ast::Expr, out: &mut Vec<&'e ast::Ident>) {
    let mut stack = vec![expr];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Ref(id) => out.push(id),
            ExprKind::Literal(_) => {}
            ExprKind::Neg(inner) | ExprKind::Paren(inner) => stack.push(inner),
            ExprKind::Binary { lhs, rhs, .. } => {
                stack.push(rhs);
                stack.push(lhs);
            }
            ExprKind::Call { args, .. } => stack.extend(args.iter().rev()),
        }
    }
}
