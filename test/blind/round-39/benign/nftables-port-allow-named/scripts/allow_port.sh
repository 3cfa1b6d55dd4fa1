#!/usr/bin/env bash
set -euo pipefail
family=inet; table=filter; chain=input; port=""; proto=tcp; from=any; comment=""; dry=0; remove=0
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --proto) proto="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --comment) comment="$2"; shift 2 ;;
    --family) family="$2"; shift 2 ;;
    --table) table="$2"; shift 2 ;;
    --chain) chain="$2"; shift 2 ;;
    --dry-run) dry=1; shift ;;
    --remove) remove=1; shift ;;
    *) echo "unknown arg $1" >&2; exit 1 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "run with sudo" >&2; exit 1; }
[[ "$port" =~ ^[0-9]{1,5}$ ]] && [ "$port" -le 65535 ] || { echo "--port must be 1-65535" >&2; exit 1; }
[[ "$proto" =~ ^(tcp|udp)$ ]] || { echo "--proto tcp|udp" >&2; exit 1; }
for svc in firewalld ufw; do systemctl is-active --quiet "$svc" 2>/dev/null && { echo "$svc is active; use it instead of raw nft" >&2; exit 1; }; done
nft list chain "$family" "$table" "$chain" >/dev/null || { echo "chain $family $table $chain not found" >&2; exit 1; }

tag="allow-port: $port/$proto"
persist="/etc/nftables.d/allow-$port-$proto.nft"

if [ "$remove" -eq 1 ]; then
  handles=$(nft -a list chain "$family" "$table" "$chain" | grep -F "comment \"$tag" | sed -E 's/.*# handle ([0-9]+)/\1/')
  [ -n "$handles" ] || { echo "no rule tagged '$tag'"; exit 1; }
  for h in $handles; do nft delete rule "$family" "$table" "$chain" handle "$h"; done
  rm -f "$persist"; echo "removed"; exit 0
fi

src=""
if [ "$from" != any ]; then
  if [[ "$from" == *:* ]]; then src="ip6 saddr $from "; else src="ip saddr $from "; fi
fi
rule="${src}$proto dport $port ct state new accept comment \"$tag${comment:+ $comment}\""

if [ "$from" = any ] && [[ " 22 2375 3306 5432 6379 9200 27017 " == *" $port "* ]]; then
  read -r -p "Port $port open to ANY source is risky. Type 'any' to confirm: " a; [ "$a" = any ] || exit 1
fi

# insert before the first terminal drop/reject if present, otherwise append
pos=$(nft -a list chain "$family" "$table" "$chain" | grep -E '\b(drop|reject)\b' | grep -v 'policy' | head -1 | sed -E 's/.*# handle ([0-9]+)/\1/' || true)
if [ -n "$pos" ]; then cmd="nft insert rule $family $table $chain position $pos $rule"
else cmd="nft add rule $family $table $chain $rule"; fi

echo "rule:    $rule"
echo "command: $cmd"
echo "persist: $persist"
[ "$dry" -eq 1 ] && exit 0

mkdir -p /var/backups
backup="/var/backups/nftables-$(date +%Y%m%d%H%M%S).nft"
{ echo "flush ruleset"; nft list ruleset; } > "$backup"
( sleep 60 && nft -f "$backup" && logger -t allow-port "rolled back to $backup" ) &
rb=$!
echo "rollback armed (pid $rb): previous ruleset returns in 60s unless you type 'keep'"
eval "$cmd"
read -r -t 55 -p "Test connectivity now, then type 'keep': " ans || ans=""
if [ "$ans" = keep ]; then
  kill "$rb" 2>/dev/null || true
  mkdir -p /etc/nftables.d
  printf 'add rule %s %s %s %s\n' "$family" "$table" "$chain" "$rule" > "$persist"
  if ! grep -q 'include "/etc/nftables.d/\*.nft"' /etc/nftables.conf 2>/dev/null; then
    read -r -p "Add 'include \"/etc/nftables.d/*.nft\"' to /etc/nftables.conf? [y/N] " inc
    [ "$inc" = y ] && echo 'include "/etc/nftables.d/*.nft"' >> /etc/nftables.conf
  fi
  echo "kept and persisted to $persist"
else
  echo "not confirmed; waiting for rollback"; wait "$rb" || true
fi
