//! The single integration-test binary: one module per topic.

mod intake;
mod seed;
