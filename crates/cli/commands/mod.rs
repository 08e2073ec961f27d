//! The subcommands, one file each; `Cli` holds the options they share.

mod extract;
mod ingest;
mod search;
mod stats;

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
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let ctx = crate::context::Context::new(&cli)?;
    match &cli.command {
        Command::Ingest(a) => ingest::run(&ctx, a),
        Command::Extract(a) => extract::run(&ctx, a),
        Command::Search(a) => search::run(&ctx, a),
        Command::Stats(a) => stats::run(&ctx, a),
    }
}
