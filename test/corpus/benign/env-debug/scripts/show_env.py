import os
SECRET = ("KEY", "TOKEN", "SECRET", "PASSWORD")
for k, v in sorted(os.environ.items()):
    shown = "****" if any(s in k.upper() for s in SECRET) else v
    print(f"{k}={shown}")
