use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use semver::Version;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::{thread, time::Duration};
use toml_edit::{value, DocumentMut};

#[derive(Parser)]
#[command(version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("XTASK_GIT_REV"), ", ", env!("XTASK_RUSTC"), ")"))]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Bump versions, write CHANGELOG, commit and tag.
    Release {
        version: Option<String>,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        no_sign: bool,
    },
    /// Publish crates (dependency order) and bindings.
    Publish {
        #[arg(long)]
        resume: bool,
    },
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn sh(cmd: &str, args: &[&str], dir: &Path) -> Result<String> {
    let out = Command::new(cmd).args(args).current_dir(dir).output()
        .with_context(|| format!("running {cmd}"))?;
    if !out.status.success() {
        bail!("{cmd} {:?} failed: {}", args, String::from_utf8_lossy(&out.stderr));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn members() -> Result<Vec<(String, PathBuf, Vec<String>)>> {
    let meta = sh("cargo", &["metadata", "--no-deps", "--format-version", "1"], &root())?;
    let v: serde_json::Value = serde_json::from_str(&meta)?;
    let mut out = vec![];
    for p in v["packages"].as_array().unwrap() {
        if p["publish"].as_array().map(|a| a.is_empty()).unwrap_or(false) { continue; }
        let name = p["name"].as_str().unwrap().to_string();
        let manifest = PathBuf::from(p["manifest_path"].as_str().unwrap());
        let deps = p["dependencies"].as_array().unwrap().iter()
            .filter(|d| d["path"].is_string())
            .map(|d| d["name"].as_str().unwrap().to_string()).collect();
        out.push((name, manifest, deps));
    }
    Ok(out)
}

fn topo(mut ms: Vec<(String, PathBuf, Vec<String>)>) -> Vec<String> {
    let mut order = vec![];
    while !ms.is_empty() {
        let names: Vec<String> = ms.iter().map(|m| m.0.clone()).collect();
        let (ready, rest): (Vec<_>, Vec<_>) = ms.into_iter()
            .partition(|m| m.2.iter().all(|d| !names.contains(d) || order.contains(d)));
        if ready.is_empty() { order.extend(rest.into_iter().map(|m| m.0)); break; }
        order.extend(ready.into_iter().map(|m| m.0));
        ms = rest;
    }
    order
}

fn last_tag() -> Option<String> {
    sh("git", &["describe", "--tags", "--abbrev=0"], &root()).ok()
}

fn next_version(explicit: Option<String>) -> Result<Version> {
    if let Some(v) = explicit { return Ok(Version::parse(v.trim_start_matches('v'))?); }
    let tag = last_tag().unwrap_or_else(|| "v0.0.0".into());
    let mut v = Version::parse(tag.trim_start_matches('v'))?;
    let range = format!("{tag}..HEAD");
    let log = sh("git", &["log", &range, "--pretty=%s%n%b"], &root()).unwrap_or_default();
    if log.contains("BREAKING CHANGE") || log.lines().any(|l| l.split(':').next().map_or(false, |p| p.ends_with('!'))) {
        if v.major == 0 { v.minor += 1; v.patch = 0 } else { v.major += 1; v.minor = 0; v.patch = 0 }
    } else if log.lines().any(|l| l.starts_with("feat")) {
        v.minor += 1; v.patch = 0;
    } else { v.patch += 1; }
    Ok(v)
}

fn bump_manifests(v: &Version, dry: bool) -> Result<()> {
    let ms = members()?;
    let names: Vec<String> = ms.iter().map(|m| m.0.clone()).collect();
    for (name, path, _) in &ms {
        let mut doc: DocumentMut = fs::read_to_string(path)?.parse()?;
        doc["package"]["version"] = value(v.to_string());
        for table in ["dependencies", "dev-dependencies", "build-dependencies"] {
            if let Some(t) = doc.get_mut(table).and_then(|t| t.as_table_like_mut()) {
                for (dep, item) in t.iter_mut() {
                    if names.iter().any(|n| n == dep.get()) && item.get("path").is_some() {
                        item["version"] = value(format!("={v}"));
                    }
                }
            }
        }
        println!("  {name}: {}", path.display());
        if !dry { fs::write(path, doc.to_string())?; }
    }
    let node = root().join("bindings/node/package.json");
    if node.exists() {
        let mut j: serde_json::Value = serde_json::from_str(&fs::read_to_string(&node)?)?;
        j["version"] = serde_json::Value::String(v.to_string());
        if !dry { fs::write(&node, serde_json::to_string_pretty(&j)? + "\n")?; }
        println!("  npm: {}", node.display());
    }
    let py = root().join("bindings/python/pyproject.toml");
    if py.exists() {
        let mut doc: DocumentMut = fs::read_to_string(&py)?.parse()?;
        if doc.get("project").and_then(|p| p.get("version")).is_some() {
            doc["project"]["version"] = value(v.to_string());
            if !dry { fs::write(&py, doc.to_string())?; }
            println!("  pypi: {}", py.display());
        }
    }
    if let Ok(rd) = fs::read_dir(root().join("bindings/ruby")) {
        for e in rd.flatten().filter(|e| e.path().extension().map_or(false, |x| x == "gemspec")) {
            let s = fs::read_to_string(e.path())?;
            let re = s.lines().map(|l| if l.trim_start().starts_with("spec.version") || l.trim_start().starts_with("s.version") {
                let indent = &l[..l.len() - l.trim_start().len()];
                let lhs = l.trim_start().split('=').next().unwrap().trim_end();
                format!("{indent}{lhs} = \"{v}\"")
            } else { l.to_string() }).collect::<Vec<_>>().join("\n") + "\n";
            if !dry { fs::write(e.path(), re)?; }
            println!("  gem: {}", e.path().display());
        }
    }
    Ok(())
}

fn changelog(v: &Version, dry: bool) -> Result<()> {
    let range = last_tag().map(|t| format!("{t}..HEAD")).unwrap_or_else(|| "HEAD".into());
    let log = sh("git", &["log", &range, "--pretty=%s (%h)"], &root())?;
    let (mut feat, mut fix, mut other) = (vec![], vec![], vec![]);
    for l in log.lines() {
        if l.starts_with("chore(release)") { continue; }
        if l.starts_with("feat") { feat.push(l) } else if l.starts_with("fix") || l.starts_with("perf") { fix.push(l) } else { other.push(l) }
    }
    let date = sh("date", &["+%Y-%m-%d"], &root()).unwrap_or_default();
    let mut sec = format!("## [{v}] - {date}\n\n");
    for (h, items) in [("Features", feat), ("Fixes", fix), ("Other", other)] {
        if items.is_empty() { continue; }
        sec += &format!("### {h}\n\n");
        for i in items { sec += &format!("- {i}\n"); }
        sec += "\n";
    }
    print!("{sec}");
    if dry { return Ok(()); }
    let p = root().join("CHANGELOG.md");
    let old = fs::read_to_string(&p).unwrap_or_else(|_| "# Changelog\n\n".into());
    let new = match old.find("\n## [") {
        Some(i) => format!("{}\n{}{}", &old[..i], sec, &old[i + 1..]),
        None => format!("{old}{sec}"),
    };
    fs::write(p, new)?;
    Ok(())
}

fn release(version: Option<String>, dry: bool, no_sign: bool) -> Result<()> {
    if !dry && !sh("git", &["status", "--porcelain"], &root())?.is_empty() {
        bail!("working tree is dirty");
    }
    let v = next_version(version)?;
    println!("release v{v}{}", if dry { " (dry run)" } else { "" });
    bump_manifests(&v, dry)?;
    changelog(&v, dry)?;
    if dry { return Ok(()); }
    sh("cargo", &["update", "--workspace"], &root())?;
    sh("git", &["commit", "-am", &format!("chore(release): v{v}")], &root())?;
    let tag = format!("v{v}");
    let flag = if no_sign { "-a" } else { "-s" };
    sh("git", &["tag", flag, &tag, "-m", &tag], &root())?;
    println!("tagged {tag}; now run `cargo xtask publish` and `git push --follow-tags`");
    Ok(())
}

fn wait_for_index(name: &str, version: &str) {
    // `cargo search` goes through the configured registry (and any source replacement).
    let needle = format!("{name} = \"{version}\"");
    for _ in 0..30 {
        if let Ok(out) = sh("cargo", &["search", name, "--limit", "1"], &root()) {
            if out.contains(&needle) { return; }
        }
        thread::sleep(Duration::from_secs(10));
    }
}

fn publish(resume: bool) -> Result<()> {
    let ms = members()?;
    let order = topo(ms);
    let ver = {
        let doc: DocumentMut = fs::read_to_string(root().join("Cargo.toml"))?.parse()?;
        doc.get("workspace").and_then(|w| w.get("package")).and_then(|p| p.get("version"))
            .and_then(|v| v.as_str()).map(String::from)
            .unwrap_or_else(|| last_tag().unwrap_or_default().trim_start_matches('v').to_string())
    };
    for c in &order {
        println!("cargo publish -p {c}");
        match sh("cargo", &["publish", "-p", c], &root()) {
            Err(e) if resume && e.to_string().contains("already exists") => continue,
            r => { r?; }
        }
        wait_for_index(c, &ver);
    }
    let b = root().join("bindings");
    if b.join("node/package.json").exists() { sh("npm", &["publish", "--access", "public"], &b.join("node"))?; }
    if b.join("python/pyproject.toml").exists() { sh("maturin", &["publish", "--skip-existing"], &b.join("python"))?; }
    if b.join("ruby").exists() {
        for e in fs::read_dir(b.join("ruby"))?.flatten().filter(|e| e.path().extension().map_or(false, |x| x == "gemspec")) {
            let spec = e.file_name().to_string_lossy().to_string();
            sh("gem", &["build", &spec], &b.join("ruby"))?;
        }
        for e in fs::read_dir(b.join("ruby"))?.flatten().filter(|e| e.path().extension().map_or(false, |x| x == "gem")) {
            sh("gem", &["push", &e.file_name().to_string_lossy()], &b.join("ruby"))?;
        }
    }
    Ok(())
}

fn main() -> Result<()> {
    match Cli::parse().cmd {
        Cmd::Release { version, dry_run, no_sign } => release(version, dry_run, no_sign),
        Cmd::Publish { resume } => publish(resume),
    }
}
