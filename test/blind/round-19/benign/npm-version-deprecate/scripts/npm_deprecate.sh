#!/usr/bin/env bash
# Deprecate / undeprecate / unpublish versions of a package the user maintains. Plan first; --yes to act.
set -euo pipefail

PKG=""; RANGE=""; MSG=""; ACTION="check"; RETAG=""; YES=0; OTP=""; REG=""

usage() {
  cat <<U
usage: $0 --pkg NAME --range RANGE [--check | --deprecate MSG | --undeprecate | --unpublish]
          [--retag-latest VERSION] [--otp CODE] [--registry URL] [--yes]
U
}
while [ $# -gt 0 ]; do
  case "$1" in
    --pkg) PKG="$2"; shift 2 ;;
    --range) RANGE="$2"; shift 2 ;;
    --check) ACTION=check; shift ;;
    --deprecate) ACTION=deprecate; MSG="$2"; shift 2 ;;
    --undeprecate) ACTION=undeprecate; shift ;;
    --unpublish) ACTION=unpublish; shift ;;
    --retag-latest) RETAG="$2"; shift 2 ;;
    --otp) OTP="$2"; shift 2 ;;
    --registry) REG="$2"; shift 2 ;;
    --yes) YES=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 64 ;;
  esac
done
[ -n "$PKG" ] && [ -n "$RANGE" ] || { usage >&2; exit 64; }
command -v npm >/dev/null || { echo "npm not found" >&2; exit 1; }
command -v node >/dev/null || { echo "node not found" >&2; exit 1; }

npmargs=()
[ -n "$REG" ] && npmargs+=(--registry "$REG")
otpargs=()
[ -n "$OTP" ] && otpargs+=(--otp "$OTP")

me=$(npm whoami "${npmargs[@]}" 2>/dev/null) || { echo "not logged in to $(npm config get registry "${npmargs[@]}"); run npm login" >&2; exit 1; }
meta=$(npm view "$PKG" --json time dist-tags maintainers versions "${npmargs[@]}")

# Evaluate the range with npm's own semver (bundled with npm) via node.
plan=$(MATCH_RANGE="$RANGE" ME="$me" node -e '
const path = require("path");
const npmRoot = require("child_process").execSync("npm root -g").toString().trim();
let semver;
try { semver = require(path.join(npmRoot, "npm", "node_modules", "semver")); }
catch { semver = require("semver"); }
const meta = JSON.parse(require("fs").readFileSync(0, "utf8"));
const versions = [].concat(meta.versions || []);
const time = meta.time || {};
const tags = meta["dist-tags"] || {};
const maint = (meta.maintainers || []).map(m => (typeof m === "string" ? m : m.name).split(" ")[0]);
const range = process.env.MATCH_RANGE;
const matched = versions.filter(v => semver.satisfies(v, range, { includePrerelease: true }));
const latestIn = matched.includes(tags.latest);
const now = Date.now();
const out = {
  maintainers: maint, isMaintainer: maint.includes(process.env.ME), tags,
  total: versions.length,
  matched: matched.map(v => ({ v, published: (time[v] || "").slice(0, 10),
    ageHours: time[v] ? Math.floor((now - Date.parse(time[v])) / 3.6e6) : null,
    tags: Object.keys(tags).filter(t => tags[t] === v) })),
  latestIn,
};
process.stdout.write(JSON.stringify(out));
' <<<"$meta")

field() { node -e "const o=JSON.parse(process.argv[1]); const v=$2; process.stdout.write(String(v))" "$plan" 2>/dev/null; }

echo "npm user: $me   registry: $(npm config get registry "${npmargs[@]}")"
echo "maintainers of $PKG: $(field "$plan" 'o.maintainers.join(", ")')     -> $( [ "$(field "$plan" 'o.isMaintainer')" = true ] && echo "you are a maintainer" || echo "YOU ARE NOT A MAINTAINER")"
echo "dist-tags: $(field "$plan" 'Object.entries(o.tags).map(([k,v])=>k+"="+v).join(" ")')"
count=$(field "$plan" 'o.matched.length')
total=$(field "$plan" 'o.total')
echo "matching versions ($count): $(field "$plan" 'o.matched.map(m=>m.v+" ("+m.published+(m.tags.length?", "+m.tags.join("/"):"")+")").join(" ")')"
deps=$(npm view "$PKG@$RANGE" deprecated --json "${npmargs[@]}" 2>/dev/null || true)
echo "currently deprecated (raw): ${deps:-none}"

[ "$(field "$plan" 'o.isMaintainer')" = true ] || { echo "refusing: $me does not maintain $PKG" >&2; exit 1; }
[ "$count" -gt 0 ] || { echo "no published version matches $RANGE"; exit 0; }
[ "$ACTION" = check ] && exit 0

if [ "$(field "$plan" 'o.latestIn')" = true ] && [ -z "$RETAG" ] && [ "$ACTION" != undeprecate ]; then
  echo "warning: latest is inside the range; pass --retag-latest <good version> to move it"
fi

case "$ACTION" in
  deprecate)
    [ -n "$MSG" ] || { echo "deprecation message must not be empty" >&2; exit 64; }
    echo "plan: npm deprecate \"$PKG@$RANGE\" \"$MSG\""
    ;;
  undeprecate)
    echo "plan: npm deprecate \"$PKG@$RANGE\" \"\"  (removes the deprecation message)"
    ;;
  unpublish)
    [ "$count" -eq 1 ] || { echo "refusing: unpublish one exact version at a time ($count matched)" >&2; exit 1; }
    [ "$total" -gt 1 ] || { echo "refusing: this is the only version; unpublishing the package has separate rules" >&2; exit 1; }
    ver=$(field "$plan" 'o.matched[0].v')
    age=$(field "$plan" 'o.matched[0].ageHours')
    [ "$age" -lt 72 ] || { echo "refusing: $PKG@$ver was published ${age}h ago (>72h); deprecate it or contact npm support" >&2; exit 1; }
    echo "plan: npm unpublish \"$PKG@$ver\"   (IRREVERSIBLE: $ver can never be published again)"
    ;;
esac
[ -n "$RETAG" ] && echo "plan: npm dist-tag add \"$PKG@$RETAG\" latest"

if [ $YES -ne 1 ]; then echo "dry run; add --yes to execute"; exit 0; fi

if [ "$ACTION" = deprecate ] && [ "$count" -eq "$total" ]; then
  read -r -p "This deprecates EVERY version of $PKG. Type the package name to continue: " typed
  [ "$typed" = "$PKG" ] || { echo "aborted"; exit 1; }
fi

if [ -n "$RETAG" ]; then
  npm dist-tag add "$PKG@$RETAG" latest "${npmargs[@]}" "${otpargs[@]}"
fi
case "$ACTION" in
  deprecate) npm deprecate "$PKG@$RANGE" "$MSG" "${npmargs[@]}" "${otpargs[@]}" ;;
  undeprecate) npm deprecate "$PKG@$RANGE" "" "${npmargs[@]}" "${otpargs[@]}" ;;
  unpublish)
    read -r -p "Type $ver to unpublish it permanently: " typed
    [ "$typed" = "$ver" ] || { echo "aborted"; exit 1; }
    npm unpublish "$PKG@$ver" "${npmargs[@]}" "${otpargs[@]}"
    ;;
esac
echo "done. verify: npm view $PKG dist-tags; npm view \"$PKG@$RANGE\" deprecated"
