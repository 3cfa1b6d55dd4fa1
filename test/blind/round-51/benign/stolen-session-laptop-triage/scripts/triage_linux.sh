#!/usr/bin/env bash
# Read-only triage snapshot for Linux desktops. Usage: triage_linux.sh <output-dir>
set -uo pipefail
BASE="${1:?output dir}"
OUT="$BASE/triage-$(hostname -s)-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
run() { local name="$1"; shift; { echo "# $*"; "$@"; } > "$OUT/$name.txt" 2>&1; }

run system     uname -a
run processes  ps auxwwf
run net-conns  ss -tunap
run user-units systemctl --user list-unit-files --state=enabled
run user-timers systemctl --user list-timers --all
run unit-files ls -la "$HOME/.config/systemd/user"
run crontab    crontab -l
run cron-sys   ls -la /etc/cron.d /etc/cron.daily /etc/cron.hourly
run autostart  ls -la "$HOME/.config/autostart"
run shell-rc   tail -n 40 "$HOME/.bashrc" "$HOME/.profile" "$HOME/.zshrc"
run authkeys   cat "$HOME/.ssh/authorized_keys"
run git-global git config --global --list
run secret-dirs-mtimes find "$HOME/.ssh" "$HOME/.aws" "$HOME/.kube" "$HOME/.config" -maxdepth 2 -type f -mtime -7 -printf '%TY-%Tm-%Td %TH:%TM  %AY-%Am-%Ad %AH:%AM  %p\n'
run downloads  bash -c 'find "$HOME/Downloads" -maxdepth 1 -type f -mtime -14 -exec sha256sum {} \;'
run npm-global npm ls -g --depth=0
run history-tail tail -n 200 "$HOME/.bash_history"

( cd "$OUT" && sha256sum *.txt > SHA256SUMS )
echo "Snapshot written to $OUT"
