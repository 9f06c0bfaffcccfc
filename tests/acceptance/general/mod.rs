//! The general half of the test server (`/report`): one module per Swagger file, as in
//! `azure/`, each with a `scenarios()` list that this module joins.

mod body_boolean;
mod body_byte;
mod body_date;
mod body_datetime;
mod body_datetime_rfc1123;
mod body_duration;
mod body_integer;
mod body_number;
mod body_string;
mod body_time;
mod primitives;
mod url;
mod url_multi_collection_format;

use crate::support::Scenario;

/// Every general scenario this suite drives, with the counters each must raise.
pub fn scenarios() -> Vec<Scenario> {
    [
        body_boolean::scenarios(),
        body_byte::scenarios(),
        body_date::scenarios(),
        body_datetime::scenarios(),
        body_datetime_rfc1123::scenarios(),
        body_duration::scenarios(),
        body_integer::scenarios(),
        body_number::scenarios(),
        body_string::scenarios(),
        body_time::scenarios(),
        url::scenarios(),
        url_multi_collection_format::scenarios(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
