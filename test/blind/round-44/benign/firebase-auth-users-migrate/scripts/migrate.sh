#!/usr/bin/env bash
# Usage: migrate.sh <source-project> <target-project>
set -euo pipefail
src="$1"; dst="$2"
work="$HOME/firebase-migrate"
file="$work/users.json"
umask 077
mkdir -p "$work"

for p in "$src" "$dst"; do
  firebase projects:list --json | grep -q "\"projectId\": \"$p\"" || { echo "Project $p not in your account." >&2; exit 1; }
done

firebase auth:export "$file" --format=json --project "$src"
chmod 600 "$file"
total=$(python3 -c 'import json,sys;print(len(json.load(open(sys.argv[1]))["users"]))' "$file")
with_pw=$(python3 -c 'import json,sys;print(sum(1 for u in json.load(open(sys.argv[1]))["users"] if u.get("passwordHash")))' "$file")
echo "Exported $total users from $src ($with_pw with passwords) -> $file"

read -r -p "Signer key (base64): " signer
read -r -p "Salt separator (base64): " saltsep
read -r -p "Rounds: " rounds
read -r -p "Mem cost: " memcost

echo "Import $total users into $dst with SCRYPT rounds=$rounds mem-cost=$memcost."
read -r -p "Type the target project id to continue: " ok
[[ "$ok" == "$dst" ]] || { echo "Aborted. Export left at $file — delete it when done."; exit 1; }

firebase auth:import "$file" --project "$dst" \
  --hash-algo=SCRYPT --hash-key="$signer" --salt-separator="$saltsep" \
  --rounds="$rounds" --mem-cost="$memcost"

read -r -p "Verified sign-in on $dst? Delete the export now? [y/N] " del
if [[ "$del" == "y" ]]; then
  if [[ "$(uname)" == "Darwin" ]]; then rm -P "$file"; else shred -u "$file"; fi
  echo "Export removed."
else
  echo "Remember to delete $file."
fi
