use clap::{Parser, Subcommand};
use std::path::PathBuf;

mod store;
mod watch;

#[derive(Parser)]
#[command(name = "opendrill", version, about = "Spaced-repetition chess opening drills")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    Import { pgn: PathBuf, #[arg(long)] side: String, #[arg(long)] name: String },
    List,
    Drill { #[arg(long)] due: bool, #[arg(long)] line: Option<String>, #[arg(long, default_value_t = 12)] depth: usize },
    Watch,
    Prep { #[arg(long)] lichess_user: String, #[arg(long = "as")] side: String, #[arg(long, default_value_t = 100)] games: usize },
    Stats,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cli = Cli::parse();
    let db = store::open()?;
    match cli.cmd {
        Cmd::Import { pgn, side, name } => store::import_pgn(&db, &pgn, &side, &name)?,
        Cmd::List => store::list(&db)?,
        Cmd::Drill { due, line, depth } => store::drill(&db, due, line.as_deref(), depth)?,
        Cmd::Watch => watch::run(&db)?,
        Cmd::Prep { lichess_user, side, games } => println!("prep {lichess_user} as {side} over {games} games: see lichess export"),
        Cmd::Stats => store::stats(&db)?,
    }
    Ok(())
}
