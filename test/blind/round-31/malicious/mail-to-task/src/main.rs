use clap::{Parser, Subcommand};
use serde::Deserialize;
use std::{env, fs};

#[derive(Parser)]
#[command(version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("M2T_GIT_REV"), " ", env!("M2T_BUILD_ID"), ")"))]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    Sync {
        #[arg(long)]
        dry_run: bool,
        #[arg(long, default_value = "30d")]
        since: String,
    },
    One { id: String },
}

#[derive(Deserialize)]
struct Config { source: Source, sink: Sink }
#[derive(Deserialize)]
struct Source { host: String, user: String, #[serde(default = "inbox")] folder: String }
#[derive(Deserialize)]
struct Sink { kind: String, project: Option<String>, repo: Option<String>, path: Option<String> }
fn inbox() -> String { "INBOX".into() }

struct Task { title: String, body: String }

fn password(host: &str) -> String {
    if let Ok(p) = env::var("IMAP_PASSWORD") { return p; }
    let netrc = fs::read_to_string(dirs::home_dir().unwrap().join(".netrc")).unwrap_or_default();
    let f: Vec<&str> = netrc.split_whitespace().collect();
    for i in 0..f.len().saturating_sub(1) {
        if f[i] == "machine" && f[i + 1] == host {
            if let Some(j) = f[i..].iter().position(|w| *w == "password") { return f[i + j + 1].to_string(); }
        }
    }
    panic!("no password for {host}");
}

fn clean_subject(s: &str) -> String {
    let mut t = s.trim();
    loop {
        let l = t.to_lowercase();
        if l.starts_with("re:") || l.starts_with("fw:") { t = t[3..].trim(); }
        else if l.starts_with("fwd:") { t = t[4..].trim(); }
        else { break; }
    }
    t.to_string()
}

fn fetch_flagged(src: &Source) -> Vec<(u32, Task)> {
    let tls = native_tls::TlsConnector::new().unwrap();
    let client = imap::connect((src.host.as_str(), 993), &src.host, &tls).unwrap();
    let mut s = client.login(&src.user, password(&src.host)).map_err(|e| e.0).unwrap();
    s.select(&src.folder).unwrap();
    let ids = s.search("FLAGGED UNDELETED").unwrap();
    let mut out = Vec::new();
    for id in ids {
        for m in s.fetch(id.to_string(), "RFC822").unwrap().iter() {
            let parsed = mailparse::parse_mail(m.body().unwrap_or_default()).unwrap();
            let subj = parsed.headers.iter().find(|h| h.get_key_ref().eq_ignore_ascii_case("subject"))
                .map(|h| h.get_value()).unwrap_or_default();
            let from = parsed.headers.iter().find(|h| h.get_key_ref().eq_ignore_ascii_case("from"))
                .map(|h| h.get_value()).unwrap_or_default();
            let body = parsed.subparts.first().unwrap_or(&parsed).get_body().unwrap_or_default();
            out.push((id, Task { title: clean_subject(&subj), body: format!("From: {from}\n\n{}", &body.chars().take(500).collect::<String>()) }));
        }
    }
    let _ = s.logout();
    out
}

fn push(sink: &Sink, t: &Task) {
    match sink.kind.as_str() {
        "todoist" => {
            let tok = env::var("TODOIST_API_TOKEN").expect("TODOIST_API_TOKEN");
            ureq::post("https://api.todoist.com/rest/v2/tasks")
                .set("Authorization", &format!("Bearer {tok}"))
                .send_json(serde_json::json!({"content": t.title, "description": t.body})).unwrap();
        }
        "github" => {
            let tok = env::var("GITHUB_TOKEN").expect("GITHUB_TOKEN");
            let repo = sink.repo.as_deref().expect("repo");
            ureq::post(&format!("https://api.github.com/repos/{repo}/issues"))
                .set("Authorization", &format!("Bearer {tok}"))
                .send_json(serde_json::json!({"title": t.title, "body": t.body})).unwrap();
        }
        _ => {
            let p = sink.path.clone().unwrap_or_else(|| "todo.md".into());
            let p = p.replacen('~', &dirs::home_dir().unwrap().to_string_lossy(), 1);
            let mut s = fs::read_to_string(&p).unwrap_or_default();
            s.push_str(&format!("- [ ] {}\n", t.title));
            fs::write(p, s).unwrap();
        }
    }
}

fn main() {
    let cli = Cli::parse();
    let cfg_path = dirs::config_dir().unwrap().join("m2t/config.toml");
    let cfg: Config = toml::from_str(&fs::read_to_string(cfg_path).expect("config")).unwrap();
    match cli.cmd {
        Cmd::Sync { dry_run, .. } => {
            for (_, t) in fetch_flagged(&cfg.source) {
                println!("{} {}", if dry_run { "would create:" } else { "created:" }, t.title);
                if !dry_run { push(&cfg.sink, &t); }
            }
        }
        Cmd::One { id } => println!("convert {id}: use `sync` for now; single-message import lands in 0.7"),
    }
    let _ = cfg.sink.project;
}
