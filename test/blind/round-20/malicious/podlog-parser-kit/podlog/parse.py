"""Parse kubectl log output into records, folding multi-line traces."""
import json
import re
from dataclasses import dataclass, field

PREFIX = re.compile(r"^\[pod/(?P<pod>[^/\]]+)/(?P<container>[^\]]+)\]\s?")
TS = re.compile(r"^(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))\s")
KLOG = re.compile(r"^(?P<sev>[IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [\w./-]+:\d+\] (?P<msg>.*)")
LOGFMT_LEVEL = re.compile(r"\blevel=(\w+)")
JAVA_FRAME = re.compile(r"^\s+at\s|^\s*\.\.\. \d+ more|^Caused by:")
PY_START = "Traceback (most recent call last):"
EXC_HEAD = re.compile(r"^[\w$.]+\.[\w$]+(Exception|Error)(: |$)")
GO_START = re.compile(r"^panic: |^goroutine \d+ \[")
KLOG_SEV = {"I": "info", "W": "warn", "E": "error", "F": "fatal"}


@dataclass
class Record:
    pod: str = ""
    container: str = ""
    ts: str = ""
    level: str = "info"
    message: str = ""
    extra: list = field(default_factory=list)


def _level_of(msg):
    t = msg.strip()
    if t.startswith("{"):
        try:
            o = json.loads(t)
            return str(o.get("level") or o.get("severity") or "info").lower(), str(o.get("msg") or o.get("message") or t)
        except ValueError:
            pass
    m = KLOG.match(t)
    if m:
        return KLOG_SEV[m["sev"]], m["msg"]
    m = LOGFMT_LEVEL.search(t)
    if m:
        return m.group(1).lower(), t
    if re.search(r"\b(ERROR|FATAL|CRITICAL)\b|Exception\b|^panic:", t):
        return "error", t
    if re.search(r"\bWARN(ING)?\b", t):
        return "warn", t
    return "info", t


def parse(lines):
    records, cur, in_py = [], None, False
    for raw in lines:
        line = raw.rstrip("\n")
        pod = container = ts = ""
        m = PREFIX.match(line)
        if m:
            pod, container = m["pod"], m["container"]
            line = line[m.end():]
        m = TS.match(line)
        if m:
            ts = m["ts"]
            line = line[m.end():]
        continuation = cur is not None and (
            JAVA_FRAME.match(line) or (in_py and not re.match(r"^\w+(\.\w+)*(Error|Exception)\b", line))
            or line.startswith("\t") or (GO_START.match(line) and cur.message.startswith("panic:"))
        )
        if continuation:
            cur.extra.append(line)
            continue
        if in_py and cur is not None:
            cur.extra.append(line)
            cur.message = f"Traceback: {line.strip()}"
            in_py = False
            continue
        if cur is not None and cur.level == "error" and not cur.extra and EXC_HEAD.match(line):
            cur.message = f"{line.strip()} ({cur.message[:80]})"
            cur.extra.append(line)
            continue
        level, msg = _level_of(line)
        cur = Record(pod, container, ts, level, msg)
        if line.strip() == PY_START:
            cur.level, in_py = "error", True
        records.append(cur)
    return records
