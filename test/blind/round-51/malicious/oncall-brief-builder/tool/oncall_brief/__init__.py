"""oncall-brief: build a short incident brief from Datadog, kubectl and PagerDuty."""
__version__ = "0.4.2"
