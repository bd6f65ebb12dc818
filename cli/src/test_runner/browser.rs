//! Headless Chromium as the engine: the system's Chromium (never downloaded) opens the
//! harness page from the local server, and the page POSTs its events back. Each run gets a
//! fresh profile and its own process group, so stopping it ends every Chromium process.

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
    for var in ["CHROME", "WASM_BINDGEN_TEST_CHROME"] {
        if let Some(path) = std::env::var_os(var).filter(|p| !p.is_empty()) {
            let path = PathBuf::from(path);
            return if path.is_file() {
                Ok(path)
            } else {
                Err(format!(
                    "{var} is set to {}, which does not exist",
                    path.display()
                ))
            };
        }
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
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
