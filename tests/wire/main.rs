//! Wire tests: generated clients driven against the HTTPS loopback harness.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod harness;
mod peers;
mod regenerate_access_key;
