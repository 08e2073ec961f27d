//! Output that cannot attack its reader, and input that cannot stall govmine: CSV cells
//! that spreadsheets would run as formulas, control characters that reach the terminal,
//! `-TERM` exclusions, `--types ''`, overlong queries and `--threads 100000`; each test
//! is the tester's reproduction on the seed reports plus a few hostile ones.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::{csv_rows, govmine, ingest, ok, run, seeds, stderr};

/// The first line becomes the title; the sentences are the seeds' own (酒泉, 巴中),
/// each with a formula character in front.
const FORMULAS: &str = "=HYPERLINK(\"http://x\",\"y\")\n\
一、工作开展情况\n\
+全面推行行政执法“三项制度”，行政机关负责人出庭应诉率为75%。\n\
@全市共聘请法律顾问434人。\n";

/// A clipboard write (OSC 52), a screen clear and a right-to-left override in the body.
const CONTROLS: &str = "法治政府建设报告\n\
一、总体情况\n\
推进法治\u{1b}]52;c;SGVsbG8=\u{7}政府建设\u{1b}[2J，成效明显\u{202e}。\n\
行政机关负责人出庭应诉率为90%\u{1b}[2J。\n";

/// From the 2026 Inner Mongolia report, with 法治 so `法治 -GDP` has something to drop.
const GDP: &str = "法治政府建设与经济发展\n\
一、经济发展\n\
经济总量达到2.67万亿元，人均GDP进入全国前8位。坚持法治政府建设。\n";

/// A file named with a screen clear (the name is its document id).
const ESC_NAME: &str = "a\u{1b}[2Jb.txt";

/// The seeds plus the hostile reports, indexed once.
struct Fixture {
    dir: tempfile::TempDir,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let corpus = write_corpus(dir.path());
        ingest(dir.path(), &dir.path().join("idx"), &[&corpus]);
        Fixture { dir }
    })
}

/// `corpus/`: copies of the seeds, `=1+2.txt` (FORMULAS), the control-character
/// report under ESC_NAME, and `gdp.txt`.
fn write_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for e in std::fs::read_dir(seeds()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, corpus.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(corpus.join("=1+2.txt"), FORMULAS).unwrap();
    std::fs::write(corpus.join(ESC_NAME), CONTROLS).unwrap();
    std::fs::write(corpus.join("gdp.txt"), GDP).unwrap();
    corpus
}

impl Fixture {
    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn corpus(&self) -> PathBuf {
        self.path().join("corpus")
    }

    /// `govmine ARGS --index idx`.
    fn run(&self, args: &[&str]) -> Output {
        let idx = self.path().join("idx");
        let mut a = args.to_vec();
        a.extend(["--index", idx.to_str().unwrap()]);
        run(self.path(), &a)
    }

    /// `govmine ARGS --index idx`, required to succeed.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "govmine {args:?} failed: {}",
            stderr(&out)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Doc ids of `search --json --all --index idx QUERY…` (options first, so the
    /// query may hold `--`).
    fn hit_docs(&self, query: &[&str]) -> BTreeSet<String> {
        let idx = self.path().join("idx");
        let mut a = vec![
            "search",
            "--json",
            "--all",
            "--index",
            idx.to_str().unwrap(),
        ];
        a.extend_from_slice(query);
        ok(self.path(), &a)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"].to_string())
            .collect()
    }
}

/// No cell starts a formula (`=`, `+`, `-`, `@`, tab, CR) unless it is a plain number.
fn no_formula_cells(rows: &[BTreeMap<String, String>]) {
    for row in rows {
        for (col, v) in row {
            let plain_number = v.trim_start_matches(['-', '+']).parse::<f64>().is_ok()
                && !v.contains(['e', 'E', 'n', 'N', 'i', 'I']);
            let formula = v.starts_with(['=', '+', '-', '@', '\t', '\r']);
            assert!(!formula || plain_number, "{col} = {v:?} in {row:?}");
        }
    }
}

/// The row whose `col` is `value`.
fn row_with<'a>(
    rows: &'a [BTreeMap<String, String>],
    col: &str,
    value: &str,
) -> &'a BTreeMap<String, String> {
    rows.iter()
        .find(|r| r[col] == value)
        .unwrap_or_else(|| panic!("no row with {col} = {value}: {rows:#?}"))
}

#[test]
fn extract_csv_cells_that_start_a_formula_are_text() {
    let f = fixture();
    let out = f.path().join("csv-out");
    let file = f.corpus().join("=1+2.txt");
    ok(
        f.path(),
        &[
            "extract",
            file.to_str().unwrap(),
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let read = |t: &str| csv_rows(&std::fs::read_to_string(out.join(format!("{t}.csv"))).unwrap());
    let docs = read("document");
    assert_eq!(docs[0]["title"], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(docs[0]["doc_id"], "'=1+2.txt");
    let quantities = read("quantity");
    let rate = row_with(&quantities, "text", "75%");
    assert_eq!(
        rate["sentence"],
        "'+全面推行行政执法“三项制度”，行政机关负责人出庭应诉率为75%。"
    );
    // Numbers stay numbers.
    assert_eq!(
        (rate["value"].as_str(), rate["value_exact"].as_str()),
        ("75", "75")
    );
    let advisers = row_with(&quantities, "text", "434人");
    assert_eq!(advisers["sentence"], "'@全市共聘请法律顾问434人。");
    assert!(advisers["start"].parse::<u64>().is_ok(), "{advisers:?}");
    for t in ["document", "quantity", "mechanism", "date", "measure"] {
        no_formula_cells(&read(t));
    }
}

#[test]
fn search_csv_cells_that_start_a_formula_are_text() {
    let f = fixture();
    let rows = csv_rows(&f.ok(&["search", "三项制度", "--csv", "--all", "--passages", "9"]));
    let ours = row_with(&rows, "doc", "'=1+2.txt");
    assert_eq!(ours["title"], "'=HYPERLINK(\"http://x\",\"y\")");
    assert!(
        rows.iter().any(|r| r["snippet"].starts_with("'+全面推行")),
        "{rows:#?}"
    );
    assert!(ours["rank"].parse::<u32>().is_ok() && ours["score"].parse::<f64>().is_ok());
    no_formula_cells(&rows);
}

#[test]
fn compare_and_mechanism_csv_cells_that_start_a_formula_are_text() {
    let f = fixture();
    let rows = csv_rows(&f.ok(&["compare", "出庭应诉率", "--all", "--csv"]));
    let ours = row_with(&rows, "doc_id", "'=1+2.txt");
    assert!(ours["sentence"].starts_with("'+全面推行"), "{ours:?}");
    assert_eq!(ours["value"], "75");
    no_formula_cells(&rows);

    let rows = csv_rows(&f.ok(&["mechanism", "三项制度", "--all", "--csv"]));
    let ours = row_with(&rows, "document", "'=1+2.txt");
    assert_eq!(ours["title"], "'=HYPERLINK(\"http://x\",\"y\")");
    assert!(ours["sentence"].starts_with("'+全面推行"), "{ours:?}");
    assert_eq!(ours["mentions"], "1");
    no_formula_cells(&rows);

    let rows = csv_rows(&f.ok(&["mechanisms", "--csv"]));
    no_formula_cells(&rows);
}

/// No ESC, BEL or other raw control (but newlines) and no bidi override.
fn assert_no_raw_controls(what: &str, s: &str) {
    let bad: Vec<char> = s
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(bad.is_empty(), "{what}: raw {bad:?} in\n{s}");
}

#[test]
fn control_characters_in_documents_are_shown_escaped() {
    let f = fixture();
    let out = f.ok(&["search", "成效明显"]);
    assert_no_raw_controls("search", &out);
    // Decoding removes the control bytes of a text file (with a warning), so they never
    // reach the index; the bidi override is text, and shown escaped.
    assert!(
        out.contains("推进法治]52;c;SGVsbG8=政府建设[2J，成效明显\\u{202e}。"),
        "{out}"
    );
    assert!(out.contains("a\\u{1b}[2Jb.txt"), "{out}");
    // JSON keeps the text as it is (no control left in it) and escapes the file name's ESC.
    let json = f.ok(&["search", "成效明显", "--json"]);
    assert!(json.contains("推进法治]52;c;SGVsbG8=政府建设"), "{json}");
    assert!(json.contains(r"a\u001b[2Jb.txt"), "{json}");
    // A table: the clause that holds the value and the document id under a row.
    let out = f.ok(&["compare", "出庭应诉率"]);
    assert_no_raw_controls("compare", &out);
    assert!(
        out.contains("出庭应诉率为90%[2J — a\\u{1b}[2Jb.txt"),
        "{out}"
    );
}

#[test]
fn a_query_with_control_characters_is_echoed_escaped() {
    let f = fixture();
    for args in [
        &["search", "成效明显\u{1b}[2J"][..],
        &["trend", "法治\u{1b}]52;c;SGVsbG8=\u{7}"],
        &["compare", "出庭应诉率\u{1b}[2J"],
        &["mechanism", "三项\u{1b}[2J"],
    ] {
        let out = f.run(args);
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        assert_no_raw_controls(&format!("{args:?}"), &text);
        assert!(text.contains("\\u{1b}"), "{args:?}: {text}");
    }
    // An error that quotes the query, and one that quotes --region.
    let out = f.run(&["search", "\"成效\u{1b}[2J"]);
    assert_eq!(out.status.code(), Some(2));
    assert_no_raw_controls("bad query", &stderr(&out));
    let out = f.run(&["search", "法治", "--region", "\u{1b}[2J"]);
    assert_eq!(out.status.code(), Some(2));
    assert_no_raw_controls("bad region", &stderr(&out));
}

#[test]
fn a_skipped_file_named_with_control_characters_is_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("empty\u{1b}[31m\u{7}.txt"), "").unwrap();
    std::fs::write(corpus.join("ok.txt"), GDP).unwrap();
    let out = run(
        dir.path(),
        &[
            "ingest",
            "--quiet",
            "--index",
            dir.path().join("i").to_str().unwrap(),
            corpus.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_no_raw_controls("ingest stderr", &err);
    assert!(err.contains("empty\\u{1b}[31m\\u{7}.txt"), "{err}");
}

#[test]
fn ascii_exclusions_and_numbers_exclude() {
    let f = fixture();
    let all = f.hit_docs(&["法治"]);
    for term in ["GDP", "2020"] {
        let with = f.hit_docs(&["法治", term]);
        assert!(
            !with.is_empty() && with.len() < all.len(),
            "{term}: {with:?}"
        );
        let without: BTreeSet<String> = all.difference(&with).cloned().collect();
        let minus = format!("-{term}");
        assert_eq!(f.hit_docs(&["法治", &minus]), without, "法治 -{term}");
        // Before the terms, too.
        assert_eq!(f.hit_docs(&[&minus, "法治"]), without, "-{term} 法治");
    }
    // A single letter that is no option of search.
    assert_eq!(f.hit_docs(&["法治", "-x"]), all);
    // `--` ends the options: what follows is the query, in the query's syntax.
    let without_gdp: BTreeSet<String> = all
        .difference(&f.hit_docs(&["法治", "GDP"]))
        .cloned()
        .collect();
    assert_eq!(f.hit_docs(&["--", "法治", "-GDP"]), without_gdp);
    // -h is still help.
    let out = run(f.path(), &["search", "-h"]);
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("Usage"));
    // Only exclusions: the query's own error, not clap's "unexpected argument".
    let out = f.run(&["search", "-GDP"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not only `-` exclusions"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn terms_starting_with_a_hyphen_reach_trend_and_compare() {
    let f = fixture();
    for args in [
        &["trend", "-GDP"][..],
        &["compare", "-2020"],
        &["mechanism", "-x"],
    ] {
        let out = f.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn empty_types_is_an_error() {
    let f = fixture();
    let file = f.corpus().join("gdp.txt");
    for types in ["", ",", " "] {
        let out = run(
            f.path(),
            &["extract", file.to_str().unwrap(), "--types", types],
        );
        assert_eq!(out.status.code(), Some(2), "--types {types:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("--types"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_100_kb_query_is_refused_fast() {
    let f = fixture();
    // 100 KB of report text (34,000 chars), as one term and as many.
    let text: String = FORMULAS
        .chars()
        .filter(|c| !c.is_ascii() && !matches!(c, '“' | '”'))
        .collect();
    let long: String = text.chars().cycle().take(34_000).collect();
    let words: String = text
        .chars()
        .cycle()
        .take(20_000)
        .flat_map(|c| [c, ' '])
        .collect();
    for args in [
        vec!["search", long.as_str()],
        vec!["search", words.as_str()],
        vec!["search", "法治", "--mechanism", long.as_str()],
        vec!["trend", long.as_str()],
        vec!["compare", long.as_str()],
        vec!["mechanism", long.as_str()],
    ] {
        let t0 = Instant::now();
        let out = f.run(&args);
        let took = t0.elapsed();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", args[0]);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.len() < 300 && err.contains("500"), "{err}");
        assert!(took < Duration::from_secs(3), "{}: {took:?}", args[0]);
    }
    // At the limit it still runs.
    let at_limit: String = text.chars().cycle().take(500).collect();
    f.ok(&["search", &at_limit]);
}

/// Run with a deadline; kill and fail when it passes.
fn finishes_within(mut cmd: std::process::Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if t0.elapsed() > limit {
            child.kill().unwrap();
            panic!("still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn threads_100000_finishes_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("gdp.txt"), GDP).unwrap();
    let mut cmd = govmine(dir.path());
    cmd.args(["--threads", "100000", "ingest", "--quiet", "--index"])
        .arg(dir.path().join("i"))
        .arg(&corpus);
    let out = finishes_within(cmd, Duration::from_secs(20));
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let note: Vec<&str> = err.lines().filter(|l| l.contains("--threads")).collect();
    assert_eq!(note.len(), 1, "{err}");
    assert!(note[0].contains("100000"), "{err}");
}
