//! The network: analysis of the ties between people and groups.

pub mod analyze;
