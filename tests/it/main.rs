//! The single integration-test binary: one module per topic.

mod digest;
mod seed;
