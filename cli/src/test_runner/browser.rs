//! Headless Chromium as the engine: the system's Chromium (never downloaded) opens the
//! harness page from the local server, and the page POSTs its events back. Each run gets a
//! fresh profile and its own process group, so stopping it ends every Chromium process.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::session::Engine;

const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-dev-shm-usage",
];

/// Names Chromium goes by on PATH.
const NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

/// The Chromium to run: `CHROME`, then `WASM_BINDGEN_TEST_CHROME`, then PATH.
pub fn find_chromium() -> Result<PathBuf, String> {
    let vars = ["CHROME", "WASM_BINDGEN_TEST_CHROME"].map(|v| (v, std::env::var_os(v)));
    find_chromium_in(&vars, std::env::var_os("PATH"))
}

fn find_chromium_in(
    vars: &[(&str, Option<OsString>)],
    path: Option<OsString>,
) -> Result<PathBuf, String> {
    for (var, value) in vars {
        if let Some(value) = value.as_ref().filter(|v| !v.is_empty()) {
            let exe = PathBuf::from(value);
            return if exe.is_file() {
                Ok(exe)
            } else {
                Err(format!(
                    "{var} is set to {}, which does not exist",
                    exe.display()
                ))
            };
        }
    }
    for dir in std::env::split_paths(&path.unwrap_or_default()) {
        for name in NAMES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    Err(
        "these tests run in a browser (wasm_bindgen_test_configure!(run_in_browser)) but no \
         Chromium was found: install it (Debian/Ubuntu: apt-get install chromium) or set CHROME \
         to its path"
            .into(),
    )
}

pub struct Chromium {
    exe: PathBuf,
    /// `http://127.0.0.1:<port>/`
    base_url: String,
    /// Where profiles and the log go.
    dir: PathBuf,
    child: Option<Child>,
}

impl Chromium {
    pub fn new(exe: PathBuf, base_url: String, dir: PathBuf) -> Chromium {
        Chromium {
            exe,
            base_url,
            dir,
            child: None,
        }
    }

    fn log_path(&self) -> PathBuf {
        self.dir.join("chromium.log")
    }
}

impl Engine for Chromium {
    fn start(&mut self, from: usize, generation: u64) -> Result<(), String> {
        let profile = self.dir.join(format!("profile-{generation}"));
        let log = std::fs::File::create(self.log_path())
            .map_err(|e| format!("cannot create {}: {e}", self.log_path().display()))?;
        let log2 = log.try_clone().map_err(|e| e.to_string())?;
        let mut cmd = Command::new(&self.exe);
        cmd.args(FLAGS)
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!(
                "{}index.html?from={from}&gen={generation}",
                self.base_url
            ))
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log2);
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let child = cmd
            .spawn()
            .map_err(|e| format!("cannot run {} ({e})", self.exe.display()))?;
        self.child = Some(child);
        Ok(())
    }

    fn exited(&mut self) -> Option<String> {
        let status = self.child.as_mut()?.try_wait().ok()??;
        self.child = None;
        Some(format!(
            "Chromium exited ({status}); its output:\n{}",
            tail(&self.log_path(), 20)
        ))
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            kill_group(&mut child);
            let _ = child.wait();
        }
    }
}

impl Drop for Chromium {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Ends Chromium and the renderer and helper processes it started (same process group).
fn kill_group(child: &mut Child) {
    #[cfg(unix)]
    {
        // The group id is the child's pid (`process_group(0)`); the child is not reaped
        // yet, so the id cannot have been reused.
        let pgid = child.id() as libc::pid_t;
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
}

/// The last `n` lines of a file.
fn tail(path: &Path, n: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// The page that runs the harness.
pub const INDEX_HTML: &str = "<!doctype html>\n<meta charset=\"utf-8\">\n<title>wasm-bindgen-test</title>\n<script type=\"module\" src=\"harness.mjs\"></script>\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_chromium_from_the_environment_then_path() {
        let dir = std::env::temp_dir().join(format!("wbg-chromium-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let exe = dir.join("chromium");
        std::fs::write(&exe, "").unwrap();
        let none = [("CHROME", None), ("WASM_BINDGEN_TEST_CHROME", None)];
        assert_eq!(
            find_chromium_in(&none, Some(dir.clone().into())),
            Ok(exe.clone())
        );
        let set = [
            ("CHROME", Some(exe.clone().into())),
            ("WASM_BINDGEN_TEST_CHROME", None),
        ];
        assert_eq!(find_chromium_in(&set, None), Ok(exe.clone()));
        let missing = [
            ("CHROME", None),
            ("WASM_BINDGEN_TEST_CHROME", Some("/nope/chrome".into())),
        ];
        assert_eq!(
            find_chromium_in(&missing, None),
            Err("WASM_BINDGEN_TEST_CHROME is set to /nope/chrome, which does not exist".into())
        );
        let err = find_chromium_in(&none, Some(dir.join("empty").into())).unwrap_err();
        assert!(err.contains("no Chromium was found: install it"), "{err}");
        let _ = std::fs::remove_dir_all(dir);
    }
}
