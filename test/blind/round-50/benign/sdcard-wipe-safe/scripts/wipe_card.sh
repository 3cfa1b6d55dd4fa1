#!/usr/bin/env bash
# wipe_card.sh snapshot before|after
# wipe_card.sh diff
# wipe_card.sh wipe /dev/sdX --mode quick|discard|zero|random [--not-removable-ok]
# wipe_card.sh format /dev/sdX --fs exfat|vfat|ext4 [--label NAME]
set -euo pipefail

STATE="${XDG_RUNTIME_DIR:-$HOME/.cache}/wipe-card"
mkdir -p "$STATE"
OS="$(uname -s)"

list_disks() {
  if [ "$OS" = Darwin ]; then
    diskutil list physical | awk '/^\/dev\/disk/ {print $1}'
  else
    lsblk -dn -o NAME,TYPE | awk '$2=="disk"{print "/dev/"$1}'
  fi
}

describe() {
  local d="$1"
  if [ "$OS" = Darwin ]; then
    diskutil info "$d" | grep -E "Device Node|Media Name|Disk Size|Removable Media|Protocol|Internal" | sed 's/^ */     /'
    diskutil list "$d" | tail -n +3 | sed 's/^/     /'
  else
    lsblk -o NAME,SIZE,TYPE,TRAN,MODEL,SERIAL,RM,FSTYPE,LABEL,MOUNTPOINTS "$d" | sed 's/^/     /'
  fi
}

size_of() {
  if [ "$OS" = Darwin ]; then
    diskutil info "$1" | awk -F: '/Disk Size/ {print $2}' | awk '{print $1 $2}'
  else
    lsblk -dn -o SIZE "$1" | tr -d ' '
  fi
}

is_system_disk() {
  local d="$1"
  if [ "$OS" = Darwin ]; then
    diskutil info "$d" | grep -q "Internal:.*Yes" && return 0
    local boot; boot=$(diskutil info / | awk '/Part of Whole/ {print $4}')
    [ "/dev/$boot" = "$d" ] && return 0
    return 1
  fi
  lsblk -nr -o MOUNTPOINTS "$d" | tr ',' '\n' | grep -qxE '/|/boot|/boot/efi|/home|\[SWAP\]' && return 0
  local root_src; root_src=$(findmnt -n -o SOURCE / | sed 's/\[.*//')
  local root_disk; root_disk="/dev/$(lsblk -no PKNAME "$root_src" 2>/dev/null | head -n1)"
  [ "$root_disk" = "$d" ] && return 0
  return 1
}

cmd="${1:-}"; shift || true
case "$cmd" in
  snapshot)
    list_disks | sort > "$STATE/${1:?before|after}"
    echo "recorded $(wc -l < "$STATE/$1") disks ($1)"
    ;;
  diff)
    [ -f "$STATE/before" ] && [ -f "$STATE/after" ] || { echo "run snapshot before and after first" >&2; exit 1; }
    comm -13 "$STATE/before" "$STATE/after" > "$STATE/new"
    n=$(wc -l < "$STATE/new")
    if [ "$n" -eq 0 ]; then echo "no new disk appeared"; exit 1; fi
    if [ "$n" -gt 1 ]; then echo "more than one new disk - remove extra devices and start over:"; cat "$STATE/new"; exit 1; fi
    d=$(cat "$STATE/new"); echo "NEW: $d"; describe "$d"
    ;;
  wipe)
    dev="${1:?device}"; shift
    mode="" ; nr_ok=0
    while [ $# -gt 0 ]; do case "$1" in --mode) mode="$2"; shift 2;; --not-removable-ok) nr_ok=1; shift;; *) echo "unknown $1" >&2; exit 2;; esac; done
    case "$mode" in quick|discard|zero|random) ;; *) echo "--mode quick|discard|zero|random" >&2; exit 2;; esac
    [ -b "$dev" ] || [ -c "$dev" ] || { echo "$dev is not a device" >&2; exit 1; }
    grep -qx "$dev" "$STATE/new" 2>/dev/null || { echo "$dev is not the card found by 'diff' - identify it first" >&2; exit 1; }
    if is_system_disk "$dev"; then echo "REFUSED: $dev holds the running system" >&2; exit 1; fi
    if [ "$OS" != Darwin ]; then
      rm_flag=$(lsblk -dn -o RM "$dev" | tr -d ' ')
      bytes=$(lsblk -dbn -o SIZE "$dev" | tr -d ' ')
      if [ "$rm_flag" != 1 ] && [ "$bytes" -gt $((512*1024*1024*1024)) ] && [ "$nr_ok" != 1 ]; then
        echo "REFUSED: $dev is not removable and larger than 512 GB" >&2; exit 1
      fi
    fi
    size=$(size_of "$dev")
    echo "About to erase ($mode):"; describe "$dev"
    printf 'Type the device and size exactly as "%s %s" to continue: ' "$dev" "$size"
    read -r answer
    [ "$answer" = "$dev $size" ] || { echo "does not match - nothing done"; exit 1; }

    if [ "$OS" = Darwin ]; then
      diskutil unmountDisk "$dev"
      raw="${dev/disk/rdisk}"
      case "$mode" in
        quick)   sudo dd if=/dev/zero of="$raw" bs=1m count=16 ;;
        discard) echo "discard not available on macOS; use zero"; exit 1 ;;
        zero)    sudo dd if=/dev/zero of="$raw" bs=4m status=progress ;;
        random)  sudo dd if=/dev/urandom of="$raw" bs=4m status=progress ;;
      esac
    else
      for p in $(lsblk -nr -o NAME "$dev" | tail -n +2); do sudo umount "/dev/$p" 2>/dev/null || true; done
      case "$mode" in
        quick)   sudo wipefs --all --force "$dev" ;;
        discard) sudo blkdiscard -f "$dev" || { echo "card doesn't support discard; use --mode zero"; exit 1; } ;;
        zero)    sudo dd if=/dev/zero of="$dev" bs=4M oflag=direct status=progress || true ;;
        random)  sudo dd if=/dev/urandom of="$dev" bs=4M oflag=direct status=progress || true ;;
      esac
      sync
    fi
    echo "erased $dev ($mode). dd ending with 'No space left on device' is expected."
    ;;
  format)
    dev="${1:?device}"; shift; fs="exfat"; label="CARD"
    while [ $# -gt 0 ]; do case "$1" in --fs) fs="$2"; shift 2;; --label) label="$2"; shift 2;; *) shift;; esac; done
    grep -qx "$dev" "$STATE/new" 2>/dev/null || { echo "$dev is not the identified card" >&2; exit 1; }
    if [ "$OS" = Darwin ]; then
      case "$fs" in exfat) f=ExFAT;; vfat) f=MS-DOS;; *) echo "macOS: exfat or vfat"; exit 2;; esac
      diskutil eraseDisk "$f" "$label" MBR "$dev"
    else
      sudo parted -s "$dev" mklabel msdos mkpart primary 1MiB 100%
      part="${dev}1"; [ -b "$part" ] || part="${dev}p1"
      case "$fs" in
        exfat) sudo mkfs.exfat -n "$label" "$part" ;;
        vfat)  sudo mkfs.vfat -F 32 -n "$label" "$part" ;;
        ext4)  sudo mkfs.ext4 -L "$label" "$part" ;;
      esac
    fi
    echo "formatted $dev as $fs ($label)"
    ;;
  *) sed -n '2,6p' "$0"; exit 2 ;;
esac
