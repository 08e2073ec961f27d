//! End-to-end tests of the cross-city commands: `mechanisms`, `mechanism`, `compare`,
//! `trend`, `regions`, and `search --mechanism --facets`, on indexes of the seeds, the
//! national reports and a fixture of provincial report CSVs, in every output format.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{govmine, ingest, ok, run, shared_corpus, stderr};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

/// Indexes built once per test run, in a temp dir kept until the process ends.
struct Fixture {
    dir: tempfile::TempDir,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let root = common::root();
        ingest(
            dir.path(),
            &dir.path().join("seeds"),
            &[&root.join("corpus")],
        );
        ingest(
            dir.path(),
            &dir.path().join("provinces"),
            &[&root.join("tests/fixtures/provinces")],
        );
        // The State Council reports only (the lines with a year); the file's NPC
        // resolutions are left out, see `trend_counts_the_whole_national_file_too`.
        let reports: String = std::fs::read_to_string(national_file())
            .unwrap()
            .lines()
            .filter(|l| !serde_json::from_str::<Value>(l).unwrap()["year"].is_null())
            .map(|l| format!("{l}\n"))
            .collect();
        let reports_file = dir.path().join("national-reports.jsonl");
        std::fs::write(&reports_file, reports).unwrap();
        ingest(dir.path(), &dir.path().join("national"), &[&reports_file]);
        ingest(
            dir.path(),
            &dir.path().join("national-all"),
            &[&national_file()],
        );
        Fixture { dir }
    })
}

fn national_file() -> PathBuf {
    shared_corpus().join("national-work-reports.jsonl")
}

impl Fixture {
    fn index(&self, name: &str) -> String {
        self.dir.path().join(name).to_str().unwrap().to_string()
    }

    /// `govmine ARGS --index INDEX`, required to succeed.
    fn ok(&self, index: &str, args: &[&str]) -> String {
        let idx = self.index(index);
        let mut a = args.to_vec();
        a.extend(["--index", idx.as_str()]);
        ok(self.dir.path(), &a)
    }

    /// The `--json` rows of a command.
    fn json(&self, index: &str, args: &[&str]) -> Vec<Value> {
        let mut a = args.to_vec();
        a.push("--json");
        self.ok(index, &a)
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
            .collect()
    }

    /// The `--csv` output as header → values per row; checks the BOM.
    fn csv(&self, index: &str, args: &[&str]) -> Vec<BTreeMap<String, String>> {
        let mut a = args.to_vec();
        a.push("--csv");
        common::csv_rows(&self.ok(index, &a))
    }
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// Every line of a terminal table fits 80 columns (COLUMNS is unset in tests).
fn fits_80(out: &str) {
    for l in out.lines() {
        assert!(
            UnicodeWidthStr::width(l) <= 80,
            "line wider than 80 columns ({}): {l}",
            UnicodeWidthStr::width(l)
        );
    }
}

#[test]
fn compare_court_appearance_rate_gives_jiuquan_75_and_yuncheng_100() {
    let f = fixture();
    let rows = f.json("seeds", &["compare", "出庭应诉率"]);
    let value_in = |place: &str| -> Vec<f64> {
        rows.iter()
            .filter(|r| s(&r["place"]).contains(place))
            .map(|r| r["value"].as_f64().unwrap())
            .collect()
    };
    assert_eq!(value_in("酒泉"), vec![75.0], "{rows:#?}");
    assert_eq!(value_in("郓城"), vec![100.0], "{rows:#?}");
    for r in &rows {
        assert_eq!(s(&r["unit"]), "%");
        assert_eq!(s(&r["status"]), "result");
        // A researcher can check every row: the sentence states it.
        assert!(s(&r["sentence"]).contains(s(&r["text"])), "{r}");
        assert!(s(&r["sentence"]).contains("出庭应诉率"), "{r}");
        assert!(r["doc_id"].as_str().is_some_and(|d| d.ends_with(".txt")));
        assert!(r["doc_year"].as_i64().is_some());
    }
    // `year` is the year the figure is about: 酒泉's 年度 report dates its results to
    // 2017; the 郓城 article says no year for its figure (issue 11).
    let year_in = |place: &str| {
        let row = rows.iter().find(|r| s(&r["place"]).contains(place));
        row.unwrap()["year"].clone()
    };
    assert_eq!(year_in("酒泉"), 2017);
    assert_eq!(year_in("郓城"), Value::Null);
    let human = f.ok("seeds", &["compare", "出庭应诉率"]);
    fits_80(&human);
    let line = |place: &str| {
        human
            .lines()
            .find(|l| l.starts_with(place))
            .unwrap_or_else(|| panic!("no row for {place}:\n{human}"))
            .to_string()
    };
    assert!(line("甘肃省酒泉市").contains(" 75 "), "{human}");
    assert!(line("山东省菏泽市郓城县").contains(" 100 "), "{human}");
    let csv = f.csv("seeds", &["compare", "出庭应诉率"]);
    assert_eq!(csv.len(), rows.len());
    assert!(csv
        .iter()
        .any(|r| r["place"] == "甘肃省酒泉市" && r["value"] == "75"));
    assert!(csv
        .iter()
        .all(|r| !r["sentence"].is_empty() && !r["doc_id"].is_empty()));
}

#[test]
fn compare_legal_advisers_in_people_gives_the_total_434_over_its_parts() {
    let f = fixture();
    let rows = f.json("seeds", &["compare", "法律顾问", "--unit", "人"]);
    let jiuquan: Vec<&Value> = rows
        .iter()
        .filter(|r| s(&r["place"]).contains("酒泉"))
        .collect();
    assert_eq!(jiuquan.len(), 1, "{rows:#?}");
    assert_eq!(jiuquan[0]["value"].as_f64(), Some(434.0));
    assert!(s(&jiuquan[0]["sentence"]).starts_with("全市共聘请法律顾问434人"));
    // --unit 人 keeps the class 人, 名, 位 and nothing else.
    assert!(rows
        .iter()
        .all(|r| ["人", "名", "位"].contains(&s(&r["unit"]))));
    // --all lists every value, the parts (市政府聘请法律顾问10人) among them.
    let all = f.json("seeds", &["compare", "法律顾问", "--unit", "人", "--all"]);
    let values: BTreeSet<i64> = all
        .iter()
        .filter(|r| s(&r["place"]).contains("酒泉"))
        .filter_map(|r| r["value"].as_i64())
        .collect();
    assert!(values.contains(&434) && values.contains(&10), "{values:?}");
    // The total (全市共…) scores above the parts (其中市政府聘请法律顾问10人).
    let score = |v: i64| {
        all.iter()
            .find(|r| s(&r["place"]).contains("酒泉") && r["value"].as_i64() == Some(v))
            .map(|r| r["score"].as_f64().unwrap())
            .unwrap()
    };
    assert!(score(434) > score(10) && score(434) > score(168));
    assert!(all.len() > rows.len());
    // 万元 names the unit 元; an unknown unit is one clear error.
    let out = run(
        f.dir.path(),
        &[
            "compare",
            "法律顾问",
            "--unit",
            "斤斤",
            "--index",
            &f.index("seeds"),
        ],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not a unit"), "{}", stderr(&out));
    assert_eq!(stderr(&out).lines().count(), 1);
}

#[test]
fn compare_gdp_in_yuan_gives_one_row_per_province_and_year_with_targets_apart() {
    let f = fixture();
    // `year` is the year a figure is about: a report of year Y reviews Y−1 (issue 11).
    let rows = f.json(
        "provinces",
        &[
            "compare",
            "生产总值",
            "--unit",
            "元",
            "--years",
            "..",
            "--status",
            "result",
        ],
    );
    let got: BTreeMap<(String, i64), (i64, String)> = rows
        .iter()
        .map(|r| {
            (
                (s(&r["place"]).to_string(), r["year"].as_i64().unwrap()),
                (r["value"].as_i64().unwrap(), s(&r["status"]).to_string()),
            )
        })
        .collect();
    assert_eq!(
        got.len(),
        rows.len(),
        "one row per province and year: {rows:#?}"
    );
    // The expected facts of tests/fixtures/provinces.md.
    // (江西's 南昌市 figure is a part, its 人均 figure per head: neither is a row.)
    let expected = [
        ("河南省", 2022, 6_130_000_000_000),
        ("河南省", 2023, 6_350_000_000_000),
        ("广东省", 2023, 13_570_000_000_000),
        ("四川省", 2023, 6_000_000_000_000),
        ("湖北省", 2023, 6_660_000_000_000),
        ("青海省", 2023, 379_910_000_000),
        ("浙江省", 2023, 8_260_000_000_000),
        ("江西省", 2024, 3_470_000_000_000),
    ];
    for (p, y, v) in expected {
        assert_eq!(
            got.get(&(p.to_string(), y)),
            Some(&(v, "result".to_string())),
            "{p} {y}: {rows:#?}"
        );
    }
    assert_eq!(got.len(), expected.len(), "西藏 states no GDP: {rows:#?}");
    assert!(rows.iter().all(|r| s(&r["unit"]) == "元"));
    // 6.66万亿元 → 6660000000000, as written kept beside it.
    assert!(rows
        .iter()
        .any(|r| s(&r["text"]) == "6.66万亿元" && r["value"].as_i64() == Some(6_660_000_000_000)));
    // Growth targets (增长5%左右) are targets, in rows of their own.
    let targets = f.json("provinces", &["compare", "生产总值", "--status", "target"]);
    let target_of = |p: &str| -> Vec<(f64, bool)> {
        targets
            .iter()
            .filter(|r| s(&r["place"]) == p && s(&r["unit"]) == "%")
            .map(|r| (r["value"].as_f64().unwrap(), r["approx"].as_bool().unwrap()))
            .collect()
    };
    assert_eq!(target_of("广东省"), vec![(5.0, true)], "{targets:#?}");
    assert_eq!(target_of("湖北省"), vec![(6.0, true)]);
    assert_eq!(target_of("青海省"), vec![(4.5, true)]);
    assert!(targets.iter().all(|r| s(&r["status"]) == "target"));
    // Without --unit, yuan and percent never share a row: results in 元 and in %
    // (growth) come apart, and targets after results.
    let both = f.json("provinces", &["compare", "生产总值"]);
    let hubei: Vec<(String, String)> = both
        .iter()
        .filter(|r| s(&r["place"]) == "湖北省")
        .map(|r| (s(&r["status"]).to_string(), s(&r["unit"]).to_string()))
        .collect();
    assert_eq!(
        hubei,
        // Results, then targets; each year's level, then its change.
        vec![
            ("result".into(), "元".into()),
            ("result".into(), "%".into()),
            ("target".into(), "%".into())
        ]
    );
    let statuses: Vec<&str> = both.iter().map(|r| s(&r["status"])).collect();
    assert!(statuses
        .windows(2)
        .all(|w| !(w[0] == "target" && w[1] == "result")));
    let human = f.ok("provinces", &["compare", "生产总值", "--unit", "元"]);
    fits_80(&human);
    assert!(human.contains("6660000000000"), "{human}");
    let csv = f.csv("provinces", &["compare", "生产总值", "--unit", "元"]);
    assert!(csv
        .iter()
        .any(|r| r["place"] == "湖北省" && r["value"] == "6660000000000" && r["code"] == "420000"));
}

#[test]
fn mechanisms_in_two_places_list_sanxiang_zhidu_with_its_places() {
    let f = fixture();
    let rows = f.json("seeds", &["mechanisms", "--min-places", "2"]);
    assert!(!rows.is_empty());
    for r in &rows {
        assert!(r["places"].as_array().unwrap().len() >= 2, "{r}");
    }
    let sanxiang = rows
        .iter()
        .find(|r| s(&r["key"]) == "三项制度")
        .expect("三项制度 in two or more places");
    let places: Vec<&str> = sanxiang["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(s)
        .collect();
    for p in ["巴中", "郓城"] {
        assert!(places.iter().any(|x| x.contains(p)), "{places:?}");
    }
    assert!(
        places
            .iter()
            .any(|x| x.contains("濮阳") || x.contains("驻马店")),
        "{places:?}"
    );
    assert_eq!(sanxiang["documents"].as_u64(), Some(3));
    // Most widespread first.
    let counts: Vec<usize> = rows
        .iter()
        .map(|r| r["places"].as_array().unwrap().len())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // 1211 is named in one place only.
    assert!(rows.iter().all(|r| s(&r["key"]) != "1211"));
    let one = f.json("seeds", &["mechanisms"]);
    assert!(one.iter().any(|r| s(&r["key"]) == "1211"));
    // --region keeps mechanisms named in passages about that place.
    let yinchuan = f.json("seeds", &["mechanisms", "--region", "银川"]);
    let keys: BTreeSet<&str> = yinchuan.iter().map(|r| s(&r["key"])).collect();
    assert!(
        keys.contains("审管分离") && keys.contains("一局一章"),
        "{keys:?}"
    );
    assert!(!keys.contains("1211"));
    let human = f.ok("seeds", &["mechanisms", "--min-places", "2"]);
    fits_80(&human);
    assert!(human
        .lines()
        .any(|l| l.starts_with("三项制度") && l.contains("巴中市")));
    let csv = f.csv("seeds", &["mechanisms", "--min-places", "2"]);
    assert_eq!(csv.len(), rows.len());
    assert!(csv.iter().any(|r| r["mechanism"] == "三项制度"
        && r["places"] == "3"
        && r["place_names"].contains("四川省巴中市")));
}

#[test]
fn mechanism_shows_each_place_document_sentence_and_expansion() {
    let f = fixture();
    for key in ["1211", "“1211”"] {
        let rows = f.json("seeds", &["mechanism", key]);
        assert_eq!(rows.len(), 1, "{rows:#?}");
        let r = &rows[0];
        assert_eq!(s(&r["place"]), "河南省驻马店市");
        assert_eq!(
            r["expansion"],
            serde_json::json!(["一平台", "两抓手", "一带动", "一考核"])
        );
        assert!(s(&r["sentence"]).contains("1211"));
        assert_eq!(s(&r["date"]), "2020-12-14");
        assert!(s(&r["doc_id"]).starts_with("000_"));
    }
    let rows = f.json("seeds", &["mechanism", "三项制度"]);
    let places: BTreeSet<&str> = rows.iter().map(|r| s(&r["place"])).collect();
    assert_eq!(places.len(), 3, "{places:?}");
    assert!(rows.iter().all(|r| s(&r["sentence"]).contains("三项制度")));
    let all = f.json("seeds", &["mechanism", "三项制度", "--all"]);
    let mentions: u64 = rows.iter().map(|r| r["mentions"].as_u64().unwrap()).sum();
    assert_eq!(all.len() as u64, mentions);
    let human = f.ok("seeds", &["mechanism", "1211"]);
    fits_80(&human);
    assert!(human.contains("一平台、两抓手"), "{human}");
    let csv = f.csv("seeds", &["mechanism", "1211"]);
    assert_eq!(csv[0]["expansion"], "一平台、两抓手、一带动、一考核");
}

/// `(doc_id, start)` of every mechanism record of `key`, from `govmine extract`.
fn mention_offsets(key: &str) -> BTreeSet<(String, u64)> {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(
        dir.path(),
        &[
            "extract",
            common::seeds().to_str().unwrap(),
            "--types",
            "mechanism",
            "--quiet",
        ],
    );
    out.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| s(&r["key"]) == key)
        .map(|r| (s(&r["doc_id"]).to_string(), r["start"].as_u64().unwrap()))
        .collect()
}

#[test]
fn search_with_mechanism_returns_only_passages_that_name_it() {
    let f = fixture();
    let mentions = mention_offsets("三项制度");
    let search = |extra: &[&str]| -> Vec<Value> {
        let mut a = vec!["search", "执法", "--all", "--passages", "100"];
        a.extend_from_slice(extra);
        f.json("seeds", &a)
            .into_iter()
            .filter(|v| v.get("facet").is_none())
            .collect()
    };
    let hits = search(&["--mechanism", "三项制度"]);
    assert_eq!(hits.len(), 3, "{hits:#?}");
    let mut passages = 0;
    for h in &hits {
        for p in h["passages"].as_array().unwrap() {
            passages += 1;
            let (a, b) = (p["start"].as_u64().unwrap(), p["end"].as_u64().unwrap());
            assert!(
                mentions
                    .iter()
                    .any(|(d, at)| d == s(&h["doc"]) && a <= *at && *at < b),
                "a passage that does not name 三项制度: {p}"
            );
            assert!(s(&p["snippet"]).contains("执法"));
        }
    }
    // Without the filter, more passages (and documents) match 执法.
    let unfiltered = search(&[]);
    let unfiltered_passages: usize = unfiltered
        .iter()
        .map(|h| h["passages"].as_array().unwrap().len())
        .sum();
    assert!(unfiltered.len() > hits.len() && unfiltered_passages > passages);
    // With no terms, every passage naming it.
    let named = f.json("seeds", &["search", "--mechanism", "三项制度", "--all"]);
    assert_eq!(named.len(), 3);
    // A key not in the index: said, with the closest key, exit 0.
    let out = f.ok("seeds", &["search", "执法", "--mechanism", "三项制"]);
    assert!(
        out.contains("no mechanism 三项制") && out.contains("三项制度"),
        "{out}"
    );
}

#[test]
fn search_facets_count_matches_by_province_prefecture_and_year() {
    let f = fixture();
    let out = f.json(
        "seeds",
        &[
            "search",
            "法律顾问",
            "--all",
            "--facets",
            "--passages",
            "1000",
        ],
    );
    let (facets, hits): (Vec<&Value>, Vec<&Value>) =
        out.iter().partition(|v| v.get("facet").is_some());
    assert!(!hits.is_empty());
    let count = |facet: &str, value: &str| -> Option<u64> {
        facets
            .iter()
            .find(|v| s(&v["facet"]) == facet && s(&v["value"]) == value)
            .map(|v| v["documents"].as_u64().unwrap())
    };
    // Independently: documents with a matching passage per province and year.
    let mut by_province: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut by_year: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for h in &hits {
        let year = h["year"]
            .as_i64()
            .map_or("(no year)".into(), |y| y.to_string());
        by_year.entry(year).or_default().insert(s(&h["doc"]).into());
        for p in h["passages"].as_array().unwrap() {
            let province = p["place"].as_str().map(|pl| {
                ["省", "自治区", "市"]
                    .iter()
                    .filter_map(|end| pl.find(end).map(|i| &pl[..i + end.len()]))
                    .min_by_key(|x| x.len())
                    .unwrap_or(pl)
                    .to_string()
            });
            let province = province.unwrap_or("(no place)".into());
            by_province
                .entry(province)
                .or_default()
                .insert(s(&h["doc"]).into());
        }
    }
    for (p, docs) in &by_province {
        assert_eq!(
            count("province", p),
            Some(docs.len() as u64),
            "{p}: {facets:#?}"
        );
    }
    for (y, docs) in &by_year {
        assert_eq!(count("year", y), Some(docs.len() as u64), "{y}");
    }
    assert!(count("prefecture", "甘肃省酒泉市").is_some());
    let human = f.ok("seeds", &["search", "法律顾问", "--facets"]);
    assert!(
        human.contains("matching documents by") && human.contains("甘肃省 "),
        "{human}"
    );
    let csv = f.csv("seeds", &["search", "法律顾问", "--facets"]);
    assert!(csv
        .iter()
        .any(|r| r["facet"] == "province" && r["value"] == "甘肃省"));
}

/// Occurrences of `term` per year in the national file, counted here from the JSONL:
/// title and content of each report with a year.
fn independent_counts(term: &str) -> BTreeMap<i64, usize> {
    let mut out = BTreeMap::new();
    for l in std::fs::read_to_string(national_file()).unwrap().lines() {
        let r: Value = serde_json::from_str(l).unwrap();
        // `year` is a string in this file ("2017"), null for the NPC resolutions.
        let Some(year) = r["year"]
            .as_i64()
            .or_else(|| r["year"].as_str().and_then(|y| y.parse().ok()))
        else {
            continue;
        };
        *out.entry(year).or_default() +=
            s(&r["title"]).matches(term).count() + s(&r["content"]).matches(term).count();
    }
    out
}

#[test]
fn trend_by_year_matches_independent_counts_on_the_national_reports() {
    let f = fixture();
    for term in ["放管服", "营商环境"] {
        let expected = independent_counts(term);
        let rows = f.json("national", &["trend", term, "--by", "year"]);
        let first = *expected.keys().next().unwrap();
        let last = *expected.keys().last().unwrap();
        // Every year from the first to the last, in order.
        let years: Vec<i64> = rows.iter().filter_map(|r| r["year"].as_i64()).collect();
        assert_eq!(years, (first..=last).collect::<Vec<_>>());
        for r in &rows {
            let y = r["year"].as_i64().unwrap();
            match expected.get(&y) {
                Some(n) => {
                    assert_eq!(r["mentions"].as_u64(), Some(*n as u64), "{term} {y}");
                    let per = r["per_10k"].as_f64().unwrap();
                    let chars = r["chars"].as_f64().unwrap();
                    assert!((per - *n as f64 * 10_000.0 / chars).abs() < 1e-9);
                }
                // A year without a report is missing, not zero.
                None => {
                    assert!(r["mentions"].is_null() && r["per_10k"].is_null(), "{r}");
                    assert_eq!(r["documents"].as_u64(), Some(0));
                }
            }
        }
        let row_2020 = rows.iter().find(|r| r["year"] == 2020).unwrap();
        assert!(
            row_2020["mentions"].is_null(),
            "2020 has no report: {row_2020}"
        );
    }
    let fgf = f.json("national", &["trend", "放管服"]);
    let first_seen = fgf
        .iter()
        .find(|r| r["mentions"].as_u64().is_some_and(|n| n > 0))
        .unwrap();
    assert_eq!(first_seen["year"], 2017);
    let human = f.ok("national", &["trend", "放管服", "--by", "year"]);
    fits_80(&human);
    let line_2020 = human.lines().find(|l| l.starts_with("2020")).unwrap();
    assert!(
        line_2020.contains('—') && !line_2020.contains(" 0 "),
        "{line_2020}"
    );
    let csv = f.csv("national", &["trend", "放管服"]);
    let c2017 = csv.iter().find(|r| r["year"] == "2017").unwrap();
    assert_eq!(c2017["mentions"], "1");
}

#[test]
fn trend_counts_the_whole_national_file_too() {
    // With the NPC resolutions, 2020 has a document (the resolution of the 13th NPC's
    // third session), so it shows as zero, not missing; years still match counts made
    // over every line the index dates.
    let f = fixture();
    let rows = f.json("national-all", &["trend", "放管服"]);
    let r2020 = rows.iter().find(|r| r["year"] == 2020).unwrap();
    assert_eq!(r2020["documents"].as_u64(), Some(1));
    assert_eq!(r2020["mentions"].as_u64(), Some(0));
    let total: u64 = rows.iter().filter_map(|r| r["mentions"].as_u64()).sum();
    let all_text = std::fs::read_to_string(national_file()).unwrap();
    let in_file: usize = all_text
        .lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).unwrap();
            s(&r["title"]).matches("放管服").count() + s(&r["content"]).matches("放管服").count()
        })
        .sum();
    assert_eq!(total as usize, in_file);
}

#[test]
fn trend_by_region_counts_per_place() {
    let f = fixture();
    let rows = f.json("seeds", &["trend", "三项制度", "--by", "region"]);
    let get = |p: &str| rows.iter().find(|r| s(&r["group"]) == p).unwrap();
    assert_eq!(get("河南省濮阳市")["mentions"].as_u64(), Some(4));
    assert_eq!(get("四川省巴中市")["mentions"].as_u64(), Some(1));
    assert_eq!(get("甘肃省酒泉市")["mentions"].as_u64(), Some(0));
    let total: u64 = rows.iter().filter_map(|r| r["mentions"].as_u64()).sum();
    assert_eq!(total as usize, mention_offsets("三项制度").len());
    let human = f.ok("seeds", &["trend", "三项制度", "--by", "region"]);
    fits_80(&human);
    let csv = f.csv("seeds", &["trend", "三项制度", "--by", "region"]);
    assert_eq!(csv.len(), rows.len());
    assert!(csv
        .iter()
        .any(|r| r["place"] == "河南省濮阳市" && r["mentions"] == "4"));
}

#[test]
fn regions_lists_places_with_document_and_passage_counts() {
    let f = fixture();
    let rows = f.json("seeds", &["regions"]);
    let jiuquan = rows
        .iter()
        .find(|r| s(&r["place"]) == "甘肃省酒泉市")
        .unwrap();
    assert_eq!(jiuquan["level"], "prefecture");
    assert_eq!(jiuquan["documents"].as_u64(), Some(1));
    assert!(jiuquan["passages"].as_u64().unwrap() > 5);
    assert!(jiuquan["records"].as_u64().unwrap() > 100);
    let yuncheng = rows
        .iter()
        .find(|r| s(&r["place"]).ends_with("郓城县"))
        .unwrap();
    assert_eq!(yuncheng["level"], "county");
    // Passages add up to the index's passages.
    let stats: Value = serde_json::from_str(&f.ok("seeds", &["stats", "--json"])).unwrap();
    let passages: u64 = rows.iter().map(|r| r["passages"].as_u64().unwrap()).sum();
    assert_eq!(passages, stats["passages"].as_u64().unwrap());
    let provinces = f.json("provinces", &["regions"]);
    let names: Vec<&str> = provinces.iter().map(|r| s(&r["place"])).collect();
    // Nine provinces, and 南昌市, a city whose figure 江西's report states.
    assert_eq!(provinces.len(), 10, "{names:?}");
    assert!(provinces
        .iter()
        .all(|r| r["level"] == "province" || s(&r["place"]) == "江西省南昌市"));
    let human = f.ok("seeds", &["regions"]);
    fits_80(&human);
    let csv = f.csv("seeds", &["regions"]);
    assert_eq!(csv.len(), rows.len());
}

#[test]
fn nothing_matching_is_said_with_the_closest_keys_or_indicators() {
    let f = fixture();
    let out = f.ok("seeds", &["mechanism", "三项制"]);
    assert!(
        out.contains("no mechanism 三项制") && out.contains("三项制度"),
        "{out}"
    );
    let out = f.ok("provinces", &["compare", "生产总量"]);
    assert!(
        out.contains("no value stated for 生产总量") && out.contains("生产总值"),
        "{out}"
    );
    let out = f.ok("provinces", &["compare", "生产总值", "--unit", "人"]);
    assert!(out.contains("try --unit"), "{out}");
    let out = f.ok("seeds", &["mechanisms", "--min-places", "9"]);
    assert!(
        out.contains("no mechanism is named in 9 or more places"),
        "{out}"
    );
    let out = f.ok("seeds", &["trend", "营商环境优化提升年"]);
    assert!(out.contains("does not occur"), "{out}");
    // With --json and --csv, stdout stays machine-readable: the note goes to stderr.
    let idx = f.index("seeds");
    let out = run(
        f.dir.path(),
        &["mechanism", "三项制", "--json", "--index", &idx],
    );
    assert!(out.status.success() && out.stdout.is_empty());
    assert!(stderr(&out).contains("三项制度"));
    // Unusable questions are one clear line and a non-zero exit.
    for args in [
        vec!["compare", "，"],
        vec!["trend", " "],
        vec!["compare", "出庭应诉率", "--years", "2020-2016"],
        vec!["mechanisms", "--region", "不存在的地方"],
        vec!["trend", "放管服", "--by", "month"],
    ] {
        let mut a = args.clone();
        a.extend(["--index", idx.as_str()]);
        let out = run(f.dir.path(), &a);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        // One line that says what is wrong (clap adds its usage lines after it).
        let first = err.lines().next().unwrap_or("");
        assert!(
            first.starts_with("govmine: ") || first.starts_with("error: "),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn every_command_answers_in_every_format() {
    let f = fixture();
    let commands: [&[&str]; 7] = [
        &["mechanisms"],
        &["mechanism", "三项制度"],
        &["compare", "出庭应诉率"],
        &["trend", "执法"],
        &["trend", "执法", "--by", "region"],
        &["regions"],
        &["search", "执法", "--mechanism", "三项制度"],
    ];
    for c in commands {
        let human = f.ok("seeds", c);
        assert!(!human.trim().is_empty(), "{c:?}");
        // Tables fit 80 columns; search prints its snippets whole, for the terminal to wrap.
        if c[0] != "search" {
            fits_80(&human);
        }
        let json = f.json("seeds", c);
        assert!(!json.is_empty(), "{c:?}");
        let csv = f.csv("seeds", c);
        assert!(!csv.is_empty(), "{c:?}");
        // Every row has the same columns as the header.
        let width = csv[0].len();
        assert!(csv.iter().all(|r| r.len() == width));
    }
    // The default index (built from corpus/ on first use) works for them too.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&common::seeds(), &dir.path().join("corpus"));
    let out = govmine(dir.path())
        .args(["mechanisms", "--min-places", "2"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("三项制度"));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

#[test]
fn replaced_documents_are_not_counted_twice() {
    // A re-ingested, changed file replaces its old passages (deleted in the index):
    // trend, regions and compare count only the new ones.
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let file = docs.join("report.txt");
    let index = dir.path().join("idx");
    std::fs::write(&file, "酒泉市法治政府建设报告\n深化“放管服”改革，“放管服”改革成效明显。\n行政机关负责人出庭应诉率为75%。\n").unwrap();
    ingest(dir.path(), &index, &[&docs]);
    std::fs::write(
        &file,
        "酒泉市法治政府建设报告\n深化“放管服”改革。\n行政机关负责人出庭应诉率为80%。\n",
    )
    .unwrap();
    ingest(dir.path(), &index, &[&docs]);
    let idx = index.to_str().unwrap();
    let rows: Vec<Value> = ok(dir.path(), &["trend", "放管服", "--json", "--index", idx])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let total: u64 = rows.iter().filter_map(|r| r["mentions"].as_u64()).sum();
    assert_eq!(total, 1, "{rows:#?}");
    let out = ok(
        dir.path(),
        &["compare", "出庭应诉率", "--json", "--index", idx],
    );
    let values: Vec<f64> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["value"]
                .as_f64()
                .unwrap()
        })
        .collect();
    assert_eq!(values, vec![80.0], "{out}");
    let regions: Vec<Value> = ok(dir.path(), &["regions", "--json", "--index", idx])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let docs: u64 = regions
        .iter()
        .map(|r| r["documents"].as_u64().unwrap())
        .max()
        .unwrap();
    assert_eq!(docs, 1);
}

#[test]
fn places_roll_up_to_provinces_and_compare_sorts_by_value() {
    let f = fixture();
    // regions --level province: 重庆市渝北区 under 重庆市, the two 河南 cities as 河南省.
    let rows = f.json("seeds", &["regions", "--level", "province"]);
    let henan = rows.iter().find(|r| s(&r["place"]) == "河南省").unwrap();
    let fine = f.json("seeds", &["regions"]);
    let henan_passages: u64 = fine
        .iter()
        .filter(|r| s(&r["place"]).starts_with("河南省"))
        .map(|r| r["passages"].as_u64().unwrap())
        .sum();
    assert_eq!(henan["passages"].as_u64(), Some(henan_passages));
    // One document is about 驻马店 and written by 濮阳: once under 河南省 for each role.
    assert_eq!(henan["documents"].as_u64(), Some(1));
    assert_eq!(henan["subject_of"].as_u64(), Some(1));
    assert!(rows
        .iter()
        .all(|r| r["level"] == "province" || r["path"].as_array().unwrap().is_empty()));
    // trend --by region --level province sums the cities.
    let t = f.json(
        "seeds",
        &["trend", "三项制度", "--by", "region", "--level", "province"],
    );
    let h = t.iter().find(|r| s(&r["group"]) == "河南省").unwrap();
    assert_eq!(h["mentions"].as_u64(), Some(4));
    // compare --sort value: largest first.
    let by_value = f.json(
        "provinces",
        &[
            "compare",
            "生产总值",
            "--unit",
            "元",
            "--sort",
            "value",
            "--status",
            "result",
        ],
    );
    let values: Vec<i64> = by_value
        .iter()
        .map(|r| r["value"].as_i64().unwrap())
        .collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    assert_eq!(values[0], 13_570_000_000_000);
    // A term that never occurs: said, with the closest keys or subjects.
    let out = f.ok("seeds", &["trend", "三项制度改革创新"]);
    assert!(
        out.contains("does not occur") && out.contains("三项制度"),
        "{out}"
    );
}

#[test]
fn compare_resolves_an_official_name_through_the_catalogue() {
    // A report that writes GDP as 全省生产总值 and 经济总量, its growth as 经济增长, and
    // 经济增长 beside a level that is not GDP.
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("in");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("gz.txt"),
        "2024年贵州省政府工作报告\n一、2023年工作回顾\n全省生产总值达到20913亿元，增长4.9%。\n\
         二、2024年主要预期目标\n经济增长预期目标为5.5%左右。\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("hn.txt"),
        "2024年海南省政府工作报告\n一、2023年工作回顾\n经济总量达到7551亿元。\n\
         我们推动经济增长的投资达到100亿元。\n",
    )
    .unwrap();
    let index = tmp.path().join("idx");
    ingest(tmp.path(), &index, &[&corpus]);
    let idx = index.to_str().unwrap();
    let rows: Vec<Value> = ok(
        tmp.path(),
        &["compare", "地区生产总值", "--json", "--index", idx],
    )
    .lines()
    .map(|l| serde_json::from_str(l).unwrap())
    .collect();
    let got: BTreeSet<(String, String, String)> = rows
        .iter()
        .map(|r| {
            (
                s(&r["place"]).to_owned(),
                r["value"].to_string(),
                s(&r["unit"]).to_owned(),
            )
        })
        .collect();
    let want = |p: &str, v: &str, u: &str| (p.to_owned(), v.to_owned(), u.to_owned());
    for w in [
        want("贵州省", "2091300000000", "元"),
        want("贵州省", "4.9", "%"),
        want("贵州省", "5.5", "%"),
        want("海南省", "755100000000", "元"),
    ] {
        assert!(got.contains(&w), "{w:?} not in {got:?}");
    }
    // 经济增长 names GDP growth only: the 100亿元 beside it is no GDP level.
    assert!(!got.iter().any(|(_, v, _)| v == "10000000000"), "{got:?}");
}

/// One figure of the table in tests/fixtures/provinces.md (jiangxi.csv, xinjiang.csv).
struct Stated {
    place: String,
    indicator: String,
    value: f64,
    unit: String,
    status: String,
    ref_year: Option<i64>,
    form: String,
    aggregation: String,
    basis: String,
    scope: String,
}

fn stated_figures() -> Vec<Stated> {
    let md = std::fs::read_to_string(common::root().join("tests/fixtures/provinces.md")).unwrap();
    md.lines()
        .filter(|l| l.starts_with("| jiangxi.csv") || l.starts_with("| xinjiang.csv"))
        .map(|l| {
            let c: Vec<&str> = l.split('|').map(str::trim).collect();
            Stated {
                place: c[2].to_owned(),
                indicator: c[3].to_owned(),
                value: c[5].parse().unwrap(),
                unit: c[6].to_owned(),
                status: c[7].to_owned(),
                ref_year: c[8].parse().ok(),
                form: c[9].to_owned(),
                aggregation: c[10].to_owned(),
                basis: c[11].to_owned(),
                scope: c[12].to_owned(),
            }
        })
        .collect()
}

#[test]
fn compare_states_each_fixture_figure_for_its_year_status_and_form_and_nothing_else() {
    // Issue 11: 江西's 2025 report (targets split by ；, falls) and 新疆's 2026 report
    // (a five-year review, a part of the region, 2030 goals), by the table of
    // tests/fixtures/provinces.md.
    let f = fixture();
    let figures = stated_figures();
    assert!(figures.len() >= 40, "{}", figures.len());
    let mut checked = 0;
    for x in &figures {
        let own = x.scope == "whole" && x.aggregation == "annual";
        let (Some(year), true) = (x.ref_year, own) else {
            continue;
        };
        let catalogue_basis = x.basis == "total" || x.indicator.starts_with("人均");
        if !catalogue_basis || x.indicator.contains('占') || x.indicator.contains("比率") {
            continue;
        }
        let year = year.to_string();
        let rows = f.json(
            "provinces",
            &[
                "compare",
                &x.indicator,
                "--status",
                &x.status,
                "--year",
                &year,
                "--region",
                &x.place,
            ],
        );
        let first = rows.iter().find(|r| s(&r["form"]) == x.form);
        let got = first.map(|r| (r["value"].as_f64().unwrap(), s(&r["unit"]).to_owned()));
        assert_eq!(
            got,
            Some((x.value, x.unit.clone())),
            "{} {} {} {year}: {rows:#?}",
            x.place,
            x.indicator,
            x.status
        );
        checked += 1;
    }
    assert!(checked >= 25, "{checked}");
    // Never a part, a share, a ratio, a per-head figure or a five-year one for GDP.
    let never = |args: &[&str], values: &[f64]| {
        let rows = f.json("provinces", args);
        for r in &rows {
            let v = r["value"].as_f64().unwrap();
            assert!(!values.contains(&v), "{args:?} gave {v}: {r}");
        }
    };
    never(
        &[
            "compare",
            "地区生产总值",
            "--region",
            "江西",
            "--years",
            "..",
        ],
        &[10.2, 13.9, 8.5, 800_000_000_000.0, 76_800.0],
    );
    never(
        &[
            "compare",
            "地区生产总值",
            "--region",
            "新疆",
            "--years",
            "..",
        ],
        &[6.2, 7.0, 5.5, 81_000.0],
    );
    never(
        &[
            "compare",
            "地区生产总值",
            "--region",
            "新疆",
            "--status",
            "target",
            "--year",
            "2026",
        ],
        &[2_800_000_000_000.0, 5.5],
    );
    // The parts are rows of their own with --parts: 南昌市 under its own place.
    let parts = f.json(
        "provinces",
        &[
            "compare",
            "地区生产总值",
            "--region",
            "江西",
            "--parts",
            "--years",
            "..",
        ],
    );
    assert!(parts
        .iter()
        .any(|r| s(&r["place"]) == "江西省南昌市" && r["value"].as_f64() == Some(8e11)));
    assert!(parts
        .iter()
        .any(|r| s(&r["place"]).ends_with("赣江新区") && r["value"].as_f64() == Some(8.5)));
}

#[test]
fn compare_converts_within_a_measure_and_gives_panels_of_indicators() {
    let f = fixture();
    // --unit 吨: 江西's 436.8亿斤 ranks beside 新疆's 2396.7万吨, both in 吨; as written kept.
    let rows = f.json(
        "provinces",
        &[
            "compare",
            "粮食产量",
            "--unit",
            "吨",
            "--status",
            "result",
            "--years",
            "..",
        ],
    );
    let of = |p: &str| rows.iter().find(|r| s(&r["place"]) == p).unwrap();
    assert_eq!(of("江西省")["value"].as_f64(), Some(21_840_000.0));
    assert_eq!(s(&of("江西省")["text"]), "436.8亿斤");
    assert_eq!(of("新疆维吾尔自治区")["value"].as_f64(), Some(23_967_000.0));
    assert!(rows.iter().all(|r| s(&r["unit"]) == "吨"));
    // Several indicators: one table of rows, each naming its indicator.
    let panel = f.csv(
        "provinces",
        &[
            "compare",
            "地区生产总值",
            "城镇新增就业",
            "--year",
            "2024",
            "--status",
            "result",
        ],
    );
    let jx: Vec<(&str, &str)> = panel
        .iter()
        .filter(|r| r["place"] == "江西省")
        .map(|r| (r["indicator"].as_str(), r["value"].as_str()))
        .collect();
    assert_eq!(
        jx,
        [
            ("地区生产总值", "3470000000000"),
            ("地区生产总值", "5.3"),
            ("城镇新增就业", "436000")
        ]
    );
    let human = f.ok(
        "provinces",
        &["compare", "地区生产总值", "城镇新增就业", "--year", "2024"],
    );
    fits_80(&human);
    assert!(human.contains("城镇新增就业, year 2024"), "{human}");
}
