//! `govmine extract` end to end: the facts the seeds state, the three formats agreeing,
//! deterministic output, the whole shared corpus, bad input, and a golden snapshot.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use serde_json::Value;

fn records(dir: &Path, args: &[&str]) -> Vec<Value> {
    let mut a = vec!["extract"];
    a.extend_from_slice(args);
    ok(dir, &a)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

fn seed_records() -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    records(dir.path(), &[seeds().to_str().unwrap()])
}

fn of_type<'a>(rs: &'a [Value], t: &str) -> Vec<&'a Value> {
    rs.iter().filter(|r| r["type"] == t).collect()
}

fn region(r: &Value) -> &str {
    r["region"]["name"].as_str().unwrap_or("")
}

fn doc_prefix(r: &Value) -> &str {
    &r["doc_id"].as_str().unwrap()[..3]
}

#[test]
fn the_seeds_facts_are_extracted() {
    let rs = seed_records();
    let mechs = of_type(&rs, "mechanism");

    // “1211” with its four parts, in the 濮阳/驻马店 report.
    let m1211: Vec<_> = mechs.iter().filter(|m| m["key"] == "1211").collect();
    assert!(!m1211.is_empty());
    assert!(m1211.iter().all(|m| doc_prefix(m) == "000"));
    assert!(m1211
        .iter()
        .any(|m| m["expansion"] == serde_json::json!(["一平台", "两抓手", "一带动", "一考核"])));

    // 三项制度: one key, in the 濮阳/驻马店, 巴中 and 郓城 reports.
    let mut docs: Vec<&str> = mechs
        .iter()
        .filter(|m| m["key"] == "三项制度")
        .map(|m| doc_prefix(m))
        .collect();
    docs.dedup();
    assert_eq!(docs, ["000", "003", "004"]);

    // The six-city article: each practice carries its own city.
    let regions_of = |key: &str| -> Vec<&str> {
        let mut v: Vec<&str> = mechs
            .iter()
            .filter(|m| m["key"] == key)
            .map(|m| region(m))
            .collect();
        v.dedup();
        v
    };
    assert_eq!(regions_of("审管分离"), ["宁夏回族自治区银川市"]);
    assert_eq!(regions_of("一局一章"), ["宁夏回族自治区银川市"]);
    assert_eq!(regions_of("行政执法监督+"), ["吉林省四平市"]);

    // 酒泉's figures, with values in base units.
    let jq: Vec<_> = of_type(&rs, "quantity")
        .into_iter()
        .filter(|q| doc_prefix(q) == "001")
        .collect();
    let has = |text: &str, value: Value, unit: &str| {
        assert!(
            jq.iter().any(|q| q["text"] == text
                && q["value"] == value
                && q["unit"] == unit
                && region(q) == "甘肃省酒泉市"),
            "酒泉: {text} = {value} {unit}"
        );
    };
    has("447名", 447.into(), "名");
    has("434人", 434.into(), "人");
    has("351项", 351.into(), "项");
    has("210项", 210.into(), "项");
    // 减幅达41%: a fall, signed (issue 11).
    has("41%", (-41).into(), "%");
    has("75%", 75.into(), "%");
    has("93.33万件", 933300.into(), "件");
    // A 年度 report dates its results to its year.
    for text in ["434人", "75%"] {
        let q = jq.iter().find(|q| q["text"] == text).unwrap();
        assert_eq!(q["ref_year"], 2017, "{text}");
        assert_eq!(q["status"], "result", "{text}");
    }
    let s210 = jq.iter().find(|q| q["text"] == "210项").unwrap();
    assert_eq!(s210["subject"], "市级行政审批事项");
}

#[test]
fn no_date_or_year_is_ever_a_quantity() {
    let rs = seed_records();
    let dates: Vec<(&Value, u64, u64)> = of_type(&rs, "date")
        .iter()
        .map(|d| {
            (
                &d["doc_id"],
                d["start"].as_u64().unwrap(),
                d["end"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(dates.len() > 20, "dates are extracted too");
    for q in of_type(&rs, "quantity") {
        let (s, e) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        let is_year = q["unit"] == "年"
            && q["value"]
                .as_u64()
                .is_some_and(|v| (1900..=2100).contains(&v));
        assert!(!is_year, "a year as a quantity: {q}");
        assert!(
            !["月", "日"].contains(&q["unit"].as_str().unwrap()),
            "a date as a quantity: {q}"
        );
        assert!(
            !dates
                .iter()
                .any(|&(doc, ds, de)| *doc == q["doc_id"] && ds < e && s < de),
            "overlaps a date: {q}"
        );
    }
}

#[test]
fn records_point_back_at_the_source() {
    let rs = seed_records();
    // Offsets are char offsets into the cleaned text: the sentence holds the mention.
    for r in &rs {
        let t = r["type"].as_str().unwrap();
        let name = match t {
            "quantity" | "date" => r["text"].as_str().unwrap(),
            "mechanism" => r["name"].as_str().unwrap(),
            "policy_doc" => r["title"].as_str().unwrap(),
            "measure" => r["marker"].as_str().unwrap(),
            _ => continue,
        };
        let (s, e) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
        assert!(s < e, "{r}");
        assert!(
            r["sentence"].as_str().unwrap().contains(name),
            "the sentence holds {name}: {r}"
        );
        assert!(r["doc"]
            .as_str()
            .unwrap()
            .ends_with(r["doc_id"].as_str().unwrap()));
    }
    let counts = count_types(&rs);
    assert_eq!(counts["document"], 5);
    for t in ["quantity", "date", "mechanism", "measure", "policy_doc"] {
        assert!(counts.get(t).copied().unwrap_or(0) > 10, "{t}: {counts:?}");
    }
}

fn count_types(rs: &[Value]) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for r in rs {
        *m.entry(r["type"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    m
}

#[test]
fn output_is_the_same_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = shared_corpus();
    let nat = corpus.join("national-work-reports.jsonl");
    let seeds = seeds();
    let args = |t: &'static str| {
        vec![
            "extract".to_string(),
            "--threads".into(),
            t.into(),
            seeds.display().to_string(),
            nat.display().to_string(),
        ]
    };
    let run = |t| {
        let a = args(t);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        ok(dir.path(), &a)
    };
    let one = run("1");
    let two = run("2");
    assert!(one.lines().count() > 5000);
    assert!(one == two, "JSONL differs between --threads 1 and 2");

    // CSV folders, manifests included, are byte-identical too.
    for (t, out) in [("1", "a"), ("2", "b")] {
        ok(
            dir.path(),
            &[
                "extract",
                "--threads",
                t,
                "--format",
                "csv",
                "--out",
                out,
                seeds.to_str().unwrap(),
            ],
        );
    }
    for f in [
        "manifest.json",
        "quantity.csv",
        "mechanism.csv",
        "document.csv",
    ] {
        let a = std::fs::read(dir.path().join("a").join(f)).unwrap();
        let b = std::fs::read(dir.path().join("b").join(f)).unwrap();
        assert!(a == b, "{f} differs");
    }
}

#[test]
fn jsonl_csv_and_parquet_hold_the_same_records() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let s = seeds();
    let s = s.to_str().unwrap();
    ok(d, &["extract", s, "--out", "all.jsonl"]);
    ok(d, &["extract", s, "--format", "csv", "--out", "csv"]);
    ok(d, &["extract", s, "--format", "parquet", "--out", "pq"]);
    let jsonl: Vec<Value> = std::fs::read_to_string(d.join("all.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let by_type = count_types(&jsonl);

    // The manifests count the same records.
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(d.join("all.manifest.json")).unwrap()).unwrap();
    for (t, n) in &by_type {
        assert_eq!(manifest["records"][t], *n as u64, "{t}");
    }
    assert_eq!(manifest["inputs"].as_array().unwrap().len(), 5);
    assert!(manifest["inputs"][0]["blake3"].as_str().unwrap().len() == 64);
    assert!(manifest["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v["name"].as_str().unwrap().starts_with("gazetteer")));

    for (t, n) in &by_type {
        // CSV: BOM, a header, one row per record, the same values in order.
        let bytes = std::fs::read(d.join("csv").join(format!("{t}.csv"))).unwrap();
        assert!(
            bytes.starts_with("\u{feff}".as_bytes()),
            "{t}.csv has a BOM"
        );
        let mut rdr = csv::Reader::from_reader(&bytes[3..]);
        let headers = rdr.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), *n, "{t}.csv rows");
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let of_t: Vec<&Value> = jsonl.iter().filter(|r| r["type"] == *t).collect();
        for (row, rec) in rows.iter().zip(&of_t) {
            assert_eq!(row[col("doc_id")], *rec["doc_id"].as_str().unwrap());
            assert_eq!(row[col("start")], rec["start"].to_string());
        }

        // Parquet: typed columns, same count, same values.
        let file = std::fs::File::open(d.join("pq").join(format!("{t}.parquet"))).unwrap();
        let reader = SerializedFileReader::new(file).unwrap();
        assert_eq!(
            reader.metadata().file_metadata().num_rows() as usize,
            *n,
            "{t}.parquet rows"
        );
        let fields = reader
            .metadata()
            .file_metadata()
            .schema_descr()
            .columns()
            .to_vec();
        let pcol = |name: &str| fields.iter().position(|c| c.name() == name).unwrap();
        let rows: Vec<_> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        for (row, rec) in rows.iter().zip(&of_t) {
            assert_eq!(
                row.get_string(pcol("doc_id")).unwrap(),
                rec["doc_id"].as_str().unwrap()
            );
            assert_eq!(
                row.get_long(pcol("start")).unwrap() as u64,
                rec["start"].as_u64().unwrap()
            );
            if *t == "quantity" {
                assert_eq!(
                    row.get_double(pcol("value")).unwrap(),
                    rec["value"].as_f64().unwrap_or_else(|| rec["value"]
                        .as_str()
                        .unwrap()
                        .parse()
                        .unwrap())
                );
                assert_eq!(
                    row.get_string(pcol("unit")).unwrap(),
                    rec["unit"].as_str().unwrap()
                );
                assert_eq!(
                    row.get_bool(pcol("approx")).unwrap(),
                    rec["approx"].as_bool().unwrap()
                );
            }
        }
    }
    // The 酒泉 figure in all three.
    let csvq = std::fs::read_to_string(d.join("csv/quantity.csv")).unwrap();
    assert!(
        csvq.contains("93.33万件,933300,933300,"),
        "CSV holds 933300"
    );
}

#[test]
fn the_whole_shared_corpus_extracts() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &[
            "extract",
            shared_corpus().to_str().unwrap(),
            "--format",
            "csv",
            "--out",
            "all",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("extract: 100 documents"), "{err}");
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("all/manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["records"]["document"], 100);
    assert!(manifest["records"]["quantity"].as_u64().unwrap() > 6000);
    assert!(manifest["records"]["mechanism"].as_u64().unwrap() > 300);
}

#[test]
fn bad_input_never_panics_and_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    std::fs::create_dir(&d).unwrap();
    // A 50 MB file that is one line: no paragraph or sentence ends, a fact every 600 chars.
    let line = format!(
        "全市共办理行政审批事项93.33万件，{}，“放管服”改革持续深化，一是加强领导",
        "依法行政工作扎实推进法治政府建设".repeat(60)
    );
    let mut big = String::with_capacity(50 << 20);
    while big.len() < 50 << 20 {
        big.push_str(&line);
    }
    std::fs::write(d.join("big.txt"), &big).unwrap();
    // Records with a null text, with no text field, and a good one.
    std::fs::write(
        d.join("r.jsonl"),
        "{\"title\":\"甲\",\"content\":null}\n{\"title\":\"乙\"}\n{\"title\":\"丙市报告\",\"content\":\"全年完成投资1.2亿元。\"}\n",
    )
    .unwrap();
    // Mixed encodings: GB18030 and UTF-16LE files, and a binary one.
    let text = "酒泉市共有法律顾问434人，出庭应诉率达到75%。";
    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    std::fs::write(d.join("gb.txt"), &gb).unwrap();
    let mut u16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        u16.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(d.join("u16.txt"), &u16).unwrap();
    std::fs::write(d.join("bin.txt"), [0u8, 1, 2, 255, 0, 0, 7, 0, 0, 1]).unwrap();

    let out = run(
        dir.path(),
        &[
            "extract",
            "in",
            "--types",
            "quantity,mechanism,measure",
            "--out",
            "o.jsonl",
        ],
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains("r.jsonl:1: skipped record: no text")
            && err.contains("r.jsonl:2: skipped record"),
        "{err}"
    );
    assert!(err.contains("skipped (binary 1, empty 2)"), "{err}");
    let rs: Vec<Value> = std::fs::read_to_string(dir.path().join("o.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Both encodings give the same two figures.
    for f in ["gb.txt", "u16.txt"] {
        let vals: Vec<&Value> = rs
            .iter()
            .filter(|r| r["doc_id"] == f)
            .map(|r| &r["value"])
            .collect();
        assert_eq!(vals, [&Value::from(434), &Value::from(75)], "{f}");
    }
    assert!(rs
        .iter()
        .any(|r| r["doc"].as_str().unwrap().ends_with("r.jsonl#3") && r["value"] == 120000000));
    let big_q = rs
        .iter()
        .filter(|r| r["doc_id"] == "big.txt" && r["type"] == "quantity");
    assert!(big_q.count() > 17_000);
}

/// A compact line per record of the seeds: type, offsets, what it says, and its place.
fn compact(r: &Value) -> String {
    let what = match r["type"].as_str().unwrap() {
        "quantity" => format!(
            "{} = {} {} {} {} [{}]",
            r["text"].as_str().unwrap(),
            r["value"],
            r["unit"].as_str().unwrap(),
            r["qualifier"].as_str().unwrap(),
            r["status"].as_str().unwrap(),
            r["subject"].as_str().unwrap()
        ),
        "date" => format!(
            "{} = {}",
            r["text"].as_str().unwrap(),
            r["iso"].as_str().unwrap()
        ),
        "mechanism" => format!(
            "{} key={} quoted={} {}",
            r["name"].as_str().unwrap(),
            r["key"].as_str().unwrap(),
            r["quoted"],
            r["expansion"]
        ),
        "measure" => format!(
            "{} #{} {}",
            r["marker"].as_str().unwrap(),
            r["index"],
            r["text"]
                .as_str()
                .unwrap()
                .chars()
                .take(24)
                .collect::<String>()
        ),
        "policy_doc" => format!(
            "《{}》 {}",
            r["title"].as_str().unwrap(),
            r["kind"].as_str().unwrap()
        ),
        "document" => format!("{} {}", r["title"], r["regions"]),
        _ => unreachable!(),
    };
    format!(
        "{} {} {}..{} {} @{}",
        doc_prefix(r),
        r["type"].as_str().unwrap(),
        r["start"],
        r["end"],
        what,
        region(r)
    )
}

/// Golden snapshot of every record of the seeds (`tests/snapshots/seeds.records.txt`).
/// After a deliberate change, review the diff and refresh it with
/// `UPDATE_SNAPSHOTS=1 cargo test --test extract golden`.
#[test]
fn golden_snapshot_of_the_seed_records() {
    let got: String = seed_records().iter().map(|r| compact(r) + "\n").collect();
    let path = root().join("tests/snapshots/seeds.records.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).expect("the snapshot exists");
    if got != want {
        let diff: Vec<String> = want
            .lines()
            .zip(got.lines())
            .filter(|(a, b)| a != b)
            .take(10)
            .map(|(a, b)| format!("- {a}\n+ {b}"))
            .collect();
        panic!(
            "records differ from {} ({} vs {} lines); first differences:\n{}",
            path.display(),
            want.lines().count(),
            got.lines().count(),
            diff.join("\n")
        );
    }
}

#[test]
fn ingest_keeps_the_same_records_in_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    ingest(dir.path(), &idx, &[&seeds()]);
    let stats: Value = serde_json::from_str(&ok(
        dir.path(),
        &["stats", "--json", "--index", idx.to_str().unwrap()],
    ))
    .unwrap();
    let counts = count_types(&seed_records());
    for (t, n) in &counts {
        assert_eq!(stats["facts"][t], *n as u64, "{t} in the index");
    }
}
