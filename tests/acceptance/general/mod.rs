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
mod head_exceptions;
mod http_infrastructure;
mod primitives;
mod url;
mod url_multi_collection_format;
mod xms_error_responses;

use crate::support::Scenario;

/// Every general scenario this suite drives, with the counters each must raise.
pub fn scenarios() -> Vec<Scenario> {
    let mut all = Vec::new();
    all.extend(http_infrastructure::scenarios());
    all.extend(xms_error_responses::scenarios());
    all.extend(head_exceptions::scenarios());
    all.extend(body_boolean::scenarios());
    all.extend(body_byte::scenarios());
    all.extend(body_date::scenarios());
    all.extend(body_datetime::scenarios());
    all.extend(body_datetime_rfc1123::scenarios());
    all.extend(body_duration::scenarios());
    all.extend(body_integer::scenarios());
    all.extend(body_number::scenarios());
    all.extend(body_string::scenarios());
    all.extend(body_time::scenarios());
    all.extend(url::scenarios());
    all.extend(url_multi_collection_format::scenarios());
    all
}
