//! Sources' local text copies (`file "PATH"`, spec section 6): which files
//! the workspace needs, and their normalised texts once read.
//!
//! The model never touches the file system: `crate::input` reads the files
//! the workspace asks for and hands their texts back.

use super::{Loc, StmtId, Workspace};
use crate::ast::{ClauseBody, ClauseKeyword, StatementKind};
use crate::quotes::NormalizedText;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};

/// Index of a document in [`Workspace::documents`].
pub type DocId = usize;

/// One `file` clause of a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRef {
    pub source: StmtId,
    pub document: DocId,
    /// The path string as written in the clause.
    pub loc: Loc,
}

/// A local text file named by one or more sources, read once per run.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as written, joined to the directory of the `.arg` file.
    pub path: PathBuf,
    pub content: DocumentContent,
}

#[derive(Debug, Clone, Default)]
pub enum DocumentContent {
    /// Not read (yet): quotes are not verified against it.
    #[default]
    NotRead,
    Text(NormalizedText),
    Problem(DocumentProblem),
}

/// Why a document cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentProblem {
    /// `file ""`.
    EmptyPath,
    NotFound,
    IsDirectory,
    /// It cannot be read for another reason, given by the system.
    Unreadable(String),
    /// Not UTF-8: the byte offset of the first bad byte.
    NotUtf8 {
        offset: usize,
    },
}

impl Document {
    /// The path for messages.
    pub fn display(&self) -> String {
        self.path.to_string_lossy().into_owned()
    }

    pub fn text(&self) -> Option<&NormalizedText> {
        match &self.content {
            DocumentContent::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// The documents named by `file` clauses, deduplicated by path, and the
/// clauses that name them.
pub(super) fn collect(ws: &Workspace) -> (Vec<Document>, Vec<DocumentRef>) {
    // Every source's `file` paths, found in parallel and in statement order:
    // the statements are scanned once, and joining paths is the costly part.
    let written: Vec<(StmtId, Loc, PathBuf, bool)> = (ws.statements.par_iter().enumerate())
        .filter(|(_, stmt)| stmt.kind() == StatementKind::Source)
        .flat_map_iter(|(index, stmt)| {
            let file = ws.file(stmt.file);
            let dir = Path::new(&file.path).parent().unwrap_or(Path::new(""));
            stmt.ast.clauses.iter().filter_map(move |clause| {
                let (ClauseKeyword::File, ClauseBody::Text(written)) =
                    (&clause.keyword, &clause.body)
                else {
                    return None;
                };
                let value = written.value(&file.text);
                let loc = Loc {
                    file: stmt.file,
                    span: written.span,
                };
                Some((index, loc, dir.join(value), value.trim().is_empty()))
            })
        })
        .collect();
    let mut documents: Vec<Document> = Vec::new();
    let mut by_path: FxHashMap<PathBuf, DocId> = FxHashMap::default();
    let mut refs = Vec::with_capacity(written.len());
    for (source, loc, path, empty) in written {
        let document = *by_path.entry(path.clone()).or_insert_with(|| {
            documents.push(Document {
                content: if empty {
                    DocumentContent::Problem(DocumentProblem::EmptyPath)
                } else {
                    DocumentContent::NotRead
                },
                path,
            });
            documents.len() - 1
        });
        refs.push(DocumentRef {
            source,
            document,
            loc,
        });
    }
    (documents, refs)
}

impl Workspace {
    /// Reads every document not yet read with `read`, in parallel, and
    /// normalises its text once for all the quotes drawn from it.
    pub fn read_documents(
        &mut self,
        read: impl Fn(&Path) -> Result<String, DocumentProblem> + Sync,
    ) {
        let access = &self.file_access;
        self.documents.par_iter_mut().for_each(|d| {
            // A document outside the workspace is not read: its `file`
            // clause is reported by `source-file-outside-workspace`.
            if matches!(d.content, DocumentContent::NotRead) && access.permits(&d.path) {
                d.content = match read(&d.path) {
                    Ok(text) => DocumentContent::Text(NormalizedText::new(&text)),
                    Err(problem) => DocumentContent::Problem(problem),
                };
            }
        });
    }
}
