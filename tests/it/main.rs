//! The single integration-test binary: one module per topic.

mod figures;
mod seed;
