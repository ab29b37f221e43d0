//! The short soak CI runs: a few thousand mixed calls over both vendors at concurrency 32 with 2%
//! random faults. It asserts counts only (tasks, file descriptors, write counters), never times
//! or memory; `cargo xtask soak` runs the full form and also judges the memory curve.
//!
//! Alone in its test binary: it counts the whole process's open file descriptors, which another
//! test running in parallel would disturb.

use xtask::soak::{SoakConfig, run};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_short_soak_leaks_nothing_and_applies_every_write_once() {
    let config = SoakConfig::short();
    let report = run(config.clone()).await.expect("the soak runs");
    println!("{report}");
    assert!(report.passed(), "{:?}", report.failures);

    // The checks had something to check: every call ran, faults hit, writes were counted.
    let calls: usize = report.ops.values().map(|t| t.calls).sum();
    assert_eq!(calls, config.requests);
    assert_eq!(report.ops.len(), 4, "both vendors, reads and writes");
    assert!(report.faults_injected > 0, "no fault was injected");
    assert!(report.writes.checked > 0);
    assert_eq!(
        report.writes.checked,
        report.writes.applied_once
            + report.writes.failed_but_applied
            + report.writes.failed_not_applied,
        "{:?}",
        report.writes
    );
    // Connections were open during the run, and none is left.
    assert!(report.fds.peak > report.fds.before, "{:?}", report.fds);
    assert!(
        report.tasks.peak > report.tasks.before,
        "{:?}",
        report.tasks
    );
    assert_eq!(report.fds.after, report.fds.before);
    assert_eq!(report.tasks.after, report.tasks.before);
}
