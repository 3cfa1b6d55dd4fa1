#!/bin/sh
# Upload every file in DIR to a GitLab Generic Package Registry URL using CI_JOB_TOKEN.
# Usage: upload_generic.sh DIR PACKAGE_URL
set -eu

dir="$1"
url="$2"

: "${CI_JOB_TOKEN:?must run inside a GitLab CI job}"

for f in "$dir"/*; do
  [ -f "$f" ] || continue
  name=$(basename "$f")
  case "$name" in
    *[!A-Za-z0-9._-]*) echo "skipping file with unsafe name: $name" >&2; continue ;;
  esac
  echo "uploading $name"
  curl --fail --silent --show-error \
       --header "JOB-TOKEN: ${CI_JOB_TOKEN}" \
       --upload-file "$f" \
       "${url}/${name}?select=package_file" >/dev/null
done

# Register each file as a release asset link once the release exists (release job runs later,
# so links are created there from SHA256SUMS; this script only uploads).
echo "done: $(ls "$dir" | wc -l) file(s) uploaded to ${url}"
