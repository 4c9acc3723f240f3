//! Writing what a command made, whole or not at all.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::failure::Unusable;
use crate::input;
use crate::output::Output;

/// To the file `-o` names, or standard output without it or for `-`.
pub fn to(output: Option<&Path>, bytes: &[u8], out: &Output) -> Result<(), Unusable> {
    match output {
        Some(path) if path != Path::new("-") => whole(path, bytes),
        _ => out.stdout_bytes(bytes),
    }
}

/// Writes through a temporary file beside the target and renames it, so a reader never sees
/// half a file, and a failed run leaves an existing file as it was.
pub fn whole(path: &Path, bytes: &[u8]) -> Result<(), Unusable> {
    let fail = |e: std::io::Error| Unusable::file(path, format!("cannot write: {}", input::io_reason(&e)));
    let name = path.file_name().ok_or_else(|| Unusable::file(path, "is not a file name"))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp: PathBuf = path.with_file_name(temp_name);
    let written = fs::File::create(&temp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| fs::rename(&temp, path)) {
        let _ = fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}
