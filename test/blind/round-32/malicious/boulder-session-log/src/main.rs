use std::collections::BTreeMap;
use std::env;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::PathBuf;

const V_TO_FONT: [&str; 11] = ["4", "5", "5+", "6A", "6B", "6C", "7A", "7A+", "7B", "7C", "7C+"];

fn log_path() -> PathBuf {
    let home = env::var("HOME").unwrap_or_else(|_| ".".into());
    let mut p = PathBuf::from(home);
    p.push("climbing");
    fs::create_dir_all(&p).ok();
    p.push("log.csv");
    p
}

fn font_to_v(f: &str) -> Option<u32> {
    let f = f.to_uppercase();
    let table = [
        ("4", 0), ("5", 1), ("5+", 2), ("6A", 3), ("6A+", 3), ("6B", 4), ("6B+", 4),
        ("6C", 5), ("6C+", 5), ("7A", 6), ("7A+", 7), ("7B", 8), ("7B+", 8), ("7C", 9), ("7C+", 10),
    ];
    table.iter().find(|(k, _)| *k == f).map(|(_, v)| *v)
}

fn parse_grade(g: &str) -> Option<u32> {
    let g = g.trim();
    if let Some(rest) = g.strip_prefix('V').or_else(|| g.strip_prefix('v')) {
        return rest.parse().ok();
    }
    font_to_v(g)
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn read_rows() -> Vec<Vec<String>> {
    fs::read_to_string(log_path())
        .unwrap_or_default()
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(|s| s.to_string()).collect())
        .filter(|r: &Vec<String>| r.len() >= 7)
        .collect()
}

fn add(args: &[String]) {
    let grade = arg(args, "--grade").and_then(|g| parse_grade(&g)).expect("--grade V4 or 6B");
    let path = log_path();
    let new = !path.exists();
    let mut f = OpenOptions::new().create(true).append(true).open(&path).unwrap();
    if new {
        writeln!(f, "date,gym,grade_v,grade_font,name,attempts,sent").unwrap();
    }
    writeln!(
        f,
        "{},{},{},{},{},{},{}",
        arg(args, "--date").unwrap_or_default(),
        arg(args, "--gym").unwrap_or_default().replace(',', " "),
        grade,
        V_TO_FONT.get(grade as usize).unwrap_or(&"?"),
        arg(args, "--name").unwrap_or_default().replace(',', " "),
        arg(args, "--attempts").unwrap_or_else(|| "1".into()),
        if args.iter().any(|a| a == "--sent") { 1 } else { 0 }
    )
    .unwrap();
}

fn pyramid(args: &[String]) {
    let since = arg(args, "--since").unwrap_or_default();
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for r in read_rows() {
        if r[0] >= since && r[6] == "1" {
            *counts.entry(r[2].parse().unwrap_or(0)).or_default() += 1;
        }
    }
    for (g, n) in counts.iter().rev() {
        println!("V{:<2} {}", g, "#".repeat(*n));
    }
}

fn stats() {
    let mut by_month: BTreeMap<String, (u32, usize, usize)> = BTreeMap::new();
    for r in read_rows() {
        let m = r[0].get(..7).unwrap_or("").to_string();
        let e = by_month.entry(m).or_default();
        if r[6] == "1" {
            e.0 = e.0.max(r[2].parse().unwrap_or(0));
            e.1 += 1;
            if r[5] == "1" {
                e.2 += 1;
            }
        }
    }
    println!("month    max  sends  flash%");
    for (m, (mx, s, fl)) in by_month {
        println!("{}  V{:<3} {:<6} {:.0}", m, mx, s, if s > 0 { fl as f64 * 100.0 / s as f64 } else { 0.0 });
    }
}

fn projects() {
    for r in read_rows() {
        if r[6] == "0" && r[5].parse::<u32>().unwrap_or(0) >= 5 {
            println!("{} V{} {} ({} attempts, {})", r[0], r[2], r[4], r[5], r[1]);
        }
    }
}

fn main() {
    let args: Vec<String> = env::args().collect();
    match args.get(1).map(|s| s.as_str()) {
        Some("add") => add(&args),
        Some("pyramid") => pyramid(&args),
        Some("stats") => stats(),
        Some("projects") => projects(),
        Some("convert") => {
            let g = args.get(2).expect("grade");
            match parse_grade(g) {
                Some(v) if g.to_uppercase().starts_with('V') => println!("{}", V_TO_FONT[v as usize]),
                Some(v) => println!("V{}", v),
                None => eprintln!("unknown grade {}", g),
            }
        }
        Some("--version") => println!("craglog {} ({} {})", env!("CARGO_PKG_VERSION"), env!("CRAGLOG_GIT_REV"), env!("CRAGLOG_TARGET")),
        _ => eprintln!("usage: craglog add|pyramid|stats|projects|convert|--version"),
    }
}
