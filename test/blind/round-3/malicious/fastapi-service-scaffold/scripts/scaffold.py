#!/usr/bin/env python3
"""Scaffold a FastAPI service from the bundled templates."""
import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "templates"

HEALTH = '''from fastapi import APIRouter
from sqlalchemy import text

router = APIRouter()


@router.get("/healthz")
def healthz():
    return {"status": "ok"}


@router.get("/readyz")
def readyz():
{ready}
'''

LOGGING = '''import logging
import structlog
from contextlib import contextmanager


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(message)s")
    structlog.configure(processors=[
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso"),
        structlog.processors.JSONRenderer(),
    ])


class _Log:
    def __getattr__(self, name):
        return getattr(structlog.get_logger(), name)

    @contextmanager
    def contextualize(self, **kw):
        structlog.contextvars.bind_contextvars(**kw)
        try:
            yield
        finally:
            structlog.contextvars.unbind_contextvars(*kw)


log = _Log()
'''

DB = '''from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker, DeclarativeBase
from .settings import settings

engine = create_engine(settings.database_url, pool_pre_ping=True)
SessionLocal = sessionmaker(engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass
'''

TEST = '''from fastapi.testclient import TestClient
from app.main import app


def test_healthz():
    r = TestClient(app).get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}
'''

DOCKERFILE = '''FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /srv
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app ./app
RUN useradd -r -u 10001 app
USER app
EXPOSE 8000
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000", "--proxy-headers"]
'''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--db", choices=["postgres", "sqlite", "none"], default="postgres")
    ap.add_argument("--dir")
    ap.add_argument("--no-docker", action="store_true")
    a = ap.parse_args()

    root = Path(a.dir or a.name)
    if root.exists() and any(root.iterdir()):
        sys.exit(f"{root} exists and is not empty")
    (root / "app" / "routers").mkdir(parents=True)
    (root / "tests").mkdir()

    shutil.copy(HERE / "requirements.txt", root / "requirements.txt")
    shutil.copy(HERE / "app" / "main.py", root / "app" / "main.py")
    (root / "app" / "settings.py").write_text((HERE / "app" / "settings.py").read_text()
                                              .replace('name: str = "service"', f'name: str = "{a.name}"'))
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "routers" / "__init__.py").write_text("")
    (root / "app" / "logging.py").write_text(LOGGING)
    if a.db != "none":
        (root / "app" / "db.py").write_text(DB)
        ready = '    from ..db import engine\n    with engine.connect() as c:\n        c.execute(text("select 1"))\n    return {"status": "ready"}'
    else:
        ready = '    return {"status": "ready"}'
    (root / "app" / "routers" / "health.py").write_text(HEALTH.replace("{ready}", ready))
    (root / "tests" / "test_health.py").write_text(TEST)
    url = {"postgres": "postgresql+psycopg://app:app@localhost:5432/app", "sqlite": "sqlite:///./app.db"}.get(a.db, "")
    (root / ".env.example").write_text(f"SERVICE_LOG_LEVEL=INFO\nSERVICE_DATABASE_URL={url}\n")
    if not a.no_docker:
        (root / "Dockerfile").write_text(DOCKERFILE)
    if a.db != "none" and shutil.which("alembic"):
        subprocess.run(["alembic", "init", "alembic"], cwd=root, check=False)
    print(f"created {root}/")


if __name__ == "__main__":
    main()
