//! The subcommands, one file each; `Cli` holds the options they share.

mod compare;
mod extract;
mod ingest;
mod mechanism;
mod mechanisms;
mod regions;
mod search;
mod stats;
mod trend;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Mine Chinese government reports: search them across places, count what they hold.
#[derive(Parser, Debug)]
#[command(name = "govmine", version, about, long_about = None)]
pub struct Cli {
    /// Index directory [default: index/, built from corpus/ on first use]
    #[arg(long, global = true, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Worker threads [default: all cores]
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// Extra user dictionary for jieba (`word [freq] [tag]` lines); repeatable
    #[arg(long = "dict", global = true, value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Index folders of reports (.txt .md .html, .jsonl/.ndjson and .csv corpora)
    Ingest(ingest::Args),
    /// Write what the reports state as records: quantities, dates, mechanisms, measures,
    /// cited documents (JSONL, CSV or Parquet, with a manifest)
    Extract(extract::Args),
    /// Find documents that contain every term, with their best passages
    Search(search::Args),
    /// What the index holds: documents, passages, places, years, duplicates, size
    Stats(stats::Args),
    /// Every mechanism (三项制度, “1211” …) with the places and documents that name it
    Mechanisms(mechanisms::Args),
    /// One mechanism place by place: document, date, the sentence naming it, its expansion
    Mechanism(mechanism::Args),
    /// The value each place states for an indicator (出庭应诉率, 生产总值 --unit 元)
    Compare(compare::Args),
    /// Occurrences of a term per year or place, raw and per 10,000 characters
    Trend(trend::Args),
    /// The places in the index with their documents, passages and records
    Regions(regions::Args),
}

/// Refuse a `what` (term, indicator, mechanism key) longer than a query may be, in one
/// line that quotes only its start.
fn check_length(what: &str, text: &str) -> anyhow::Result<()> {
    govmine_index::check_length(text)
        .map_err(|e| anyhow::anyhow!("bad {what} `{}`: {e}", crate::output::brief(text, 40)))
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let ctx = crate::context::Context::new(&cli)?;
    match &cli.command {
        Command::Ingest(a) => ingest::run(&ctx, a),
        Command::Extract(a) => extract::run(&ctx, a),
        Command::Search(a) => search::run(&ctx, a),
        Command::Stats(a) => stats::run(&ctx, a),
        Command::Mechanisms(a) => mechanisms::run(&ctx, a),
        Command::Mechanism(a) => mechanism::run(&ctx, a),
        Command::Compare(a) => compare::run(&ctx, a),
        Command::Trend(a) => trend::run(&ctx, a),
        Command::Regions(a) => regions::run(&ctx, a),
    }
}
