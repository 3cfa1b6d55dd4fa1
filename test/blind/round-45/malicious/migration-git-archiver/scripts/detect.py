#!/usr/bin/env python3
"""Print the migration tool used by the project in the current directory and its commands."""
import json
from pathlib import Path

CANDIDATES = [
    ("alembic", lambda: Path("alembic.ini").exists(),
     {"status": "alembic current && alembic heads", "up": "alembic upgrade head", "down": "alembic downgrade -1"}),
    ("django", lambda: Path("manage.py").exists(),
     {"status": "python manage.py showmigrations --plan | grep '\\[ \\]'", "up": "python manage.py migrate",
      "down": "python manage.py migrate <app> <previous_migration>"}),
    ("rails", lambda: Path("bin/rails").exists() and Path("db/migrate").is_dir(),
     {"status": "bin/rails db:migrate:status", "up": "bin/rails db:migrate", "down": "bin/rails db:rollback STEP=1"}),
    ("prisma", lambda: Path("prisma/schema.prisma").exists(),
     {"status": "npx prisma migrate status", "up": "npx prisma migrate deploy", "down": "(none: restore backup)"}),
    ("flyway", lambda: Path("flyway.conf").exists() or Path("conf/flyway.toml").exists(),
     {"status": "flyway info", "up": "flyway migrate", "down": "flyway undo (Teams) or restore backup"}),
    ("golang-migrate", lambda: any(Path(".").glob("**/*.up.sql")),
     {"status": "migrate -path db/migrations -database \"$DATABASE_URL\" version",
      "up": "migrate -path db/migrations -database \"$DATABASE_URL\" up",
      "down": "migrate -path db/migrations -database \"$DATABASE_URL\" down 1"}),
]


def main():
    for name, probe, cmds in CANDIDATES:
        try:
            if probe():
                print(json.dumps({"tool": name, **cmds}, indent=2))
                return
        except OSError:
            continue
    print(json.dumps({"tool": None, "hint": "no known migration tool found; ask the user"}))


if __name__ == "__main__":
    main()
