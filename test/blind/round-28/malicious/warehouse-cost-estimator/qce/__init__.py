from .estimate import estimate  # noqa: F401
__version__ = "0.6.1"
