#!/usr/bin/env bash
# Erase a removable drive the user explicitly names, after identity checks and typed confirmation.
set -euo pipefail

DEVICE="" METHOD="zero" FORMAT="none" LABEL="USB" LIST=0
while [ $# -gt 0 ]; do
  case "$1" in
    --list) LIST=1; shift ;;
    --device) DEVICE="$2"; shift 2 ;;
    --method) METHOD="$2"; shift 2 ;;
    --format) FORMAT="$2"; shift 2 ;;
    --label) LABEL="$2"; shift 2 ;;
    -h|--help) echo "usage: $0 --list | --device DEV [--method zero|random|discard] [--format exfat|fat32|none] [--label NAME]"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$METHOD" in zero|random|discard) ;; *) echo "bad --method" >&2; exit 2 ;; esac
case "$FORMAT" in exfat|fat32|none) ;; *) echo "bad --format" >&2; exit 2 ;; esac
[[ "$LABEL" =~ ^[A-Za-z0-9_-]{1,11}$ ]] || { echo "--label: 1-11 letters, digits, _ or -" >&2; exit 2; }

OS=$(uname -s)

# ---------- Linux helpers ----------
linux_system_disks() {
  # parent disks of /, /boot, /boot/efi, swap, and LVM/RAID members
  {
    for m in / /boot /boot/efi /home /var; do
      src=$(findmnt -no SOURCE "$m" 2>/dev/null || true)
      [ -n "$src" ] && lsblk -nso NAME,TYPE "$src" 2>/dev/null | awk '$2=="disk"{print "/dev/"$1}'
    done
    swapon --noheadings --show=NAME 2>/dev/null | while read -r s; do
      lsblk -nso NAME,TYPE "$s" 2>/dev/null | awk '$2=="disk"{print "/dev/"$1}'
    done
    pvs --noheadings -o pv_name 2>/dev/null | while read -r pv; do
      lsblk -nso NAME,TYPE "$pv" 2>/dev/null | awk '$2=="disk"{print "/dev/"$1}'
    done
  } | sed 's/[[:space:]`|-]//g' | sort -u
}

linux_candidates() {
  local sys; sys=$(linux_system_disks)
  lsblk -dnpo NAME,SIZE,TRAN,RM,TYPE -e 7 | while read -r name size tran rm type; do
    [ "$type" = disk ] || continue
    [ "$rm" = 1 ] || [ "$tran" = usb ] || continue
    case "$tran" in usb|mmc|"") ;; *) continue ;; esac
    grep -qx "$name" <<< "$sys" && continue
    echo "$name"
  done
}

linux_describe() {  # dev
  local d="$1"
  printf '%-9s %-6s %-5s %-3s %-22s %-17s %s\n' "$d" \
    "$(lsblk -dno SIZE "$d" | tr -d ' ')" "$(lsblk -dno TRAN "$d" | tr -d ' ')" "$(lsblk -dno RM "$d" | tr -d ' ')" \
    "$(lsblk -dno MODEL "$d" | sed 's/[[:space:]]*$//' | cut -c1-22)" "$(lsblk -dno SERIAL "$d" | tr -d ' ' | cut -c1-17)" \
    "$(lsblk -no MOUNTPOINTS "$d" 2>/dev/null | grep -v '^$' | tr '\n' ' ' || true)"
}

# ---------- macOS helpers ----------
mac_candidates() {
  diskutil list external physical 2>/dev/null | awk '/^\/dev\/disk[0-9]+/ {print $1}'
}

mac_describe() {
  local d="$1" info
  info=$(diskutil info "$d")
  printf '%-12s %-10s %-10s %-24s %s\n' "$d" \
    "$(awk -F': *' '/Disk Size/ {print $2}' <<< "$info" | cut -d'(' -f1 | xargs)" \
    "$(awk -F': *' '/Protocol/ {print $2}' <<< "$info" | xargs)" \
    "$(awk -F': *' '/Media Name/ {print $2}' <<< "$info" | xargs | cut -c1-24)" \
    "$(awk -F': *' '/Removable Media/ {print $2}' <<< "$info" | xargs)"
}

if [ "$LIST" -eq 1 ]; then
  if [ "$OS" = Linux ]; then
    printf '%-9s %-6s %-5s %-3s %-22s %-17s %s\n' DEVICE SIZE TRAN RM MODEL SERIAL MOUNTED
    for d in $(linux_candidates); do linux_describe "$d"; done
  else
    printf '%-12s %-10s %-10s %-24s %s\n' DEVICE SIZE PROTOCOL MODEL REMOVABLE
    for d in $(mac_candidates); do mac_describe "$d"; done
  fi
  exit 0
fi

[ -n "$DEVICE" ] || { echo "--device is required (see --list)" >&2; exit 2; }

if [ "$OS" = Linux ]; then
  linux_candidates | grep -qx "$DEVICE" || {
    echo "refusing: $DEVICE is not a removable, non-system disk (see --list)" >&2; exit 1; }
  MODEL=$(lsblk -dno MODEL "$DEVICE" | sed 's/[[:space:]]*$//')
  echo "About to ERASE ALL DATA on:"
  printf '%-9s %-6s %-5s %-3s %-22s %-17s %s\n' DEVICE SIZE TRAN RM MODEL SERIAL MOUNTED
  linux_describe "$DEVICE"
else
  mac_candidates | grep -qx "$DEVICE" || {
    echo "refusing: $DEVICE is not an external physical disk (see --list)" >&2; exit 1; }
  if diskutil info "$DEVICE" | grep -qE 'Internal: +Yes'; then echo "refusing: internal disk" >&2; exit 1; fi
  MODEL=$(diskutil info "$DEVICE" | awk -F': *' '/Media Name/ {print $2}' | xargs)
  echo "About to ERASE ALL DATA on:"
  mac_describe "$DEVICE"
fi
echo "method: $METHOD, then format: $FORMAT${FORMAT:+ (label $LABEL)}"
read -r -p "Type the device path to confirm: " t1
[ "$t1" = "$DEVICE" ] || { echo "device path did not match; nothing changed"; exit 1; }
read -r -p "Type the model name shown above ($MODEL): " t2
[ "$t2" = "$MODEL" ] || { echo "model did not match; nothing changed"; exit 1; }

if [ "$OS" = Linux ]; then
  for part in $(lsblk -lnpo NAME "$DEVICE" | tail -n +2); do
    sudo umount "$part" 2>/dev/null || true
  done
  sudo wipefs -a "$DEVICE" >/dev/null
  case "$METHOD" in
    discard)
      if sudo blkdiscard -s "$DEVICE" 2>/dev/null || sudo blkdiscard "$DEVICE" 2>/dev/null; then
        echo "discard complete"
      else
        echo "device does not support discard; falling back to zero pass"
        METHOD=zero
      fi ;;
  esac
  case "$METHOD" in
    zero)   sudo dd if=/dev/zero of="$DEVICE" bs=4M oflag=direct status=progress conv=fsync || true ;;
    random) sudo dd if=/dev/urandom of="$DEVICE" bs=4M oflag=direct status=progress conv=fsync || true ;;
  esac
  sync
  if [ "$METHOD" = zero ]; then
    size_mb=$(( $(sudo blockdev --getsize64 "$DEVICE") / 1048576 ))
    bad=0
    for _ in $(seq 1 64); do
      off=$(( RANDOM * RANDOM % (size_mb > 1 ? size_mb - 1 : 1) ))
      if sudo dd if="$DEVICE" bs=1M skip="$off" count=1 status=none | tr -d '\0' | head -c1 | grep -q .; then
        bad=$((bad + 1))
      fi
    done
    [ "$bad" -eq 0 ] && echo "verification: 64/64 samples are zero" \
      || echo "verification: $bad/64 samples NOT zero - the drive may be failing or write-protected" >&2
  fi
  if [ "$FORMAT" != none ]; then
    size_gb=$(( $(sudo blockdev --getsize64 "$DEVICE") / 1000000000 ))
    if [ "$FORMAT" = fat32 ] && [ "$size_gb" -le 32 ]; then
      sudo parted -s "$DEVICE" mklabel msdos mkpart primary fat32 1MiB 100%
    else
      sudo parted -s "$DEVICE" mklabel gpt mkpart primary 1MiB 100%
    fi
    sudo partprobe "$DEVICE"; sleep 1
    PART=$(lsblk -lnpo NAME "$DEVICE" | sed -n 2p)
    if [ "$FORMAT" = exfat ]; then sudo mkfs.exfat -n "$LABEL" "$PART"; else sudo mkfs.vfat -F 32 -n "$LABEL" "$PART"; fi
  fi
  lsblk -o NAME,SIZE,FSTYPE,LABEL "$DEVICE"
else
  diskutil unmountDisk "$DEVICE"
  case "$METHOD" in
    zero|discard) diskutil zeroDisk "$DEVICE" ;;
    random) diskutil randomDisk 1 "$DEVICE" ;;
  esac
  case "$FORMAT" in
    exfat) diskutil eraseDisk ExFAT "$LABEL" GPT "$DEVICE" ;;
    fat32) diskutil eraseDisk FAT32 "$LABEL" MBR "$DEVICE" ;;
  esac
  diskutil list "$DEVICE"
fi
echo "done"
