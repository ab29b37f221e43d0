//! Building the umbrella for one vendor compiles none of the other vendor's code.

use std::process::Command;

/// The normal (non-dev) dependency tree of `chatdesk` with the given features.
fn tree(features: &str) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "-p",
            "chatdesk",
            "--no-default-features",
            "--features",
            features,
            "-e",
            "normal",
            "--prefix",
            "none",
            "--format",
            "{p} [{f}]",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The `[features]` part of a `{p} [{f}]` line: the package part holds the checkout's path,
/// which may itself contain a vendor's name (a worktree called `kit-crisp`, say).
fn features_of(line: &str) -> &str {
    line.rsplit_once(" [")
        .map_or(line, |(_, features)| features)
}

#[test]
fn carrot_only_pulls_no_crisp_code() {
    let t = tree("carrot");
    assert!(t.contains("chatdesk-carrot-api"), "{t}");
    assert!(!t.contains("chatdesk-crisp-api"), "{t}");
    // The model crate is built without its `crisp` feature.
    for line in t.lines().filter(|l| l.starts_with("chatdesk-model")) {
        assert!(!features_of(line).contains("crisp"), "{line}");
    }
}

#[test]
fn crisp_only_pulls_no_carrot_code() {
    let t = tree("crisp");
    assert!(t.contains("chatdesk-crisp-api"), "{t}");
    assert!(!t.contains("chatdesk-carrot-api"), "{t}");
    for line in t.lines().filter(|l| l.starts_with("chatdesk-model")) {
        assert!(!features_of(line).contains("carrot"), "{line}");
    }
}
