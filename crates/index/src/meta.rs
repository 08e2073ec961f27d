//! `govmine.json`: govmine's marker in an index directory and what built the index.
//!
//! The file is written before anything else when an index is created, so a directory
//! holding it is govmine's; `kind` is [`MARKER`], which tells it from a `govmine.json`
//! somebody else wrote. `generation` names the subdirectory holding the committed
//! tantivy index (`None` until the first ingest commits). It is replaced atomically
//! (a temporary file, fsync, rename), so readers see the old index or the new one.
//!
//! Indexes of format 6 and older had no marker and kept tantivy's files at the top of
//! the directory ([`Legacy`]).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// File name of the metadata, inside the index directory.
pub const META_FILE: &str = "govmine.json";

/// The temporary file `govmine.json` is written to before it is renamed.
pub const TEMP_FILE: &str = ".govmine.json.tmp";

/// `kind` of a govmine index's `govmine.json`.
pub const MARKER: &str = "govmine index";

/// What built an index, and where its committed tantivy index is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexMeta {
    /// Always [`MARKER`].
    pub kind: String,
    /// Index format ([`crate::FORMAT`]).
    pub format: u32,
    /// govmine version that last wrote it.
    pub govmine_version: String,
    /// Hash of the dictionaries and folding table used to tokenize it.
    pub dict_hash: String,
    /// Hash of the gazetteer used to place it.
    pub gazetteer_hash: String,
    /// The subdirectory holding the committed tantivy index; `None` before the first commit.
    pub generation: Option<String>,
    /// What ingests read into it, so `--rebuild` can read them again.
    #[serde(default)]
    pub inputs: Vec<InputRoot>,
}

/// A path given to an ingest, as recorded in the index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct InputRoot {
    /// The path, made absolute.
    pub path: PathBuf,
    /// `--text-field` it was read with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_field: Option<String>,
}

/// The `govmine.json` of an index of format 6 or older (no marker, tantivy's files at
/// the top of the directory).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Legacy {
    /// Its format.
    pub format: u32,
    /// govmine version that wrote it.
    pub govmine_version: String,
    /// Dictionaries' hash.
    pub dict_hash: String,
    /// Gazetteer's hash.
    pub gazetteer_hash: String,
}

/// What a directory's `govmine.json` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// No `govmine.json`.
    Absent,
    /// govmine's marker, this format.
    Current(IndexMeta),
    /// govmine's marker, another format.
    OtherFormat(u32),
    /// An index of format 6 or older.
    Legacy(Legacy),
    /// A `govmine.json` that is not govmine's.
    Foreign,
}

fn path_of(dir: &Path) -> PathBuf {
    dir.join(META_FILE)
}

/// Read and classify `govmine.json`.
pub fn read(dir: &Path) -> Result<Found> {
    let path = path_of(dir);
    let text = match std::fs::read(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Absent),
        Err(source) => return Err(Error::Io { path, source }),
    };
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&text) else {
        return Ok(Found::Foreign);
    };
    Ok(classify(value))
}

fn classify(value: serde_json::Value) -> Found {
    let format = value.get("format").and_then(|f| f.as_u64());
    let marked = value.get("kind").and_then(|k| k.as_str()) == Some(MARKER);
    match (marked, format) {
        (true, Some(f)) if f == u64::from(crate::FORMAT) => serde_json::from_value(value)
            .map(Found::Current)
            .unwrap_or(Found::Foreign),
        (true, Some(f)) => Found::OtherFormat(f as u32),
        (false, Some(f)) if f < 7 => serde_json::from_value::<Legacy>(value)
            .ok()
            .filter(|l| is_hash(&l.dict_hash) && is_hash(&l.gazetteer_hash))
            .map_or(Found::Foreign, Found::Legacy),
        _ => Found::Foreign,
    }
}

/// A blake3 hex digest, as govmine writes its hashes.
fn is_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Write `govmine.json` atomically: a temporary file, fsync, rename, fsync the directory.
pub fn write(dir: &Path, meta: &IndexMeta) -> Result<()> {
    let path = path_of(dir);
    let tmp = dir.join(TEMP_FILE);
    let text = serde_json::to_string_pretty(meta).expect("IndexMeta serializes");
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Io { path, source }
    };
    let mut f = std::fs::File::create(&tmp).map_err(io(&tmp))?;
    f.write_all(text.as_bytes()).map_err(io(&tmp))?;
    f.sync_all().map_err(io(&tmp))?;
    std::fs::rename(&tmp, &path).map_err(io(&path))?;
    // Make the rename itself durable.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: &str = "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262";

    fn found(json: &str) -> Found {
        classify(serde_json::from_str(json).unwrap())
    }

    #[test]
    fn only_govmine_marked_files_are_current() {
        let current = format!(
            r#"{{"kind":"govmine index","format":{},"govmine_version":"0.1.0","dict_hash":"{H}","gazetteer_hash":"{H}","generation":"g1"}}"#,
            crate::FORMAT
        );
        assert!(
            matches!(found(&current), Found::Current(m) if m.generation.as_deref() == Some("g1") && m.inputs.is_empty())
        );
        assert_eq!(
            found(r#"{"kind":"govmine index","format":99}"#),
            Found::OtherFormat(99)
        );
        // Somebody else's govmine.json, or a sketch of one, is not an index of ours.
        assert_eq!(found("{}"), Found::Foreign);
        assert_eq!(found(r#"{"format":1}"#), Found::Foreign);
        assert_eq!(
            found(r#"{"format":1,"govmine_version":"0.0.1","dict_hash":"x","gazetteer_hash":"y"}"#),
            Found::Foreign
        );
    }

    #[test]
    fn a_format_6_index_is_legacy() {
        let old = format!(
            r#"{{"format":6,"govmine_version":"0.1.0","dict_hash":"{H}","gazetteer_hash":"{H}"}}"#
        );
        assert!(matches!(found(&old), Found::Legacy(l) if l.format == 6));
    }

    #[test]
    fn write_then_read_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()).unwrap(), Found::Absent);
        let meta = IndexMeta {
            kind: MARKER.into(),
            format: crate::FORMAT,
            govmine_version: "0.1.0".into(),
            dict_hash: H.into(),
            gazetteer_hash: H.into(),
            generation: None,
            inputs: vec![InputRoot {
                path: "/data/corpus".into(),
                text_field: Some("正文".into()),
            }],
        };
        write(dir.path(), &meta).unwrap();
        assert_eq!(read(dir.path()).unwrap(), Found::Current(meta));
        std::fs::write(dir.path().join(META_FILE), "not json").unwrap();
        assert_eq!(read(dir.path()).unwrap(), Found::Foreign);
    }
}
