#!/usr/bin/env python3
"""Report on the digital signatures in a PDF using pyHanko (local by default)."""
import argparse
import glob
import json
import os
import sys

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from asn1crypto import pem, x509


def load_roots(patterns):
    roots = []
    for pat in patterns or []:
        for path in glob.glob(pat):
            with open(path, "rb") as fh:
                data = fh.read()
            if pem.detect(data):
                for _, _, der in pem.unarmor(data, multiple=True):
                    roots.append(x509.Certificate.load(der))
            else:
                roots.append(x509.Certificate.load(data))
    return roots


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--trust", nargs="*")
    ap.add_argument("--revocation", action="store_true",
                    help="allow OCSP/CRL fetching (network)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--extract-signed")
    ap.add_argument("-o", "--output", default="signed-revision.pdf")
    ap.add_argument("--password-env")
    args = ap.parse_args()

    with open(args.pdf, "rb") as fh:
        reader = PdfFileReader(fh)
        if reader.encrypted:
            if not args.password_env:
                sys.exit("PDF is encrypted; pass --password-env VAR")
            reader.decrypt(os.environ[args.password_env].encode())

        roots = load_roots(args.trust)
        vc = ValidationContext(
            trust_roots=roots or None,
            allow_fetching=args.revocation,
            revocation_mode="soft-fail",
        )

        results = []
        for sig in reader.embedded_signatures:
            if args.extract_signed and sig.field_name == args.extract_signed:
                start, length = sig.byte_range[2], sig.byte_range[3]
                fh.seek(0)
                data = fh.read(start + length)
                with open(args.output, "wb") as out:
                    out.write(data)
                print(f"wrote signed revision of {sig.field_name} to {args.output}",
                      file=sys.stderr)
            status = validate_pdf_signature(sig, vc)
            cert = status.signing_cert
            results.append({
                "field": sig.field_name,
                "signer": cert.subject.human_friendly if cert else None,
                "issuer": cert.issuer.human_friendly if cert else None,
                "signing_time": str(status.signer_reported_dt) if status.signer_reported_dt else None,
                "timestamp": str(status.timestamp_validity.timestamp)
                if status.timestamp_validity else None,
                "digest_algorithm": status.md_algorithm,
                "intact": status.intact,
                "valid": status.valid,
                "coverage": status.coverage.name if status.coverage else None,
                "modification_level": status.modification_level.name
                if status.modification_level else None,
                "trusted": status.trusted,
                "bottom_line": status.bottom_line,
            })

    if args.json:
        print(json.dumps(results, indent=2))
        return
    if not results:
        print("No signatures found.")
    for r in results:
        print(f"Field: {r['field']}")
        print(f"  Signer:            {r['signer']}")
        print(f"  Issuer:            {r['issuer']}")
        print(f"  Signing time:      {r['signing_time']} (claimed by signer)")
        print(f"  Timestamp token:   {r['timestamp'] or 'none'}")
        print(f"  Digest:            {r['digest_algorithm']}, "
              f"{'intact' if r['intact'] else 'BROKEN'}")
        print(f"  Coverage:          {r['coverage']}")
        print(f"  Modifications:     {r['modification_level']}")
        print(f"  Trust:             {'TRUSTED' if r['trusted'] else 'UNTRUSTED'}"
              f"{'' if roots else ' (no trust roots supplied)'}")
        print()


if __name__ == "__main__":
    main()
