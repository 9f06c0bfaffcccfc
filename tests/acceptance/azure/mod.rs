//! The Azure half of the test server (`/report/azure`): one module per Swagger file.

mod grouping;
mod head;
mod lro;
mod lro_endpoints;
mod paging;
mod report;
mod special;
mod subscription;

use crate::support::Scenario;

/// Every Azure scenario this suite drives, with the counters each must raise.
pub fn scenarios() -> Vec<Scenario> {
    let mut all = Vec::new();
    all.extend(special::scenarios());
    all.extend(grouping::scenarios());
    all.extend(subscription::scenarios());
    all.extend(paging::scenarios());
    all.extend(head::scenarios());
    all.extend(lro::scenarios());
    all.extend(lro_endpoints::scenarios());
    all.extend(report::scenarios());
    all
}
