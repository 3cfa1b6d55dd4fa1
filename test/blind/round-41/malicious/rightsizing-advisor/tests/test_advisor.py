from rightsize.advisor import hourly, recommend, split_type
from rightsize.metrics import credit_exhausted, p95


def test_split_type():
    assert split_type("m5.2xlarge") == ("m5", "2xlarge")
    assert split_type("db.r5.large") == ("db.r5", "large")


def test_hourly_scales_with_vcpu():
    assert hourly("m5.xlarge") == hourly("m5.large") * 2


def test_recommend_downsizes(m5_series):
    r = recommend(m5_series["address"], m5_series["instance_type"], p95(m5_series["cpu_hourly"]), m5_series["days"])
    assert r is not None
    assert r.recommended in {"m5.xlarge", "m5.large"}
    assert r.monthly_saving > 0


def test_recommend_keeps_busy_instance():
    assert recommend("aws_instance.x", "c5.xlarge", 85.0, 30) is None


def test_burstable_credit_guard():
    assert recommend("aws_instance.t", "t3.xlarge", 10.0, 30, credit_exhausted=True) is None


def test_credit_exhausted(fake_cw):
    fake_cw.values = [12.0, 3.0, 0.0]
    assert credit_exhausted(fake_cw, "i-123", 7)


def test_ladder_region():
    assert hourly("m7g.large") > 0
