//! Exporters: draw the map ([`view::MapView`]) of the model, its labels and
//! findings, one module per format. `render` runs Graphviz for the image
//! formats.

pub mod aif;
pub mod dot;
pub mod json;
pub mod mermaid;
pub mod render;
pub mod view;

/// How statements are grouped into boxes on a drawn map.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cluster {
    /// One box per file.
    File,
    /// One box per statement's first tag; untagged statements stay outside.
    Tag,
    #[default]
    None,
}

/// Which way support flows on a drawn map.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Direction {
    /// Conclusions at the bottom.
    TopToBottom,
    /// Conclusions at the top.
    BottomToTop,
    /// Conclusions on the right: reasons read into what they support, and a
    /// map with many separate parts grows down rather than very wide.
    #[default]
    LeftToRight,
}

impl Direction {
    /// The Graphviz `rankdir` and Mermaid direction.
    pub fn code(self) -> &'static str {
        match self {
            Direction::TopToBottom => "TB",
            Direction::BottomToTop => "BT",
            Direction::LeftToRight => "LR",
        }
    }
}

/// How a drawn map (DOT, Mermaid) looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DrawOptions {
    pub cluster: Cluster,
    pub direction: Direction,
    /// Draw sources as nodes with `cites` and `quote` edges. Otherwise each
    /// statement names its sources in its own box, which keeps a map whose
    /// statements all cite one essay from fanning into that one node.
    pub sources: bool,
}

/// The statements a drawn map shows (sources only with `--sources`) grouped
/// into clusters by the `--cluster` key; clusters are keyed by (file index,
/// title), so they come in a fixed order.
pub struct Clusters {
    /// Every statement shown, in workspace order.
    pub drawn: Vec<crate::model::StmtId>,
    pub clusters: std::collections::BTreeMap<(usize, String), Vec<crate::model::StmtId>>,
    /// The statements in no cluster.
    pub loose: Vec<crate::model::StmtId>,
}

pub fn clusters(view: &view::MapView<'_>, options: &DrawOptions) -> Clusters {
    // Each cluster's key is made once: by file index, or by tag.
    let mut keyed: Vec<((usize, String), Vec<crate::model::StmtId>)> = Vec::new();
    let mut file_cluster: Vec<Option<usize>> = vec![None; view.ws.files.len()];
    let mut tag_cluster: rustc_hash::FxHashMap<&str, usize> = Default::default();
    let mut loose = Vec::new();
    let mut drawn = Vec::new();
    for &s in &view.nodes {
        let stmt = view.ws.stmt(s);
        if !options.sources && stmt.kind() == crate::ast::StatementKind::Source {
            continue;
        }
        drawn.push(s);
        let mut cluster = |slot: Option<usize>, key: &dyn Fn() -> (usize, String)| match slot {
            Some(k) => k,
            None => {
                keyed.push((key(), Vec::new()));
                keyed.len() - 1
            }
        };
        let k = match options.cluster {
            Cluster::None => None,
            Cluster::File => {
                let k = cluster(file_cluster[stmt.file as usize], &|| {
                    (stmt.file as usize, view.ws.file(stmt.file).path.clone())
                });
                file_cluster[stmt.file as usize] = Some(k);
                Some(k)
            }
            Cluster::Tag => view.tags(s).first().map(|&t| {
                let k = cluster(tag_cluster.get(t).copied(), &|| (0, format!("tag: {t}")));
                tag_cluster.insert(t, k);
                k
            }),
        };
        match k {
            Some(k) => keyed[k].1.push(s),
            None => loose.push(s),
        }
    }
    Clusters {
        drawn,
        clusters: keyed.into_iter().collect(),
        loose,
    }
}

/// The words of `text` for a greedy wrap at `width` characters, each with
/// whether it starts a line; a word longer than the width gets its own line.
pub fn wrapped_words(text: &str, width: usize) -> impl Iterator<Item = (bool, &str)> {
    // Characters on the current line; `None` before the first word.
    let mut used: Option<usize> = None;
    crate::text::words(text).map(move |word| {
        let chars = crate::text::char_count(word);
        let (starts, now) = match used {
            Some(u) if u + 1 + chars <= width => (false, u + 1 + chars),
            _ => (true, chars),
        };
        used = Some(now);
        (starts, word)
    })
}

/// Greedy word wrap at `width` characters; a longer word gets its own line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for (starts, word) in wrapped_words(text, width) {
        match lines.last_mut() {
            Some(line) if !starts => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() > max {
        let cut: String = text.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_and_shortening() {
        assert_eq!(wrap("one two three", 32), ["one two three"]);
        assert_eq!(wrap("aa bb  cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("a verylongword b", 4), ["a", "verylongword", "b"]);
        let long = "word ".repeat(20);
        assert!(wrap(&long, 32).iter().all(|l| l.chars().count() <= 32));
        assert_eq!(shorten("abcdef", 3), "abc…");
        assert_eq!(shorten("abc", 3), "abc");
    }
}
