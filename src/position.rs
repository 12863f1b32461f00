//! Lines and columns as users count them: 1-based, columns in Unicode scalar
//! values (miette's own header counts bytes).

/// Line starts of one text, for offset -> (line, column) conversion.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
    /// Carriage returns not followed by a line feed: not line breaks here,
    /// but miette counts them as such (see [`LineIndex::breaks_before`]).
    lone_returns: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|k| k + 1));
        let lone_returns = memchr::memchr_iter(b'\r', text.as_bytes())
            .filter(|&k| text.as_bytes().get(k + 1) != Some(&b'\n'))
            .collect();
        LineIndex {
            text,
            starts,
            lone_returns,
        }
    }

    /// Where the first line's text starts: after a leading BOM, which is
    /// skipped and so takes no column.
    pub fn text_start(&self) -> usize {
        bom_len(self.text)
    }

    /// The 0-based line that holds a byte offset (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The line breaks before a line start `offset` as miette counts them:
    /// line feeds, and carriage returns without one.
    pub fn breaks_before(&self, offset: usize) -> usize {
        self.line_of(offset) + self.lone_returns.partition_point(|&k| k < offset)
    }

    /// Where 0-based line `line` starts; `None` past the last line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// 1-based line and column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let from = if line == 0 {
            self.text_start().min(offset)
        } else {
            self.starts[line]
        };
        let column = self.text[from..offset].chars().count();
        (line + 1, column + 1)
    }
}

/// The length of a leading byte order mark: where a file's text starts.
pub fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') { 3 } else { 0 }
}

/// One index per file of the workspace, in file order; built in parallel,
/// since every report needs them before its first line.
pub fn line_indexes(ws: &crate::model::Workspace) -> Vec<LineIndex<'_>> {
    use rayon::prelude::*;
    ws.files
        .par_iter()
        .map(|f| LineIndex::new(&f.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn a_leading_bom_takes_no_column() {
        let idx = LineIndex::new("\u{feff}claim c\nx");
        assert_eq!(idx.line_col(3), (1, 1));
        assert_eq!(idx.line_col(9), (1, 7));
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(11), (2, 1));
        assert_eq!(idx.text_start(), 3);
        assert_eq!(LineIndex::new("claim").text_start(), 0);
    }

    #[test]
    fn columns_count_scalar_values() {
        let idx = LineIndex::new("ab\n外交c\n");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(3), (2, 1));
        assert_eq!(idx.line_col(9), (2, 3));
        assert_eq!(idx.line_col(11), (3, 1));
        assert_eq!(idx.line_col(999), (3, 1));
        assert_eq!((idx.line_of(0), idx.line_of(2), idx.line_of(3)), (0, 0, 1));
        assert_eq!(idx.line_of(999), 2);
        assert_eq!(
            (idx.line_start(1), idx.line_start(2), idx.line_start(3)),
            (Some(3), Some(11), None)
        );
        let returns = LineIndex::new("a\rb\r\nc\nd");
        assert_eq!((returns.line_of(5), returns.line_of(7)), (1, 2));
        assert_eq!((returns.breaks_before(5), returns.breaks_before(7)), (2, 3));
        assert_eq!(returns.breaks_before(0), 0);
    }
}
