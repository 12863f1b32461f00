//! Where a source's `file "PATH"` may point. The path is relative to the
//! `.arg` file; by default it must stay inside the workspace: the directories
//! named on the command line, the directory of each file named directly, and
//! the project, the directory of the `argcheck.yaml` in use (so `claims/` may
//! name `../sources/`). A checked-out repository thus cannot make argcheck
//! read files elsewhere on the machine; a marker it does not control, such as
//! a `.git` above it, does not widen the workspace. `--allow-outside-files`
//! lifts the limit.

use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

/// The workspace's roots and whether files outside them may be read.
#[derive(Debug, Clone, Default)]
pub struct FileAccess {
    /// Each directory named on the command line, the directory of each file
    /// named directly, and the project's directory. With none (a workspace
    /// built in memory), each `.arg` file's own directory is its root.
    pub roots: Vec<PathBuf>,
    /// Whether `file` clauses may name files outside the roots.
    pub allow_outside: bool,
    /// The working directory and the roots in normal form, computed on
    /// first use: every `file` clause is checked against them.
    normalized: OnceLock<Normalized>,
}

/// Equal when the roots and the switch are: the cache is derived from them.
impl PartialEq for FileAccess {
    fn eq(&self, other: &Self) -> bool {
        self.roots == other.roots && self.allow_outside == other.allow_outside
    }
}

impl Eq for FileAccess {}

#[derive(Debug, Clone)]
struct Normalized {
    cwd: Option<PathBuf>,
    roots: Vec<PathBuf>,
    /// The roots with links resolved, for the targets of links.
    real_roots: Vec<PathBuf>,
}

/// Why a `file` path is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outside {
    /// An absolute path.
    Absolute,
    /// A relative path whose `..` steps lead out of every root.
    Escapes,
    /// A path inside the roots that a symbolic link leads out of them.
    Link,
}

impl FileAccess {
    /// The roots of a run over `paths`, as given on the command line, and
    /// the project's directory.
    pub fn for_paths(paths: &[PathBuf], project: Option<&Path>) -> FileAccess {
        let mut roots: Vec<PathBuf> = paths
            .iter()
            .map(|p| {
                if p.is_dir() {
                    p.clone()
                } else {
                    p.parent().map_or_else(PathBuf::new, Path::to_path_buf)
                }
            })
            .collect();
        roots.extend(project.map(Path::to_path_buf));
        FileAccess {
            roots,
            ..FileAccess::default()
        }
    }

    fn normalized(&self) -> &Normalized {
        self.normalized.get_or_init(|| {
            let cwd = std::env::current_dir().ok();
            let roots: Vec<PathBuf> = self
                .roots
                .iter()
                .map(|r| normalize(r, cwd.as_deref()))
                .collect();
            let real_roots = roots
                .iter()
                .map(|r| std::fs::canonicalize(r).unwrap_or_else(|_| r.clone()))
                .collect();
            Normalized {
                cwd,
                roots,
                real_roots,
            }
        })
    }

    /// Whether the file at `path`, links resolved, lies inside one of the
    /// roots. A file that does not exist is not refused here: it is
    /// `missing-source-file`.
    fn really_inside_roots(&self, path: &Path) -> bool {
        match std::fs::canonicalize(path) {
            Ok(real) => self
                .normalized()
                .real_roots
                .iter()
                .any(|r| real.starts_with(r)),
            Err(_) => true,
        }
    }

    /// Whether `target`, in normal form, lies inside one of the roots.
    fn inside_roots(&self, target: &Path) -> bool {
        self.normalized()
            .roots
            .iter()
            .any(|r| target.starts_with(r))
    }

    /// The file a `file "PATH"` clause in `arg_file` names, or why it may
    /// not be read. The check is on the path's text (`..` and absolute
    /// paths), made before anything is read.
    pub fn resolve(&self, arg_file: &Path, written: &str) -> Result<PathBuf, Outside> {
        let written_path = Path::new(written);
        let base = arg_file.parent().unwrap_or(Path::new(""));
        let joined = base.join(written_path);
        if self.allow_outside {
            return Ok(joined);
        }
        if written_path.has_root() || written_path.is_absolute() {
            return Err(Outside::Absolute);
        }
        let cwd = self.normalized().cwd.as_deref();
        let target = normalize(&joined, cwd);
        let within = if self.roots.is_empty() {
            target.starts_with(normalize(base, cwd))
        } else {
            self.inside_roots(&target)
        };
        if !within {
            Err(Outside::Escapes)
        } else if !self.roots.is_empty() && !self.really_inside_roots(&joined) {
            Err(Outside::Link)
        } else {
            Ok(joined)
        }
    }
}

impl FileAccess {
    /// Whether a document at `path` (a `file` clause's text joined to its
    /// `.arg` file's directory) may be read. Without roots (a workspace
    /// built in memory) the clause's own check is all there is.
    pub fn permits(&self, path: &Path) -> bool {
        if self.allow_outside || self.roots.is_empty() {
            return true;
        }
        self.inside_roots(&normalize(path, self.normalized().cwd.as_deref()))
            && self.really_inside_roots(path)
    }
}

/// The absolute form of `path` (relative paths are taken from `cwd`) with
/// `.` and `..` resolved on the text alone (symbolic links are not
/// followed: nothing is read). The empty path stays empty.
fn normalize(path: &Path, cwd: Option<&Path>) -> PathBuf {
    let absolute = match cwd {
        Some(cwd) if path.is_relative() && !path.as_os_str().is_empty() => cwd.join(path),
        _ => path.to_path_buf(),
    };
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(roots: &[&str]) -> FileAccess {
        FileAccess {
            roots: roots.iter().map(PathBuf::from).collect(),
            ..FileAccess::default()
        }
    }

    #[test]
    fn paths_inside_the_roots_resolve() {
        let a = access(&["claims"]);
        let arg = Path::new("claims/sub/x.arg");
        assert_eq!(
            a.resolve(arg, "../sources/essay.txt"),
            Ok(PathBuf::from("claims/sub/../sources/essay.txt"))
        );
        assert!(a.resolve(arg, "s/./t.txt").is_ok());
        assert!(access(&[]).resolve(Path::new("x.arg"), "t.txt").is_ok());
    }

    #[test]
    fn escapes_and_absolute_paths_are_refused() {
        let a = access(&["claims"]);
        let arg = Path::new("claims/x.arg");
        assert_eq!(a.resolve(arg, "../secret.txt"), Err(Outside::Escapes));
        assert_eq!(
            a.resolve(arg, "sources/../../../etc/passwd"),
            Err(Outside::Escapes)
        );
        assert_eq!(a.resolve(arg, "/etc/passwd"), Err(Outside::Absolute));
        // `claims-old` is not inside `claims`.
        assert_eq!(a.resolve(arg, "../claims-old/t.txt"), Err(Outside::Escapes));
        // Without roots, the `.arg` file's own directory is the root.
        assert_eq!(access(&[]).resolve(arg, "../x"), Err(Outside::Escapes));
    }

    #[test]
    fn the_switch_allows_anything() {
        let mut a = access(&["claims"]);
        a.allow_outside = true;
        let arg = Path::new("claims/x.arg");
        assert_eq!(
            a.resolve(arg, "/etc/passwd"),
            Ok(PathBuf::from("/etc/passwd"))
        );
        assert!(a.resolve(arg, "../../x").is_ok());
    }
}
