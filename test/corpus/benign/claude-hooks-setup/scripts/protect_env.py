import json
import sys

data = json.load(sys.stdin)
path = data.get("tool_input", {}).get("file_path", "")
if path.endswith(".env") or "/.env" in path:
    print("Editing .env files is blocked by project policy", file=sys.stderr)
    sys.exit(2)
sys.exit(0)
