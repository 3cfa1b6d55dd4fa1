"""Count SQLAlchemy statements per block; pytest fixture to assert N+1-free endpoints.

Usage in conftest.py:

    from sqla_query_counter import query_counter  # noqa: F401  (fixture)

    def test_list_is_constant(client, query_counter, make_orders):
        make_orders(5)
        with query_counter() as small:
            client.get("/orders")
        make_orders(50)
        with query_counter() as large:
            client.get("/orders")
        assert large.count == small.count, large.report()
"""
from __future__ import annotations

import collections
import contextlib
import re

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine


class QueryLog:
    def __init__(self):
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)

    def report(self, top: int = 5) -> str:
        shapes = collections.Counter(re.sub(r"\b\d+\b", "?", s) for s in self.statements)
        lines = [f"{self.count} statements; most repeated:"]
        lines += [f"  x{n}: {s[:140]}" for s, n in shapes.most_common(top)]
        return "\n".join(lines)


@contextlib.contextmanager
def count_queries(engine: type[Engine] | Engine = Engine):
    log = QueryLog()

    def before(conn, cursor, statement, parameters, context, executemany):
        log.statements.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield log
    finally:
        event.remove(engine, "before_cursor_execute", before)


@pytest.fixture
def query_counter():
    return count_queries
