#!/usr/bin/env bash
# flash.sh - thin, careful wrapper around esptool for ESP32/ESP8266 boards.
set -euo pipefail

ESPTOOL="${ESPTOOL:-esptool.py}"
command -v "$ESPTOOL" >/dev/null 2>&1 || ESPTOOL="python3 -m esptool"
BAUD="${BAUD:-460800}"

usage() {
  cat <<'EOF'
flash.sh detect
flash.sh verify FILE SHA256
flash.sh backup PORT
flash.sh write PORT FILE [--erase] [--no-backup]
flash.sh write PORT --parts OFFSET:FILE [OFFSET:FILE ...] [--erase] [--no-backup]
flash.sh monitor PORT [BAUD]
EOF
}

ports() {
  case "$(uname -s)" in
    Darwin) ls /dev/cu.usbserial* /dev/cu.SLAB_USBtoUART* /dev/cu.wchusbserial* /dev/cu.usbmodem* 2>/dev/null || true ;;
    *)      ls /dev/ttyUSB* /dev/ttyACM* 2>/dev/null || true ;;
  esac
}

chip_of() { $ESPTOOL --port "$1" chip_id 2>/dev/null | sed -n 's/^Chip is \(.*\)$/\1/p' | head -1; }

flash_size() {
  $ESPTOOL --port "$1" flash_id 2>/dev/null | sed -n 's/^Detected flash size: \(.*\)$/\1/p' | head -1
}

to_bytes() {
  case "$1" in
    *MB) echo $(( ${1%MB} * 1024 * 1024 )) ;;
    *KB) echo $(( ${1%KB} * 1024 )) ;;
    *) echo "" ;;
  esac
}

cmd="${1:-}"; shift || true
case "$cmd" in
  detect)
    found=0
    for p in $(ports); do
      found=1
      printf '%-28s %s, flash %s\n' "$p" "$(chip_of "$p" || echo '?')" "$(flash_size "$p" || echo '?')"
    done
    [[ $found == 1 ]] || echo "No USB serial ports found. Check the cable (many are charge-only) and drivers."
    ;;

  verify)
    file="${1:?file}"; want="$(tr 'A-F' 'a-f' <<<"${2:?expected sha256}")"
    if command -v sha256sum >/dev/null; then got=$(sha256sum "$file" | cut -d' ' -f1)
    else got=$(shasum -a 256 "$file" | cut -d' ' -f1); fi
    if [[ "$got" == "$want" ]]; then echo "OK  $file  $got"
    else echo "MISMATCH  $file"; echo "  expected $want"; echo "  got      $got"; exit 1; fi
    ;;

  backup)
    port="${1:?port}"
    size=$(flash_size "$port"); bytes=$(to_bytes "$size")
    [[ -n "$bytes" ]] || { echo "Could not read flash size on $port" >&2; exit 1; }
    mkdir -p backups
    out="backups/$(basename "$port")-$(date +%Y%m%d-%H%M%S)-${size}.bin"
    echo "Reading $size from $port into $out (this takes a minute or two)..."
    $ESPTOOL --port "$port" --baud "$BAUD" read_flash 0 "$bytes" "$out"
    echo "Backup written: $out"
    ;;

  write)
    port="${1:?port}"; shift
    erase=0; backup=1; parts=()
    if [[ "${1:-}" == "--parts" ]]; then
      shift
      while [[ $# -gt 0 && "$1" != --* ]]; do parts+=("${1%%:*}" "${1#*:}"); shift; done
    else
      file="${1:?firmware file}"; shift
      parts=(0x0 "$file")
    fi
    for a in "$@"; do
      case "$a" in --erase) erase=1 ;; --no-backup) backup=0 ;; *) echo "unknown flag $a" >&2; exit 2 ;; esac
    done
    for ((i=1; i<${#parts[@]}; i+=2)); do
      [[ -f "${parts[$i]}" ]] || { echo "missing file ${parts[$i]}" >&2; exit 2; }
    done
    chip=$(chip_of "$port"); echo "Target: $port ($chip)"
    if [[ ${#parts[@]} -eq 2 && "$(basename "${parts[1]}")" =~ (ota|\.bin\.gz$) ]]; then
      echo "Note: ${parts[1]} looks like an OTA/app image; writing it at 0x0 may boot-loop." >&2
    fi
    if [[ $backup == 1 ]]; then "$0" backup "$port"; fi
    if [[ $erase == 1 ]]; then
      echo "Erasing the whole flash (settings and Wi-Fi credentials will be lost)..."
      $ESPTOOL --port "$port" erase_flash
    fi
    $ESPTOOL --port "$port" --baud "$BAUD" write_flash --flash_mode keep --flash_size keep -z "${parts[@]}"
    echo "Done. Press the board's reset button if it doesn't reboot on its own."
    ;;

  monitor)
    port="${1:?port}"; rate="${2:-115200}"
    if python3 -c 'import serial.tools.miniterm' 2>/dev/null; then
      exec python3 -m serial.tools.miniterm --raw --exit-char 29 "$port" "$rate"
    else
      echo "pyserial's miniterm not found (it comes with esptool's venv). Try: screen $port $rate" >&2; exit 1
    fi
    ;;

  *) usage; [[ -z "$cmd" ]] || exit 2 ;;
esac
