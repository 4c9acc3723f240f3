//! A static file server for `www/dist`, on loopback only, with the strict Content Security
//! Policy Träger portals use, so the demo shows (and the tests check) that Bogen works under it.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{anyhow, Result};
use tiny_http::{Header, Request, Response, Server};

/// The policy from the embedding guide: no inline script or style, wasm allowed, nothing foreign.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/// The headers a URL path gets besides type and caching: its Content-Security-Policy and
/// whatever else the caller wants there.
pub type Policy = fn(&str) -> &'static [(&'static str, &'static str)];

/// Serves until the process ends.
pub fn run(dist: &Path, port: u16) -> Result<()> {
    let server = Server::http(("127.0.0.1", port)).map_err(|e| anyhow!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!("Bogen demo portal: http://127.0.0.1:{port}/  (Ctrl+C ends)");
    serve(&server, dist, strict);
    Ok(())
}

/// Serves on a free port in background threads; returns the base URL. Ends with the process.
pub fn spawn(dist: &Path) -> Result<String> {
    spawn_with(dist, strict)
}

/// Like [`spawn`], with the policy chosen per path: the bench serves a reference app that
/// cannot run under the strict policy next to Bogen's pages, and isolates both pages so their
/// clocks are precise.
pub fn spawn_with(dist: &Path, policy: Policy) -> Result<String> {
    let server = Arc::new(Server::http("127.0.0.1:0").map_err(|e| anyhow!("cannot listen on loopback: {e}"))?);
    let addr = server.server_addr().to_ip().ok_or_else(|| anyhow!("server has no IP address"))?;
    for _ in 0..4 {
        let (server, dist) = (server.clone(), dist.to_path_buf());
        std::thread::spawn(move || serve(&server, &dist, policy));
    }
    Ok(format!("http://{addr}/"))
}

fn strict(_path: &str) -> &'static [(&'static str, &'static str)] {
    &[("Content-Security-Policy", CSP)]
}

fn serve(server: &Server, dist: &Path, policy: Policy) {
    let root = dist.canonicalize().unwrap_or_else(|_| dist.to_path_buf());
    for request in server.incoming_requests() {
        // One thread per request: a browser asks for half a dozen files at once, and one slow
        // answer (the wasm to a busy client) must not hold up the others.
        let root = root.clone();
        std::thread::spawn(move || {
            let response = respond(&root, &request, policy);
            // A client that went away is no reason to stop serving.
            let _ = request.respond(response);
        });
    }
}

fn respond(root: &Path, request: &Request, policy: Policy) -> Response<std::io::Cursor<Vec<u8>>> {
    let path = request.url().split(['?', '#']).next().unwrap_or("/");
    let (status, body, mime) = match resolve(root, path).and_then(|p| fs::read(&p).ok().map(|b| (b, p))) {
        Some((body, file)) => (200, body, mime(&file)),
        None => (404, b"not found".to_vec(), "text/plain; charset=utf-8"),
    };
    let mut response = Response::from_data(body).with_status_code(status);
    let fixed = [
        ("Content-Type", mime),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-cache"),
    ];
    for &(name, value) in fixed.iter().chain(policy(path)) {
        response.add_header(Header::from_bytes(name, value).expect("static header names and values are valid"));
    }
    response
}

/// Maps a URL path to a file inside `root`, refusing anything that leaves it.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = url_path.trim_start_matches('/');
    if relative.split('/').any(|seg| seg == ".." || seg.contains('\\')) {
        return None;
    }
    let mut path = root.join(relative);
    if path.is_dir() {
        path = path.join("index.html");
    }
    let real = path.canonicalize().ok()?;
    real.starts_with(root).then_some(real)
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_site() {
        let dir = std::env::temp_dir().join(format!("bogen-serve-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("index.html"), "x").unwrap();
        let root = dir.canonicalize().unwrap();
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(resolve(&root, "/../etc/passwd"), None);
        assert_eq!(resolve(&root, "/sub/..%2f"), None);
        assert_eq!(resolve(&root, "/missing.js"), None);
        fs::remove_dir_all(&dir).unwrap();
    }
}
