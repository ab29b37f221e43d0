//! The property tests `cargo xtask fuzz` runs with many more cases than CI does.
//!
//! Each target is one integration-test binary whose properties take their case count from
//! `PROPTEST_CASES` (proptest's default configuration reads it; the files that run more cases in
//! CI take the larger of the two), so `cargo xtask fuzz --cases N` runs each property with at
//! least `N` cases.

/// One test binary of property tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// The package.
    pub package: &'static str,
    /// The integration test (`--test NAME`).
    pub test: &'static str,
    /// Features the test needs.
    pub features: &'static str,
}

/// Every property-test binary over a public decoder.
pub const TARGETS: &[Target] = &[
    Target {
        package: "chatdesk-model",
        test: "decoders_never_panic",
        features: "crisp,carrot",
    },
    Target {
        package: "chatdesk-transport",
        test: "decoders_never_panic",
        features: "",
    },
    Target {
        package: "chatdesk-crisp-api",
        test: "envelope_never_panics",
        features: "",
    },
    Target {
        package: "chatdesk-carrot-api",
        test: "props_replay",
        features: "",
    },
    Target {
        package: "chatdesk-model",
        test: "carrot_fuzz",
        features: "crisp,carrot",
    },
    Target {
        package: "chatdesk-model",
        test: "crisp_part1",
        features: "crisp,carrot",
    },
    Target {
        package: "chatdesk-model",
        test: "crisp_part2",
        features: "crisp,carrot",
    },
];

/// The number of tests libtest reports as passed in its `test result:` lines.
pub fn passed_tests(output: &str) -> usize {
    output
        .lines()
        .filter_map(|l| l.trim().strip_prefix("test result: ok. "))
        .filter_map(|rest| rest.split_whitespace().next()?.parse::<usize>().ok())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_passed_tests_of_every_result_line() {
        let out = "running 2 tests\ntest a ... ok\n\ntest result: ok. 2 passed; 0 failed; 0 ignored\n\
                   test result: ok. 3 passed; 0 failed\n";
        assert_eq!(passed_tests(out), 5);
    }

    #[test]
    fn every_target_exists_on_disk() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for t in TARGETS {
            let dir = root
                .join("../crates")
                .join(t.package.trim_start_matches("chatdesk-"))
                .join("tests");
            assert!(dir.join(format!("{}.rs", t.test)).exists(), "{t:?}");
        }
    }
}
