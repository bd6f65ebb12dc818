//! Runs the project model's wasm32 `cargo build` under tokio, so a newer save can kill it,
//! and folds its JSON lines with the model's reader (the `.wasm`, rustc's diagnostics).

use std::process::Stdio;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;
use wbg_project::build::{self, Diagnostics, Log, Options};
use wbg_project::Project;

use crate::config::Config;

/// What a build said.
#[derive(Debug)]
pub struct BuildResult {
    pub log: Log,
    /// What cargo printed on stderr (shown when the build fails without rustc messages).
    pub stderr: String,
}

/// [`build::command`] for `project` with the server's settings. The child is killed if
/// this future is dropped (a newer save cancels the build).
pub async fn build(project: &Project, config: &Config) -> std::io::Result<BuildResult> {
    let options = Options {
        profile: config.profile(),
        cargo_args: &config.cargo_args,
        diagnostics: Diagnostics::Json,
        quiet: false,
        color: false,
    };
    let mut child = Command::from(build::command(project, &options))
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let err_reader = tokio::spawn(async move {
        let mut s = String::new();
        let _ = tokio::io::AsyncReadExt::read_to_string(&mut stderr, &mut s).await;
        s
    });
    let mut log = Log::new(project.id());
    let mut lines = BufReader::new(stdout).lines();
    while let Some(line) = lines.next_line().await? {
        log.add_line(&line);
    }
    let status = child.wait().await?;
    log.success &= status.success();
    Ok(BuildResult {
        log,
        stderr: err_reader.await.unwrap_or_default(),
    })
}
