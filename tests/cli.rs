//! End-to-end tests of the `govmine` binary on the seed reports and the shared corpora.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;

/// A temp dir holding a copy of the seed corpus as `corpus/` (like a fresh clone).
fn fresh_clone() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for e in std::fs::read_dir(seeds()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, corpus.join(p.file_name().unwrap())).unwrap();
    }
    tmp
}

fn passage_places(hits: &[serde_json::Value]) -> BTreeSet<String> {
    hits.iter()
        .flat_map(|h| h["passages"].as_array().unwrap().iter())
        .filter_map(|p| p["place"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn first_search_builds_the_default_index_from_corpus() {
    let tmp = fresh_clone();
    let out = run(tmp.path(), &["search", "三项制度"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("building it from corpus/"), "{err}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("3 documents match 三项制度"), "{text}");
    // 濮阳/驻马店, 巴中 and 郓城 reports.
    for doc in [
        "000_3f2a7be6bd882b3f.txt",
        "003_40199a098a244c13.txt",
        "004_e9e637da5608c3ff.txt",
    ] {
        assert!(text.contains(doc), "{doc} missing:\n{text}");
    }
    assert!(
        text.contains("四川省巴中市") && text.contains("山东省菏泽市郓城县"),
        "{text}"
    );
    // The second search reuses the index.
    let again = run(tmp.path(), &["search", "三项制度"]);
    assert!(!stderr(&again).contains("building"), "{}", stderr(&again));
}

#[test]
fn region_filter_keeps_matches_inside_passages_of_that_place() {
    let tmp = fresh_clone();
    let index = tmp.path().join("idx");
    ingest(tmp.path(), &index, &[&tmp.path().join("corpus")]);

    let yinchuan = hits(tmp.path(), &index, &["审管分离"], &["--region", "银川"]);
    assert_eq!(doc_ids(&yinchuan), ["002_eee0beed65e72678.txt"]);
    for p in yinchuan[0]["passages"].as_array().unwrap() {
        assert_eq!(p["place"], "宁夏回族自治区银川市");
        assert!(
            p["section"][0].as_str().unwrap().starts_with("宁夏银川"),
            "{p}"
        );
    }
    assert!(hits(tmp.path(), &index, &["审管分离"], &["--region", "四平"]).is_empty());
    // 宁夏 (the province) contains 银川.
    assert_eq!(
        hits(tmp.path(), &index, &["审管分离"], &["--region", "宁夏"]).len(),
        1
    );

    let counsel = hits(tmp.path(), &index, &["法律顾问"], &[]);
    let places = passage_places(&counsel);
    assert!(places.len() >= 5, "法律顾问 spans only {places:?}");

    // 河南 matches all of Henan; 驻马店 only the city.
    let henan = passage_places(&hits(
        tmp.path(),
        &index,
        &["法治政府"],
        &["--region", "河南"],
    ));
    assert!(
        henan.iter().all(|p| p.starts_with("河南省")) && !henan.is_empty(),
        "{henan:?}"
    );
    let zmd = passage_places(&hits(
        tmp.path(),
        &index,
        &["法治政府"],
        &["--region", "驻马店"],
    ));
    assert_eq!(zmd.into_iter().collect::<Vec<_>>(), ["河南省驻马店市"]);
}

#[test]
fn ambiguous_or_unknown_region_is_one_clear_error() {
    let tmp = fresh_clone();
    let index = tmp.path().join("idx");
    ingest(tmp.path(), &index, &[&tmp.path().join("corpus")]);
    let out = run(
        tmp.path(),
        &["search", "法治", "--region", "鼓楼", "--index", "idx"],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    for c in [
        "江苏省南京市鼓楼区",
        "江苏省徐州市鼓楼区",
        "福建省福州市鼓楼区",
        "河南省开封市鼓楼区",
    ] {
        assert!(err.contains(c), "{err}");
    }
    let out = run(
        tmp.path(),
        &[
            "search",
            "法治",
            "--region",
            "不存在的地方",
            "--index",
            "idx",
        ],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("unknown place"), "{}", stderr(&out));
}

#[test]
fn national_reports_filtered_by_years_are_all_national() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx");
    ingest(
        tmp.path(),
        &index,
        &[&shared_corpus().join("national-work-reports.jsonl")],
    );
    let found = hits(tmp.path(), &index, &["放管服"], &["--years", "2015..2020"]);
    // Counted independently: reports of 2015–2020 whose text has 放管服 (there is no 2020 report).
    let corpus =
        std::fs::read_to_string(shared_corpus().join("national-work-reports.jsonl")).unwrap();
    let mut expected: Vec<String> = corpus
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let year: i32 = v["year"].as_str()?.parse().ok()?;
            let has = v["content"].as_str()?.contains("放管服");
            ((2015..=2020).contains(&year) && has)
                .then(|| format!("national-work-reports.jsonl#{}", i + 1))
        })
        .collect();
    expected.sort();
    assert_eq!(expected.len(), 3); // 2017, 2018, 2019
    assert_eq!(doc_ids(&found), expected);
    for h in &found {
        let y = h["year"].as_i64().unwrap();
        assert!((2015..=2020).contains(&y), "{} is from {y}", h["doc"]);
        let places: Vec<&str> = h["places"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(places, ["全国"], "{}", h["doc"]);
        for p in h["passages"].as_array().unwrap() {
            assert_eq!(p["place"], "全国");
        }
    }
}

#[test]
fn the_whole_shared_corpus_ingests() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx");
    let summary = ingest(tmp.path(), &index, &[&shared_corpus()]);
    // 5 seeds + 72 + 16 records + README.md + 6 provincial CSV rows.
    assert!(summary.contains("100 documents indexed"), "{summary}");
    assert!(summary.contains("0 skipped"), "{summary}");
    let stats: serde_json::Value =
        serde_json::from_str(&ok(tmp.path(), &["stats", "--json", "--index", "idx"])).unwrap();
    assert_eq!(stats["documents"], 100);
    assert!(stats["passages"].as_u64().unwrap() > 5000);
    assert!(stats["without_year"].as_array().unwrap().len() < 30);
    // Traditional characters in the oldest reports fold: 國務院 is found by 国务院.
    let old = hits(tmp.path(), &index, &["国务院"], &["--years", "1954..1960"]);
    assert!(!old.is_empty());
}

/// Encode text as UTF-16 with a BOM.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn the_same_report_in_any_encoding_gives_identical_hits() {
    let tmp = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(seeds().join("001_db632a6819f2f662.txt")).unwrap();
    let (gb, _, bad) = encoding_rs::GB18030.encode(&text);
    assert!(!bad);
    let versions: [(&str, Vec<u8>); 4] = [
        ("utf8", text.as_bytes().to_vec()),
        ("gb18030", gb.into_owned()),
        ("utf16le", utf16(&text, false)),
        ("utf16be", utf16(&text, true)),
    ];
    let mut results = Vec::new();
    for (name, bytes) in &versions {
        let dir = tmp.path().join(name);
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("jiuquan.txt"), bytes).unwrap();
        let index = tmp.path().join(format!("idx-{name}"));
        let s = ingest(tmp.path(), &index, &[&dir]);
        assert!(s.contains("1 documents indexed"), "{name}: {s}");
        let mut h = hits(tmp.path(), &index, &["法律顾问"], &["--passages", "10"]);
        assert_eq!(h.len(), 1, "{name}");
        h[0].as_object_mut().unwrap().remove("path");
        results.push(h);
    }
    for r in &results[1..] {
        assert_eq!(r, &results[0]);
    }
}

#[test]
fn binary_empty_and_malformed_inputs_are_skipped_and_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(
        seeds().join("003_40199a098a244c13.txt"),
        dir.join("bazhong.txt"),
    )
    .unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..4000u32).map(|i| (i * 7919 % 256) as u8));
    std::fs::write(dir.join("scan.txt"), png).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.join("records.jsonl"),
        "{\"title\": \"甲\", \"content\": \"推行行政执法公示制度。\"}\n{\"title\": \"乙\", \"content\": \n{\"title\": \"丙\", \"content\": \"全面推行法律顾问制度。\"}\n",
    )
    .unwrap();
    let out = run(tmp.path(), &["ingest", "in", "--index", "idx", "--quiet"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("scan.txt") && err.contains("binary"), "{err}");
    assert!(err.contains("empty.txt"), "{err}");
    assert!(
        err.contains("records.jsonl:2:") && err.contains("malformed JSON"),
        "{err}"
    );
    let summary = err.lines().last().unwrap();
    assert!(summary.contains("3 documents indexed"), "{summary}");
    assert!(
        summary.contains("3 skipped")
            && summary.contains("binary 1")
            && summary.contains("empty 1")
            && summary.contains("malformed record 1"),
        "{summary}"
    );
    // The records before and after the bad line are searchable.
    assert_eq!(
        doc_ids(&hits(tmp.path(), Path::new("idx"), &["法律顾问制度"], &[])),
        ["records.jsonl#3"]
    );
}

#[test]
fn re_ingesting_changes_nothing_and_changed_files_are_replaced() {
    let tmp = fresh_clone();
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("idx");
    let first = ingest(tmp.path(), &index, &[&corpus]);
    assert!(
        first.contains("5 documents indexed, 0 unchanged"),
        "{first}"
    );
    let stats1 = ok(tmp.path(), &["stats", "--json", "--index", "idx"]);
    let second = ingest(tmp.path(), &index, &[&corpus]);
    assert!(
        second.contains("0 documents indexed, 5 unchanged"),
        "{second}"
    );
    let stats2 = ok(tmp.path(), &["stats", "--json", "--index", "idx"]);
    assert_eq!(stats1, stats2);

    let f = corpus.join("001_db632a6819f2f662.txt");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, text.replace("法律顾问", "法律参谋")).unwrap();
    let third = ingest(tmp.path(), &index, &[&corpus]);
    assert!(
        third.contains("1 documents indexed (1 replaced), 4 unchanged"),
        "{third}"
    );
    let stats3: serde_json::Value =
        serde_json::from_str(&ok(tmp.path(), &["stats", "--json", "--index", "idx"])).unwrap();
    assert_eq!(stats3["documents"], 5);
    assert!(doc_ids(&hits(tmp.path(), &index, &["法律参谋"], &[])) == ["001_db632a6819f2f662.txt"]);
    assert!(!doc_ids(&hits(tmp.path(), &index, &["法律顾问"], &[]))
        .contains(&"001_db632a6819f2f662.txt".to_string()));
}

#[test]
fn duplicates_are_counted() {
    let tmp = fresh_clone();
    let corpus = tmp.path().join("corpus");
    std::fs::copy(
        corpus.join("004_e9e637da5608c3ff.txt"),
        corpus.join("copy-of-004.txt"),
    )
    .unwrap();
    ingest(tmp.path(), &tmp.path().join("idx"), &[&corpus]);
    let stats: serde_json::Value =
        serde_json::from_str(&ok(tmp.path(), &["stats", "--json", "--index", "idx"])).unwrap();
    assert_eq!(
        stats["duplicates"],
        serde_json::json!([["004_e9e637da5608c3ff.txt", "copy-of-004.txt"]])
    );
    let human = ok(tmp.path(), &["stats", "--index", "idx"]);
    assert!(human.contains("duplicates      1"), "{human}");
}

#[test]
fn killed_ingest_leaves_an_index_search_still_opens() {
    let tmp = fresh_clone();
    let index = tmp.path().join("idx");
    ingest(tmp.path(), &index, &[&tmp.path().join("corpus")]);
    let before = hits(tmp.path(), &index, &["三项制度"], &[]);
    // A bigger second ingest, killed mid-run.
    let mut child = govmine(tmp.path())
        .args(["ingest", "--quiet", "--index", "idx"])
        .arg(shared_corpus())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(hits(tmp.path(), &index, &["三项制度"], &[]), before);
    // Ingest again: it completes.
    let again = ingest(tmp.path(), &index, &[&shared_corpus()]);
    assert!(again.contains("documents indexed"), "{again}");
}

#[test]
fn an_interrupted_first_ingest_is_reported_then_redone() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = tmp.path().join("idx");
    // What a first ingest killed before its commit leaves: govmine's marker naming no
    // generation yet, and the generation it was writing.
    ingest(tmp.path(), &idx, &[&seeds()]);
    let meta_path = idx.join("govmine.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    assert_eq!(meta["generation"], "g1");
    meta["generation"] = serde_json::Value::Null;
    std::fs::write(&meta_path, meta.to_string()).unwrap();
    let out = run(tmp.path(), &["search", "法治", "--index", "idx"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("never completed"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let s = ingest(tmp.path(), &idx, &[&seeds()]);
    assert!(s.contains("5 documents indexed"), "{s}");
    // The interrupted generation is gone; the new one holds the documents.
    assert!(!idx.join("g1").exists());
    assert!(idx.join("g2/meta.json").exists());
    assert_eq!(hits(tmp.path(), &idx, &["三项制度"], &[]).len(), 3);
}

#[test]
fn errors_are_one_line_and_non_zero() {
    let tmp = fresh_clone();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["ingest", "no/such/dir", "--index", "idx"],
            "no such file",
        ),
        (
            vec!["search", "法治", "--index", "nowhere"],
            "no index at nowhere",
        ),
        (
            vec!["search", "\"未闭合", "--index", "idx"],
            "unclosed quote",
        ),
        (vec!["search", "OR", "--index", "idx"], "OR needs"),
        (
            vec!["search", "法治", "--years", "2020-2016", "--index", "idx"],
            "expected A..B",
        ),
    ];
    for (args, expected) in cases {
        let out = run(tmp.path(), &args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("backtrace"),
            "{err}"
        );
    }
    // An index from an incompatible format.
    ingest(
        tmp.path(),
        &tmp.path().join("idx"),
        &[&tmp.path().join("corpus")],
    );
    let meta = tmp.path().join("idx/govmine.json");
    let mut m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
    m["format"] = 99.into();
    std::fs::write(&meta, m.to_string()).unwrap();
    let out = run(tmp.path(), &["search", "法治", "--index", "idx"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("format 99"), "{}", stderr(&out));
}

#[test]
fn search_syntax_or_exclusion_phrases_limits_and_formats() {
    let tmp = fresh_clone();
    let index = tmp.path().join("idx");
    ingest(tmp.path(), &index, &[&tmp.path().join("corpus")]);
    let both = doc_ids(&hits(tmp.path(), &index, &["三项制度", "法律顾问"], &[]));
    let either = doc_ids(&hits(
        tmp.path(),
        &index,
        &["审管分离", "OR", "三项制度"],
        &[],
    ));
    let without = doc_ids(&hits(tmp.path(), &index, &["三项制度", "-郓城"], &[]));
    assert!(both.len() <= 3 && !both.is_empty());
    assert_eq!(either.len(), 4, "{either:?}");
    assert!(
        !without.contains(&"004_e9e637da5608c3ff.txt".to_string()) && without.len() == 2,
        "{without:?}"
    );
    // Quoted or not, the same.
    assert_eq!(
        doc_ids(&hits(tmp.path(), &index, &["\"行政复议\""], &[])),
        doc_ids(&hits(tmp.path(), &index, &["行政复议"], &[]))
    );
    // --limit and --all.
    let human = ok(
        tmp.path(),
        &["search", "法治", "--limit", "2", "--index", "idx"],
    );
    assert!(human.contains("showing 2"), "{human}");
    assert_eq!(
        human
            .lines()
            .filter(|l| l.starts_with("1. ") || l.starts_with("2. ") || l.starts_with("3. "))
            .count(),
        2
    );
    // CSV: BOM, header, a row per passage.
    let csv = ok(
        tmp.path(),
        &["search", "三项制度", "--csv", "--index", "idx"],
    );
    assert!(
        csv.starts_with(
            "\u{feff}rank,doc,title,date,year,places,score,section,passage_place,snippet,start,end"
        ),
        "{csv}"
    );
    assert!(csv.lines().count() >= 4);
    // JSON carries offsets that point into the document's passages.
    let h = hits(tmp.path(), &index, &["一局一章"], &[]);
    let p = &h[0]["passages"][0];
    assert!(p["end"].as_u64() > p["start"].as_u64());
    assert!(p["snippet"].as_str().unwrap().contains("一局一章"));
}

#[test]
fn traditional_and_full_width_text_is_found_by_simplified_queries() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("old.txt"),
        "某縣法治報告\n\n全面推行行政執法公示制度，執法人員持證率１００％。\n",
    )
    .unwrap();
    ingest(tmp.path(), &tmp.path().join("idx"), &[&dir]);
    let h = hits(tmp.path(), Path::new("idx"), &["执法公示"], &[]);
    assert_eq!(h.len(), 1);
    let p = &h[0]["passages"][0];
    // The snippet shows the original characters, highlighted where the query matched.
    let snippet = p["snippet"].as_str().unwrap();
    let (a, b) = (
        p["highlights"][0][0].as_u64().unwrap() as usize,
        p["highlights"][0][1].as_u64().unwrap() as usize,
    );
    assert_eq!(
        snippet.chars().skip(a).take(b - a).collect::<String>(),
        "執法公示"
    );
    assert_eq!(hits(tmp.path(), Path::new("idx"), &["100%"], &[]).len(), 1);
}

#[test]
fn a_changed_dictionary_is_detected_and_the_index_rebuilt() {
    let tmp = fresh_clone();
    let dict = tmp.path().join("mine.txt");
    std::fs::write(&dict, "# my terms\n审管分离改革 500 nz\n").unwrap();
    let out = run(
        tmp.path(),
        &[
            "ingest", "corpus", "--index", "idx", "--dict", "mine.txt", "--quiet",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // Searching without the dictionary still works, and says the index is stale.
    let out = run(tmp.path(), &["search", "审管分离", "--index", "idx"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("built with other dictionaries"),
        "{}",
        stderr(&out)
    );
    // Ingesting without it rebuilds: every document is indexed again, not "unchanged".
    let out = run(
        tmp.path(),
        &["ingest", "corpus", "--index", "idx", "--quiet"],
    );
    let err = stderr(&out);
    assert!(
        err.contains("rebuilding") && err.contains("5 documents indexed, 0 unchanged"),
        "{err}"
    );
    let out = run(tmp.path(), &["search", "审管分离", "--index", "idx"]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    // A bad dictionary line is one clear error.
    std::fs::write(&dict, "好词 many n\n").unwrap();
    let out = run(
        tmp.path(),
        &["ingest", "corpus", "--index", "idx", "--dict", "mine.txt"],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("mine.txt:1: frequency `many`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn html_pages_and_csv_corpora_are_read() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("page.html"),
        "<html><head><title>渝北区2019年法治政府建设年度报告</title><style>p{color:red}</style>\
         <script>var x = '三项制度';</script></head><body>\
         <div class=nav>首页 &gt; 政务公开</div>\
         <p>2019年，渝北区全面落实行政执法公示制度。</p><p>推行&ldquo;一网通办&rdquo;。</p>\
         <div>版权所有：重庆市渝北区人民政府 渝ICP备05003300号</div></body></html>",
    )
    .unwrap();
    std::fs::write(
        dir.join("provinces.csv"),
        "province,year,title,full_text\n河南省,2021,河南省政府工作报告,全省生产总值达到5.5万亿元，推进放管服改革。\n\
         四川省,2021,四川省政府工作报告,深化放管服改革，优化营商环境。\n",
    )
    .unwrap();
    let summary = ingest(tmp.path(), &tmp.path().join("idx"), &[&dir]);
    assert!(
        summary.contains("3 documents indexed") && summary.contains("0 skipped"),
        "{summary}"
    );
    let idx = Path::new("idx");
    // Script text is not body text; the entity-quoted term is.
    assert!(hits(tmp.path(), idx, &["三项制度"], &[]).is_empty());
    let page = hits(tmp.path(), idx, &["一网通办"], &[]);
    assert_eq!(page[0]["title"], "渝北区2019年法治政府建设年度报告");
    assert_eq!(page[0]["year"], 2019);
    assert_eq!(page[0]["passages"][0]["place"], "重庆市渝北区");
    assert!(
        hits(tmp.path(), idx, &["ICP备"], &[]).is_empty(),
        "footer kept"
    );
    // CSV rows: the province column places them, so --region filters them.
    let henan = hits(tmp.path(), idx, &["放管服"], &["--region", "河南"]);
    assert_eq!(doc_ids(&henan), ["provinces.csv#1"]);
    assert_eq!(henan[0]["year"], 2021);
    assert_eq!(hits(tmp.path(), idx, &["放管服"], &[]).len(), 2);
}

#[test]
fn a_page_with_no_line_breaks_gives_paragraph_sized_passages() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    // The 酒泉 report with every line break removed, repeated to about 2 MB on one line.
    let seed = std::fs::read_to_string(seeds().join("001_db632a6819f2f662.txt")).unwrap();
    let line: String = seed.split_whitespace().collect::<Vec<_>>().join("");
    std::fs::write(
        dir.join("oneline.txt"),
        line.repeat(2_000_000 / line.len() + 1),
    )
    .unwrap();
    let s = ingest(tmp.path(), &tmp.path().join("idx"), &[&dir]);
    assert!(s.contains("1 documents indexed"), "{s}");
    let stats: serde_json::Value =
        serde_json::from_str(&ok(tmp.path(), &["stats", "--json", "--index", "idx"])).unwrap();
    assert!(
        stats["passages"].as_u64().unwrap() > 600,
        "{}",
        stats["passages"]
    );
    let h = hits(tmp.path(), Path::new("idx"), &["93.33万件"], &[]);
    assert_eq!(h.len(), 1);
    assert!(h[0]["matched_passages"].as_u64().unwrap() > 100);
    let p = &h[0]["passages"][0];
    assert!(p["end"].as_u64().unwrap() - p["start"].as_u64().unwrap() <= 1000);
}

/// Turn a new index into the layout govmine wrote up to format 6: tantivy's files at the
/// top, `govmine.json` without the marker.
fn make_format_6(idx: &Path) {
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(idx.join("govmine.json")).unwrap()).unwrap();
    let g = idx.join(meta["generation"].as_str().unwrap());
    for e in std::fs::read_dir(&g).unwrap() {
        let e = e.unwrap();
        if e.file_name() != ".govmine-generation" {
            std::fs::rename(e.path(), idx.join(e.file_name())).unwrap();
        }
    }
    std::fs::remove_dir_all(&g).unwrap();
    let legacy = serde_json::json!({
        "format": 6,
        "govmine_version": "0.1.0",
        "dict_hash": meta["dict_hash"],
        "gazetteer_hash": meta["gazetteer_hash"],
    });
    std::fs::write(idx.join("govmine.json"), legacy.to_string()).unwrap();
}

#[test]
fn an_index_of_an_older_format_is_rebuilt_by_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    ingest(dir.path(), &idx, &[&seeds()]);
    make_format_6(&idx);
    std::fs::write(idx.join("notes.txt"), "my notes on this index").unwrap();
    // Search says what to do; ingest rebuilds it.
    let out = run(dir.path(), &["search", "三项制度", "--index", "idx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("has format 6") && stderr(&out).contains("govmine ingest"),
        "{}",
        stderr(&out)
    );
    let line = ingest(dir.path(), &idx, &[&seeds()]);
    assert!(line.contains("5 documents indexed"), "{line}");
    let hits = hits(dir.path(), &idx, &["三项制度"], &[]);
    assert_eq!(hits.len(), 3);
    // The old tantivy files went; the file govmine did not write stayed.
    let mut left: Vec<String> = std::fs::read_dir(&idx)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, [".govmine.lock", "g1", "govmine.json", "notes.txt"]);
}

#[test]
fn compare_list_prints_the_indicator_catalogue_without_an_index() {
    let tmp = tempfile::tempdir().unwrap();
    let out = ok(tmp.path(), &["compare", "--list", "--json"]);
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows.len() >= 40, "{} indicators", rows.len());
    let gdp = rows
        .iter()
        .find(|r| r["name"] == "地区生产总值")
        .expect("地区生产总值");
    let aliases: Vec<&str> = gdp["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(
        aliases.contains(&"全省生产总值") && aliases.contains(&"经济增长@change"),
        "{aliases:?}"
    );
    // Nothing was built: --list reads no index.
    assert!(std::fs::read_dir(tmp.path()).unwrap().next().is_none());
    let out = run(tmp.path(), &["compare"]);
    assert_eq!(out.status.code(), Some(2));
}
