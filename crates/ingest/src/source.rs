//! Inputs: walk folders, and turn files and record corpora into raw documents.
//!
//! Files: `.txt`, `.md`, `.html`/`.htm` (one report each). Record corpora: `.jsonl` /
//! `.ndjson` (one report a line) and `.csv` (one a row). A document's id is its path
//! relative to the ingest root, plus `#N` (1-based record number) for records.

use std::path::{Path, PathBuf};

use govmine_text::Hints;
use walkdir::WalkDir;

/// Files bigger than this are skipped.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// What kind of input a file is, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Plain text or Markdown.
    Text,
    /// HTML page.
    Html,
    /// One JSON object a line.
    Jsonl,
    /// One record a row.
    Csv,
}

impl FileKind {
    /// The kind of a path, or `None` for an unsupported extension.
    pub fn of(path: &Path) -> Option<FileKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "md" | "text" => FileKind::Text,
            "html" | "htm" | "shtml" | "xhtml" => FileKind::Html,
            "jsonl" | "ndjson" => FileKind::Jsonl,
            "csv" => FileKind::Csv,
            _ => return None,
        })
    }
}

/// A file found under an ingest root.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// Path as found.
    pub path: PathBuf,
    /// Path relative to the root (the document id, or its prefix for records).
    pub id: String,
    /// Kind by extension.
    pub kind: FileKind,
    /// Size in bytes.
    pub bytes: u64,
}

/// Something the walk could not use, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// The file or record (`path` or `path#N`).
    pub what: String,
    /// Short reason key for the summary (`binary`, `empty`, `unsupported`, …).
    pub reason: &'static str,
    /// One clear line for stderr.
    pub message: String,
}

/// Walk the given paths: files in a stable order, plus what was skipped.
pub fn walk(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<Skip>) {
    let mut files = Vec::new();
    let mut skips = Vec::new();
    for root in paths {
        if !root.exists() {
            skips.push(Skip {
                what: root.display().to_string(),
                reason: "missing",
                message: format!("{}: no such file or directory", root.display()),
            });
            continue;
        }
        let base = if root.is_file() {
            root.parent().map(Path::to_path_buf).unwrap_or_default()
        } else {
            root.clone()
        };
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let what = e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| root.display().to_string());
                    let reason = if e.loop_ancestor().is_some() {
                        "symlink loop"
                    } else {
                        "unreadable"
                    };
                    skips.push(Skip {
                        message: format!("{what}: {reason}: {e}"),
                        what,
                        reason,
                    });
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path().to_path_buf();
            let id = path
                .strip_prefix(&base)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let Some(kind) = FileKind::of(&path) else {
                skips.push(Skip {
                    what: path.display().to_string(),
                    reason: "unsupported type",
                    message: format!(
                        "{}: skipped: not a supported type (.txt .md .html .htm .jsonl .ndjson .csv)",
                        path.display()
                    ),
                });
                continue;
            };
            let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
            if bytes > MAX_FILE_BYTES {
                skips.push(Skip {
                    what: path.display().to_string(),
                    reason: "too large",
                    message: format!(
                        "{}: skipped: {} MB is over the {} MB limit for one file",
                        path.display(),
                        bytes / 1_000_000,
                        MAX_FILE_BYTES / 1_000_000
                    ),
                });
                continue;
            }
            files.push(InputFile {
                path,
                id,
                kind,
                bytes,
            });
        }
    }
    (files, skips)
}

/// A document before decoding and cleaning.
#[derive(Debug, Clone)]
pub struct RawDoc {
    /// Document id.
    pub id: String,
    /// Source file path.
    pub path: String,
    /// The text (records), or `None` when `bytes` still needs decoding (files).
    pub text: Option<String>,
    /// Raw bytes of a file.
    pub bytes: Vec<u8>,
    /// Encoding name, once known.
    pub encoding: &'static str,
    /// Metadata the source carries.
    pub hints: Hints,
}

/// Names of the text field, in order of preference.
pub const TEXT_FIELDS: [&str; 4] = ["content", "text", "full_text", "body"];

/// Metadata columns of a record (title, year, date, province, city, url).
fn hints_from(get: &dyn Fn(&str) -> Option<String>) -> Hints {
    let year = get("year").and_then(|y| {
        let y = y.trim().trim_end_matches('年');
        y.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y))
    });
    Hints {
        title: get("title").filter(|t| !t.trim().is_empty()),
        year,
        date: get("date")
            .or_else(|| get("publish_date"))
            .filter(|d| !d.trim().is_empty()),
        province: get("province").filter(|s| !s.is_empty()),
        city: get("city").filter(|s| !s.is_empty()),
        url: get("url").filter(|s| !s.is_empty()),
        html: false,
    }
}

/// Records of a JSONL text: each good line becomes a document; bad lines are skips.
pub fn jsonl_records(
    file: &InputFile,
    text: &str,
    text_field: Option<&str>,
    encoding: &'static str,
) -> (Vec<RawDoc>, Vec<Skip>) {
    let mut docs = Vec::new();
    let mut skips = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let what = format!("{}#{n}", file.id);
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                skips.push(Skip {
                    message: format!("{}:{n}: skipped line: malformed JSON ({e})", file.path.display()),
                    what,
                    reason: "malformed record",
                });
                continue;
            }
        };
        let Some(obj) = value.as_object() else {
            skips.push(Skip {
                message: format!("{}:{n}: skipped line: not a JSON object", file.path.display()),
                what,
                reason: "malformed record",
            });
            continue;
        };
        let get = |k: &str| -> Option<String> {
            match obj.get(k)? {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
        };
        match record_text(&get, text_field) {
            Ok(body) => docs.push(RawDoc {
                id: what,
                path: file.path.display().to_string(),
                text: Some(body),
                bytes: Vec::new(),
                encoding,
                hints: hints_from(&get),
            }),
            Err(why) => skips.push(Skip {
                message: format!("{}:{n}: skipped record: {why}", file.path.display()),
                what,
                reason: "empty",
            }),
        }
    }
    (docs, skips)
}

/// The text of a record: `--text-field`, else the first of [`TEXT_FIELDS`] present.
fn record_text(get: &dyn Fn(&str) -> Option<String>, text_field: Option<&str>) -> Result<String, String> {
    let found = match text_field {
        Some(f) => get(f).ok_or_else(|| format!("no `{f}` text"))?,
        None => TEXT_FIELDS
            .iter()
            .find_map(|f| get(f))
            .ok_or_else(|| "no text (content, text, full_text or body; or use --text-field)".to_string())?,
    };
    if found.trim().is_empty() {
        return Err("empty text".into());
    }
    Ok(found)
}

/// Records of a CSV text (header row first).
pub fn csv_records(
    file: &InputFile,
    text: &str,
    text_field: Option<&str>,
    encoding: &'static str,
) -> (Vec<RawDoc>, Vec<Skip>) {
    let mut docs = Vec::new();
    let mut skips = Vec::new();
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(|s| s.trim().trim_start_matches('\u{feff}').to_lowercase()).collect(),
        Err(e) => {
            skips.push(Skip {
                what: file.id.clone(),
                reason: "malformed record",
                message: format!("{}: skipped: unreadable CSV header ({e})", file.path.display()),
            });
            return (docs, skips);
        }
    };
    let has_text = match text_field {
        Some(f) => headers.iter().any(|h| h == &f.to_lowercase()),
        None => TEXT_FIELDS.iter().any(|f| headers.iter().any(|h| h == f)),
    };
    if !has_text {
        skips.push(Skip {
            what: file.id.clone(),
            reason: "no text column",
            message: format!(
                "{}: skipped: no text column ({}); name it with --text-field",
                file.path.display(),
                text_field.map(str::to_owned).unwrap_or_else(|| TEXT_FIELDS.join(", "))
            ),
        });
        return (docs, skips);
    }
    for (i, row) in rdr.records().enumerate() {
        let n = i + 1;
        let what = format!("{}#{n}", file.id);
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                skips.push(Skip {
                    message: format!("{}: record {n}: skipped: malformed CSV ({e})", file.path.display()),
                    what,
                    reason: "malformed record",
                });
                continue;
            }
        };
        let get = |k: &str| -> Option<String> {
            let i = headers.iter().position(|h| h == &k.to_lowercase())?;
            row.get(i).map(|s| s.to_string())
        };
        match record_text(&get, text_field) {
            Ok(body) => docs.push(RawDoc {
                id: what,
                path: file.path.display().to_string(),
                text: Some(body),
                bytes: Vec::new(),
                encoding,
                hints: hints_from(&get),
            }),
            Err(why) => skips.push(Skip {
                message: format!("{}: record {n}: skipped: {why}", file.path.display()),
                what,
                reason: "empty",
            }),
        }
    }
    (docs, skips)
}
