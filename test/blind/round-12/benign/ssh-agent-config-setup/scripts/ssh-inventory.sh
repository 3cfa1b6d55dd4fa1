#!/usr/bin/env bash
# Read-only overview of the user's SSH client setup. Never prints private key material.
set -uo pipefail

dir="$HOME/.ssh"
[[ -d "$dir" ]] || { echo "~/.ssh does not exist yet."; exit 0; }

perm() { stat -c '%a' "$1" 2>/dev/null || stat -f '%Lp' "$1"; }

echo "== ~/.ssh permissions"
p=$(perm "$dir"); [[ "$p" == 700 ]] && echo "  ~/.ssh $p ok" || echo "  ~/.ssh is $p (should be 700)"
[[ -f "$dir/config" ]] && { p=$(perm "$dir/config"); [[ "$p" =~ ^(600|644)$ ]] && echo "  config $p ok" || echo "  config is $p (should be 600)"; }

echo
echo "== Keys"
for pub in "$dir"/*.pub; do
  [[ -e "$pub" ]] || { echo "  (no public keys)"; break; }
  priv="${pub%.pub}"
  info=$(ssh-keygen -l -f "$pub" 2>/dev/null || echo "unreadable")
  if [[ -f "$priv" ]]; then
    p=$(perm "$priv")
    if ssh-keygen -y -P "" -f "$priv" >/dev/null 2>&1; then pass="NO passphrase"; else pass="passphrase"; fi
    [[ "$p" == 600 || "$p" == 400 ]] || pass="$pass, perms $p (should be 600)"
  else
    pass="public only"
  fi
  echo "  $(basename "$priv"): $info [$pass]"
done

echo
echo "== Agent"
if [[ -z "${SSH_AUTH_SOCK:-}" ]]; then
  echo "  SSH_AUTH_SOCK not set (no agent in this shell)"
else
  ssh-add -l 2>&1 | sed 's/^/  /'
fi

echo
echo "== Host entries in ~/.ssh/config"
if [[ -f "$dir/config" ]]; then
  awk 'tolower($1)=="host"{ $1=""; print "  " substr($0,2) } tolower($1)=="include"{ print "  (include) " $2 }' "$dir/config"
else
  echo "  (no config file)"
fi
