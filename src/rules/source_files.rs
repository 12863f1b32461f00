//! `source-file-outside-workspace`.

use super::{Context, Sink, declare_rule};
use crate::ast::{ClauseBody, ClauseKeyword};
use crate::finding::FileId;
use crate::model::Loc;
use crate::model::source_path::Outside;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::path::Path;

declare_rule! {
    /// ## What it does
    /// Reports a source's `file` that names an absolute path, or a relative
    /// one whose `..` steps or symbolic links lead out of the workspace: the
    /// directories given to argcheck and the project (the directory of the
    /// `argcheck.yaml` in use). Such a file is not read;
    /// `--allow-outside-files` allows it.
    ///
    /// ## Why it matters
    /// argcheck reads source files to verify quotes. Without this limit, a
    /// repository checked out for review could make argcheck read any file
    /// on the machine (`/etc/passwd`, `../../.ssh/id_rsa`) and show parts of
    /// it in the help of a quote finding.
    ///
    /// ## Example
    /// ```text
    /// source essay "Make efforts for the construction of international cyberspace rules"
    ///   file "../../essay.txt"
    /// ```
    /// Use instead: keep the text beside the `.arg` files.
    /// ```text
    /// source essay "Make efforts for the construction of international cyberspace rules"
    ///   file "sources/essay.txt"
    /// ```
    pub static SOURCE_FILE_OUTSIDE_WORKSPACE = ("source-file-outside-workspace", Error, Some(check));
}

fn check(ctx: &Context<'_>, sink: &mut Sink) {
    let ws = ctx.ws;
    // Many sources of one `.arg` file often name the same text file, and
    // resolving a path rebuilds it component by component: each distinct
    // (file, path) pair is resolved once, the pairs in parallel.
    let mut written: Vec<(usize, Loc, &str)> = Vec::new();
    for (index, stmt) in ws.statements.iter().enumerate() {
        for clause in stmt.ast.clauses_of(ClauseKeyword::File) {
            if let ClauseBody::Text(text) = &clause.body {
                let loc = Loc {
                    file: stmt.file,
                    span: text.span,
                };
                written.push((index, loc, text.value(&ws.file(stmt.file).text)));
            }
        }
    }
    let mut pairs: Vec<(FileId, &str)> = written
        .iter()
        .map(|&(_, loc, path)| (loc.file, path))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let refused: FxHashMap<(FileId, &str), Outside> = pairs
        .par_iter()
        .filter_map(|&(file, path)| {
            let arg_file = Path::new(&ws.file(file).path);
            let why = ws.file_access.resolve(arg_file, path).err()?;
            Some(((file, path), why))
        })
        .collect();
    for (index, loc, path) in written {
        let Some(why) = refused.get(&(loc.file, path)) else {
            continue;
        };
        let (message, label) = match why {
            Outside::Absolute => (
                format!("`file \"{path}\"` is an absolute path"),
                "absolute path",
            ),
            Outside::Escapes => (
                format!("`file \"{path}\"` leads out of the workspace"),
                "outside the workspace",
            ),
            Outside::Link => (
                format!("`file \"{path}\"` leads out of the workspace through a symbolic link"),
                "a link out of the workspace",
            ),
        };
        sink.report(
            loc,
            label,
            message,
            Some(
                "name a file inside the directories given to argcheck or the project (the directory of argcheck.yaml), relative to this .arg file; --allow-outside-files allows others"
                    .into(),
            ),
            Some(index),
        );
    }
}
