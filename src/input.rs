//! Finding and reading the input files (spec section 1). The only module of
//! the library besides the CLI that touches the file system.

use crate::model::{DocumentProblem, SourceFile, Unreadable, Workspace};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// A problem with the command line's paths: a usage error (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a file is taken, given whether it was named directly.
pub type Select<'a> = &'a (dyn Fn(&Path, bool) -> bool + Sync);

/// How directories are walked and which files are taken.
#[derive(Default)]
pub struct Walk<'a> {
    /// Do not honour `.gitignore` and `.ignore`, and walk hidden directories.
    pub no_ignore: bool,
    /// Whether a file is taken, given whether it was named directly; by
    /// default every file named directly and every `.arg` file walked.
    pub select: Option<Select<'a>>,
    /// Read sources' `file` documents outside the directories walked
    /// (`--allow-outside-files`).
    pub allow_outside_files: bool,
    /// The project's directory, where the `argcheck.yaml` in use lies:
    /// sources' `file` documents may lie anywhere in it.
    pub project: Option<&'a Path>,
}

impl Walk<'_> {
    fn selects(&self, path: &Path, named: bool) -> bool {
        match self.select {
            Some(select) => select(path, named),
            None => named || path.extension().is_some_and(|e| e == "arg"),
        }
    }
}

/// Every `.arg` file below each directory (honouring `.gitignore` and
/// `.ignore` also outside git, skipping hidden directories but not hidden
/// files, and not following links) and every file named directly. Sorted by
/// the paths' text, each file once.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, UsageError> {
    discover_with(paths, &Walk::default())
}

/// [`discover`], walking and selecting as `walk` says.
pub fn discover_with(paths: &[PathBuf], walk: &Walk<'_>) -> Result<Vec<PathBuf>, UsageError> {
    let mut found = Vec::new();
    for root in paths {
        if !root.exists() {
            return Err(UsageError(format!(
                "{}: no such file or directory",
                root.display()
            )));
        }
        if !root.is_dir() {
            if walk.selects(root, true) {
                found.push(root.clone());
            }
            continue;
        }
        let skip_hidden_directories = !walk.no_ignore;
        let walker = ignore::WalkBuilder::new(root)
            .standard_filters(!walk.no_ignore)
            // Hidden directories are skipped, hidden files are not: the
            // filter below does what the crate's `hidden` would do to both.
            .hidden(false)
            .filter_entry(move |entry| {
                !(skip_hidden_directories
                    && entry.depth() > 0
                    && entry.file_type().is_some_and(|t| t.is_dir())
                    && entry.file_name().as_encoded_bytes().starts_with(b"."))
            })
            .require_git(false)
            .follow_links(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            let Ok(entry) = entry else { continue };
            let path = entry.path();
            // Links are not followed, to files or directories: a walked tree
            // must not lead argcheck (or `fmt`) to files outside it.
            if entry.file_type().is_some_and(|t| t.is_file()) && walk.selects(path, false) {
                found.push(path.to_path_buf());
            }
        }
    }
    if paths.len() > 1 {
        // Paths given may name one file twice (`claims claims/./a.arg`, or
        // an absolute spelling): each file is read once, under the name it
        // was first found by, in the order the paths were given.
        let mut seen = std::collections::HashSet::new();
        found.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    }
    // By the path's text, as reports show it (`b-x.arg` before `b/c.arg`).
    found.sort_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    Ok(found)
}

/// The largest file argcheck reads. A larger `.arg` file is almost surely
/// not one, and reading it whole would only exhaust memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The file's bytes, unless it is larger than [`MAX_FILE_BYTES`]. Never reads
/// more than one byte past the limit, whatever the file's metadata says.
fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    // Sized from the metadata, so the text kept for the run does not carry
    // the slack of a buffer grown by doubling; the limit still holds if the
    // file grows meanwhile.
    let expected = file
        .metadata()
        .map_or(0, |m| m.len())
        .min(MAX_FILE_BYTES + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(std::io::Error::other(format!(
            "the file is larger than {} MiB, the most argcheck reads",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// Reads one file; invalid UTF-8 is kept as an `unreadable` finding with the
/// offset of its first bad byte.
pub fn read(path: &Path) -> SourceFile {
    let display = path.to_string_lossy().into_owned();
    match read_bounded(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => SourceFile {
                path: display,
                text,
                unreadable: None,
            },
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                SourceFile {
                    path: display,
                    text: String::new(),
                    unreadable: Some(Unreadable {
                        message: "not UTF-8".to_owned(),
                        offset: Some(offset),
                    }),
                }
            }
        },
        Err(e) => SourceFile {
            path: display,
            text: String::new(),
            unreadable: Some(Unreadable {
                message: e.to_string(),
                offset: None,
            }),
        },
    }
}

/// Reads and parses the files in parallel and resolves them into one
/// workspace. The result does not depend on the number of threads.
pub fn load(paths: &[PathBuf]) -> Result<Workspace, UsageError> {
    load_with(paths, &Walk::default())
}

/// [`load`], walking and selecting as `walk` says. Runs in the current
/// rayon pool, so `pool.install(|| load_with(..))` sets the thread count.
pub fn load_with(paths: &[PathBuf], walk: &Walk<'_>) -> Result<Workspace, UsageError> {
    let files = discover_with(paths, walk)?;
    let read: Vec<(SourceFile, crate::syntax::Parsed)> = files
        .par_iter()
        .map(|p| {
            let file = read(p);
            let parsed = crate::syntax::parse(&file.text);
            (file, parsed)
        })
        .collect();
    let (files, parsed) = read.into_iter().unzip();
    let mut ws = Workspace::build(files, parsed);
    ws.file_access = crate::model::source_path::FileAccess::for_paths(paths, walk.project);
    ws.file_access.allow_outside = walk.allow_outside_files;
    // Documents outside the workspace stay unread (see `FileAccess`).
    ws.read_documents(read_document);
    Ok(ws)
}

/// Reads a source's local text copy (`file "PATH"`).
pub fn read_document(path: &Path) -> Result<String, DocumentProblem> {
    let bytes = read_bounded(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => DocumentProblem::NotFound,
        std::io::ErrorKind::IsADirectory => DocumentProblem::IsDirectory,
        _ => DocumentProblem::Unreadable(e.to_string()),
    })?;
    String::from_utf8(bytes).map_err(|e| DocumentProblem::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Builds a workspace from in-memory files, for tests and tools. Sources'
/// `file` documents are left unread; see [`load_texts_with_documents`].
pub fn load_texts(files: &[(&str, &str)]) -> Workspace {
    let (files, parsed) = files
        .iter()
        .map(|(path, text)| {
            (
                SourceFile {
                    path: (*path).to_owned(),
                    text: (*text).to_owned(),
                    unreadable: None,
                },
                crate::syntax::parse(text),
            )
        })
        .unzip();
    Workspace::build(files, parsed)
}

/// Builds a workspace from in-memory `.arg` files and in-memory documents
/// (path as the workspace resolves it, text); other documents are missing.
pub fn load_texts_with_documents(files: &[(&str, &str)], documents: &[(&str, &str)]) -> Workspace {
    let mut ws = load_texts(files);
    ws.read_documents(|path| {
        documents
            .iter()
            .find(|(p, _)| Path::new(p) == path)
            .map(|(_, text)| (*text).to_owned())
            .ok_or(DocumentProblem::NotFound)
    });
    ws
}
