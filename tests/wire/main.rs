//! Wire tests: generated clients driven against the HTTPS loopback harness.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod harness;
mod regenerate_access_key;
mod robustness;
