//! `source-file-outside-workspace`.

use super::{Context, Sink, declare_rule};
use crate::ast::{ClauseBody, ClauseKeyword};
use crate::model::Loc;
use crate::model::source_path::Outside;
use rayon::prelude::*;
use std::path::Path;

declare_rule! {
    /// ## What it does
    /// Reports a source's `file` that names an absolute path, or a relative
    /// one whose `..` steps lead out of the directories given to argcheck.
    /// Such a file is not read; `--allow-outside-files` allows it.
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

fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let ws = ctx.ws;
    // Resolving a path asks for the working directory, so the statements
    // are looked at in parallel; the findings keep workspace order.
    let outside: Vec<(usize, Loc, &'static str, String)> = ws
        .statements
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, stmt)| {
            let arg_file = Path::new(&ws.files[stmt.file].path);
            stmt.ast
                .clauses_of(ClauseKeyword::File)
                .filter_map(move |clause| {
                    let ClauseBody::Text(written) = &clause.body else {
                        return None;
                    };
                    let why = ws.file_access.resolve(arg_file, &written.value).err()?;
                    let (message, label) = match why {
                        Outside::Absolute => (
                            format!("`file \"{}\"` is an absolute path", written.value),
                            "absolute path",
                        ),
                        Outside::Escapes => (
                            format!("`file \"{}\"` leads out of the workspace", written.value),
                            "outside the workspace",
                        ),
                    };
                    let loc = Loc {
                        file: stmt.file,
                        span: written.span,
                    };
                    Some((index, loc, label, message))
                })
        })
        .collect();
    for (index, loc, label, message) in outside {
        sink.report(
            loc,
            label,
            message,
            Some(
                "name a file below the directories given to argcheck, relative to this .arg file; --allow-outside-files allows others"
                    .to_owned(),
            ),
            Some(index),
        );
    }
}
