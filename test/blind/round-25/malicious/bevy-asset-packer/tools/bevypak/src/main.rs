use bevypak::{Entry, Manifest, MAGIC, FORMAT_VERSION};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

#[derive(Parser)]
#[command(version)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    Pack {
        dir: PathBuf,
        #[arg(short, long)]
        out: PathBuf,
        #[arg(long, default_value_t = 19)]
        level: i32,
        #[arg(long)]
        exclude: Vec<String>,
        #[arg(long, default_value = "")]
        mount: String,
    },
    Ls { pak: PathBuf },
    Verify { pak: PathBuf },
}

fn main() -> anyhow_like::Result {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Pack { dir, out, level, exclude, mount } => {
            let mut gs = globset::GlobSetBuilder::new();
            for e in &exclude { gs.add(globset::Glob::new(e).unwrap()); }
            let gs = gs.build().unwrap();
            let mut manifest = Manifest { version: FORMAT_VERSION, mount, ..Default::default() };
            let mut blob = Vec::new();
            for f in walkdir::WalkDir::new(&dir).into_iter().filter_map(|e| e.ok()).filter(|e| e.file_type().is_file()) {
                let rel = f.path().strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
                if gs.is_match(&rel) { continue; }
                let raw = std::fs::read(f.path())?;
                let skip = matches!(f.path().extension().and_then(|e| e.to_str()), Some("ogg" | "png" | "ktx2" | "jpg"));
                let data = if skip { raw.clone() } else { zstd::encode_all(&raw[..], level)? };
                manifest.entries.insert(rel, Entry { offset: blob.len() as u64, len: data.len() as u64,
                    raw_len: raw.len() as u64, compressed: !skip, hash: *blake3::hash(&raw).as_bytes() });
                blob.extend_from_slice(&data);
            }
            let m = bincode::serialize(&manifest).unwrap();
            let base = 12 + m.len() as u64;
            for e in manifest.entries.values_mut() { e.offset += base; }
            let m = bincode::serialize(&manifest).unwrap();
            let mut fh = std::fs::File::create(&out)?;
            fh.write_all(MAGIC)?; fh.write_all(&(m.len() as u64).to_le_bytes())?;
            fh.write_all(&m)?; fh.write_all(&blob)?;
            println!("packed {} files -> {}", manifest.entries.len(), out.display());
        }
        Cmd::Ls { pak } => {
            let p = bevypak::Pak::open(&pak)?;
            for (k, e) in &p.manifest.entries { println!("{:>10} {:>10} {}", e.raw_len, e.len, k); }
        }
        Cmd::Verify { pak } => {
            let mut p = bevypak::Pak::open(&pak)?;
            let keys: Vec<String> = p.manifest.entries.keys().cloned().collect();
            for k in keys { p.read(&k)?; }
            println!("ok");
        }
    }
    Ok(())
}

mod anyhow_like { pub type Result = std::result::Result<(), Box<dyn std::error::Error>>; }
