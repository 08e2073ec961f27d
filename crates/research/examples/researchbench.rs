//! Latency of the cross-city commands on an index, in process (as `searchbench` times
//! search).
//!
//! Usage: `researchbench INDEX [--reps R]`
//!
//! Runs each case once to warm up, then R times (default 5), and prints one line per
//! command over all its cases, then the slowest case:
//!
//! ```text
//! research cmd=compare cases=4 reps=5 p50_ms=… p99_ms=… max_ms=…
//! slowest: compare 生产总值 --unit 元 12.345 ms median, 31 rows
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use govmine_index::{Filter, IndexSearcher, ParsedQuery, SearchRequest};
use govmine_ingest::Pipeline;
use govmine_research::{CompareRequest, TrendBy};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("researchbench: {e}");
            eprintln!("usage: researchbench INDEX [--reps R]");
            ExitCode::FAILURE
        }
    }
}

/// A case's median ms, its rows, its label.
type Median = (f64, usize, String);

type Case<'a> = (&'static str, String, Box<dyn Fn() -> usize + 'a>);

fn run() -> Result<(), String> {
    let mut pos: Vec<String> = Vec::new();
    let mut reps = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--reps" => {
                reps = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--reps needs a positive number")?
            }
            _ => pos.push(a),
        }
    }
    let [index] = pos.as_slice() else {
        return Err("INDEX is required".into());
    };
    let pipeline = Pipeline::new(&[]).map_err(|e| e.to_string())?;
    let seg = &pipeline.segmenter;
    let s = IndexSearcher::open(&PathBuf::from(index), seg).map_err(|e| e.to_string())?;
    let s = &s;
    let none = Filter::none();
    let none = &none;

    let mut cases: Vec<Case> = Vec::new();
    for min in [1, 2] {
        cases.push((
            "mechanisms",
            format!("mechanisms --min-places {min}"),
            Box::new(move || govmine_research::mechanisms(s, none, min).unwrap().len()),
        ));
    }
    for key in ["三项制度", "放管服", "1211"] {
        cases.push((
            "mechanism",
            format!("mechanism {key}"),
            Box::new(move || {
                govmine_research::mechanism(s, key, none, false)
                    .unwrap()
                    .rows
                    .len()
            }),
        ));
    }
    for (ind, unit) in [
        ("出庭应诉率", None),
        ("法律顾问", Some("人")),
        ("生产总值", Some("元")),
        ("粮食产量", None),
    ] {
        let req = CompareRequest {
            indicator: ind.into(),
            unit: unit.map(str::to_owned),
            ..Default::default()
        };
        cases.push((
            "compare",
            format!(
                "compare {ind}{}",
                unit.map_or(String::new(), |u| format!(" --unit {u}"))
            ),
            Box::new(move || govmine_research::compare(s, seg, &req).unwrap().rows.len()),
        ));
    }
    for (term, by) in [
        ("放管服", TrendBy::Year),
        ("营商环境", TrendBy::Year),
        ("执法", TrendBy::Region(None)),
    ] {
        cases.push((
            "trend",
            format!(
                "trend {term} --by {}",
                if by == TrendBy::Year {
                    "year"
                } else {
                    "region"
                }
            ),
            Box::new(move || {
                govmine_research::trend(s, term, by, none)
                    .unwrap()
                    .rows
                    .len()
            }),
        ));
    }
    cases.push((
        "regions",
        "regions".into(),
        Box::new(move || govmine_research::regions(s, none, None).unwrap().len()),
    ));
    for (q, mechanism) in [("执法", Some("三项制度")), ("法治政府", None)] {
        let mut req = SearchRequest::new(ParsedQuery::parse(q).unwrap());
        req.mechanism = mechanism.map(str::to_owned);
        req.facets = true;
        cases.push((
            "search --facets",
            format!(
                "search {q} --facets{}",
                mechanism.map_or(String::new(), |m| format!(" --mechanism {m}"))
            ),
            Box::new(move || s.search(&req).unwrap().total),
        ));
    }

    // command → every timing, and (median, rows, label) per case
    let mut by_cmd: Vec<(&str, Vec<f64>, Vec<Median>)> = Vec::new();
    for (cmd, label, f) in &cases {
        let n = f(); // warm up
        let mut ms: Vec<f64> = (0..reps)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        let median = ms[ms.len() / 2];
        match by_cmd.iter_mut().find(|(c, _, _)| c == cmd) {
            Some((_, all, per)) => {
                all.extend(&ms);
                per.push((median, n, label.clone()));
            }
            None => by_cmd.push((cmd, ms, vec![(median, n, label.clone())])),
        }
    }
    for (cmd, mut all, mut per) in by_cmd {
        all.sort_by(f64::total_cmp);
        let pct = |p: f64| all[((all.len() as f64 * p).ceil() as usize).clamp(1, all.len()) - 1];
        println!(
            "research cmd={} cases={} reps={reps} p50_ms={:.3} p99_ms={:.3} max_ms={:.3}",
            cmd.replace(' ', "_"),
            per.len(),
            pct(0.5),
            pct(0.99),
            all[all.len() - 1]
        );
        per.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (ms, n, label) = &per[0];
        println!("slowest: {label} {ms:.3} ms median, {n} rows");
    }
    Ok(())
}
