//! Inputs: walk folders, and turn files and record corpora into raw documents.
//!
//! Files: `.txt`, `.md`, `.html`/`.htm` (one report each). Record corpora: `.jsonl` /
//! `.ndjson` (one report a line) and `.csv` (one a row). A document's id is its path
//! relative to the ingest root, plus `#N` (1-based record number) for records; its
//! [`Origin`] is the file's absolute path (and the record number), which tells two files
//! with the same relative path apart. Bytes of a file name that are not UTF-8 are
//! written `\xNN` ([`path_text`]), so no two names become one.
//!
//! A record corpus is decoded as a whole (`govmine_text::decode_records`), then each line
//! (JSONL) or row (CSV) takes the binary test on its own: a binary-like one is one
//! skipped record, `binary` with its line or record number; a few NUL or control bytes are
//! removed from the line and from every field used (JSON `\u0000` escapes too), counted
//! in a [`Warning`]. No NUL reaches a record's text or metadata.

use std::cell::Cell;
use std::path::{Path, PathBuf};

use govmine_index::Origin;
use govmine_text::{scrub, strip_controls, Decoded, Encoding, Hints};
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
    /// The file's absolute path, as [`path_text`] writes it.
    pub file: String,
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

/// A document kept with a loss: still indexed, with one line saying what was lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file or record (`path` or `path#N`).
    pub what: String,
    /// What was lost, the key the summary counts by.
    pub kind: WarningKind,
    /// One clear line for stderr.
    pub message: String,
}

/// What a [`Warning`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// Invalid byte sequences read as U+FFFD.
    InvalidBytes,
    /// NUL and control bytes removed.
    ControlBytes,
}

impl WarningKind {
    /// How the summary names it: `invalid bytes`, `NUL/control bytes`.
    pub fn label(self) -> &'static str {
        match self {
            WarningKind::InvalidBytes => "invalid bytes",
            WarningKind::ControlBytes => "NUL/control bytes",
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The warnings of a decoded file (`what` its id, `at` its path for the message).
pub fn decode_warnings(what: &str, at: &str, decoded: &Decoded) -> Vec<Warning> {
    let mut out = Vec::new();
    let n = decoded.replaced;
    if n > 0 {
        out.push(Warning {
            what: what.to_owned(),
            kind: WarningKind::InvalidBytes,
            message: format!(
                "{at}: warning: {n} invalid byte sequence{} replaced by U+FFFD (read as {})",
                plural(n),
                decoded.encoding
            ),
        });
    }
    if decoded.removed > 0 {
        out.push(removed_warning(what, at, decoded.removed));
    }
    out
}

/// `n` NUL/control bytes removed from `what` (at `at`, e.g. `file:3`).
fn removed_warning(what: &str, at: &str, n: usize) -> Warning {
    Warning {
        what: what.to_owned(),
        kind: WarningKind::ControlBytes,
        message: format!("{at}: warning: {n} NUL/control byte{} removed", plural(n)),
    }
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
            let id = relative_id(path.strip_prefix(&base).unwrap_or(&path));
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
                file: path_text(&absolute(&path)),
                path,
                id,
                kind,
                bytes,
            });
        }
    }
    (files, skips)
}

/// A path as text: UTF-8 as it is, any other byte written `\xNN`.
pub fn path_text(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// A relative path as a document id: its components joined with `/` on every system.
fn relative_id(rel: &Path) -> String {
    let parts: Vec<String> = rel
        .components()
        .map(|c| path_text(Path::new(c.as_os_str())))
        .collect();
    parts.join("/")
}

/// The absolute, canonical form of a path (symlinks resolved), or the path joined to the
/// current directory when it cannot be resolved.
pub fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// A document before decoding and cleaning.
#[derive(Debug, Clone)]
pub struct RawDoc {
    /// Document id.
    pub id: String,
    /// Source file path.
    pub path: String,
    /// Record number (1-based) in a JSONL/CSV corpus.
    pub row: Option<usize>,
    /// The file (absolute) and record it comes from.
    pub origin: Origin,
    /// The text (records), or `None` when `bytes` still needs decoding (files).
    pub text: Option<String>,
    /// Raw bytes of a file.
    pub bytes: Vec<u8>,
    /// The encoding, once known.
    pub encoding: Option<Encoding>,
    /// Metadata the source carries.
    pub hints: Hints,
}

/// A record (or a CSV file) that could not be parsed, with the line saying where and why.
fn malformed(what: String, message: String) -> Skip {
    Skip {
        what,
        reason: "malformed record",
        message,
    }
}

/// A line or row that failed the binary test.
fn binary(what: String, message: String) -> Skip {
    Skip {
        what,
        reason: "binary",
        message,
    }
}

/// What the binary test says of a record, after `skipped line: ` or `skipped: `.
const BINARY_RECORD: &str = "binary (NUL or control bytes), not a report record";

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

/// The documents of a record corpus, the records skipped, and the ones kept with a loss.
#[derive(Debug, Default)]
pub struct Records {
    /// Good records, in order.
    pub docs: Vec<RawDoc>,
    /// Bad lines and rows (and a CSV file without a text column).
    pub skips: Vec<Skip>,
    /// Records whose NUL or control bytes were removed.
    pub warnings: Vec<Warning>,
}

impl Records {
    /// Keep a record (warning when `removed` bytes were taken out of it, at `at`), or its skip.
    fn push(&mut self, record: Result<(RawDoc, usize), Skip>, at: &str) {
        match record {
            Ok((doc, removed)) => {
                if removed > 0 {
                    self.warnings.push(removed_warning(&doc.id, at, removed));
                }
                self.docs.push(doc);
            }
            Err(skip) => self.skips.push(skip),
        }
    }
}

/// Records of a JSONL text: each good line becomes a document; bad lines are skips.
pub fn jsonl_records(
    file: &InputFile,
    text: &str,
    text_field: Option<&str>,
    encoding: Encoding,
) -> Records {
    let mut out = Records::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{}:{}", file.path.display(), i + 1);
        out.push(jsonl_record(file, i + 1, line, text_field, encoding), &at);
    }
    out
}

/// Line `n` of a JSONL file as a document, with how many NUL/control bytes it lost.
fn jsonl_record(
    file: &InputFile,
    n: usize,
    line: &str,
    text_field: Option<&str>,
    encoding: Encoding,
) -> Result<(RawDoc, usize), Skip> {
    let what = format!("{}#{n}", file.id);
    let at = format!("{}:{n}", file.path.display());
    // JSON allows no raw control bytes, so they go before parsing.
    let Ok(line) = scrub(line) else {
        return Err(binary(what, format!("{at}: skipped line: {BINARY_RECORD}")));
    };
    let value: serde_json::Value = serde_json::from_str(&line.text).map_err(|e| {
        malformed(
            what.clone(),
            format!("{at}: skipped line: malformed JSON ({e})"),
        )
    })?;
    let Some(obj) = value.as_object() else {
        return Err(malformed(
            what,
            format!("{at}: skipped line: not a JSON object"),
        ));
    };
    let get = |k: &str| -> Option<String> {
        match obj.get(k)? {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let escaped = Cell::new(0);
    let doc = record_doc(
        file,
        what,
        &at,
        &stripped(&get, &escaped),
        text_field,
        encoding,
    )?;
    Ok((doc, line.removed + escaped.get()))
}

/// `get` with the NUL and control chars of every value removed, counted in `removed`.
fn stripped<'a>(
    get: &'a dyn Fn(&str) -> Option<String>,
    removed: &'a Cell<usize>,
) -> impl Fn(&str) -> Option<String> + 'a {
    move |k| {
        let value = get(k)?;
        let clean = strip_controls(&value);
        if clean.removed == 0 {
            return Some(value);
        }
        removed.set(removed.get() + clean.removed);
        Some(clean.text.into_owned())
    }
}

/// One record as a document, or the skip (at `at`, e.g. `file:3`) saying it has no text.
fn record_doc(
    file: &InputFile,
    id: String,
    at: &str,
    get: &dyn Fn(&str) -> Option<String>,
    text_field: Option<&str>,
    encoding: Encoding,
) -> Result<RawDoc, Skip> {
    match record_text(get, text_field) {
        Ok(body) => {
            let row = id.rsplit_once('#').and_then(|(_, n)| n.parse().ok());
            Ok(RawDoc {
                row,
                origin: Origin {
                    file: file.file.clone(),
                    row,
                },
                id,
                path: path_text(&file.path),
                text: Some(body),
                bytes: Vec::new(),
                encoding: Some(encoding),
                hints: hints_from(get),
            })
        }
        Err(why) => Err(Skip {
            message: format!("{at}: skipped record: {why}"),
            what: id,
            reason: "empty",
        }),
    }
}

/// The text of a record: `--text-field`, else the first of [`TEXT_FIELDS`] present.
fn record_text(
    get: &dyn Fn(&str) -> Option<String>,
    text_field: Option<&str>,
) -> Result<String, String> {
    let found = match text_field {
        Some(f) => get(f).ok_or_else(|| format!("no `{f}` text"))?,
        None => TEXT_FIELDS.iter().find_map(|f| get(f)).ok_or_else(|| {
            "no text (content, text, full_text or body; or use --text-field)".to_string()
        })?,
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
    encoding: Encoding,
) -> Records {
    let mut out = Records::default();
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match csv_headers(file, &mut rdr, text_field) {
        Ok(h) => h,
        Err(skip) => {
            out.skips.push(skip);
            return out;
        }
    };
    for (i, row) in rdr.records().enumerate() {
        let at = format!("{}: record {}", file.path.display(), i + 1);
        let record = row
            .map_err(|e| {
                let what = format!("{}#{}", file.id, i + 1);
                malformed(what, format!("{at}: skipped: malformed CSV ({e})"))
            })
            .and_then(|row| csv_record(file, i + 1, &headers, &row, text_field, encoding));
        out.push(record, &at);
    }
    out
}

/// The lowercased header row, or the skip saying why the file has no usable one.
fn csv_headers(
    file: &InputFile,
    rdr: &mut csv::Reader<&[u8]>,
    text_field: Option<&str>,
) -> Result<Vec<String>, Skip> {
    let headers: Vec<String> = match rdr.headers() {
        Ok(h) => h
            .iter()
            .map(|s| s.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect(),
        Err(e) => {
            return Err(malformed(
                file.id.clone(),
                format!(
                    "{}: skipped: unreadable CSV header ({e})",
                    file.path.display()
                ),
            ))
        }
    };
    let has_text = match text_field {
        Some(f) => headers.iter().any(|h| h == &f.to_lowercase()),
        None => TEXT_FIELDS.iter().any(|f| headers.iter().any(|h| h == f)),
    };
    if !has_text {
        return Err(Skip {
            what: file.id.clone(),
            reason: "no text column",
            message: format!(
                "{}: skipped: no text column ({}); name it with --text-field",
                file.path.display(),
                text_field
                    .map(str::to_owned)
                    .unwrap_or_else(|| TEXT_FIELDS.join(", "))
            ),
        });
    }
    Ok(headers)
}

/// Row `n` of a CSV file as a document, with how many NUL/control bytes it lost.
fn csv_record(
    file: &InputFile,
    n: usize,
    headers: &[String],
    row: &csv::StringRecord,
    text_field: Option<&str>,
    encoding: Encoding,
) -> Result<(RawDoc, usize), Skip> {
    let what = format!("{}#{n}", file.id);
    let at = format!("{}: record {n}", file.path.display());
    if scrub(row.as_slice()).is_err() {
        return Err(binary(what, format!("{at}: skipped: {BINARY_RECORD}")));
    }
    let get = |k: &str| -> Option<String> {
        let i = headers.iter().position(|h| h == &k.to_lowercase())?;
        row.get(i).map(|s| s.to_string())
    };
    let removed = Cell::new(0);
    let doc = record_doc(
        file,
        what,
        &at,
        &stripped(&get, &removed),
        text_field,
        encoding,
    )?;
    Ok((doc, removed.get()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(id: &str, kind: FileKind) -> InputFile {
        InputFile {
            path: PathBuf::from(id),
            id: id.into(),
            file: format!("/data/{id}"),
            kind,
            bytes: 0,
        }
    }

    #[test]
    fn jsonl_lines_become_records_and_bad_lines_say_where() {
        // The first line is the head of a real record of national-work-reports.jsonl.
        let text = concat!(
            "{\"title\": \"2025年中华人民共和国国务院政府工作报告\", \"content\": \"各位代表：\\n现在，我代表国务院，向大会报告政府工作\", \"year\": \"2025\"}\n",
            "\n",
            "{\"title\": \"坏行\", \"content\": \"少了引号}\n",
            "{\"title\": \"空\", \"content\": null, \"year\": 2019}\n",
            "[1, 2]\n",
            "{\"title\": \"决议\", \"text\": \"批准政府工作报告。\", \"year\": null}\n",
        );
        let Records { docs, skips, .. } = jsonl_records(
            &file("n.jsonl", FileKind::Jsonl),
            text,
            None,
            Encoding::Utf8,
        );
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["n.jsonl#1", "n.jsonl#6"]);
        assert_eq!(docs[0].hints.year, Some(2025));
        assert_eq!(
            docs[0].hints.title.as_deref(),
            Some("2025年中华人民共和国国务院政府工作报告")
        );
        assert_eq!(docs[1].text.as_deref(), Some("批准政府工作报告。"));
        assert_eq!(docs[1].hints.year, None);
        let whats: Vec<(&str, &str)> = skips.iter().map(|s| (s.what.as_str(), s.reason)).collect();
        assert_eq!(
            whats,
            [
                ("n.jsonl#3", "malformed record"),
                ("n.jsonl#4", "empty"),
                ("n.jsonl#5", "malformed record")
            ]
        );
        assert!(skips[0]
            .message
            .starts_with("n.jsonl:3: skipped line: malformed JSON"));
    }

    #[test]
    fn a_nul_line_is_one_binary_record_and_stray_nuls_are_removed() {
        // Two NPC resolutions (heads of lines 2 and 4 of national-work-reports.jsonl), a
        // line of NULs between them, a raw NUL inside the second one's text and an
        // escaped one in its title.
        let text = concat!(
            "{\"title\": \"第十四届全国人民代表大会第三次会议关于政府工作报告的决议\", \"content\": \"第十四届全国人民代表大会第三次会议听取和审议了国务院总理李强所作的政府工作报告。\"}\n",
            "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\n",
            "{\"title\": \"第十四届全国人民代表大会第二次会议关于政府工作报告的决议\\u0000\", \"content\": \"会议充分肯定国务院过去一年的\0工作。\"}\n",
        );
        let records = jsonl_records(
            &file("n.jsonl", FileKind::Jsonl),
            text,
            None,
            Encoding::Utf8,
        );
        let Records {
            docs,
            skips,
            warnings,
        } = records;
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["n.jsonl#1", "n.jsonl#3"]);
        assert_eq!(
            docs[1].text.as_deref(),
            Some("会议充分肯定国务院过去一年的工作。")
        );
        assert_eq!(
            docs[1].hints.title.as_deref(),
            Some("第十四届全国人民代表大会第二次会议关于政府工作报告的决议")
        );
        let whats: Vec<(&str, &str)> = skips.iter().map(|s| (s.what.as_str(), s.reason)).collect();
        assert_eq!(whats, [("n.jsonl#2", "binary")]);
        assert!(skips[0]
            .message
            .starts_with("n.jsonl:2: skipped line: binary"));
        assert_eq!(
            warnings,
            [Warning {
                what: "n.jsonl#3".into(),
                kind: WarningKind::ControlBytes,
                message: "n.jsonl:3: warning: 2 NUL/control bytes removed".into(),
            }]
        );
    }

    #[test]
    fn a_nul_row_is_one_binary_record_and_nuls_in_fields_are_removed() {
        let text = "province,title,full_text\n河南省,河南省政府工作报告,\"全省生产总值达到5.5万亿元。\"\n\0\0\0\0\0\0\0\0\n四川\0省,四川省政府工作报告,推行三项\0制度。\n";
        let records = csv_records(&file("p.csv", FileKind::Csv), text, None, Encoding::Utf8);
        let ids: Vec<&str> = records.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["p.csv#1", "p.csv#3"]);
        assert_eq!(records.docs[1].text.as_deref(), Some("推行三项制度。"));
        assert_eq!(records.docs[1].hints.province.as_deref(), Some("四川省"));
        assert_eq!(records.skips.len(), 1);
        assert_eq!(
            (records.skips[0].what.as_str(), records.skips[0].reason),
            ("p.csv#2", "binary")
        );
        assert_eq!(records.warnings.len(), 1);
        assert_eq!(
            records.warnings[0].message,
            "p.csv: record 3: warning: 2 NUL/control bytes removed"
        );
    }

    #[test]
    fn csv_rows_with_bom_header_and_place_columns() {
        let text = "\u{feff}province,year,title,full_text\n河南省,2021,河南省政府工作报告,\"全省生产总值达到5.5万亿元。\"\n四川省,2021,四川省政府工作报告,\n";
        let Records { docs, skips, .. } =
            csv_records(&file("p.csv", FileKind::Csv), text, None, Encoding::Utf8);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "p.csv#1");
        assert_eq!(docs[0].hints.province.as_deref(), Some("河南省"));
        assert_eq!(docs[0].hints.year, Some(2021));
        assert_eq!(skips.len(), 1);
        assert_eq!(
            (skips[0].what.as_str(), skips[0].reason),
            ("p.csv#2", "empty")
        );

        // --text-field picks another column; a file without any text column is one skip.
        let text = "name,正文\n甲,推行三项制度。\n";
        let Records { docs, .. } = csv_records(
            &file("q.csv", FileKind::Csv),
            text,
            Some("正文"),
            Encoding::Utf8,
        );
        assert_eq!(docs[0].text.as_deref(), Some("推行三项制度。"));
        let Records { docs, skips, .. } =
            csv_records(&file("q.csv", FileKind::Csv), text, None, Encoding::Utf8);
        assert!(docs.is_empty());
        assert_eq!(skips[0].reason, "no text column");
    }

    #[test]
    fn walk_skips_hidden_and_reports_unsupported_and_missing() {
        let tmp = std::env::temp_dir().join(format!("govmine-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(tmp.join(".git")).unwrap();
        std::fs::write(tmp.join(".git/x.txt"), "hidden").unwrap();
        std::fs::write(tmp.join("b.txt"), "乙").unwrap();
        std::fs::write(tmp.join("a.HTML"), "<p>甲</p>").unwrap();
        std::fs::write(tmp.join("scan.pdf"), "%PDF").unwrap();
        std::os::unix::fs::symlink(&tmp, tmp.join("loop")).unwrap();
        let (files, skips) = walk(&[tmp.clone(), tmp.join("missing")]);
        let ids: Vec<(&str, FileKind)> = files.iter().map(|f| (f.id.as_str(), f.kind)).collect();
        assert_eq!(ids, [("a.HTML", FileKind::Html), ("b.txt", FileKind::Text)]);
        let reasons: Vec<&str> = skips.iter().map(|s| s.reason).collect();
        assert_eq!(reasons, ["symlink loop", "unsupported type", "missing"]);
        std::fs::remove_dir_all(&tmp).unwrap();
    }
}
