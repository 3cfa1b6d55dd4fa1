from podlog.parse import parse


def test_kubectl_prefix_format(fixture_lines):
    recs = parse(fixture_lines("prefix_timestamps.log"))
    assert recs[0].pod == "api-7d9c6b5f4-x2kqp"
    assert recs[0].container == "app"
    assert recs[0].ts.startswith("2025-03-14T10:22:01")


def test_java_trace_folded(fixture_lines):
    recs = parse(fixture_lines("java_trace.log"))
    errs = [r for r in recs if r.level == "error"]
    assert len(errs) == 1
    assert "IllegalStateException" in errs[0].message
    assert any(l.strip().startswith("Caused by:") for l in errs[0].extra)


def test_python_traceback_folded(fixture_lines):
    recs = parse(fixture_lines("python_trace.log"))
    errs = [r for r in recs if r.level == "error"]
    assert len(errs) == 1
    assert errs[0].message == "Traceback: KeyError: 'REDIS_URL'"


def test_klog_severity():
    recs = parse(["E0314 10:22:01.123456       1 controller.go:114] sync failed: context deadline exceeded"])
    assert recs[0].level == "error"
    assert recs[0].message.startswith("sync failed")


def test_json_and_logfmt_levels():
    recs = parse(['{"level":"warn","msg":"slow query","ms":812}',
                  'ts=2025-03-14T10:00:00Z level=error msg="pool exhausted" size=20'])
    assert [r.level for r in recs] == ["warn", "error"]
