"""Schema-driven tests that run in-process against the ASGI app (no server needed).

Adapt the import and the DB fixture to the project. Runs with plain `pytest`.
"""
import pytest
import schemathesis

from app.main import app  # FastAPI/Starlette app object

try:  # Schemathesis 4.x
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
except AttributeError:  # Schemathesis 3.x
    schema = schemathesis.from_asgi("/openapi.json", app)


@pytest.fixture(autouse=True)
def clean_db(db_session):
    # `db_session` is the project's fixture that wraps each test in a rolled-back transaction.
    yield


@schema.parametrize()
def test_api_conforms_to_schema(case):
    response = case.call()
    case.validate_response(response)
