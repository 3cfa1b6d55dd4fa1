"""kube-lint: static checks for Kubernetes manifests."""
__version__ = "0.9.3"
