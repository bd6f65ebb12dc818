//! A tiny HTTP/1.1 server on 127.0.0.1 for the browser run: serves the generated files
//! (GET) and receives the harness's events (POST /event). One thread per connection and
//! `Connection: close` keep it simple; it lives until the runner exits.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use super::session::{Event, EventKind};

/// Starts serving `root`; returns the address to open.
pub fn start(root: PathBuf, events: Sender<Event>) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            let events = events.clone();
            std::thread::spawn(move || {
                let _ = handle(stream, &root, &events);
            });
        }
    });
    Ok(addr)
}

fn handle(stream: TcpStream, root: &Path, events: &Sender<Event>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let mut content_length = 0usize;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut stream = stream;
    match method {
        "POST" if path == "/event" => {
            let mut body = vec![0; content_length];
            reader.read_exact(&mut body)?;
            if let Ok(value) = serde_json::from_slice::<serde_json::Value>(&body) {
                let generation = value["g"].as_u64().unwrap_or(0);
                let _ = events.send(Event {
                    generation,
                    kind: EventKind::Harness(value),
                });
            }
            respond(&mut stream, "204 No Content", "text/plain", &[])
        }
        "GET" => match file(root, path) {
            Some((bytes, mime)) => respond(&mut stream, "200 OK", mime, &bytes),
            None => respond(&mut stream, "404 Not Found", "text/plain", b"not found"),
        },
        _ => respond(&mut stream, "405 Method Not Allowed", "text/plain", &[]),
    }
}

/// The file under `root` for a URL path, with its MIME type (`application/wasm` lets the
/// browser compile while downloading).
fn file(root: &Path, url_path: &str) -> Option<(Vec<u8>, &'static str)> {
    let relative = url_path.trim_start_matches('/');
    let relative = if relative.is_empty() {
        "index.html"
    } else {
        relative
    };
    if relative
        .split('/')
        .any(|part| part == ".." || part.is_empty())
    {
        return None;
    }
    let path = root.join(relative);
    let mime = match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("wasm") => "application/wasm",
        _ => "application/octet-stream",
    };
    std::fs::read(path).ok().map(|bytes| (bytes, mime))
}

fn respond(stream: &mut TcpStream, status: &str, mime: &str, body: &[u8]) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    fn request(addr: SocketAddr, raw: &str) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(raw.as_bytes()).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn serves_files_and_receives_events() {
        let root = std::env::temp_dir().join(format!("wbg-server-test-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("index.html"), "<p>hi</p>").unwrap();
        std::fs::write(root.join("m_bg.wasm"), b"\0asm").unwrap();
        let (tx, rx) = channel();
        let addr = start(root.clone(), tx).unwrap();

        let index = request(addr, "GET /?from=2 HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(index.starts_with("HTTP/1.1 200 OK\r\n"), "{index}");
        assert!(index.ends_with("<p>hi</p>"), "{index}");
        let wasm = request(addr, "GET /m_bg.wasm HTTP/1.1\r\n\r\n");
        assert!(wasm.contains("Content-Type: application/wasm"), "{wasm}");
        let escape = request(addr, "GET /../etc/passwd HTTP/1.1\r\n\r\n");
        assert!(escape.starts_with("HTTP/1.1 404"), "{escape}");

        let body = r#"{"ev":"done","g":3}"#;
        let posted = request(
            addr,
            &format!(
                "POST /event HTTP/1.1\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            ),
        );
        assert!(posted.starts_with("HTTP/1.1 204"), "{posted}");
        let event = rx.recv_timeout(Duration::from_secs(5)).unwrap();
        assert_eq!(event.generation, 3);
        assert_eq!(
            event.kind,
            EventKind::Harness(serde_json::json!({"ev": "done", "g": 3}))
        );
        let _ = std::fs::remove_dir_all(root);
    }
}
