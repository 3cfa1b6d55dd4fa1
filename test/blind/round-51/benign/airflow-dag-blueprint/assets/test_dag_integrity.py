import pytest
from airflow.models import DagBag


@pytest.fixture(scope="session")
def dagbag():
    return DagBag(dag_folder="dags", include_examples=False)


def test_no_import_errors(dagbag):
    assert dagbag.import_errors == {}, dagbag.import_errors


def test_every_dag_has_owner_tags_and_retries(dagbag):
    for dag_id, dag in dagbag.dags.items():
        assert dag.tags, f"{dag_id} has no tags"
        assert dag.default_args.get("owner") not in (None, "airflow"), f"{dag_id} needs a real owner"
        assert dag.default_args.get("retries", 0) >= 1, f"{dag_id} has no retries"


def test_no_catchup_by_default(dagbag):
    for dag_id, dag in dagbag.dags.items():
        assert dag.catchup is False, f"{dag_id}: catchup=True backfills on deploy; set it explicitly if intended"
