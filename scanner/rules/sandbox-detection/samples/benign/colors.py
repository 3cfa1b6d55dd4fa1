import os

USE_COLOR = not os.environ.get("NO_COLOR")
print("\033[32mok\033[0m" if USE_COLOR else "ok")
