//! The hand-read truth of `tests/truth/` (see its README): what six provincial 2026
//! reports and the national reports of 2010–2025 state for catalogue indicators, read
//! by hand before the program was run on them.
//!
//! - [`the_truth_tables_are_well_formed_and_quote_their_reports`] keeps the tables honest:
//!   every row complete, every key once, every clause a verbatim part of its report,
//!   every decline signed.
//! - [`the_indicator_catalogue_is_well_formed_and_names_every_truth_indicator`] keeps
//!   `dictionaries/indicators.tsv` to its rules (one alias one indicator) and to the
//!   tables.
//! - [`compare_states_what_the_reports_state`] is issue 11's acceptance measure: `compare
//!   IND --status S --year Y --region P` must give the table's value in ≥ 95 % of the
//!   stated cells, and no row where a report states no such figure. It takes ~5 minutes
//!   (two thousand `compare` runs), so it is ignored in `cargo test`; run it with
//!   `cargo test --release --test truth -- --ignored --nocapture` to see the score and
//!   every cell missed.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::{ingest, ok, shared_corpus};
use serde_json::Value;

/// One row of a truth table.
#[derive(Debug, Clone)]
struct Cell {
    file: String,
    place: String,
    doc: String,
    indicator: String,
    form: String,
    status: String,
    ref_year: i32,
    /// `None` when the report states no such figure.
    value: Option<f64>,
    value_to: Option<f64>,
    unit: String,
    direction: String,
    clause: String,
}

const COLUMNS: [&str; 14] = [
    "place",
    "doc",
    "indicator",
    "form",
    "status",
    "ref_year",
    "value",
    "value_to",
    "unit",
    "qualifier",
    "direction",
    "clause",
    "section",
    "note",
];

/// Every row of every table in `tests/truth/`.
fn cells() -> Vec<Cell> {
    let dir = common::root().join("tests/truth");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/truth")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no tables in {}", dir.display());
    files.iter().flat_map(|f| table(f)).collect()
}

/// The rows of one table.
fn table(path: &Path) -> Vec<Cell> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    assert_eq!(header, COLUMNS, "{name}: header");
    lines
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| cell(&name, i + 2, l))
        .collect()
}

/// One line as a cell; panics naming the line when a field is malformed.
fn cell(file: &str, line: usize, text: &str) -> Cell {
    let f: Vec<&str> = text.split('\t').collect();
    let at = format!("{file}:{line}");
    assert_eq!(f.len(), COLUMNS.len(), "{at}: {} fields", f.len());
    let number = |s: &str| -> Option<f64> {
        (!s.is_empty() && s != "none").then(|| s.parse().unwrap_or_else(|_| panic!("{at}: {s}")))
    };
    Cell {
        file: file.to_owned(),
        place: f[0].to_owned(),
        doc: f[1].to_owned(),
        indicator: f[2].to_owned(),
        form: f[3].to_owned(),
        status: f[4].to_owned(),
        ref_year: f[5]
            .parse()
            .unwrap_or_else(|_| panic!("{at}: year {}", f[5])),
        value: number(f[6]),
        value_to: number(f[7]),
        unit: f[8].to_owned(),
        direction: f[10].to_owned(),
        clause: f[11].to_owned(),
    }
}

/// The text of each report of the shared corpus, by title.
fn reports() -> BTreeMap<String, String> {
    let corpus = shared_corpus();
    let mut out = BTreeMap::new();
    let jsonl = std::fs::read_to_string(corpus.join("national-work-reports.jsonl")).unwrap();
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).unwrap();
        out.insert(
            v["title"].as_str().unwrap().to_owned(),
            v["content"].as_str().unwrap().to_owned(),
        );
    }
    for entry in std::fs::read_dir(corpus.join("provincial-2026")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut r = csv::Reader::from_reader(body.as_bytes());
        let headers = r.headers().unwrap().clone();
        for rec in r.records() {
            let rec = rec.unwrap();
            let get = |k: &str| {
                rec.get(headers.iter().position(|h| h == k).unwrap())
                    .unwrap()
            };
            out.insert(get("title").to_owned(), get("full_text").to_owned());
        }
    }
    out
}

#[test]
fn the_truth_tables_are_well_formed_and_quote_their_reports() {
    let reports = reports();
    let cells = cells();
    let mut keys = BTreeSet::new();
    for c in &cells {
        let at = format!(
            "{}: {} {} {} {} {}",
            c.file, c.place, c.indicator, c.form, c.status, c.ref_year
        );
        assert!(
            keys.insert((
                c.place.clone(),
                c.indicator.clone(),
                c.form.clone(),
                c.status.clone(),
                c.ref_year
            )),
            "{at}: twice"
        );
        assert!(matches!(c.form.as_str(), "level" | "change"), "{at}: form");
        assert!(
            matches!(c.status.as_str(), "result" | "target"),
            "{at}: status"
        );
        let text = reports
            .get(&c.doc)
            .unwrap_or_else(|| panic!("{at}: no report titled {}", c.doc));
        let Some(v) = c.value else {
            assert!(
                c.clause.is_empty() && c.unit.is_empty(),
                "{at}: none with a clause or unit"
            );
            continue;
        };
        assert!(
            !c.clause.is_empty() && text.contains(&c.clause),
            "{at}: clause not in the report: {}",
            c.clause
        );
        assert!(!c.unit.is_empty(), "{at}: a value without a unit");
        assert!(
            c.value_to.is_none_or(|to| v <= to),
            "{at}: range low > high"
        );
        match (c.form.as_str(), c.direction.as_str()) {
            ("change", "down") => assert!(v <= 0.0, "{at}: a decline unsigned"),
            ("change", "up") => assert!(v >= 0.0, "{at}: a rise signed"),
            ("change", "flat") => assert!(v == 0.0, "{at}: flat"),
            ("change", d) => panic!("{at}: direction {d:?}"),
            (_, d) => assert!(d.is_empty(), "{at}: a level with a direction"),
        }
    }
    // The acceptance asks for at least 10 indicators read a province and 8 a national
    // report (a report may state fewer: the others are `none` rows).
    let mut indicators: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
    for c in &cells {
        indicators
            .entry((&c.place, &c.doc))
            .or_default()
            .insert(&c.indicator);
    }
    for ((place, doc), set) in &indicators {
        let min = if *place == "全国" { 8 } else { 10 };
        assert!(
            set.len() >= min,
            "{doc}: {} indicators read, want {min}",
            set.len()
        );
    }
}

/// `dictionaries/indicators.tsv` (issue 11's catalogue) as name → its row's fields.
fn catalogue() -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(common::root().join("dictionaries/indicators.tsv")).unwrap();
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    assert_eq!(
        header,
        [
            "name",
            "scope",
            "aliases",
            "unit_class",
            "forms",
            "basis",
            "note"
        ]
    );
    let mut out = BTreeMap::new();
    for l in lines {
        let f: Vec<String> = l.split('\t').map(str::to_owned).collect();
        assert_eq!(f.len(), 7, "{l}");
        assert!(out.insert(f[0].clone(), f).is_none(), "{l}: name twice");
    }
    out
}

#[test]
fn the_indicator_catalogue_is_well_formed_and_names_every_truth_indicator() {
    let cat = catalogue();
    assert!(cat.len() >= 40, "{} indicators", cat.len());
    let mut alias_of: BTreeMap<String, String> = BTreeMap::new();
    for (name, f) in &cat {
        assert!(
            matches!(f[1].as_str(), "national" | "regional" | "any"),
            "{name}: scope"
        );
        assert!(
            matches!(f[4].as_str(), "level" | "change" | "level|change"),
            "{name}: forms"
        );
        let basis = ["total", "per_capita", "share", "ratio", "rate"];
        assert!(basis.contains(&f[5].as_str()), "{name}: basis");
        for a in f[2].split('|').filter(|a| !a.is_empty()) {
            let (word, form) = a.split_once('@').unwrap_or((a, ""));
            assert!(matches!(form, "" | "level" | "change"), "{name}: {a}");
            assert!(
                !cat.contains_key(word),
                "{name}: alias {word} is an indicator's name"
            );
            let before = alias_of.insert(word.to_owned(), name.clone());
            assert!(before.is_none(), "{word}: alias of {name} and {before:?}");
        }
    }
    for c in cells() {
        assert!(
            cat.contains_key(&c.indicator) || alias_of.contains_key(&c.indicator),
            "{}: {} is not in the catalogue",
            c.file,
            c.indicator
        );
    }
}

/// A unit as written → (base unit, factor): 万亿元 → (元, 1e12); 亿斤 → (公斤, 5e7).
fn base_unit(unit: &str) -> (String, f64) {
    let mut factor = 1.0;
    let mut rest = unit;
    for (prefix, f) in [
        ("万亿", 1e12),
        ("亿", 1e8),
        ("千万", 1e7),
        ("百万", 1e6),
        ("万", 1e4),
        ("千", 1e3),
    ] {
        if let Some(r) = rest.strip_prefix(prefix) {
            factor = f;
            rest = r;
            break;
        }
    }
    match rest {
        "斤" => ("公斤".into(), factor * 0.5),
        "吨" => ("公斤".into(), factor * 1000.0),
        "千克" => ("公斤".into(), factor),
        "名" | "个" => ("人".into(), factor),
        u => (u.to_owned(), factor),
    }
}

/// A row of `compare --json` as (base unit, value, value_to) in comparable units.
fn row_value(row: &Value) -> (String, f64, Option<f64>) {
    let (unit, factor) = base_unit(row["unit"].as_str().unwrap_or(""));
    let v = row["value"].as_f64().unwrap_or(f64::NAN) * factor;
    (unit, v, row["value_to"].as_f64().map(|x| x * factor))
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Units a cell of this form may come in: changes in % or points, levels in anything else
/// — or in % for an indicator whose level is a percentage (its catalogue unit class:
/// 失业率, 城镇化率, 研发投入强度).
fn unit_fits(c: &Cell, unit: &str) -> bool {
    static PERCENT: std::sync::OnceLock<BTreeSet<String>> = std::sync::OnceLock::new();
    let percent = PERCENT.get_or_init(|| {
        catalogue()
            .into_iter()
            .filter(|(_, f)| f[3] == "percent")
            .map(|(n, _)| n)
            .collect()
    });
    let pct = matches!(unit, "%" | "个百分点");
    match c.form.as_str() {
        "change" => pct,
        _ if percent.contains(&c.indicator) => unit == "%",
        _ => !pct,
    }
}

/// How `compare` did on the cells, asked for each cell's year as `year_of` gives it.
#[derive(Default)]
struct Score {
    right: usize,
    stated: usize,
    /// Rows where the report states no such figure.
    invented: usize,
    wrong: Vec<String>,
}

/// `compare` over `idx` for each cell: the first row of the cell's unit class must hold
/// the cell's value (in base units); a `none` cell must get no row of that class.
fn score(dir: &Path, idx: &str, cells: &[Cell], year_of: impl Fn(&Cell) -> i32) -> Score {
    let mut s = Score::default();
    for c in cells {
        let year = year_of(c).to_string();
        let args = [
            "compare",
            &c.indicator,
            "--status",
            &c.status,
            "--year",
            &year,
            "--region",
            &c.place,
            "--json",
            "--index",
            idx,
        ];
        let rows: Vec<(String, f64, Option<f64>)> = ok(dir, &args)
            .lines()
            .map(|l| row_value(&serde_json::from_str(l).unwrap()))
            .filter(|(u, _, _)| unit_fits(c, u))
            .collect();
        let Some(v) = c.value else {
            if let Some(row) = rows.first() {
                s.invented += 1;
                s.wrong.push(format!(
                    "{} {} {} {} {}: none stated, got {row:?}",
                    c.place, c.indicator, c.form, c.status, c.ref_year
                ));
            }
            continue;
        };
        s.stated += 1;
        let (unit, factor) = base_unit(&c.unit);
        let want = (v * factor, c.value_to.map(|x| x * factor));
        let hit = rows.first().is_some_and(|(u, got, to)| {
            *u == unit
                && same(*got, want.0)
                && want.1.is_none_or(|w| to.is_some_and(|t| same(t, w)))
        });
        if hit {
            s.right += 1;
        } else {
            s.wrong.push(format!(
                "{} {} {} {} {}: want {v}{} got {:?}",
                c.place,
                c.indicator,
                c.form,
                c.status,
                c.ref_year,
                c.unit,
                rows.first()
            ));
        }
    }
    s
}

/// The year a report was delivered: the four digits its title starts with.
fn doc_year(c: &Cell) -> i32 {
    c.doc[..4].parse().expect("a title starting with its year")
}

#[test]
#[ignore = "issue 11's acceptance measure, ~5 min: cargo test --release --test truth -- --ignored"]
fn compare_states_what_the_reports_state() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx");
    let corpus = shared_corpus();
    let national = corpus.join("national-work-reports.jsonl");
    ingest(
        tmp.path(),
        &index,
        &[&corpus.join("provincial-2026"), &national],
    );
    let idx = index.to_str().unwrap();
    let cells = cells();
    // For the record: asked for the year of the report, as `--year` works today.
    let by_doc = score(tmp.path(), idx, &cells, doc_year);
    println!(
        "asked for the report's year: {} of {} stated cells, {} rows where none is stated",
        by_doc.right, by_doc.stated, by_doc.invented
    );
    let s = score(tmp.path(), idx, &cells, |c| c.ref_year);
    let share = s.right as f64 / s.stated.max(1) as f64;
    println!(
        "asked for the year the figure refers to: {} of {} stated cells ({:.1} %), {} rows where none is stated",
        s.right, s.stated, share * 100.0, s.invented
    );
    for w in &s.wrong {
        println!("  {w}");
    }
    assert!(share >= 0.95, "{} of {}", s.right, s.stated);
    assert_eq!(s.invented, 0, "rows where a report states no such figure");
}
