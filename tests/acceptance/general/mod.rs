//! The general half of the test server (`/report`): one module per Swagger file, as in
//! `azure/`, each with a `scenarios()` list that this module joins.

use crate::support::Scenario;

mod body_complex;

/// Every general scenario this suite drives, with the counters each must raise.
pub fn scenarios() -> Vec<Scenario> {
    let mut all = Vec::new();
    all.extend(body_complex::scenarios());
    all
}
