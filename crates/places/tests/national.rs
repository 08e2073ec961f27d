//! Every national work report, NPC resolution and party congress report is placed in 全国,
//! except the two 一大 reports about the Beijing and Guangzhou communist groups.

use govmine_places::{attribute, Gazetteer, Place};
use govmine_text::{process, Hints};

fn records(file: &str) -> Vec<(String, String)> {
    let path = format!(
        "{}/../../../shared/corpus/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path)
        .expect("../shared/corpus beside the repository")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["title"].as_str().unwrap().to_string(),
                v["content"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn national_corpora_are_national() {
    let gaz = Gazetteer::embedded();
    let mut local = Vec::new();
    for file in ["national-work-reports.jsonl", "cpc-congress-reports.jsonl"] {
        for (title, content) in records(file) {
            let hints = Hints {
                title: Some(title.clone()),
                ..Hints::default()
            };
            let doc = process(&format!("{title}\n{content}"), &hints);
            let p = attribute(&doc, &hints, gaz);
            let national = p.doc_places.iter().all(|d| d.place == Place::National)
                && p.paragraph_places
                    .iter()
                    .all(|pp| *pp == Some(Place::National));
            if !national {
                local.push(title);
            }
        }
    }
    local.sort();
    assert_eq!(
        local,
        ["北京共产主义组织的报告 (一大)", "廣州共產黨報告 (一大)"]
    );
}
