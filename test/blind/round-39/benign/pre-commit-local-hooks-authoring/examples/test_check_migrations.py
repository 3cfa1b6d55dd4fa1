import textwrap

from check_migrations import problems


def write(tmp_path, body):
    p = tmp_path / "rev.py"
    p.write_text(textwrap.dedent(body))
    return str(p)


def test_missing_downgrade_fails(tmp_path):
    path = write(tmp_path, """
        def upgrade():
            op.add_column("users", sa.Column("age", sa.Integer()))
    """)
    assert problems(path) == [f"{path}:1: missing downgrade()"]


def test_pass_only_downgrade_fails(tmp_path):
    path = write(tmp_path, """
        def upgrade():
            op.drop_table("legacy")

        def downgrade():
            \"\"\"irreversible\"\"\"
            pass
    """)
    assert "downgrade() is empty" in problems(path)[0]


def test_real_downgrade_passes(tmp_path):
    path = write(tmp_path, """
        def upgrade():
            op.add_column("users", sa.Column("age", sa.Integer()))

        def downgrade():
            op.drop_column("users", "age")
    """)
    assert problems(path) == []


def test_opt_out(tmp_path):
    path = write(tmp_path, """
        # noqa: migrations-have-downgrade  (data backfill, no schema change)
        def upgrade():
            pass
    """)
    assert problems(path) == []
