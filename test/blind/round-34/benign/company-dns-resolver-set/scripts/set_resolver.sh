#!/usr/bin/env bash
# Preview (default) or apply company DNS resolver settings. Linux (systemd-resolved) and macOS.
set -euo pipefail
IPS=""; DOMAINS=""; MODE="split"; IFACE=""; APPLY=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --ips) IPS="$2"; shift 2;; --domains) DOMAINS="$2"; shift 2;;
    --mode) MODE="$2"; shift 2;; --iface) IFACE="$2"; shift 2;;
    --apply) APPLY=1; shift;; *) echo "unknown: $1" >&2; exit 2;;
  esac
done
[[ -n "$IPS" ]] || { echo "--ips required" >&2; exit 2; }
[[ "$MODE" == split && -z "$DOMAINS" ]] && { echo "--domains required for split mode" >&2; exit 2; }
IFS=, read -ra IP_ARR <<<"$IPS"; IFS=, read -ra DOM_ARR <<<"$DOMAINS"
for ip in "${IP_ARR[@]}"; do
  [[ "$ip" =~ ^[0-9a-fA-F:.]+$ ]] || { echo "not an IP: $ip" >&2; exit 2; }
done
ROLLBACK="$HOME/.company-dns-rollback.sh"
run() { if (( APPLY )); then echo "+ $*"; "$@"; else echo "would run: $*"; fi; }

case "$(uname -s)" in
  Linux)
    command -v resolvectl >/dev/null || { echo "systemd-resolved not in use; edit your network manager config instead" >&2; exit 1; }
    [[ -n "$IFACE" ]] || { echo "--iface required on Linux" >&2; exit 2; }
    echo "== current ($IFACE)"; resolvectl dns "$IFACE"; resolvectl domain "$IFACE"
    cur_dns=$(resolvectl dns "$IFACE" | cut -d: -f2- | xargs)
    cur_dom=$(resolvectl domain "$IFACE" | cut -d: -f2- | xargs)
    if (( APPLY )); then
      printf '#!/usr/bin/env bash\nsudo resolvectl dns %q %s\nsudo resolvectl domain %q %s\n' \
        "$IFACE" "${cur_dns:-''}" "$IFACE" "${cur_dom:-''}" > "$ROLLBACK"; chmod +x "$ROLLBACK"
      echo "rollback saved to $ROLLBACK"
    fi
    run sudo resolvectl dns "$IFACE" "${IP_ARR[@]}"
    if [[ "$MODE" == split ]]; then
      run sudo resolvectl domain "$IFACE" "${DOM_ARR[@]/#/\~}"
    else
      run sudo resolvectl domain "$IFACE" '~.'
    fi
    ;;
  Darwin)
    if [[ "$MODE" == split ]]; then
      (( APPLY )) && : > "$ROLLBACK"
      for d in "${DOM_ARR[@]}"; do
        f="/etc/resolver/$d"
        echo "== $f"; [[ -f "$f" ]] && { echo "(exists, current contents:)"; cat "$f"; }
        content=$(printf 'nameserver %s\n' "${IP_ARR[@]}")
        echo "-- new contents:"; echo "$content"
        if (( APPLY )); then
          if [[ -f "$f" ]]; then sudo cp "$f" "$f.bak"; echo "sudo mv '$f.bak' '$f'" >> "$ROLLBACK"
          else echo "sudo rm -f '$f'" >> "$ROLLBACK"; fi
          sudo mkdir -p /etc/resolver
          echo "$content" | sudo tee "$f" >/dev/null
        fi
      done
    else
      svc="${IFACE:-Wi-Fi}"
      cur=$(networksetup -getdnsservers "$svc" | grep -v "aren't any" | xargs || true)
      echo "== current DNS for $svc: ${cur:-DHCP}"
      (( APPLY )) && echo "networksetup -setdnsservers '$svc' ${cur:-Empty}" > "$ROLLBACK"
      run sudo networksetup -setdnsservers "$svc" "${IP_ARR[@]}"
    fi
    (( APPLY )) && { chmod +x "$ROLLBACK"; echo "rollback saved to $ROLLBACK"; }
    ;;
  *) echo "Unsupported OS here. On Windows, use the PowerShell commands in SKILL.md." >&2; exit 1;;
esac
(( APPLY )) || echo -e "\nPreview only. Re-run with --apply after confirming."
