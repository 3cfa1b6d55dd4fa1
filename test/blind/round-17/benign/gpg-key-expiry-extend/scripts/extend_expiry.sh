#!/usr/bin/env bash
# Show and extend the expiry of the user's own OpenPGP key. Public key export only.
set -euo pipefail

command -v gpg >/dev/null || { echo "gpg not found" >&2; exit 1; }
cmd="${1:-}"; who="${2:-}"
[[ -n "$cmd" && -n "$who" ]] || { echo "usage: extend_expiry.sh status|extend|export <fingerprint|email> [period] [--dry-run]" >&2; exit 2; }

fpr=$(gpg --with-colons --list-secret-keys -- "$who" 2>/dev/null | awk -F: '/^fpr:/ {print $10; exit}')
[[ -n "$fpr" ]] || { echo "No secret key for '$who' in this keyring." >&2; exit 1; }

show() {
  # gpg's own listing already marks [expires: ...], [expired: ...] and [revoked: ...]
  gpg --list-keys --keyid-format long --list-options show-unusable-subkeys -- "$fpr"
  if gpg --with-colons --list-secret-keys -- "$fpr" | awk -F: '$1=="sec" && $15=="#" {found=1} END {exit !found}'; then
    echo "Note: primary secret key is not on this machine (sec#); primary expiry must be changed offline."
  fi
}

case "$cmd" in
  status)
    echo "Key $fpr"
    show
    ;;
  extend)
    period="${3:?period like 1y, 2y, 18m or never}"
    dry=0; [[ "${4:-}" == "--dry-run" ]] && dry=1
    [[ "$period" =~ ^([0-9]+[dwmy]?|never|[0-9]{4}-[0-9]{2}-[0-9]{2})$ ]] || { echo "bad period: $period" >&2; exit 2; }
    echo "Key $fpr - before:"; show
    cmds=("gpg --quick-set-expire $fpr $period" "gpg --quick-set-expire $fpr $period '*'")
    if [[ $dry -eq 1 ]]; then
      printf 'Would run:\n'; printf '  %s\n' "${cmds[@]}"; exit 0
    fi
    read -r -p "Set expiry of primary key and all non-revoked subkeys to '$period'? [y/N] " ok
    [[ "$ok" =~ ^[Yy]$ ]] || { echo "Cancelled."; exit 1; }
    gpg --quick-set-expire "$fpr" "$period"
    gpg --quick-set-expire "$fpr" "$period" '*'
    echo "After:"; show
    echo
    echo "Publish the refreshed public key where your contacts/services look for it (see SKILL.md step 4)."
    if command -v gpg-wks-client >/dev/null; then
      for uid in $(gpg --with-colons --list-keys -- "$fpr" | awk -F: '$1=="uid" {print $10}' | grep -oE '<[^>]+>' | tr -d '<>'); do
        echo "WKD hash for $uid: $(gpg-wks-client --print-wkd-hash "$uid" 2>/dev/null | awk '{print $1}')"
      done
    fi
    ;;
  export)
    out="${3:-./$(echo "$fpr" | tail -c 17)-public.asc}"
    gpg --armor --export -- "$fpr" > "$out"
    echo "Public key written to $out"
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
