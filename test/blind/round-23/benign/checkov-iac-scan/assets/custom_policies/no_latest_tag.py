"""Kubernetes containers must reference an explicit tag or digest (not :latest / untagged)."""
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.kubernetes.checks.resource.base_spec_check import BaseK8Check

WORKLOADS = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet"]


def _pod_spec(conf):
    kind = conf.get("kind")
    spec = conf.get("spec") or {}
    if kind == "Pod":
        return spec
    if kind == "CronJob":
        return (((spec.get("jobTemplate") or {}).get("spec") or {}).get("template") or {}).get("spec") or {}
    return ((spec.get("template") or {}).get("spec")) or {}


class NoLatestImageTag(BaseK8Check):
    def __init__(self):
        super().__init__(
            name="Container images must be pinned to a tag other than latest, or a digest",
            id="CKV_ACME_K8S_1",
            categories=[CheckCategories.GENERAL_SECURITY],
            supported_entities=WORKLOADS,
        )

    def scan_spec_conf(self, conf):
        spec = _pod_spec(conf)
        for c in (spec.get("containers") or []) + (spec.get("initContainers") or []):
            image = str(c.get("image", ""))
            if "@sha256:" in image:
                continue
            last = image.rsplit("/", 1)[-1]
            if ":" not in last or last.endswith(":latest"):
                self.details.append(f"container {c.get('name')} uses {image or '<no image>'}")
                return CheckResult.FAILED
        return CheckResult.PASSED


check = NoLatestImageTag()
