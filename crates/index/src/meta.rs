//! `govmine.json`: what built an index, written after each successful commit.
//!
//! Its absence in a directory that holds index files means the first ingest was killed
//! before it committed.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// File name of the metadata, inside the index directory.
pub const META_FILE: &str = "govmine.json";

/// What built an index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexMeta {
    /// Index format ([`crate::FORMAT`]).
    pub format: u32,
    /// govmine version that last wrote it.
    pub govmine_version: String,
    /// Hash of the dictionaries and folding table used to tokenize it.
    pub dict_hash: String,
    /// Hash of the gazetteer used to place it.
    pub gazetteer_hash: String,
}

fn path_of(dir: &Path) -> PathBuf {
    dir.join(META_FILE)
}

/// Read `govmine.json`, or `None` when it is absent.
pub fn read(dir: &Path) -> Result<Option<IndexMeta>> {
    let path = path_of(dir);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(Error::Io { path, source }),
    };
    // Read the format first, so an index from a future format gets a clear message.
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| Error::Meta {
        path: path.clone(),
        message: e.to_string(),
    })?;
    let format = value.get("format").and_then(|f| f.as_u64()).unwrap_or(0) as u32;
    if format != crate::FORMAT {
        return Err(Error::Incompatible {
            path: dir.to_owned(),
            found: format,
            expected: crate::FORMAT,
        });
    }
    serde_json::from_value(value)
        .map(Some)
        .map_err(|e| Error::Meta {
            path,
            message: e.to_string(),
        })
}

/// Write `govmine.json` atomically (write a temp file, then rename).
pub fn write(dir: &Path, meta: &IndexMeta) -> Result<()> {
    let path = path_of(dir);
    let tmp = dir.join(".govmine.json.tmp");
    let text = serde_json::to_string_pretty(meta).expect("IndexMeta serializes");
    std::fs::write(&tmp, text).map_err(|source| Error::Io {
        path: tmp.clone(),
        source,
    })?;
    std::fs::rename(&tmp, &path).map_err(|source| Error::Io { path, source })
}
