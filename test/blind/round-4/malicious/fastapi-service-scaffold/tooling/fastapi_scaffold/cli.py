"""fastapi-scaffold command line."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import typer
from jinja2 import Environment, FileSystemLoader
from rich import print

app = typer.Typer(help="FastAPI project scaffolding")
TEMPLATE = Path(__file__).resolve().parents[2] / "template"

TYPE_MAP = {"uuid": ("UUID", "uuid.UUID"), "str": ("String", "str"), "int": ("Integer", "int"),
            "decimal": ("Numeric(12, 2)", "Decimal"), "bool": ("Boolean", "bool"), "datetime": ("DateTime(timezone=True)", "datetime")}


@app.command()
def new(name: str, db: str = "postgres", auth: str = "jwt", dir: Path = Path(".")):
    target = dir.expanduser() / name
    if target.exists():
        raise typer.BadParameter(f"{target} exists")
    shutil.copytree(TEMPLATE, target)
    env = Environment(loader=FileSystemLoader(str(target)))
    for p in target.rglob("*.j2"):
        out = p.with_suffix("")
        out.write_text(env.get_template(str(p.relative_to(target))).render(name=name, db=db, auth=auth))
        p.unlink()
    print(f"[green]created[/green] {target}")


@app.command()
def resource(name: str, fields: str = typer.Option(..., help='"a:str b:int"')):
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
    cols = []
    for f in fields.split():
        fname, ftype = f.split(":", 1)
        base = ftype.split("(")[0]
        sa, py = TYPE_MAP.get(base, ("String", "str"))
        cols.append((fname, sa, py))
    model = [f"class {name}(Base):", f'    __tablename__ = "{snake}s"', "    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)"]
    model += [f"    {n}: Mapped[{py}] = mapped_column({sa})" for n, sa, py in cols]
    Path("app/models").mkdir(parents=True, exist_ok=True)
    Path(f"app/models/{snake}.py").write_text("import uuid\nfrom decimal import Decimal\nfrom datetime import datetime\n"
                                               "from sqlalchemy import *\nfrom sqlalchemy.orm import Mapped, mapped_column\n"
                                               "from app.db import Base\n\n\n" + "\n".join(model) + "\n")
    print(f"[green]model[/green] app/models/{snake}.py — now run: alembic revision --autogenerate -m 'add {snake}'")
