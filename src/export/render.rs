//! SVG, PNG and PDF: the DOT map rendered by the system's Graphviz `dot`.

use std::io::Write;
use std::process::{Command, Stdio};

/// Why rendering failed.
#[derive(Debug)]
pub enum RenderError {
    /// `dot` is not installed (or not on PATH).
    DotMissing,
    /// `dot` ran and failed.
    DotFailed(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::DotMissing => f.write_str(
                "rendering svg, png or pdf needs Graphviz's `dot`, which is not on PATH\n  \
                 help: install Graphviz (`apt-get install graphviz`, `brew install graphviz`, \
                 or see https://graphviz.org/download/), or write DOT with `--format dot` \
                 and render it elsewhere",
            ),
            RenderError::DotFailed(why) => write!(f, "`dot` failed: {why}"),
        }
    }
}

/// Runs `dot -T<format>` on the DOT text and returns what it printed.
pub fn render(dot: &str, format: &str) -> Result<Vec<u8>, RenderError> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => RenderError::DotMissing,
            _ => RenderError::DotFailed(e.to_string()),
        })?;
    // Write from another thread so a large map cannot fill both pipes.
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = dot.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| RenderError::DotFailed(e.to_string()))?;
    let written = writer.join().unwrap_or(Ok(()));
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(RenderError::DotFailed(stderr.trim().to_owned()));
    }
    written.map_err(|e| RenderError::DotFailed(e.to_string()))?;
    Ok(output.stdout)
}
