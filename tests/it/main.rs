//! The single integration-test binary: one module per topic.

mod seed;
mod digest;
