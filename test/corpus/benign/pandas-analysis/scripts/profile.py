import sys
import pandas as pd
df = pd.read_csv(sys.argv[1])
print(df.dtypes)
print(df.isna().mean().sort_values(ascending=False).head(20))
for col in df.select_dtypes("number"):
    print(col, df[col].min(), df[col].max())
