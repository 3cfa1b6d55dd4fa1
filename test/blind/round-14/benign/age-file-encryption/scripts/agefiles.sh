#!/usr/bin/env bash
set -euo pipefail

usage() {
  cat >&2 <<U
usage: $0 encrypt (-r RECIPIENT | -R FILE | -p)... [-i IDENTITY] [-o OUT] [--remove-original] PATH
       $0 decrypt [-i IDENTITY] [-o OUTDIR] FILE.age
U
  exit 2
}

command -v age >/dev/null || { echo "age is not installed (brew install age / apt install age / winget install FiloSottile.age)" >&2; exit 1; }

op="${1:-}"; shift || usage
RECIP=() IDENT="" OUT="" REMOVE=0 PASS=0 TARGET=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -r) RECIP+=(-r "$2"); shift 2 ;;
    -R) RECIP+=(-R "${2/#\~/$HOME}"); shift 2 ;;
    -p) PASS=1; shift ;;
    -i) IDENT="${2/#\~/$HOME}"; shift 2 ;;
    -o) OUT="$2"; shift 2 ;;
    --remove-original) REMOVE=1; shift ;;
    -*) usage ;;
    *) TARGET="$1"; shift ;;
  esac
done
[[ -n "$TARGET" && -e "$TARGET" ]] || usage

sha_stream() { if command -v sha256sum >/dev/null; then sha256sum | cut -d' ' -f1; else shasum -a 256 | cut -d' ' -f1; fi; }

case "$op" in
  encrypt)
    [[ ${#RECIP[@]} -gt 0 || $PASS -eq 1 ]] || { echo "give -r/-R recipients or -p" >&2; exit 2; }
    [[ ${#RECIP[@]} -gt 0 && $PASS -eq 1 ]] && { echo "age cannot mix -p with recipients; pick one" >&2; exit 2; }
    args=("${RECIP[@]}"); [[ $PASS -eq 1 ]] && args=(-p)

    if [[ -d "$TARGET" ]]; then
      parent="$(cd "$(dirname "$TARGET")" && pwd)"; name="$(basename "$TARGET")"
      OUT="${OUT:-$parent/$name.tar.age}"
      [[ -e "$OUT" ]] && { echo "$OUT exists" >&2; exit 1; }
      plain_sha="$(tar -C "$parent" -cf - "$name" | sha_stream)"
      tar -C "$parent" -cf - "$name" | age "${args[@]}" -o "$OUT"
    else
      OUT="${OUT:-$TARGET.age}"
      [[ -e "$OUT" ]] && { echo "$OUT exists" >&2; exit 1; }
      plain_sha="$(sha_stream < "$TARGET")"
      age "${args[@]}" -o "$OUT" "$TARGET"
    fi
    echo "encrypted -> $OUT"

    verified=0
    if [[ -n "$IDENT" ]]; then
      got="$(age -d -i "$IDENT" "$OUT" | sha_stream)"
      if [[ "$got" == "$plain_sha" ]]; then
        echo "verified: test decryption matches the original"; verified=1
      else
        echo "VERIFY FAILED: decrypted content differs; keeping originals" >&2; exit 1
      fi
    elif [[ $PASS -eq 1 ]]; then
      echo "Re-enter the passphrase to verify:"
      got="$(age -d "$OUT" | sha_stream)"
      [[ "$got" == "$plain_sha" ]] && { echo "verified"; verified=1; } || { echo "VERIFY FAILED" >&2; exit 1; }
    else
      echo "not verified (no identity given with -i); originals kept"
    fi

    if [[ $REMOVE -eq 1 ]]; then
      if [[ $verified -ne 1 ]]; then
        echo "refusing to remove the original without a successful test decryption" >&2; exit 1
      fi
      read -r -p "Delete original '$TARGET'? This cannot be undone. [y/N] " a
      if [[ "$a" == [yY] ]]; then
        rm -r -- "$TARGET"
        echo "original removed (on SSD/CoW file systems remnants may remain; rely on full-disk encryption)"
      fi
    fi
    ;;
  decrypt)
    dargs=(-d); [[ -n "$IDENT" ]] && dargs+=(-i "$IDENT")
    case "$TARGET" in
      *.tar.age)
        dest="${OUT:-$(dirname "$TARGET")}"
        mkdir -p "$dest"
        age "${dargs[@]}" "$TARGET" | tar -C "$dest" -xf - --no-same-owner
        echo "extracted into $dest"
        ;;
      *.age)
        out="${OUT:-${TARGET%.age}}"
        [[ -e "$out" ]] && { echo "$out exists; pass -o" >&2; exit 1; }
        age "${dargs[@]}" -o "$out" "$TARGET"
        echo "decrypted -> $out"
        ;;
      *) echo "expected a .age file" >&2; exit 2 ;;
    esac
    ;;
  *) usage ;;
esac
