//! Search latency over a query file.
//!
//! Usage: `searchbench INDEX QUERIES [--reps R]`
//!
//! Opens INDEX once, parses each non-empty, non-`#` line of QUERIES with
//! `ParsedQuery::parse` (quoted lines are phrases), runs every query once to warm up,
//! then times `search` (limit 10, 1 passage with a 120-char snippet) R times per query
//! (default 5). Prints:
//!
//! ```text
//! search queries=Q reps=R p50_ms=… p99_ms=… max_ms=… mean_ms=…
//! slowest 1: 12.345 ms median, 37 hits  QUERY
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use govmine_index::{IndexSearcher, ParsedQuery, SearchRequest};
use govmine_ingest::Pipeline;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("searchbench: {e}");
            eprintln!("usage: searchbench INDEX QUERIES [--reps R]");
            ExitCode::FAILURE
        }
    }
}

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
    let [index, queries] = pos.as_slice() else {
        return Err("INDEX and QUERIES are required".into());
    };

    let text = std::fs::read_to_string(queries).map_err(|e| format!("{queries}: {e}"))?;
    let mut parsed: Vec<(String, ParsedQuery)> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let q = ParsedQuery::parse(line).map_err(|e| format!("query {line:?}: {e}"))?;
        parsed.push((line.to_string(), q));
    }

    let pipeline = Pipeline::new(&[]).map_err(|e| e.to_string())?;
    let searcher = IndexSearcher::open(&PathBuf::from(index), &pipeline.segmenter)
        .map_err(|e| e.to_string())?;
    let request = |q: &ParsedQuery| SearchRequest::new(q.clone());

    // Warm up once per query, then time each query `reps` times.
    let mut hits = Vec::with_capacity(parsed.len());
    for (_, q) in &parsed {
        let r = searcher.search(&request(q)).map_err(|e| e.to_string())?;
        hits.push(r.total);
    }
    let mut all_ms: Vec<f64> = Vec::new();
    let mut per_query: Vec<(f64, usize, &str)> = Vec::new();
    for (i, (line, q)) in parsed.iter().enumerate() {
        let req = request(q);
        let mut ms: Vec<f64> = (0..reps)
            .map(|_| {
                let t = Instant::now();
                let r = searcher.search(&req).expect("search");
                std::hint::black_box(r);
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        all_ms.extend(&ms);
        ms.sort_by(f64::total_cmp);
        per_query.push((ms[ms.len() / 2], hits[i], line));
    }
    all_ms.sort_by(f64::total_cmp);
    let pct =
        |p: f64| all_ms[((all_ms.len() as f64 * p).ceil() as usize).clamp(1, all_ms.len()) - 1];
    let mean = all_ms.iter().sum::<f64>() / all_ms.len() as f64;
    println!(
        "search queries={} reps={reps} p50_ms={:.3} p99_ms={:.3} max_ms={:.3} mean_ms={mean:.3}",
        parsed.len(),
        pct(0.50),
        pct(0.99),
        all_ms[all_ms.len() - 1]
    );
    per_query.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (i, (ms, n, line)) in per_query.iter().take(3).enumerate() {
        println!("slowest {}: {ms:.3} ms median, {n} hits  {line}", i + 1);
    }
    Ok(())
}
