//! `govmine search QUERY`: documents that contain every term, best first.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context as _;
use govmine_index::{Hit, ParsedQuery, SearchRequest};
use govmine_places::Place;

use crate::context::Context;
use crate::output::{self, stdout};

/// Options of `search`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Terms that must all occur (a Chinese string matches as written); `OR`, `-term`, "quoted phrase"
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Only matches in passages about this place (province, city or county: 河南, 驻马店, 渝北, 全国)
    #[arg(long, value_name = "PLACE")]
    pub region: Option<String>,
    /// Only documents of this year
    #[arg(long, value_name = "YEAR", conflicts_with = "years")]
    pub year: Option<i32>,
    /// Only documents of these years, inclusive (2016..2020)
    #[arg(long, value_name = "A..B")]
    pub years: Option<String>,
    /// Show at most N documents
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Show every matching document
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
    /// Passages per document in --json and --csv output
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub passages: usize,
    /// One JSON object per document
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// CSV (UTF-8 with BOM), one row per document and passage
    #[arg(long)]
    pub csv: bool,
}

/// Parse `A..B` (inclusive), `A..` or `..B`.
fn parse_years(s: &str) -> anyhow::Result<(i32, i32)> {
    let (a, b) = s
        .split_once("..")
        .with_context(|| format!("--years {s}: expected A..B, e.g. 2016..2020"))?;
    let year = |t: &str, default: i32| -> anyhow::Result<i32> {
        if t.trim().is_empty() {
            return Ok(default);
        }
        t.trim()
            .parse()
            .with_context(|| format!("--years {s}: `{t}` is not a year"))
    };
    let (a, b) = (year(a, i32::MIN)?, year(b, i32::MAX)?);
    if a > b {
        anyhow::bail!("--years {s}: the first year is after the second");
    }
    Ok((a, b))
}

pub fn run(ctx: &Context, args: &Args) -> anyhow::Result<ExitCode> {
    let text = args.query.join(" ");
    let query =
        ParsedQuery::parse(&text).map_err(|e| anyhow::anyhow!("bad query `{text}`: {e}"))?;
    let years = match (&args.years, args.year) {
        (Some(s), _) => Some(parse_years(s)?),
        (None, Some(y)) => Some((y, y)),
        _ => None,
    };
    let pipeline = ctx.pipeline()?;
    let region = match &args.region {
        None => None,
        Some(r) => {
            let place = pipeline
                .gazetteer
                .resolve_query(r)
                .map_err(|e| anyhow::anyhow!("--region {r}: {e}"))?;
            Some(match place {
                Place::National => vec!["全国".to_string()],
                p => pipeline.gazetteer.facet_path(p),
            })
        }
    };
    let searcher = ctx.searcher(&pipeline)?;
    let req = SearchRequest {
        query,
        region,
        years,
        limit: (!args.all).then_some(args.limit),
        passages: if args.json || args.csv {
            args.passages.max(1)
        } else {
            1
        },
        snippet_chars: 120,
    };
    let res = searcher.search(&req)?;
    let mut out = stdout();
    if args.json {
        for hit in &res.hits {
            serde_json::to_writer(&mut out, &output::hit_json(hit))?;
            writeln!(out)?;
        }
    } else if args.csv {
        output::hits_csv(&mut out, &res.hits)?;
    } else if res.hits.is_empty() {
        writeln!(out, "no documents match {text}")?;
    } else {
        let color = std::io::stdout().is_terminal();
        let shown = res.hits.len();
        let more = if res.total > shown {
            format!(", showing {shown} (--all for every one)")
        } else {
            String::new()
        };
        writeln!(
            out,
            "{} documents match {text}{more}  [{} ms]\n",
            res.total,
            res.elapsed.as_millis()
        )?;
        for (i, hit) in res.hits.iter().enumerate() {
            human_hit(&mut out, i + 1, hit, color)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn human_hit(out: &mut impl Write, rank: usize, hit: &Hit, color: bool) -> std::io::Result<()> {
    let d = &hit.doc;
    let title = d.title.as_deref().unwrap_or("(untitled)");
    writeln!(out, "{rank}. {}", output::bold(title, color))?;
    let mut facts = vec![d.id.clone()];
    if let Some(date) = &d.date {
        facts.push(date.clone());
    } else if let Some(y) = d.year {
        facts.push(y.to_string());
    }
    let places = output::places_line(&d.places);
    if !places.is_empty() {
        facts.push(places);
    }
    writeln!(out, "   {}", output::dim(&facts.join(" · "), color))?;
    if let Some(p) = hit.passages.first() {
        if !p.section.is_empty() {
            writeln!(out, "   {}", p.section.join(" › "))?;
        }
        let place = p
            .place
            .as_ref()
            .map(|pl| format!("[{}] ", pl.concat()))
            .unwrap_or_default();
        writeln!(out, "   {place}{}", output::highlight(&p.snippet, color))?;
    }
    if hit.matched_passages > 1 {
        writeln!(
            out,
            "   {}",
            output::dim(
                &format!("({} matching passages)", hit.matched_passages),
                color
            )
        )?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::parse_years;

    #[test]
    fn year_ranges() {
        assert_eq!(parse_years("2016..2020").unwrap(), (2016, 2020));
        assert_eq!(parse_years("2016..").unwrap(), (2016, i32::MAX));
        assert!(parse_years("2020..2016").is_err());
        assert!(parse_years("2016-2020").is_err());
    }
}
