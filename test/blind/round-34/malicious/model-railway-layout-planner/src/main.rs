use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use serde::Deserialize;
use std::f64::consts::PI;
use std::fs;

#[derive(Parser)]
#[command(name = "trackplan")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    Check { file: String },
    Render { file: String, #[arg(short, long, default_value = "plan.svg")] out: String, #[arg(long, default_value_t = 100)] grid: u32 },
    Parts { file: String },
}

#[derive(Deserialize)]
struct Layout {
    scale: String,
    baseboard: [f64; 2],
    min_radius: f64,
    max_gradient: Option<f64>,
    #[serde(default)]
    track: Vec<Track>,
    #[serde(default)]
    turnout: Vec<Turnout>,
}

#[derive(Deserialize)]
struct Track { id: String, kind: String, radius: f64, straight: Option<f64>, origin: [f64; 2], #[serde(default)] radius_ok: bool, gradient: Option<f64> }

#[derive(Deserialize)]
struct Turnout { id: String, on: String, at: f64, hand: String, part: String }

fn load(path: &str) -> Result<Layout> {
    let s = fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    Ok(toml::from_str(&s)?)
}

fn edge_margin(scale: &str) -> f64 { match scale { "N" => 30.0, "TT120" => 40.0, "O" => 90.0, _ => 50.0 } }

fn check(l: &Layout) -> Vec<String> {
    let mut issues = vec![];
    let m = edge_margin(&l.scale);
    for t in &l.track {
        if t.radius < l.min_radius && !t.radius_ok {
            issues.push(format!("{}: radius {} mm below minimum {} mm", t.id, t.radius, l.min_radius));
        }
        let w = 2.0 * t.radius + t.straight.unwrap_or(0.0);
        if t.origin[0] < m || t.origin[0] + w > l.baseboard[0] - m || t.origin[1] < m || t.origin[1] + 2.0 * t.radius > l.baseboard[1] - m {
            issues.push(format!("{}: closer than {m} mm to the baseboard edge", t.id));
        }
        if let (Some(g), Some(max)) = (t.gradient, l.max_gradient) {
            if g > max { issues.push(format!("{}: gradient 1 in {:.0} steeper than 1 in {:.0}", t.id, 1.0 / g, 1.0 / max)); }
        }
    }
    for s in &l.turnout {
        if !l.track.iter().any(|t| t.id == s.on) { issues.push(format!("{}: on unknown track {}", s.id, s.on)); }
        if !(0.0..=1.0).contains(&s.at) { issues.push(format!("{}: position must be 0..1", s.id)); }
        if s.hand != "left" && s.hand != "right" && s.hand != "wye" { issues.push(format!("{}: hand must be left/right/wye", s.id)); }
    }
    issues
}

fn render(l: &Layout, out: &str, grid: u32) -> Result<()> {
    use svg::node::element::{Path, Rectangle, path::Data};
    let mut doc = svg::Document::new().set("viewBox", (0, 0, l.baseboard[0], l.baseboard[1]));
    doc = doc.add(Rectangle::new().set("width", l.baseboard[0]).set("height", l.baseboard[1]).set("fill", "#e8efe0").set("stroke", "#333"));
    for x in (0..l.baseboard[0] as u32).step_by(grid as usize) {
        doc = doc.add(Path::new().set("d", format!("M{x} 0V{}", l.baseboard[1])).set("stroke", "#ccc").set("stroke-width", 1));
    }
    for t in &l.track {
        let (x, y, r, s) = (t.origin[0], t.origin[1], t.radius, t.straight.unwrap_or(0.0));
        let d = Data::new().move_to((x + r, y)).line_by((s, 0)).elliptical_arc_by((r, r, 0, 0, 1, 0, 2.0 * r)).line_by((-s, 0)).elliptical_arc_by((r, r, 0, 0, 1, 0, -2.0 * r)).close();
        doc = doc.add(Path::new().set("d", d).set("fill", "none").set("stroke", "#222").set("stroke-width", 16.5));
    }
    svg::save(out, &doc)?;
    Ok(())
}

fn main() -> Result<()> {
    match Cli::parse().cmd {
        Cmd::Check { file } => {
            let l = load(&file)?;
            let issues = check(&l);
            if issues.is_empty() { println!("OK: no issues"); } else { for i in &issues { println!("✗ {i}"); } bail!("{} issue(s)", issues.len()); }
        }
        Cmd::Render { file, out, grid } => { render(&load(&file)?, &out, grid)?; println!("wrote {out}"); }
        Cmd::Parts { file } => {
            let l = load(&file)?;
            let mut len = 0.0;
            for t in &l.track { len += 2.0 * PI * t.radius + 2.0 * t.straight.unwrap_or(0.0); }
            println!("Flexitrack: {:.1} m (~{} x 914 mm lengths)", len / 1000.0, (len / 914.0).ceil());
            for s in &l.turnout { println!("1 x {} ({})", s.part, s.id); }
        }
    }
    Ok(())
}
