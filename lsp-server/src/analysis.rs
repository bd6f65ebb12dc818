//! Runs core-gen work off the async loop, inside `catch_unwind`: a bug in analysis becomes
//! an error reply (or a log line), never a dead server.

use std::panic::{catch_unwind, AssertUnwindSafe};

use tower_lsp_server::jsonrpc;

/// Runs `work` on a blocking thread. Afterwards the thread's proc_macro2 span table is
/// freed: every parse adds the whole text to it, and results hold no spans (core-gen's
/// `ide` returns positions), so nothing refers to it any more.
pub async fn run<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let joined = tokio::task::spawn_blocking(move || {
        let result = catch_unwind(AssertUnwindSafe(work));
        proc_macro2::extra::invalidate_current_thread_spans();
        result
    })
    .await;
    match joined {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(panic)) => Err(panic_message(panic.as_ref())),
        Err(e) => Err(format!("analysis task failed: {e}")),
    }
}

/// `run` for request handlers: a panic becomes a JSON-RPC internal error.
pub async fn request<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> jsonrpc::Result<T> {
    run(work).await.map_err(|msg| {
        let mut e = jsonrpc::Error::internal_error();
        e.message = format!("internal error in wbg-lsp (please report it): {msg}").into();
        e
    })
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panic_becomes_an_error_reply() {
        let err = request(|| -> u32 { panic!("boom") }).await.unwrap_err();
        assert!(err.message.contains("boom"), "{}", err.message);
        assert_eq!(request(|| 7).await.unwrap(), 7);
    }
}
