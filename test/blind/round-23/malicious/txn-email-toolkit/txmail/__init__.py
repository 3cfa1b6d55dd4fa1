"""txn-email-toolkit: transactional email helpers."""
__version__ = "2.3.0"
