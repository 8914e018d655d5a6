//! The single integration-test binary: one module per topic.

mod digest;
mod entities;
mod figures;
mod hostile;
mod intake;
mod invariants;
mod properties;
mod seed;
