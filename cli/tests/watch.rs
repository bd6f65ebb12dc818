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

/// A copy of the `good` fixture named `name`, so its `.wasm` replaces neither the
/// fixture's nor another watch test's in the shared target dir, whose runtime dependency
/// points at this repository.
fn crate_copy(dir: &Path, name: &str) {
    let good = fixture("good");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let runtime = repo_root().join("runtime");
    let manifest = std::fs::read_to_string(good.join("Cargo.toml"))
        .unwrap()
        .replace("name = \"cli-good\"", &format!("name = \"{name}\""))
        .replace(
            "path = \"../../../../runtime\"",
            &format!("path = {:?}", runtime.display().to_string()),
        );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    // Renamed in the lock file too, so cargo has no reason to rewrite it (a change the
    // watcher would see).
    let lock = std::fs::read_to_string(good.join("Cargo.lock"))
        .unwrap()
        .replace("name = \"cli-good\"", &format!("name = \"{name}\""));
    std::fs::write(dir.join("Cargo.lock"), lock).unwrap();
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

/// Starts `wbg watch --target nodejs --debounce <debounce> --out-dir <pkg> <krate>`; its
/// stderr lines arrive on the receiver and end when it exits.
fn start_watch(krate: &Path, pkg: &Path, debounce: &str) -> (Watcher, Receiver<String>) {
    let child = wbg()
        .args(["watch", "--target", "nodejs", "--debounce", debounce])
        .arg("--out-dir")
        .arg(pkg)
        .arg(krate)
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
    (watcher, lines)
}

#[test]
fn rebuilds_on_change_and_survives_failures() {
    let dir = scratch("watch");
    let krate = dir.join("crate");
    crate_copy(&krate, "cli-watch");
    let pkg = dir.join("pkg");
    let (mut watcher, lines) = start_watch(&krate, &pkg, "100");
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

/// Five saves in quick succession, well inside the debounce, give one build, of the last
/// version. Only builds are counted: the pauses are generous, not measured.
#[test]
fn quick_saves_give_one_build() {
    let dir = scratch("watch-debounce");
    let krate = dir.join("crate");
    crate_copy(&krate, "cli-watch-debounce");
    let pkg = dir.join("pkg");
    let (watcher, lines) = start_watch(&krate, &pkg, "2000");
    let mut seen = Vec::new();
    next_status(&lines, "Built #1 ", &mut seen);

    let lib = krate.join("src/lib.rs");
    let source = std::fs::read_to_string(&lib).unwrap();
    for n in 0..5 {
        std::fs::write(
            &lib,
            format!("{source}\n#[wasm_bindgen]\npub fn save_{n}() -> u32 {{ {n} }}\n"),
        )
        .unwrap();
        std::thread::sleep(Duration::from_millis(50));
    }
    next_status(&lines, "Built #2 ", &mut seen);
    let dts = std::fs::read_to_string(pkg.join("cli_watch_debounce.d.ts")).unwrap();
    assert!(dts.contains("export function save_4(): number;"), "{dts}");
    assert!(!dts.contains("save_3"), "{dts}");

    // Time for a stray second build to be debounced, run and reported, then every line.
    std::thread::sleep(Duration::from_secs(8));
    drop(watcher);
    seen.extend(lines.iter());
    let builds: Vec<&String> = seen
        .iter()
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("Built #") || l.starts_with("Failed #")
        })
        .collect();
    assert_eq!(builds.len(), 2, "{}", seen.join("\n"));
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
