//! The general half of the test server (`/report`): one module per Swagger file, as in
//! `azure/`, each with a `scenarios()` list that this module joins.

use crate::support::Scenario;

mod additional_properties;
mod any_type;
mod body_complex;
mod extensible_enums;
mod multiple_inheritance;

/// Every general scenario this suite drives, with the counters each must raise.
pub fn scenarios() -> Vec<Scenario> {
    let mut all = Vec::new();
    all.extend(additional_properties::scenarios());
    all.extend(any_type::scenarios());
    all.extend(body_complex::scenarios());
    all.extend(extensible_enums::scenarios());
    all.extend(multiple_inheritance::scenarios());
    all
}
