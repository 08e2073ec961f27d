//! "Never lose a user's data": decoding keeps what it can. Each test rebuilds one of the
//! tester's reproductions from real reports (the seeds, the 1954 and later national
//! work reports of ../shared/corpus) and runs it through the binary.

mod common;

use std::path::Path;

use common::*;

/// A temp dir with an `in/` folder holding `files`.
fn inputs(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    tmp
}

/// Ingest `in/` into `idx`; the whole stderr (warning and skip lines, then the summary).
fn ingest_inputs(tmp: &Path) -> String {
    ingest(tmp, &tmp.join("idx"), &[&tmp.join("in")])
}

/// The summary line (the last line of stderr).
fn summary(err: &str) -> &str {
    err.lines().last().unwrap_or_default()
}

/// Hits for a phrase, as doc ids.
fn found(tmp: &Path, query: &str) -> Vec<String> {
    doc_ids(&hits(tmp, &tmp.join("idx"), &[query], &[]))
}

fn seed(name: &str) -> Vec<u8> {
    std::fs::read(shared_corpus().join("seeds").join(name)).unwrap()
}

/// The `content` of lines of national-work-reports.jsonl (1-based), and the raw lines.
fn national(lines: &[usize]) -> Vec<(String, String)> {
    let all = std::fs::read_to_string(shared_corpus().join("national-work-reports.jsonl")).unwrap();
    let all: Vec<&str> = all.lines().collect();
    lines
        .iter()
        .map(|&n| {
            let v: serde_json::Value = serde_json::from_str(all[n - 1]).unwrap();
            (
                v["content"].as_str().unwrap().to_owned(),
                all[n - 1].to_owned(),
            )
        })
        .collect()
}

/// Insert `extra` at the first char boundary at or after `at`.
fn insert_at(text: &[u8], at: usize, extra: &[u8]) -> Vec<u8> {
    let at = (at..text.len())
        .find(|&i| (text[i] & 0xC0) != 0x80)
        .unwrap();
    let mut out = text[..at].to_vec();
    out.extend_from_slice(extra);
    out.extend_from_slice(&text[at..]);
    out
}

/// Each hit of `query`: its doc id and the snippets of all its matching passages.
fn snippets(tmp: &Path, query: &str) -> Vec<(String, Vec<String>)> {
    hits(tmp, &tmp.join("idx"), &[query], &["--passages", "50"])
        .iter()
        .map(|h| {
            let snips = h["passages"].as_array().unwrap().iter();
            (
                h["doc"].as_str().unwrap().to_owned(),
                snips
                    .map(|p| p["snippet"].as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn one_stray_byte_near_the_start_of_a_utf8_report_keeps_the_report() {
    // 酒泉's report with one 0xFF at byte ~100 (inside the first 4 KB chardetng sees).
    let bytes = insert_at(&seed("001_db632a6819f2f662.txt"), 100, b"\xFF");
    let tmp = inputs(&[("jiuquan.txt", &bytes)]);
    let err = ingest_inputs(tmp.path());
    assert!(
        err.contains(
            "jiuquan.txt: warning: 1 invalid byte sequence replaced by U+FFFD (read as UTF-8)"
        ),
        "{err}"
    );
    assert!(summary(&err).contains("1 documents indexed"), "{err}");
    assert!(summary(&err).contains("0 skipped"), "{err}");
    assert!(
        summary(&err).contains("1 warning (invalid bytes 1)"),
        "{err}"
    );
    assert_eq!(found(tmp.path(), "出庭应诉率为75%"), ["jiuquan.txt"]);
    // An export's manifest counts the warning too.
    ok(
        tmp.path(),
        &["extract", "in", "--out", "r.jsonl", "--types", "document"],
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("r.manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["warnings"]["invalid bytes"], 1);
}

#[test]
fn mostly_ascii_utf8_with_one_stray_byte_is_not_read_as_gb18030() {
    // An HTML page whose head is long ASCII, with a stray Latin-1 byte in the head and a
    // Chinese body (a sentence of 酒泉's report).
    let page = format!(
        "<html><head><title>report</title><script>{}</script><!-- caf\u{0}e -->\n</head><body><p>{}</p>{}</body></html>",
        "var a = 1;\n".repeat(300),
        "行政机关负责人出庭应诉率为75%。全市共聘请法律顾问434人。",
        "<p>footer</p>\n".repeat(100),
    );
    let bytes = page.replace('\u{0}', "\u{1}").into_bytes();
    // The stray byte: 0xE9 (é in Latin-1) where the \x01 marker is.
    let bytes: Vec<u8> = bytes
        .into_iter()
        .map(|b| if b == 1 { 0xE9 } else { b })
        .collect();
    let tmp = inputs(&[("page.html", &bytes)]);
    let err = ingest_inputs(tmp.path());
    assert!(summary(&err).contains("1 documents indexed"), "{err}");
    assert!(
        err.contains(
            "page.html: warning: 1 invalid byte sequence replaced by U+FFFD (read as UTF-8)"
        ),
        "{err}"
    );
    assert_eq!(found(tmp.path(), "出庭应诉率为75%"), ["page.html"]);
    assert_eq!(found(tmp.path(), "法律顾问434人"), ["page.html"]);
}

/// The first paragraphs of the 1954 report (traditional characters), with the four forms
/// Big5 lacks (the variants 爲 産, the simplified 届 麽) written as Big5 has them.
fn report_1954() -> String {
    let (text, _) = national(&[72]).remove(0);
    text.chars()
        .take(1500)
        .collect::<String>()
        .replace('爲', "為")
        .replace('産', "產")
        .replace('届', "屆")
        .replace('麽', "麼")
}

#[test]
fn big5_report_is_read_as_big5_and_found_by_its_simplified_form() {
    let text = report_1954();
    let (big5, _, unmappable) = encoding_rs::BIG5.encode(&text);
    assert!(!unmappable);
    let tmp = inputs(&[("1954.txt", &big5)]);
    let err = ingest_inputs(tmp.path());
    assert!(summary(&err).contains("1 documents indexed"), "{err}");
    assert!(!err.contains("warning"), "{err}");
    // 憲法草案, 國民經濟, 社會主義工業化 as written, and folded to simplified.
    for q in [
        "憲法草案",
        "宪法草案",
        "国民经济",
        "社会主义工业化",
        "交通运输业",
    ] {
        assert_eq!(found(tmp.path(), q), ["1954.txt"], "{q}");
    }
    // The stored text is the report as written (traditional).
    let (_, snips) = &snippets(tmp.path(), "宪法草案")[0];
    assert!(
        snips.iter().any(|s| s.contains("關於憲法草案的報告")),
        "{snips:?}"
    );
}

#[test]
fn nul_line_in_a_jsonl_skips_one_record_at_any_offset() {
    // Three NPC resolutions, and a line of NULs as line 2 (within the first 64 KB).
    let lines: Vec<String> = national(&[2, 4, 6]).into_iter().map(|(_, l)| l).collect();
    let nul_line = "\0".repeat(200);
    let early = format!("{}\n{nul_line}\n{}\n{}\n", lines[0], lines[1], lines[2]);
    // The same NUL line after two whole reports (past 64 KB), then a resolution.
    let reports: Vec<String> = national(&[1, 3]).into_iter().map(|(_, l)| l).collect();
    let late = format!("{}\n{}\n{nul_line}\n{}\n", reports[0], reports[1], lines[0]);
    assert!(late.find('\0').unwrap() > 64 * 1024);
    let tmp = inputs(&[
        ("early.jsonl", early.as_bytes()),
        ("late.jsonl", late.as_bytes()),
    ]);
    let err = ingest_inputs(tmp.path());
    assert!(err.contains("early.jsonl:2: skipped line: binary"), "{err}");
    assert!(err.contains("late.jsonl:3: skipped line: binary"), "{err}");
    assert!(summary(&err).contains("6 documents indexed"), "{err}");
    assert!(summary(&err).contains("2 skipped (binary 2)"), "{err}");
    // 第十四届…第三次会议 (line 2 of the national file) is record 1 of both files.
    assert_eq!(
        found(tmp.path(), "第十四届全国人民代表大会第三次会议"),
        ["early.jsonl#1", "late.jsonl#4"]
    );
    assert_eq!(
        found(tmp.path(), "第十四届全国人民代表大会第一次会议"),
        ["early.jsonl#4"]
    );
}

#[test]
fn nul_row_in_a_csv_skips_one_record() {
    let text = "title,content\n甲,推行行政执法公示制度。\n\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\n丙,全面推行法律顾问制度。\n";
    let tmp = inputs(&[("rows.csv", text.as_bytes())]);
    let err = ingest_inputs(tmp.path());
    assert!(err.contains("rows.csv: record 2: skipped: binary"), "{err}");
    assert!(summary(&err).contains("2 documents indexed"), "{err}");
    assert!(summary(&err).contains("1 skipped (binary 1)"), "{err}");
    assert_eq!(found(tmp.path(), "法律顾问制度"), ["rows.csv#3"]);
}

#[test]
fn stray_nuls_are_removed_the_same_at_any_offset() {
    // The five seeds in one 85 KB file; 三项制度 at byte 67206 is past 64 KB.
    let mut all = Vec::new();
    for name in [
        "000_3f2a7be6bd882b3f.txt",
        "001_db632a6819f2f662.txt",
        "002_eee0beed65e72678.txt",
        "003_40199a098a244c13.txt",
        "004_e9e637da5608c3ff.txt",
    ] {
        all.extend(seed(name));
    }
    let at = 67206 + "三项".len();
    assert_eq!(&all[67206..at], "三项".as_bytes());
    let late = insert_at(&all, at, b"\0\0\0");
    let early = insert_at(&insert_at(&all, 10, b"\0\0\0"), at + 3, b"\x01");
    let tmp = inputs(&[("early.txt", &early), ("late.txt", &late)]);
    let err = ingest_inputs(tmp.path());
    assert!(
        err.contains("late.txt: warning: 3 NUL/control bytes removed"),
        "{err}"
    );
    assert!(
        err.contains("early.txt: warning: 4 NUL/control bytes removed"),
        "{err}"
    );
    assert!(summary(&err).contains("2 documents indexed"), "{err}");
    assert!(
        summary(&err).contains("2 warnings (NUL/control bytes 2)"),
        "{err}"
    );
    // The passage 推进行政执法“三项制度” (past 64 KB, where the NULs or the \x01 were) is
    // found in both files, and no stored text holds a NUL or control char.
    let mut docs = snippets(tmp.path(), "三项制度");
    docs.sort();
    let ids: Vec<&str> = docs.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["early.txt", "late.txt"]);
    for (id, snips) in &docs {
        assert!(
            snips.iter().any(|s| s.contains("推进行政执法“三项制度”")),
            "{id}: {snips:?}"
        );
        for s in snips {
            assert!(!s.contains(['\0', '\u{1}']), "{id}: {s:?}");
        }
    }
}

#[test]
fn a_file_mostly_of_nuls_is_still_binary() {
    let mut bytes = seed("004_e9e637da5608c3ff.txt");
    bytes.extend(std::iter::repeat_n(0u8, 4000));
    let tmp = inputs(&[("padded.txt", &bytes)]);
    let err = ingest_inputs(tmp.path());
    assert!(err.contains("padded.txt: skipped: file is binary"), "{err}");
    assert!(summary(&err).contains("1 skipped (binary 1)"), "{err}");
}
