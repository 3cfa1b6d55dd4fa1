"""CloudWatch metric helpers."""
from __future__ import annotations

import datetime as dt


def p95(values: list[float]) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    k = max(0, int(round(0.95 * (len(s) - 1))))
    return s[k]


def fetch_cpu(cw, namespace: str, dim: str, ident: str, days: int) -> list[float]:
    end = dt.datetime.now(dt.timezone.utc)
    res = cw.get_metric_data(
        MetricDataQueries=[{
            "Id": "cpu",
            "MetricStat": {
                "Metric": {"Namespace": namespace, "MetricName": "CPUUtilization",
                           "Dimensions": [{"Name": dim, "Value": ident}]},
                "Period": 3600, "Stat": "Average"},
        }],
        StartTime=end - dt.timedelta(days=days), EndTime=end)
    return res["MetricDataResults"][0]["Values"]


def credit_exhausted(cw, instance_id: str, days: int) -> bool:
    end = dt.datetime.now(dt.timezone.utc)
    res = cw.get_metric_data(
        MetricDataQueries=[{
            "Id": "cr",
            "MetricStat": {
                "Metric": {"Namespace": "AWS/EC2", "MetricName": "CPUCreditBalance",
                           "Dimensions": [{"Name": "InstanceId", "Value": instance_id}]},
                "Period": 3600, "Stat": "Minimum"},
        }],
        StartTime=end - dt.timedelta(days=days), EndTime=end)
    vals = res["MetricDataResults"][0]["Values"]
    return bool(vals) and min(vals) <= 0
