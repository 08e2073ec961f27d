//! What the hand labels of `tests/labels/` and `tests/labels2/` say a quantity means —
//! its period, status, form, direction, aggregation and basis (issue 11; the rules are
//! in each README's last section) — against what `govmine extract` says when it reads
//! the whole source report, so that sections frame the figures as they do in use; and
//! the subject (what is measured) — the targets: 95 % per field, 90 % subjects.
//!
//! Labels are matched to records by document, paragraph and order: the k-th label with
//! a given text in a paragraph is the k-th record with that text whose sentence lies in
//! the paragraph. Run with `--nocapture` to see every disagreement.

mod common;

use std::collections::BTreeMap;

use common::{ok, shared_corpus};
use serde_json::Value;

const SAMPLES: [&str; 2] = [
    include_str!("labels/national_sample.jsonl"),
    include_str!("labels2/national_sample.jsonl"),
];

/// The fields scored, as (name, how a label or a record gives it).
const FIELDS: [&str; 8] = [
    "value",
    "subject",
    "period",
    "status",
    "form",
    "direction",
    "aggregation",
    "basis",
];

/// Whether a record's subject says what the label's does: the same, or one inside the
/// other with at most three chars more (`全国粮食产量` for `粮食产量`).
fn same_subject(want: &str, got: &str) -> bool {
    let (w, g) = (want.chars().count(), got.chars().count());
    want == got
        || ((got.contains(want) || want.contains(got)) && w.abs_diff(g) <= 3 && w.min(g) > 0)
}

/// A field of a label or record, as a comparable string.
fn field(v: &Value, name: &str) -> String {
    match name {
        "period" => format!("{}..{}", v["period_from"], v["period_to"]),
        "value" => {
            let n = |x: &Value| match x {
                Value::String(s) => s.parse::<f64>().unwrap_or(f64::NAN),
                x => x.as_f64().unwrap_or(f64::NAN),
            };
            format!("{:.6}", n(&v["value"]))
        }
        _ => match &v[name] {
            Value::String(s) => s.clone(),
            x => x.to_string(),
        },
    }
}

/// Per field: (right, scored, disagreements).
type Tally = BTreeMap<&'static str, (usize, usize, Vec<String>)>;

fn normalise(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
#[ignore = "issue 11: the labels' period and subject are not met; cargo test --release --test label_fields -- --ignored --nocapture"]
fn quantities_mean_what_the_labels_say() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("q.jsonl");
    let corpus = shared_corpus().join("national-work-reports.jsonl");
    ok(
        tmp.path(),
        &[
            "extract",
            corpus.to_str().unwrap(),
            "--types",
            "quantity",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let mut by_doc: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for line in std::fs::read_to_string(&out).unwrap().lines() {
        let r: Value = serde_json::from_str(line).unwrap();
        let doc = r["doc"].as_str().unwrap();
        let key = format!(
            "national-work-reports.jsonl#{}",
            doc.rsplit('#').next().unwrap()
        );
        by_doc.entry(key).or_default().push(r);
    }
    let mut tally: Tally = FIELDS.iter().map(|&f| (f, (0, 0, Vec::new()))).collect();
    let (mut labels, mut matched) = (0, 0);
    for line in SAMPLES
        .iter()
        .flat_map(|s| s.lines())
        .filter(|l| !l.trim().is_empty())
    {
        let p: Value = serde_json::from_str(line).unwrap();
        let para = normalise(p["text"].as_str().unwrap());
        let doc = p["doc"].as_str().unwrap();
        let records = by_doc.get(doc).map(Vec::as_slice).unwrap_or(&[]);
        let inside: Vec<&Value> = records
            .iter()
            .filter(|r| para.contains(&normalise(r["sentence"].as_str().unwrap_or("-"))))
            .collect();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for label in p["quantities"].as_array().unwrap() {
            labels += 1;
            let text = label["text"].as_str().unwrap().to_string();
            let k = seen.entry(text.clone()).or_default();
            let found = inside.iter().filter(|r| r["text"] == text.as_str()).nth(*k);
            *k += 1;
            let Some(r) = found else { continue };
            matched += 1;
            for f in FIELDS {
                let (want, got) = (field(label, f), field(r, f));
                let t = tally.get_mut(f).unwrap();
                t.1 += 1;
                let right = match f {
                    "subject" => same_subject(&want, &got),
                    _ => want == got,
                };
                if right {
                    t.0 += 1;
                } else {
                    t.2.push(format!(
                        "{doc} ¶{} {text}: want {want} got {got}",
                        p["para"]
                    ));
                }
            }
        }
    }
    println!("{matched} of {labels} labels matched to a record");
    let mut short = Vec::new();
    for (f, (right, n, wrong)) in &tally {
        let share = *right as f64 / (*n).max(1) as f64;
        println!("{f:12} {right:4} / {n:4} = {:.1} %", share * 100.0);
        for w in wrong {
            println!("    {w}");
        }
        let target = if *f == "subject" { 0.90 } else { 0.95 };
        if share < target {
            short.push(*f);
        }
    }
    assert!(short.is_empty(), "below target: {short:?}");
}
