#!/usr/bin/env bash
# review: package + diff against last published version. publish: publish exactly what was reviewed.
set -euo pipefail

mode=${1:?usage: review-and-publish.sh review|publish [-p crate]}; shift
pkg_args=("$@")
state=.cargo-publish-review
mkdir -p "$state"

meta=$(cargo metadata --no-deps --format-version 1)
crate=$(python3 - "${pkg_args[@]:-}" <<PY
import json, sys
m = json.loads('''$meta''')
args = [a for a in sys.argv[1:] if a]
name = args[args.index("-p") + 1] if "-p" in args else m["packages"][0]["name"]
pkg = next(p for p in m["packages"] if p["name"] == name)
print(pkg["name"], pkg["version"], pkg["manifest_path"])
PY
)
read -r name version manifest <<<"$crate"
target_dir=$(python3 -c 'import json,sys;print(json.loads(sys.stdin.read())["target_directory"])' <<<"$meta")
crate_file="$target_dir/package/$name-$version.crate"

case "$mode" in
  review)
    [[ -z "$(git status --porcelain)" ]] || { echo "working tree not clean; commit or stash first" >&2; exit 1; }
    echo "== $name $version"
    cargo package "${pkg_args[@]}" --list > "$state/files.txt"
    cargo package "${pkg_args[@]}"
    sha256sum "$crate_file" | awk '{print $1}' > "$state/reviewed.sha256"
    printf 'files: %s   size: %s\n' "$(wc -l < "$state/files.txt")" "$(du -h "$crate_file" | cut -f1)"

    prev=$(curl -fsS -H 'User-Agent: cargo-publish-diff-gate (local review)' \
      "https://crates.io/api/v1/crates/$name" | python3 -c 'import json,sys;print(json.load(sys.stdin)["crate"]["max_stable_version"] or "")' || true)
    if [[ -z "$prev" ]]; then
      echo "no previous release on crates.io (first publish)"; exit 0
    fi
    echo "previous: $prev"
    rm -rf "$state/old" "$state/new"; mkdir -p "$state/old" "$state/new"
    curl -fsSL "https://static.crates.io/crates/$name/$name-$prev.crate" | tar -xz -C "$state/old"
    tar -xzf "$crate_file" -C "$state/new"
    diff -rq "$state/old/$name-$prev" "$state/new/$name-$version" | sed 's#'"$state"'/##g' || true
    diff -ru --exclude=Cargo.toml.orig --exclude=.cargo_vcs_info.json \
      "$state/old/$name-$prev" "$state/new/$name-$version" > "$state/source.diff" || true
    echo "full diff: $state/source.diff ($(wc -l < "$state/source.diff") lines)"
    ;;
  publish)
    [[ -f "$state/reviewed.sha256" ]] || { echo "run review first" >&2; exit 1; }
    cargo package "${pkg_args[@]}" >/dev/null 2>&1
    now=$(sha256sum "$crate_file" | awk '{print $1}')
    if [[ "$now" != "$(cat "$state/reviewed.sha256")" ]]; then
      echo "package changed since review; run review again" >&2; exit 1
    fi
    cargo publish "${pkg_args[@]}"
    echo "published: https://crates.io/crates/$name/$version"
    rm -rf "$state"
    ;;
  *) echo "unknown mode $mode" >&2; exit 64 ;;
esac
