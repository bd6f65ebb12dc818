//! `wbg watch`: `wbg build` again whenever the crate's sources change. Changes are
//! debounced (an editor's save is often several events), each build ends in one status
//! line, and a failed build leaves the watcher running for the next change.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use clap::Args;
use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind};
use notify::{Event, EventKind, RecursiveMode, Watcher};

use crate::build::{self, BuildArgs};
use crate::exit::{Exit, Failure};
use crate::ui::{Ui, Verbosity};

#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    /// Wait this long after the last change before rebuilding.
    #[arg(long, value_name = "MS", default_value_t = 200)]
    pub debounce: u64,
}

/// Files outside `src/` whose change means a rebuild.
const MANIFEST_FILES: &[&str] = &["Cargo.toml", "Cargo.lock", "build.rs"];

/// Watches until killed; returns only when the crate cannot be found or watched at all.
pub fn run(args: &WatchArgs, ui: &Ui) -> Result<(), Failure> {
    let dir = wbg_project::manifest::manifest_path(&args.build.path)?
        .canonicalize()
        .map_err(|e| Failure::io(format!("cannot read {}: {e}", args.build.path.display())))?
        .parent()
        .expect("a file has a parent")
        .to_path_buf();
    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .map_err(|e| Failure::io(format!("cannot watch files: {e}")))?;
    let watch = |watcher: &mut notify::RecommendedWatcher, path: &Path, mode| {
        watcher
            .watch(path, mode)
            .map_err(|e| Failure::io(format!("cannot watch {}: {e}", path.display())))
    };
    watch(&mut watcher, &dir, RecursiveMode::NonRecursive)?;
    let src = dir.join("src");
    if src.is_dir() {
        watch(&mut watcher, &src, RecursiveMode::Recursive)?;
    }
    ui.status(
        "Watching",
        &format!("{} (src/, Cargo.toml); Ctrl-C to stop", build::shown(&dir)),
    );
    // Inside the loop only the closing line of each build is shown, plus cargo's errors.
    let inner = if ui.verbosity == Verbosity::Verbose {
        *ui
    } else {
        Ui::new(true, false)
    };
    let debounce = Duration::from_millis(args.debounce);
    for n in 1.. {
        build_once(n, args, &inner, ui);
        if !wait_for_change(&rx, &dir, debounce) {
            break;
        }
    }
    Err(Failure::new(Exit::Usage, "the file watcher stopped"))
}

fn build_once(n: usize, args: &WatchArgs, inner: &Ui, ui: &Ui) {
    let started = Instant::now();
    // Located again each time: Cargo.toml may have changed.
    let result = wbg_project::Project::locate(&args.build.path)
        .map_err(Failure::from)
        .and_then(|mut project| build::build(&args.build, &mut project, inner));
    let secs = started.elapsed().as_secs_f64();
    match result {
        Ok(built) => ui.status(
            "Built",
            &format!(
                "#{n} {} in {secs:.2}s",
                build::summary(&built, args.build.target)
            ),
        ),
        Err(f) => ui.failed(&format!("#{n} {} (exit {})", f.message, f.exit as u8)),
    }
}

/// Blocks until a relevant change has been followed by `debounce` of quiet; false when the
/// watcher is gone.
fn wait_for_change(rx: &Receiver<notify::Result<Event>>, dir: &Path, debounce: Duration) -> bool {
    loop {
        match rx.recv() {
            Ok(Ok(event)) if relevant(&event, dir) => break,
            Ok(_) => continue,
            Err(_) => return false,
        }
    }
    loop {
        match rx.recv_timeout(debounce) {
            Ok(_) => continue,
            Err(RecvTimeoutError::Timeout) => return true,
            Err(RecvTimeoutError::Disconnected) => return false,
        }
    }
}

/// A write, creation, removal or rename of a Rust source under `src/` or of a manifest
/// file; not reads (cargo opens every source while building) nor the output directory.
fn relevant(event: &Event, dir: &Path) -> bool {
    let changes = match event.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        _ => false,
    };
    changes && event.paths.iter().any(|p| watched_file(p, dir))
}

fn watched_file(path: &Path, dir: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(dir) else {
        return false;
    };
    let mut parts = rel.components();
    let first = parts.next().map(|c| PathBuf::from(c.as_os_str()));
    match first {
        Some(f) if f == Path::new("src") => rel.extension().is_some_and(|e| e == "rs"),
        Some(f) => parts.next().is_none() && MANIFEST_FILES.iter().any(|m| f == Path::new(m)),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_files_trigger_a_build() {
        let dir = Path::new("/c");
        for yes in [
            "/c/src/lib.rs",
            "/c/src/a/b.rs",
            "/c/Cargo.toml",
            "/c/build.rs",
        ] {
            assert!(watched_file(Path::new(yes), dir), "{yes}");
        }
        for no in [
            "/c/pkg/x.js",
            "/c/src/.lib.rs.swp",
            "/c/src/4913",
            "/c/target/x.rs",
            "/c/README.md",
            "/d/src/lib.rs",
        ] {
            assert!(!watched_file(Path::new(no), dir), "{no}");
        }
    }

    #[test]
    fn reads_do_not_trigger_a_build() {
        let event = |kind| Event::new(kind).add_path(PathBuf::from("/c/src/lib.rs"));
        let dir = Path::new("/c");
        assert!(!relevant(
            &event(EventKind::Access(AccessKind::Open(AccessMode::Any))),
            dir
        ));
        assert!(relevant(
            &event(EventKind::Access(AccessKind::Close(AccessMode::Write))),
            dir
        ));
        assert!(relevant(&event(EventKind::Modify(ModifyKind::Any)), dir));
    }
}
