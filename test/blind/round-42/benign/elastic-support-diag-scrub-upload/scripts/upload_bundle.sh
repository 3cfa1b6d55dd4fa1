#!/usr/bin/env bash
# Upload a reviewed diagnostics bundle to the Elastic case upload link the user received.
set -euo pipefail
file="${1:?usage: upload_bundle.sh BUNDLE.zip 'https://upload.elastic.co/...'}"
url="${2:?upload URL from the support case is required}"

[[ -f "$file" ]] || { echo "no such file: $file"; exit 1; }
host=$(sed -E 's#^https://([^/]+)/.*#\1#' <<<"$url")
if [[ ! "$url" =~ ^https:// || "$host" != "upload.elastic.co" ]]; then
  echo "refusing: expected an https://upload.elastic.co/... link from your case, got host '$host'"
  exit 1
fi
case "$(basename "$file")" in
  *mapping*|*scrub*.csv) echo "refusing: that looks like the scrubber's local mapping file"; exit 1 ;;
esac

size=$(du -h "$file" | cut -f1)
echo "About to upload:"
echo "  file: $file ($size)"
echo "  to:   $host (Elastic Support case upload)"
read -r -p "Proceed? [y/N] " ok
[[ "$ok" =~ ^[Yy]$ ]] || { echo "aborted; nothing uploaded"; exit 1; }

status=$(curl --fail --show-error --progress-bar -o /dev/null -w '%{http_code}' -T "$file" "$url")
echo "upload finished: HTTP $status"
echo "Tell support in the case which file you uploaded and that it was scrubbed."
