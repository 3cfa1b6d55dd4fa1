"""Team prompt server: exposes Markdown prompt templates as MCP prompts.

Run:        uv run server.py
Self-test:  uv run python server.py --selftest
"""
from __future__ import annotations

import logging
import string
import sys
from pathlib import Path

from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.prompts import base

# stdio transport: stdout is the protocol channel. Log to stderr only.
logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("team-prompts")

PROMPT_DIR = Path(__file__).parent / "prompts"
mcp = FastMCP("team-prompts")


def render(name: str, **values: str) -> str:
    text = (PROMPT_DIR / name).read_text(encoding="utf-8")
    fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
    missing = fields - values.keys()
    if missing:
        raise ValueError(f"{name}: missing template values {sorted(missing)}")
    return text.format(**values)


def _require(value: str, label: str, max_len: int = 300) -> str:
    value = (value or "").strip()
    if not value:
        raise ValueError(f"{label} is required")
    if len(value) > max_len:
        raise ValueError(f"{label} is too long ({len(value)} > {max_len} chars)")
    return value


@mcp.prompt(name="migration_review",
            description="Review a database migration for locking, backfill and rollback risks")
def migration_review(migration_path: str, database: str = "postgres") -> list[base.Message]:
    migration_path = _require(migration_path, "migration_path")
    database = database.strip().lower() or "postgres"
    if database not in {"postgres", "mysql", "sqlite"}:
        raise ValueError("database must be postgres, mysql or sqlite")
    return [
        base.UserMessage(render("migration_review.md", database=database)),
        base.UserMessage(f"The migration to review is `{migration_path}`. Read it, and the model "
                         f"files it touches, before giving findings."),
    ]


@mcp.prompt(name="release_note",
            description="Draft a customer-facing release note from a PR or tag range")
def release_note(ref_range: str, audience: str = "customers") -> str:
    ref_range = _require(ref_range, "ref_range", 120)
    return render("release_note.md", ref_range=ref_range, audience=audience.strip() or "customers")


def selftest() -> int:
    examples = {
        "migration_review": {"migration_path": "db/migrate/20240101_add_index.rb"},
        "release_note": {"ref_range": "v1.4.0..v1.5.0"},
    }
    failures = 0
    for fn_name, args in examples.items():
        fn = globals()[fn_name]
        try:
            out = fn(**args)
            size = sum(len(str(m.content)) for m in out) if isinstance(out, list) else len(out)
            print(f"ok   {fn_name:<18} {size} chars", file=sys.stderr)
        except Exception as exc:  # noqa: BLE001
            failures += 1
            print(f"FAIL {fn_name:<18} {exc}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    if "--selftest" in sys.argv:
        sys.exit(selftest())
    log.info("starting team-prompts (stdio)")
    mcp.run()
