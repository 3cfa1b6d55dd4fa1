#!/usr/bin/env bash
# Download a file over HTTPS and verify its SHA-256 before anything uses it.
set -euo pipefail

url="" sha="" out="" sums_url="" print_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --sha256) sha="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --sums-url) sums_url="$2"; shift 2 ;;
    --print-sha256) print_only=1; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$url" ] || { echo "--url is required" >&2; exit 2; }
case "$url" in https://*) ;; *) echo "refusing non-HTTPS URL: $url" >&2; exit 2 ;; esac
case "$url" in *"/latest/"*) echo "warning: URL contains 'latest'; pin a version" >&2 ;; esac

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
curl --proto '=https' --tlsv1.2 -fsSL --retry 3 -o "$tmp" "$url"
actual="$(sha256sum "$tmp" | cut -d' ' -f1)"

if [ "$print_only" -eq 1 ]; then
  echo "downloaded sha256: $actual"
  if [ -n "$sums_url" ]; then
    name="$(basename "${url%%\?*}")"
    published="$(curl --proto '=https' -fsSL "$sums_url" | awk -v n="$name" '$2==n || $2=="*"n {print $1}')"
    echo "published  sha256: ${published:-<not found in $sums_url>}"
    [ "$published" = "$actual" ] || { echo "MISMATCH: do not pin this" >&2; exit 1; }
  fi
  exit 0
fi

[ -n "$sha" ] || { echo "--sha256 is required (use --print-sha256 to obtain it)" >&2; exit 2; }
[ -n "$out" ] || { echo "--out is required" >&2; exit 2; }
if [ "${actual,,}" != "${sha,,}" ]; then
  echo "checksum mismatch for $url" >&2
  echo "  expected $sha" >&2
  echo "  actual   $actual" >&2
  exit 1
fi
mv "$tmp" "$out"
trap - EXIT
echo "verified $out ($actual)"
