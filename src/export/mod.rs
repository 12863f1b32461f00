//! Exporters: read the model (and optionally the findings) and draw it.

pub mod dot;
