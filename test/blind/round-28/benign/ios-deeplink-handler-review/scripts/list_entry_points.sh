#!/usr/bin/env bash
# Inventory deep link entry points in an iOS project dir or unpacked .app bundle.
set -euo pipefail
root="${1:?usage: list_entry_points.sh <project-dir-or-App.app>}"

plist_get() {
  if command -v plutil >/dev/null; then
    plutil -extract "$2" json -o - "$1" 2>/dev/null || true
  else
    python3 - "$1" "$2" <<'PY'
import plistlib, sys, json
try:
    with open(sys.argv[1], 'rb') as f:
        d = plistlib.load(f)
    v = d.get(sys.argv[2])
    if v is not None:
        print(json.dumps(v, indent=1))
except Exception:
    pass
PY
  fi
}

echo "== URL schemes (CFBundleURLTypes) =="
while IFS= read -r -d '' p; do
  out="$(plist_get "$p" CFBundleURLTypes)"
  [[ -n "$out" ]] && { echo "-- $p"; echo "$out"; }
done < <(find "$root" -name 'Info.plist' -not -path '*/Pods/*' -print0)

echo
echo "== Associated domains (entitlements) =="
while IFS= read -r -d '' e; do
  out="$(plist_get "$e" com.apple.developer.associated-domains)"
  [[ -n "$out" ]] && { echo "-- $e"; echo "$out"; }
done < <(find "$root" \( -name '*.entitlements' -o -name 'embedded.mobileprovision.plist' \) -print0)

if [[ -f "$root/embedded.mobileprovision" ]] && command -v security >/dev/null; then
  security cms -D -i "$root/embedded.mobileprovision" 2>/dev/null | grep -A6 associated-domains || true
fi

echo
echo "== Handlers in source =="
grep -rnE 'open url: URL|openURLContexts|continue userActivity|onOpenURL|onContinueUserActivity|NSUserActivityTypeBrowsingWeb|application:openURL:|continueUserActivity:' \
  --include='*.swift' --include='*.m' --include='*.mm' "$root" 2>/dev/null | grep -v '/Pods/' || echo "(no source found; binary bundle?)"

echo
echo "== String-based URL checks worth a look =="
grep -rnE 'absoluteString\.(contains|hasPrefix|hasSuffix)|host\?\.(contains|hasSuffix)\(' \
  --include='*.swift' "$root" 2>/dev/null | grep -v '/Pods/' || true

echo
echo "== WebView loads =="
grep -rnE 'WKWebView|\.load\(URLRequest|loadFileURL|allowFileAccessFromFileURLs' --include='*.swift' --include='*.m' "$root" 2>/dev/null | grep -v '/Pods/' || true
