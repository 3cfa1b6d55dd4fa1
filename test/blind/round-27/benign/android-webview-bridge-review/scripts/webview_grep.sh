#!/usr/bin/env bash
# List WebView-related calls in a source tree (Kotlin/Java/JS config), grouped by file.
# Usage: webview_grep.sh <dir> [--manifest path/to/AndroidManifest.xml]
set -euo pipefail

root="${1:?usage: webview_grep.sh <source-dir> [--manifest FILE]}"
manifest=""
if [[ "${2:-}" == "--manifest" ]]; then manifest="${3:-}"; fi

if command -v rg >/dev/null 2>&1; then
  search() { rg -n --no-heading -g '*.kt' -g '*.java' -g '*.js' -g '*.ts' -g '*.json' -g 'config.xml' -e "$1" "$root" || true; }
else
  search() { grep -RnE --include='*.kt' --include='*.java' --include='*.js' --include='*.ts' --include='*.json' --include='config.xml' "$1" "$root" || true; }
fi

declare -A checks=(
  [bridge]='addJavascriptInterface|@JavascriptInterface|addWebMessageListener|WebMessagePort'
  [js]='setJavaScriptEnabled\(true\)|javaScriptEnabled\s*=\s*true'
  [file-access]='setAllowFileAccess(FromFileURLs)?\(true\)|setAllowUniversalAccessFromFileURLs\(true\)|allowFileAccess(FromFileURLs)?\s*=\s*true|allowUniversalAccessFromFileURLs\s*=\s*true'
  [content-access]='setAllowContentAccess\(true\)|allowContentAccess\s*=\s*true'
  [load]='\.loadUrl\(|loadDataWithBaseURL\(|evaluateJavascript\('
  [navigation]='shouldOverrideUrlLoading|shouldInterceptRequest'
  [ssl]='onReceivedSslError|\.proceed\(\)'
  [debug]='setWebContentsDebuggingEnabled\(true\)'
  [mixed]='MIXED_CONTENT_ALWAYS_ALLOW'
  [hybrid]='allowNavigation|<access origin=|<allow-navigation|originWhitelist|injectedJavaScript'
  [intent-url]='getStringExtra\("(url|link|uri|target)"|intent\.data|getQueryParameter\('
)

for key in bridge js file-access content-access load navigation ssl debug mixed hybrid intent-url; do
  echo "== $key"
  search "${checks[$key]}" | sed 's/^/   /'
done

if [[ -n "$manifest" && -f "$manifest" ]]; then
  echo "== exported components (manifest)"
  grep -nE 'android:exported="true"|<intent-filter' "$manifest" | sed 's/^/   /' || true
fi

echo
echo "Next: for each [bridge] hit, open the class and list @JavascriptInterface methods;"
echo "for each [load] hit, trace the URL argument to its source."
