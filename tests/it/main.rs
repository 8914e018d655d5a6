//! The single integration-test binary: one module per topic.

mod digest;
mod entities;
mod figures;
mod hostile;
mod intake;
mod invariants;
mod layers;
mod properties;
mod seed;
