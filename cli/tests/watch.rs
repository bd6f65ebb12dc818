//! `wbg watch`: starts, builds, rebuilds after a change, reports a failed build and keeps
//! going, then is killed.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use support::*;

/// Kills the watcher even when an assertion fails.
struct Watcher(Child);

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A copy of the `good` fixture, renamed so its `.wasm` does not replace the fixture's in
/// the shared target dir, whose runtime dependency points at this repository.
fn crate_copy(dir: &Path) {
    let good = fixture("good");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let runtime = repo_root().join("runtime");
    let manifest = std::fs::read_to_string(good.join("Cargo.toml"))
        .unwrap()
        .replace("name = \"cli-good\"", "name = \"cli-watch\"")
        .replace(
            "path = \"../../../../runtime\"",
            &format!("path = {:?}", runtime.display().to_string()),
        );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(good.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    std::fs::copy(good.join("src/lib.rs"), dir.join("src/lib.rs")).unwrap();
}

/// Waits for the next stderr line starting with `prefix` (after the 12-column verb).
fn next_status(lines: &Receiver<String>, prefix: &str, seen: &mut Vec<String>) -> String {
    let deadline = Instant::now() + Duration::from_secs(300);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) => {
                seen.push(line.clone());
                if line.trim_start().starts_with(prefix) {
                    return line;
                }
            }
            Err(_) => break,
        }
    }
    panic!("no {prefix:?} line; saw:\n{}", seen.join("\n"));
}

#[test]
fn rebuilds_on_change_and_survives_failures() {
    let dir = scratch("watch");
    let krate = dir.join("crate");
    crate_copy(&krate);
    let pkg = dir.join("pkg");
    let child = wbg()
        .args([
            "watch",
            "--target",
            "nodejs",
            "--debounce",
            "100",
            "--out-dir",
        ])
        .arg(&pkg)
        .arg(&krate)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut watcher = Watcher(child);
    let (tx, lines) = channel();
    let stderr = watcher.0.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    next_status(&lines, "Watching ", &mut seen);
    let first = next_status(&lines, "Built #1 ", &mut seen);
    assert!(
        first.contains("(nodejs") && first.contains("cli_watch.js"),
        "{first}"
    );

    let lib = krate.join("src/lib.rs");
    let source = std::fs::read_to_string(&lib).unwrap();
    std::fs::write(
        &lib,
        format!("{source}\n#[wasm_bindgen]\npub fn added_later() -> u32 {{ 7 }}\n"),
    )
    .unwrap();
    next_status(&lines, "Built #2 ", &mut seen);
    let dts = std::fs::read_to_string(pkg.join("cli_watch.d.ts")).unwrap();
    assert!(
        dts.contains("export function added_later(): number;"),
        "{dts}"
    );

    std::fs::write(
        &lib,
        format!("{source}\npub fn broken() -> u32 {{ \"no\" }}\n"),
    )
    .unwrap();
    let failed = next_status(&lines, "Failed #3 ", &mut seen);
    assert!(
        failed.ends_with("cargo build failed for `cli-watch` (its errors are above) (exit 6)"),
        "{failed}"
    );
    assert!(
        seen.iter().any(|l| l.contains("mismatched types")),
        "cargo's error is shown:\n{}",
        seen.join("\n")
    );

    std::fs::write(&lib, &source).unwrap();
    next_status(&lines, "Built #4 ", &mut seen);
    assert!(
        watcher.0.try_wait().unwrap().is_none(),
        "still watching after a failed build"
    );
    let dts = std::fs::read_to_string(pkg.join("cli_watch.d.ts")).unwrap();
    assert!(!dts.contains("added_later"), "{dts}");
}

#[test]
fn no_crate_is_reported_at_once() {
    let dir = scratch("watch-no-crate");
    let out = run(wbg().arg("watch").current_dir(&dir));
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        "error: no Cargo.toml in the current directory; run wbg in a crate's directory or pass it as PATH\n"
    );
}
