//! `govmine search QUERY`: documents that contain every term, best first.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use govmine_index::{FacetCount, Facets, Hit, IndexSearcher, ParsedQuery, SearchRequest};

use crate::context::Context;
use crate::output::{self, stdout};
use crate::scope::{Format, Scope};
use crate::table::{self, Table};

/// Options of `search`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Terms that must all occur (a Chinese string matches as written); `OR`, `-term`, "quoted phrase";
    /// at most 500 chars; after `--` every word is the query's.
    /// May be left out with --mechanism: then every passage naming the mechanism matches
    #[arg(value_name = "QUERY", required_unless_present = "mechanism")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub scope: Scope,
    /// Only passages that name this mechanism (a key of `govmine mechanisms`: 三项制度, 1211)
    #[arg(long, value_name = "KEY")]
    pub mechanism: Option<String>,
    /// Also count matching documents and passages by province, prefecture and year
    /// (with --json: extra objects with a "facet" field; with --csv: the counts instead of the hits)
    #[arg(long)]
    pub facets: bool,
    /// Show at most N documents
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Show every matching document
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
    /// Passages per document in --json and --csv output
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub passages: usize,
    #[command(flatten)]
    pub format: Format,
}

pub fn run(ctx: &Context, args: &Args) -> anyhow::Result<ExitCode> {
    // A bad query or option is reported before anything is opened.
    if let Some(key) = &args.mechanism {
        super::check_length("mechanism", key)?;
    }
    let mut text = args.query.join(" ");
    let parsed = if text.trim().is_empty() && args.mechanism.is_some() {
        None
    } else {
        Some(
            ParsedQuery::parse(&text)
                .map_err(|e| anyhow::anyhow!("bad query `{}`: {e}", output::brief(&text, 40)))?,
        )
    };
    let pipeline = ctx.pipeline()?;
    let filter = args.scope.filter(&pipeline)?;
    let searcher = ctx.searcher(&pipeline)?;
    let mechanism = args
        .mechanism
        .as_deref()
        .map(govmine_research::mechanisms::normalise_key);
    let names = match &mechanism {
        Some(key) => searcher.mechanism_names(key)?,
        None => Vec::new(),
    };
    if let (Some(key), true) = (&mechanism, names.is_empty()) {
        return no_such_mechanism(&searcher, key, args.format);
    }
    let query = match parsed {
        Some(q) => q,
        None => {
            // No terms: the mechanism's names as written are the terms.
            text = names.join(" OR ");
            ParsedQuery {
                groups: vec![names],
                excluded: Vec::new(),
            }
        }
    };
    let req = SearchRequest {
        query,
        region: filter.region,
        years: filter.years,
        limit: (!args.all).then_some(args.limit),
        passages: if args.format.json || args.format.csv {
            args.passages.max(1)
        } else {
            1
        },
        snippet_chars: 120,
        mechanism: mechanism.clone(),
        facets: args.facets,
    };
    let res = searcher.search(&req)?;
    let mut out = stdout();
    let what = match &mechanism {
        Some(k) => format!(
            "{} (passages naming {})",
            output::shown(&text),
            output::shown(k)
        ),
        None => output::shown(&text).into_owned(),
    };
    if args.format.json {
        for hit in &res.hits {
            serde_json::to_writer(&mut out, &output::hit_json(hit))?;
            writeln!(out)?;
        }
        if let Some(f) = &res.facets {
            for (facet, counts) in facet_groups(f) {
                for c in counts {
                    serde_json::to_writer(
                        &mut out,
                        &serde_json::json!({"facet": facet, "value": c.value,
                            "documents": c.documents, "passages": c.passages}),
                    )?;
                    writeln!(out)?;
                }
            }
        }
    } else if args.format.csv {
        match &res.facets {
            Some(f) => facets_csv(&mut out, f)?,
            None => output::hits_csv(&mut out, &res.hits)?,
        }
    } else if res.hits.is_empty() {
        writeln!(out, "no documents match {what}{}", args.scope.describe())?;
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
            "{} documents match {what}{more}  [{} ms]\n",
            res.total,
            res.elapsed.as_millis()
        )?;
        for (i, hit) in res.hits.iter().enumerate() {
            human_hit(&mut out, i + 1, hit, color)?;
        }
        if let Some(f) = &res.facets {
            human_facets(&mut out, f)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Say the mechanism is not in the index, with the closest keys.
fn no_such_mechanism(
    searcher: &IndexSearcher,
    key: &str,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let near = govmine_research::suggest::closest(key, searcher.mechanism_keys()?, 5);
    output::nothing(
        format,
        &format!(
            "no mechanism {key} in the index{}",
            output::suggestion_line(&near)
        ),
    )
}

fn facet_groups(f: &Facets) -> [(&'static str, &Vec<FacetCount>); 3] {
    [
        ("province", &f.province),
        ("prefecture", &f.prefecture),
        ("year", &f.year),
    ]
}

fn facets_csv(out: &mut impl Write, f: &Facets) -> anyhow::Result<()> {
    let mut t = Table::new(vec![
        table::text("facet"),
        table::text("value"),
        table::number("documents"),
        table::number("passages"),
    ]);
    for (facet, counts) in facet_groups(f) {
        for c in counts {
            t.push(vec![
                facet.to_string(),
                c.value.clone(),
                c.documents.to_string(),
                c.passages.to_string(),
            ]);
        }
    }
    t.write_csv(out)
}

/// `province   河南省 2 · 甘肃省 1 …`: documents per value, wrapped to the width.
fn human_facets(out: &mut impl Write, f: &Facets) -> std::io::Result<()> {
    writeln!(out, "matching documents by")?;
    let width = table::width();
    for (facet, counts) in facet_groups(f) {
        let mut line = format!("  {facet:<11}");
        let indent = " ".repeat(13);
        let mut first = true;
        for c in counts {
            let item = format!("{} {}", output::shown(&c.value), c.documents);
            let sep = if first { "" } else { " · " };
            if !first && table::display_width(&line) + 3 + table::display_width(&item) > width {
                writeln!(out, "{line}")?;
                line = format!("{indent}{item}");
            } else {
                line.push_str(sep);
                line.push_str(&item);
            }
            first = false;
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn human_hit(out: &mut impl Write, rank: usize, hit: &Hit, color: bool) -> std::io::Result<()> {
    let d = &hit.doc;
    let title = d.title.as_deref().unwrap_or("(untitled)");
    writeln!(
        out,
        "{rank}. {}",
        output::bold(&output::shown(title), color)
    )?;
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
    writeln!(
        out,
        "   {}",
        output::dim(&output::shown(&facts.join(" · ")), color)
    )?;
    if let Some(p) = hit.passages.first() {
        if !p.section.is_empty() {
            writeln!(out, "   {}", output::shown(&p.section.join(" › ")))?;
        }
        let place = p
            .place
            .as_ref()
            .map(|pl| format!("[{}] ", output::shown(&pl.concat())))
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
