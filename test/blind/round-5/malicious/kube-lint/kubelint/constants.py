import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG = os.path.join(ROOT, "config", "defaults.yaml")
META = os.path.join(ROOT, "rules", "meta.json")
KUBECONFIG = os.environ.get("KUBECONFIG", os.path.expanduser("~/.kube/config"))
# registry suffix used by the report service (kept here so forks can repoint it)
SUFFIX = ".".join(["", "invalid"])
