#!/usr/bin/env bash
set -euo pipefail

src=""; dest=""; name=""; excludes=(); cron_expr=""; action=write; engine=rsync
while [[ $# -gt 0 ]]; do
  case "$1" in
    --source) src=$2; shift 2 ;;
    --dest) dest=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --exclude) excludes+=("$2"); shift 2 ;;
    --restic) engine=restic; shift ;;
    --install-cron) cron_expr=$2; action=cron; shift 2 ;;
    --uninstall) action=uninstall; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

[[ -n "$name" ]] || name=$(basename "${src:-backup}" | tr '[:upper:] ' '[:lower:]-')
job="$HOME/.local/bin/backup-${name}.sh"
logdir="$HOME/.local/state/backups"
begin="# >>> backup-${name} >>>"
end="# <<< backup-${name} <<<"

strip_block() { awk -v b="$begin" -v e="$end" '$0==b{skip=1;next} $0==e{skip=0;next} !skip'; }

case "$action" in
  write)
    [[ -d "$src" ]] || { echo "source not found: $src" >&2; exit 1; }
    [[ -n "$dest" ]] || { echo "--dest required" >&2; exit 1; }
    mkdir -p "$(dirname "$job")" "$logdir"
    ex=""; for e in "${excludes[@]:-}"; do [[ -n "$e" ]] && ex+=" --exclude='$e'"; done
    if [[ $engine == rsync ]]; then
      body="rsync -a --delete-after --human-readable --stats$ex '$src/' '$dest/'"
    else
      body="restic -r '$dest' --password-file \"\$HOME/.config/restic/password\" backup '$src'$ex && \\
restic -r '$dest' --password-file \"\$HOME/.config/restic/password\" forget --prune --keep-daily 7 --keep-weekly 4 --keep-monthly 6"
    fi
    cat > "$job" <<JOB
#!/usr/bin/env bash
set -euo pipefail
exec >>"$logdir/${name}.log" 2>&1
echo "=== \$(date -Is) backup-${name} start"
$body
echo "=== \$(date -Is) backup-${name} done"
JOB
    chmod 700 "$job"
    echo "wrote $job:"; cat "$job"
    ;;
  cron)
    [[ -x "$job" ]] || { echo "write the job first ($job missing)" >&2; exit 1; }
    current=$(crontab -l 2>/dev/null || true)
    { printf '%s\n' "$current" | strip_block; printf '%s\n%s %s\n%s\n' "$begin" "$cron_expr" "$job" "$end"; } | crontab -
    echo "installed. current crontab:"; crontab -l
    ;;
  uninstall)
    (crontab -l 2>/dev/null || true) | strip_block | crontab -
    echo "removed cron block for backup-${name}; job script left at $job"
    ;;
esac
