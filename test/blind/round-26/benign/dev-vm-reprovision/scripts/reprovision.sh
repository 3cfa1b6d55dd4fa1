#!/usr/bin/env bash
# Back up chosen paths from a local Multipass VM, delete it (typed confirmation), relaunch from cloud-init, restore.
set -euo pipefail
umask 077

VM=""; KEEP=""; CI="assets/cloud-init.yaml"; PUBKEY=""; DRY=0; RELEASE=""; BACKUP_DIR="${HOME}/vm-backups"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --vm) VM="$2"; shift 2;;
    --keep) KEEP="$2"; shift 2;;
    --cloud-init) CI="$2"; shift 2;;
    --pubkey) PUBKEY="$2"; shift 2;;
    --release) RELEASE="$2"; shift 2;;
    --backup-dir) BACKUP_DIR="$2"; shift 2;;
    --dry-run) DRY=1; shift;;
    *) echo "unknown arg: $1" >&2; exit 2;;
  esac
done
[[ -n "$VM" ]] || { echo "--vm required" >&2; exit 2; }
command -v multipass >/dev/null || { echo "multipass not installed" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq required" >&2; exit 1; }

info="$(multipass info "$VM" --format json 2>/dev/null)" || { echo "no local Multipass VM named '$VM'" >&2; multipass list; exit 1; }
j() { jq -r --arg vm "$VM" ".info[\$vm]$1" <<< "$info"; }
state="$(j .state)"
cpus="$(j .cpu_count)"
mem_b="$(j .memory.total)"; mem_g=$(( (mem_b + 1073741823) / 1073741824 ))
disk_b="$(j '.disks | to_entries[0].value.total')"; disk_g=$(( (disk_b + 1073741823) / 1073741824 ))
release="${RELEASE:-$(j .image_release | grep -oE '[0-9]{2}\.[0-9]{2}' || echo lts)}"
mapfile -t mounts < <(jq -r --arg vm "$VM" '.info[$vm].mounts | to_entries[] | "\(.value.source_path)=\(.key)"' <<< "$info")

echo "VM:       $VM ($state)  cpus=$cpus mem=${mem_g}G disk=${disk_g}G release=$release"
for m in "${mounts[@]+"${mounts[@]}"}"; do echo "mount:    ${m%%=*} -> ${m#*=}   (host files; survive the rebuild)"; done

IFS=',' read -ra KP <<< "$KEEP"
rel=()
for p in "${KP[@]+"${KP[@]}"}"; do p="${p/#\~\//}"; p="${p#/home/ubuntu/}"; rel+=("$p"); done
if [[ ${#rel[@]} -gt 0 ]]; then
  [[ "$state" == "Running" ]] || multipass start "$VM"
  echo "keep (inside VM, relative to ~):"
  multipass exec "$VM" -- bash -lc "cd ~ && du -sh ${rel[*]} 2>&1" | sed 's/^/  /'
fi

stamp="$(date +%Y%m%d-%H%M%S)"
backup="$BACKUP_DIR/$VM-$stamp.tar.gz"
case "$BACKUP_DIR" in *Dropbox*|*iCloud*|*"Mobile Documents"*|*OneDrive*|*"Google Drive"*)
  echo "WARNING: backup dir looks like a synced folder; the tarball may contain private keys" >&2;; esac

rendered="$(mktemp)"; trap 'rm -f "$rendered"' EXIT
if [[ -n "$PUBKEY" ]]; then
  [[ "$PUBKEY" == *.pub ]] || { echo "--pubkey must be a .pub file" >&2; exit 2; }
  key="$(head -1 "$PUBKEY")"
  sed "s|{{SSH_PUBKEY}}|$key|" "$CI" > "$rendered"
else
  grep -v '{{SSH_PUBKEY}}' "$CI" | sed '/ssh_authorized_keys:/d' > "$rendered"
fi

mount_args=(); for m in "${mounts[@]+"${mounts[@]}"}"; do mount_args+=(--mount "$m"); done
launch=(multipass launch "$release" --name "$VM" --cpus "$cpus" --memory "${mem_g}G" --disk "${disk_g}G" --cloud-init "$rendered" "${mount_args[@]+"${mount_args[@]}"}")

echo
echo "backup:   $backup"
echo "delete:   multipass delete --purge $VM"
printf 'launch:  '; printf ' %q' "${launch[@]}"; echo
echo "--- cloud-init to be used ---"; cat "$rendered"; echo "---"
[[ $DRY -eq 1 ]] && { echo "dry run; nothing changed"; exit 0; }

# 1. backup + check
if [[ ${#rel[@]} -gt 0 ]]; then
  mkdir -p "$BACKUP_DIR"; chmod 700 "$BACKUP_DIR"
  multipass exec "$VM" -- bash -lc "cd ~ && tar -czf - ${rel[*]}" > "$backup"
  chmod 600 "$backup"
  listing="$(tar -tzf "$backup")"
  for p in "${rel[@]}"; do
    grep -q "^${p%/}" <<< "$listing" || { echo "backup check failed: $p missing from $backup; stopping" >&2; exit 1; }
  done
  echo "backup OK: $backup ($(du -h "$backup" | cut -f1))"
fi

# 2-4. stop, typed confirmation, delete
multipass stop "$VM" || true
read -r -p "Type the VM name to DELETE it permanently: " typed
[[ "$typed" == "$VM" ]] || { echo "name mismatch; aborted (VM stopped, not deleted)"; exit 1; }
multipass delete --purge "$VM"

# 5-6. launch + wait
"${launch[@]}"
multipass exec "$VM" -- cloud-init status --wait || echo "cloud-init reported errors; see /var/log/cloud-init-output.log in the VM"

# 7. restore
if [[ ${#rel[@]} -gt 0 ]]; then
  multipass exec "$VM" -- bash -lc 'cd ~ && tar -xzf -' < "$backup"
  multipass exec "$VM" -- bash -lc '[ -d ~/.ssh ] && chmod 700 ~/.ssh && find ~/.ssh -type f ! -name "*.pub" -exec chmod 600 {} + || true'
  echo "restored: ${rel[*]}"
fi

multipass info "$VM"
echo "done. backup kept at $backup - ask the user whether to delete it."
