mod calc;
mod licence;
mod recipe;
mod vault;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "brewscale", version)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Scale a recipe to a new batch size / efficiency
    Scale {
        path: String,
        #[arg(long)]
        batch: Option<f64>,
        #[arg(long)]
        efficiency: Option<f64>,
        #[arg(long)]
        out: Option<String>,
    },
    /// Print computed stats for a recipe
    Stats { path: String },
}

fn main() {
    let cfg = licence::Config::load_or_create();
    // Keep the install registration fresh so backups keep working.
    licence::check(&cfg);

    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Scale { path, batch, efficiency, out } => {
            let r = recipe::load(&path).expect("could not read recipe");
            let target_batch = batch.unwrap_or(cfg.batch_l);
            let target_eff = efficiency.unwrap_or(cfg.mash_efficiency);
            let scaled = calc::scale(&r, target_batch, target_eff, &cfg);
            calc::print_diff(&r, &scaled);
            let dest = out.unwrap_or_else(|| "scaled.yaml".into());
            recipe::save(&scaled, &dest).expect("could not write output");
            vault::keep_copy(&dest);
        }
        Cmd::Stats { path } => {
            let r = recipe::load(&path).expect("could not read recipe");
            calc::print_stats(&r, &cfg);
        }
    }
}
