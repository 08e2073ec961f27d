//! `govmine trend TERM`: occurrences of a term per year or place, raw and per 10,000
//! characters; years without a document are gaps, not zeros.

use std::process::ExitCode;

use govmine_research::TrendBy;

use crate::context::Context;
use crate::output;
use crate::scope::{Format, Scope};
use crate::table::{self, Table};

/// Options of `trend`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The term, matched exactly as `search` matches (放管服, 营商环境)
    #[arg(value_name = "TERM")]
    pub term: String,
    /// Group by the document's year or the passage's place
    #[arg(long, default_value = "year", value_parser = ["year", "region"])]
    pub by: String,
    /// With --by region: roll places up to provinces or prefectures
    #[arg(long, value_parser = ["province", "prefecture"])]
    pub level: Option<String>,
    #[command(flatten)]
    pub scope: Scope,
    #[command(flatten)]
    pub format: Format,
}

/// `—` for a gap.
fn gap<T: ToString>(v: Option<T>) -> String {
    v.map_or("—".to_string(), |v| v.to_string())
}

pub fn run(ctx: &Context, args: &Args) -> anyhow::Result<ExitCode> {
    super::check_length("term", &args.term)?;
    let pipeline = ctx.pipeline()?;
    let filter = args.scope.filter(&pipeline)?;
    let by = if args.by == "region" {
        TrendBy::Region(crate::scope::level(args.level.as_deref()))
    } else {
        TrendBy::Year
    };
    let term = args.term.trim();
    if term.is_empty() {
        anyhow::bail!("trend needs a term, e.g. `govmine trend 放管服`");
    }
    let searcher = ctx.searcher(&pipeline)?;
    let trend = govmine_research::trend(&searcher, term, by, &filter)?;
    if args.format.json {
        return output::json_lines(&trend.rows);
    }
    let mut t = Table::new(vec![
        table::text(if by == TrendBy::Year { "year" } else { "place" }),
        table::number("docs"),
        table::number("chars"),
        table::number("mentions"),
        table::number("per 10k"),
        table::number("docs mentioning"),
    ]);
    for r in &trend.rows {
        t.push(vec![
            r.group.clone(),
            if r.documents == 0 {
                "—".into()
            } else {
                r.documents.to_string()
            },
            if r.documents == 0 {
                "—".into()
            } else {
                r.chars.to_string()
            },
            gap(r.mentions),
            gap(r.per_10k.map(|x| format!("{x:.2}"))),
            if r.documents == 0 {
                "—".into()
            } else {
                r.documents_mentioning.to_string()
            },
        ]);
    }
    let mentioning: usize = trend.rows.iter().map(|r| r.documents_mentioning).sum();
    let gaps = match trend.rows.iter().filter(|r| r.mentions.is_none()).count() {
        0 => String::new(),
        1 => "\n— marks a year without any document (a gap, not a zero)".to_string(),
        n => format!("\n— marks {n} years without any document (gaps, not zeros)"),
    };
    let absent = if trend.total == 0 {
        format!(
            "\n{} does not occur{}{}",
            output::shown(&trend.term),
            args.scope.describe(),
            output::suggestion_line(&trend.suggestions)
        )
    } else {
        String::new()
    };
    let heading = format!(
        "{} by {}{}: {} occurrences in {} documents{gaps}{absent}",
        output::shown(&trend.term),
        args.by,
        args.scope.describe(),
        trend.total,
        mentioning,
    );
    output::table(&t, args.format, &heading)
}
