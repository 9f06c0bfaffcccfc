//! Wire tests: generated clients driven against the HTTPS loopback harness.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod downstream;
mod examples;
mod faults;
mod forms;
mod harness;
mod headers;
mod models;
mod openapi;
mod paging_and_polling;
mod param_styles;
mod peers;
mod regenerate_access_key;
mod robustness;
mod service_client;
