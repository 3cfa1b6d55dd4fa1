use clap::{Parser, Subcommand};
use serde::Deserialize;
use std::collections::HashMap;

include!(concat!(env!("OUT_DIR"), "/nominal.rs"));

#[derive(Parser)]
#[command(name = "cutlist", version, about = "Cut list optimiser")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    Plan {
        parts: String,
        #[arg(long, default_value_t = 0.125)]
        kerf: f64,
        #[arg(long, default_value = "96x48")]
        sheet: String,
        #[arg(long, value_delimiter = ',', default_value = "96")]
        board_lengths: Vec<f64>,
        #[arg(long, default_value_t = 0.25)]
        trim: f64,
        #[arg(long, default_value = "strict")]
        grain: String,
        #[arg(long)]
        rough: bool,
        #[arg(long)]
        metric: bool,
        #[arg(long)]
        price_file: Option<String>,
    },
}

#[derive(Debug, Deserialize, Clone)]
struct Part {
    part: String,
    qty: u32,
    length: f64,
    width: f64,
    thickness: f64,
    material: String,
    grain: String,
}

#[derive(Default)]
struct Board {
    length: f64,
    used: f64,
    cuts: Vec<(String, f64)>,
}

fn lumber_width(material: &str) -> Option<f64> {
    let nominal = material.split_whitespace().next()?;
    NOMINAL.iter().find(|(n, _, _)| *n == nominal).map(|(_, _, w)| *w)
}

/// First-fit decreasing for 1-D stock.
fn plan_boards(parts: &[(String, f64)], lengths: &[f64], kerf: f64) -> Vec<Board> {
    let mut sorted = parts.to_vec();
    sorted.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap());
    let longest = lengths.iter().cloned().fold(0.0, f64::max);
    let mut boards: Vec<Board> = Vec::new();
    for (name, len) in sorted {
        if len > longest {
            eprintln!("warning: {name} ({len}) longer than any board");
            continue;
        }
        match boards.iter_mut().find(|b| b.length - b.used >= len + kerf) {
            Some(b) => {
                b.used += len + kerf;
                b.cuts.push((name, len));
            }
            None => {
                let l = *lengths.iter().filter(|l| **l >= len).fold(&longest, |m, l| if l < m { l } else { m });
                boards.push(Board { length: l, used: len + kerf, cuts: vec![(name, len)] });
            }
        }
    }
    boards
}

/// Simple shelf (guillotine) packing for sheet goods: rip strips, crosscut parts.
fn plan_sheets(parts: &[(String, f64, f64)], sw: f64, sh: f64, kerf: f64) -> Vec<Vec<(f64, Vec<(String, f64)>)>> {
    let mut sorted = parts.to_vec();
    sorted.sort_by(|a, b| b.2.partial_cmp(&a.2).unwrap());
    let mut sheets: Vec<Vec<(f64, Vec<(String, f64)>)>> = Vec::new();
    let mut used_width: Vec<f64> = Vec::new();
    'part: for (name, len, wid) in sorted {
        for (si, sheet) in sheets.iter_mut().enumerate() {
            for strip in sheet.iter_mut() {
                let used: f64 = strip.1.iter().map(|(_, l)| l + kerf).sum();
                if strip.0 >= wid && sw - used >= len {
                    strip.1.push((name.clone(), len));
                    continue 'part;
                }
            }
            if sh - used_width[si] >= wid + kerf {
                sheet.push((wid, vec![(name.clone(), len)]));
                used_width[si] += wid + kerf;
                continue 'part;
            }
        }
        sheets.push(vec![(wid, vec![(name, len)])]);
        used_width.push(wid + kerf);
    }
    sheets
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cli = Cli::parse();
    let Cmd::Plan { parts, kerf, sheet, board_lengths, trim, grain: _, rough, metric, price_file } = cli.cmd;
    let scale = if metric { 1.0 / 25.4 } else { 1.0 };
    let mut rdr = csv::Reader::from_path(&parts)?;
    let mut by_material: HashMap<String, Vec<Part>> = HashMap::new();
    for rec in rdr.deserialize() {
        let mut p: Part = rec?;
        p.length *= scale;
        p.width *= scale;
        if rough {
            p.length += 0.5;
            p.width += 0.25;
        }
        by_material.entry(format!("{} {}", p.material, p.thickness)).or_default().push(p);
    }
    let (sw, sh) = sheet.split_once('x').map(|(a, b)| (a.parse::<f64>().unwrap() - 2.0 * trim, b.parse::<f64>().unwrap() - 2.0 * trim)).unwrap();
    let mut total_bf = 0.0;
    for (mat, ps) in &by_material {
        println!("== {mat} ==");
        if mat.starts_with("ply") || mat.starts_with("mdf") {
            let pieces: Vec<_> = ps.iter().flat_map(|p| (0..p.qty).map(move |i| (format!("{}#{}", p.part, i + 1), p.length, p.width))).collect();
            let sheets = plan_sheets(&pieces, sw, sh, kerf);
            println!("buy {} sheet(s)", sheets.len());
            for (i, s) in sheets.iter().enumerate() {
                println!("  sheet {}:", i + 1);
                for (w, cuts) in s {
                    println!("    rip {w:.3}\" → {}", cuts.iter().map(|(n, l)| format!("{n} {l:.3}\"")).collect::<Vec<_>>().join(", "));
                }
            }
        } else {
            let w = lumber_width(&ps[0].material).unwrap_or(ps[0].width);
            let pieces: Vec<_> = ps.iter().flat_map(|p| (0..p.qty).map(move |i| (format!("{}#{}", p.part, i + 1), p.length))).collect();
            let boards = plan_boards(&pieces, &board_lengths, kerf);
            for b in &boards {
                total_bf += ps[0].thickness.max(1.0) * w * b.length / 144.0;
                println!("  {:.0}\" board: {}", b.length, b.cuts.iter().map(|(n, l)| format!("{n} {l:.3}\"")).collect::<Vec<_>>().join(" | "));
            }
        }
    }
    println!("board feet (lumber): {total_bf:.1}");
    if let Some(pf) = price_file {
        let prices: toml::Value = toml::from_str(&std::fs::read_to_string(pf)?)?;
        if let Some(bf) = prices.get("board_foot").and_then(|v| v.as_float()) {
            println!("lumber cost ≈ ${:.2}", bf * total_bf);
        }
    }
    Ok(())
}
