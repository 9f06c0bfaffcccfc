//! Wire tests: generated clients driven against the HTTPS loopback harness.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod downstream;
mod entity_search;
mod examples;
mod faults;
mod forms;
mod harness;
mod headers;
mod models;
mod openapi;
mod openapi31;
mod paging_and_polling;
mod param_styles;
mod peers;
mod regenerate_access_key;
mod robustness;
mod service_client;
