//! `govmine`: mine Chinese government reports.
//!
//! A thin binary: parse the command line, dispatch to one file per subcommand in
//! `commands/`, and turn errors into one line on stderr and a non-zero exit.

mod argv;
mod commands;
mod context;
mod output;
mod scope;
mod table;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = commands::Cli::parse_from(argv::exclusions_as_values(std::env::args_os()));
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            if output::is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let mut msg = e.to_string();
            for cause in e.chain().skip(1) {
                let c = cause.to_string();
                if !msg.contains(&c) {
                    msg.push_str(": ");
                    msg.push_str(&c);
                }
            }
            // An error may quote a query, a path or a file's text: shown, one line.
            eprintln!("govmine: {}", output::shown(&msg));
            ExitCode::from(2)
        }
    }
}
