//! `govmine mechanisms`: every mechanism with the places that name it, most widespread
//! first.

use std::process::ExitCode;

use crate::context::Context;
use crate::output;
use crate::scope::{Format, Scope};
use crate::table::{self, Table};

/// Options of `mechanisms`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only mechanisms named in at least N places
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_places: usize,
    #[command(flatten)]
    pub scope: Scope,
    /// Show at most N mechanisms in the table (--json and --csv have all)
    #[arg(long, default_value_t = 40, value_name = "N")]
    pub limit: usize,
    #[command(flatten)]
    pub format: Format,
}

pub fn run(ctx: &Context, args: &Args) -> anyhow::Result<ExitCode> {
    let pipeline = ctx.pipeline()?;
    let filter = args.scope.filter(&pipeline)?;
    let searcher = ctx.searcher(&pipeline)?;
    let all = govmine_research::mechanisms(&searcher, &filter, 0)?;
    let rows: Vec<_> = all
        .iter()
        .filter(|m| m.places.len() >= args.min_places)
        .collect();
    if rows.is_empty() {
        let msg = match all.first() {
            None => format!("no mechanism is named{}", args.scope.describe()),
            Some(top) => format!(
                "no mechanism is named in {} or more places{}; the most widespread, {}, is named in {}",
                args.min_places,
                args.scope.describe(),
                top.key,
                top.places.len()
            ),
        };
        return output::nothing(args.format, &msg);
    }
    if args.format.json {
        return output::json_lines(&rows);
    }
    let mut t = Table::new(vec![
        table::text("mechanism"),
        table::number("places"),
        table::number("docs"),
        table::number("mentions"),
        table::text("years"),
        table::text("where"),
        table::csv_only("place_names"),
        table::csv_only("first_year"),
        table::csv_only("last_year"),
    ]);
    let shown = if args.format.csv {
        rows.len()
    } else {
        args.limit
    };
    for m in rows.iter().take(shown) {
        t.push(vec![
            m.key.clone(),
            m.places.len().to_string(),
            m.documents.to_string(),
            m.mentions.to_string(),
            output::year_span(m.first_year, m.last_year),
            m.short_places.join(" "),
            m.places.join("; "),
            output::cell(m.first_year),
            output::cell(m.last_year),
        ]);
    }
    let at_least = if args.min_places > 1 {
        format!(" in {} or more places", args.min_places)
    } else {
        String::new()
    };
    let more = if rows.len() > shown {
        format!(", showing {shown} (--limit N for more)")
    } else {
        String::new()
    };
    let heading = format!(
        "{} mechanisms named{at_least}{}{more}",
        rows.len(),
        args.scope.describe(),
    );
    output::table(&t, args.format, &heading)
}
