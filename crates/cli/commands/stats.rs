//! `govmine stats`: what the index holds.

use std::io::Write;
use std::process::ExitCode;

use crate::context::Context;
use crate::output::{mb, shown, stdout};

/// Options of `stats`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// One JSON object instead of the table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &Args) -> anyhow::Result<ExitCode> {
    let pipeline = ctx.pipeline()?;
    let searcher = ctx.searcher(&pipeline)?;
    let s = searcher.stats()?;
    let mut out = stdout();
    if args.json {
        serde_json::to_writer(&mut out, &s)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let places: Vec<String> = s.places.iter().map(|(p, n)| format!("{p} {n}")).collect();
    let years: Vec<String> = s
        .years
        .iter()
        .map(|(y, n)| {
            if *n == 1 {
                y.to_string()
            } else {
                format!("{y}×{n}")
            }
        })
        .collect();
    let span = match (s.years.keys().next(), s.years.keys().last()) {
        (Some(a), Some(b)) => format!("{a}–{b}, "),
        _ => String::new(),
    };
    writeln!(
        out,
        "index           {} (format {})",
        shown(&searcher.dir().display().to_string()),
        searcher.meta().format
    )?;
    writeln!(
        out,
        "documents       {} ({} of text)",
        s.documents,
        mb(s.text_bytes)
    )?;
    writeln!(out, "passages        {}", s.passages)?;
    let facts: Vec<String> = s.facts.iter().map(|(t, n)| format!("{t} {n}")).collect();
    writeln!(
        out,
        "records         {}: {}",
        s.facts.values().sum::<u64>(),
        facts.join(", ")
    )?;
    writeln!(
        out,
        "places          {}: {}",
        s.places.len(),
        shown(&places.join(", "))
    )?;
    writeln!(
        out,
        "years           {span}{} documents with a year: {}",
        s.documents - s.without_year.len(),
        years.join(" ")
    )?;
    writeln!(
        out,
        "without a year  {}{}",
        s.without_year.len(),
        preview(&s.without_year)
    )?;
    writeln!(out, "duplicates      {}{}", s.duplicates.len(), {
        let groups: Vec<String> = s
            .duplicates
            .iter()
            .map(|g| match g.len() {
                2 => g.join(" = "),
                n => format!("{} = {} (+{} more)", g[0], g[1], n - 2),
            })
            .collect();
        preview(&groups)
    })?;
    writeln!(
        out,
        "index size      {} in {} segments",
        mb(s.index_bytes),
        s.segments
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `: a, b, c …` for up to three items (document ids: [`shown`]).
fn preview(items: &[String]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let more = if items.len() > 3 {
        format!(" … and {} more", items.len() - 3)
    } else {
        String::new()
    };
    format!(": {}{more}", shown(&items[..items.len().min(3)].join(", ")))
}
