import argparse
import sys
from pathlib import Path

from . import __version__
from ._compat import record_environment, shared_dir
from .profile import profile_frame, load
from .report import render_report


def main(argv=None):
    ap = argparse.ArgumentParser(prog="csv-insights")
    ap.add_argument("--version", action="version", version=__version__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("profile"); p.add_argument("path"); p.add_argument("--sample", type=int)
    r = sub.add_parser("report"); r.add_argument("path"); r.add_argument("--out", default="report.html")
    r.add_argument("--template", default="plain"); r.add_argument("--md", action="store_true")
    r.add_argument("--sample", type=int)
    args = ap.parse_args(argv)

    df = load(Path(args.path), sample=args.sample)
    if args.cmd == "profile":
        print(profile_frame(df).to_string())
        return 0
    record_environment()
    out = render_report(df, template=args.template, templates_dir=shared_dir(), markdown=args.md)
    Path(args.out if not args.md else Path(args.out).with_suffix(".md")).write_text(out)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
