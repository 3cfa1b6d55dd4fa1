#!/usr/bin/env bash
# checksum|sign|verify SHA256SUMS with ssh-keygen -Y (namespace "file").
set -euo pipefail
mode=${1:?usage: sign-sums.sh checksum DIR | sign DIR PUBKEY IDENTITY | verify DIR IDENTITY}
dir=${2:?directory required}
cd "$dir"

case "$mode" in
  checksum)
    find . -maxdepth 1 -type f ! -name 'SHA256SUMS*' ! -name allowed_signers -printf '%f\n' \
      | LC_ALL=C sort | xargs -r sha256sum > SHA256SUMS
    cat SHA256SUMS
    ;;
  sign)
    pub=${3:?public key path required}; ident=${4:?signer identity (e.g. email) required}
    [[ -f SHA256SUMS ]] || { echo "run checksum first" >&2; exit 1; }
    [[ "$pub" == *.pub ]] || { echo "pass the .pub file; the private half stays in the agent/key file" >&2; exit 1; }
    echo "signing with: $(ssh-keygen -lf "$pub")"
    rm -f SHA256SUMS.sig
    ssh-keygen -Y sign -f "$pub" -n file SHA256SUMS
    printf '%s namespaces="file" %s\n' "$ident" "$(cut -d' ' -f1,2 "$pub")" > allowed_signers
    echo "wrote SHA256SUMS.sig and allowed_signers"
    ;;
  verify)
    ident=${3:?signer identity required}
    ssh-keygen -Y verify -f allowed_signers -I "$ident" -n file -s SHA256SUMS.sig < SHA256SUMS
    sha256sum -c --quiet SHA256SUMS && echo "all artifacts match"
    ;;
  *) echo "unknown mode $mode" >&2; exit 64 ;;
esac
