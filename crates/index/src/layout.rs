//! The index directory: what it holds, its generations, and removing only what govmine
//! and tantivy wrote.
//!
//! ```text
//! index/
//!   govmine.json      marker and metadata (meta.rs): names the committed generation
//!   .govmine.lock     the writer lock (lock.rs)
//!   g1/               a generation: one tantivy index, marked by .govmine-generation
//! ```
//!
//! A rebuild writes a new generation beside the committed one and swaps it in by
//! rewriting `govmine.json`; the old generation is removed after. Removal never walks a
//! directory deleting what it finds: it deletes the files tantivy lists as its own in
//! `.managed.json`, tantivy's fixed file names and govmine's, then removes the folder
//! only if that left it empty.

use std::path::{Path, PathBuf};

use crate::lock::LOCK_FILE;
use crate::meta::{self, Found, IndexMeta, Legacy, META_FILE};
use crate::{Error, Result};

/// The file that marks a generation directory as govmine's.
pub const GENERATION_MARK: &str = ".govmine-generation";

/// tantivy's own bookkeeping files, beside those `.managed.json` lists.
const TANTIVY_FILES: [&str; 4] = [
    "meta.json",
    ".managed.json",
    ".tantivy-writer.lock",
    ".tantivy-meta.lock",
];

/// What a directory holds, as govmine sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holds {
    /// Missing, or empty but for `.git*` files and govmine's lock file.
    Nothing,
    /// govmine's index of this format.
    Current(IndexMeta),
    /// govmine's index of another (future) format.
    OtherFormat(u32),
    /// A govmine index of format 6 or older.
    Legacy(Legacy),
    /// A path that is not a directory, or a directory holding something else.
    Foreign,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

/// Look at `dir` without changing anything.
pub fn inspect(dir: &Path) -> Result<Holds> {
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Holds::Nothing),
        Err(e) => return Err(io(dir)(e)),
        Ok(m) if !m.is_dir() => return Ok(Holds::Foreign),
        Ok(_) => {}
    }
    Ok(match meta::read(dir)? {
        Found::Current(m) => Holds::Current(m),
        Found::OtherFormat(f) => Holds::OtherFormat(f),
        Found::Legacy(l) if dir.join("meta.json").is_file() => Holds::Legacy(l),
        Found::Absent if is_empty(dir)? => Holds::Nothing,
        Found::Legacy(_) | Found::Foreign | Found::Absent => Holds::Foreign,
    })
}

/// Empty but for `.git*` files (`.gitkeep`), govmine's lock file and the marker being
/// written by a first ingest that has just taken the lock?
fn is_empty(dir: &Path) -> Result<bool> {
    let entries = std::fs::read_dir(dir).map_err(io(dir))?;
    Ok(entries.filter_map(|e| e.ok()).all(|e| {
        let name = e.file_name();
        let name = name.to_string_lossy();
        name.starts_with(".git") || name == LOCK_FILE || name == meta::TEMP_FILE
    }))
}

/// The generation directories in `dir` (those holding [`GENERATION_MARK`]), by name.
pub fn generations(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join(GENERATION_MARK).is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    names
}

/// Create a new, empty generation directory (marked as govmine's) and return its name.
pub fn new_generation(dir: &Path) -> Result<String> {
    let next = generations(dir)
        .iter()
        .filter_map(|n| n.strip_prefix('g')?.parse::<u64>().ok())
        .max()
        .map_or(1, |n| n + 1);
    let name = format!("g{next}");
    let path = dir.join(&name);
    std::fs::create_dir(&path).map_err(io(&path))?;
    let mark = path.join(GENERATION_MARK);
    std::fs::write(&mark, "a generation of a govmine index\n").map_err(io(&mark))?;
    Ok(name)
}

/// Remove generations other than those in `keep`: what a killed build left (the caller
/// holds the lock).
pub fn remove_stale_generations(dir: &Path, keep: &[&str]) -> Result<()> {
    for name in generations(dir) {
        if !keep.contains(&name.as_str()) {
            remove_tantivy_index(&dir.join(&name), true)?;
        }
    }
    Ok(())
}

/// Delete a tantivy index's files from `dir`: those its `.managed.json` lists, tantivy's
/// own files and (for a generation) govmine's mark; then the folder itself when
/// `generation` and it is empty. Anything else in it stays.
pub fn remove_tantivy_index(dir: &Path, generation: bool) -> Result<()> {
    for name in managed_files(dir) {
        remove_if_present(&dir.join(name))?;
    }
    for name in TANTIVY_FILES {
        remove_if_present(&dir.join(name))?;
    }
    if generation {
        remove_if_present(&dir.join(GENERATION_MARK))?;
        // Not empty: something that is not govmine's is in there; leave it.
        let _ = std::fs::remove_dir(dir);
    }
    Ok(())
}

/// Remove the temporary files of tantivy's atomic writes (`.tmp` and six letters or
/// digits, from the `tempfile` crate) that a killed writer left in a generation
/// directory: only govmine and tantivy write there (the caller holds the lock).
pub fn remove_interrupted_writes(generation: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(generation) else {
        return Ok(());
    };
    for e in entries.filter_map(|e| e.ok()) {
        let name = e.file_name();
        let is_temp = name
            .to_str()
            .and_then(|n| n.strip_prefix(".tmp"))
            .is_some_and(|rest| rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()));
        if is_temp && e.file_type().is_ok_and(|t| t.is_file()) {
            remove_if_present(&e.path())?;
        }
    }
    Ok(())
}

/// The files tantivy lists as its own in `.managed.json` (plain names only: a listed
/// path that leaves the folder is ignored).
fn managed_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(bytes) = std::fs::read(dir.join(".managed.json")) else {
        return Vec::new();
    };
    let names: Vec<PathBuf> = serde_json::from_slice(&bytes).unwrap_or_default();
    names
        .into_iter()
        .filter(|p| p.components().count() == 1 && p.file_name().is_some())
        .collect()
}

fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(path)(e)),
        _ => Ok(()),
    }
}

/// Bytes of every file under `dir`, in every subdirectory (what the index takes on disk).
pub fn size(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok())
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => size(&e.path()),
            Ok(t) if t.is_file() => e.metadata().map_or(0, |m| m.len()),
            _ => 0,
        })
        .sum()
}

/// Does `dir` hold [`META_FILE`]?
pub fn has_meta(dir: &Path) -> bool {
    dir.join(META_FILE).is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_of_someone_elses_files_is_foreign() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        assert_eq!(inspect(&d.join("new")).unwrap(), Holds::Nothing);
        assert_eq!(inspect(d).unwrap(), Holds::Nothing);
        std::fs::write(d.join(".gitkeep"), "").unwrap();
        std::fs::write(d.join(LOCK_FILE), "123").unwrap();
        assert_eq!(inspect(d).unwrap(), Holds::Nothing);
        // The tester's case: a meta.json and a thesis, no marker.
        std::fs::write(d.join("meta.json"), "{}").unwrap();
        std::fs::write(d.join("thesis.docx"), "thesis").unwrap();
        assert_eq!(inspect(d).unwrap(), Holds::Foreign);
        std::fs::write(d.join("govmine.json"), r#"{"format":3}"#).unwrap();
        assert_eq!(inspect(d).unwrap(), Holds::Foreign);
        assert_eq!(inspect(&d.join("thesis.docx")).unwrap(), Holds::Foreign);
    }

    #[test]
    fn removing_an_index_leaves_what_tantivy_does_not_list() {
        let dir = tempfile::tempdir().unwrap();
        let g = dir.path().join(new_generation(dir.path()).unwrap());
        assert_eq!(generations(dir.path()), ["g1"]);
        for f in ["a.idx", "a.store", "meta.json", "notes.txt"] {
            std::fs::write(g.join(f), f).unwrap();
        }
        std::fs::write(
            g.join(".managed.json"),
            r#"["a.idx","a.store","../escape.txt","meta.json"]"#,
        )
        .unwrap();
        std::fs::write(dir.path().join("escape.txt"), "mine").unwrap();
        assert_eq!(new_generation(dir.path()).unwrap(), "g2");
        remove_stale_generations(dir.path(), &["g2"]).unwrap();
        // g1 keeps the file tantivy did not write, so the folder stays; g2 is untouched.
        let left: Vec<_> = std::fs::read_dir(&g)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(left, ["notes.txt"]);
        assert!(dir.path().join("escape.txt").exists());
        assert_eq!(generations(dir.path()), ["g2"]);
        std::fs::remove_file(g.join("notes.txt")).unwrap();
        remove_tantivy_index(&g, true).unwrap();
        assert!(!g.exists());
        // A killed atomic write's temporary file goes; a look-alike of another shape stays.
        let g2 = dir.path().join("g2");
        std::fs::write(g2.join(".tmpAb12Cd"), "").unwrap();
        std::fs::write(g2.join(".tmp-notes"), "").unwrap();
        remove_interrupted_writes(&g2).unwrap();
        assert!(!g2.join(".tmpAb12Cd").exists() && g2.join(".tmp-notes").exists());
        assert!(size(dir.path()) > 0);
    }
}
