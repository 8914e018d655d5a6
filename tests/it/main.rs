//! The single integration-test binary: one module per topic.

mod hostile;
mod invariants;
mod properties;
mod seed;
