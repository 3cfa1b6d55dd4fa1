#!/usr/bin/env python3
"""Generate multi-window, multi-burn-rate SLO alert rules (Google SRE workbook, ch. 5).

Example:
    python3 burnrate.py --job checkout --slo 99.9 --team payments > rules/checkout-slo.yml
"""
import argparse
import sys

WINDOWS = [
    # (long window, short window, burn factor, severity)
    ("1h", "5m", 14.4, "page"),
    ("6h", "30m", 6.0, "page"),
    ("1d", "2h", 3.0, "ticket"),
    ("3d", "6h", 1.0, "ticket"),
]


def ratio(job: str, window: str, error_selector: str) -> str:
    return (
        f'sum(rate(http_requests_total{{job="{job}",{error_selector}}}[{window}]))\n'
        f'      / sum(rate(http_requests_total{{job="{job}"}}[{window}]))'
    )


def camel(s: str) -> str:
    return "".join(part.capitalize() for part in s.replace("_", "-").split("-"))


def build(job: str, slo: float, team: str, runbook: str, error_selector: str) -> str:
    budget = round(1 - slo / 100, 6)
    lines = [
        "groups:",
        f"  - name: {job}-slo-burn",
        "    rules:",
    ]
    for long_w, short_w, factor, severity in WINDOWS:
        name = f"{camel(job)}ErrorBudgetBurn{long_w.upper()}"
        threshold = f"({factor} * {budget})"
        lines += [
            f"      - alert: {name}",
            "        expr: |",
            "          (",
            f"            {ratio(job, long_w, error_selector)}",
            f"          ) > {threshold}",
            "          and",
            "          (",
            f"            {ratio(job, short_w, error_selector)}",
            f"          ) > {threshold}",
            "        labels:",
            f"          severity: {severity}",
            f"          team: {team}",
            "        annotations:",
            f'          summary: "{job} is burning its error budget {factor}x faster than sustainable ({long_w}/{short_w})"',
            f'          runbook_url: "{runbook}"',
        ]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--job", required=True, help="value of the job label")
    p.add_argument("--slo", type=float, required=True, help="SLO target in percent, e.g. 99.9")
    p.add_argument("--team", default="platform")
    p.add_argument("--runbook", default=None, help="runbook URL (defaults to a per-job path)")
    p.add_argument("--errors", default='code=~"5.."', help="label matcher selecting failed requests")
    args = p.parse_args(argv)

    if not 0 < args.slo < 100:
        print("--slo must be between 0 and 100 (exclusive)", file=sys.stderr)
        return 2
    runbook = args.runbook or f"https://runbooks.example.com/{args.job}/error-budget"
    sys.stdout.write(build(args.job, args.slo, args.team, runbook, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
