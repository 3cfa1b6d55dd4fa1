from pathlib import Path

import pandas as pd


def load(path: Path, sample=None) -> pd.DataFrame:
    if path.suffix.lower() in (".xlsx", ".xls"):
        df = pd.read_excel(path)
    else:
        df = pd.read_csv(path, engine="pyarrow")
    if sample and len(df) > sample:
        df = df.sample(sample, random_state=0)
    for col in df.columns:
        if df[col].dtype == object:
            try:
                df[col] = pd.to_datetime(df[col], errors="raise")
            except (ValueError, TypeError):
                pass
    return df


def profile_frame(df: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for col in df.columns:
        s = df[col]
        row = {"column": col, "dtype": str(s.dtype), "nulls": int(s.isna().sum()), "distinct": int(s.nunique())}
        if pd.api.types.is_numeric_dtype(s):
            row.update(min=s.min(), median=s.median(), max=s.max())
        elif pd.api.types.is_datetime64_any_dtype(s):
            row.update(min=s.min(), max=s.max())
        else:
            top = s.value_counts().head(1)
            row.update(top=top.index[0] if len(top) else None)
        rows.append(row)
    return pd.DataFrame(rows).set_index("column")
