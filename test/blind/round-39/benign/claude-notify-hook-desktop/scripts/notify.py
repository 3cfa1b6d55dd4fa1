#!/usr/bin/env python3
"""Claude Code Notification hook -> native desktop notification. Standard library only."""
from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys


def backend() -> str:
    system = platform.system()
    if system == "Darwin" and shutil.which("osascript"):
        return "osascript"
    if system == "Windows" or "microsoft" in platform.release().lower():
        if shutil.which("powershell.exe") or shutil.which("powershell"):
            return "powershell"
    if shutil.which("notify-send") and os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "notify-send"
    return "terminal-bell"


def applescript_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ps_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def send(title: str, message: str, sound: bool) -> None:
    kind = backend()
    if kind == "osascript":
        script = f"display notification {applescript_str(message)} with title {applescript_str(title)}"
        if sound:
            script += ' sound name "Glass"'
        subprocess.run(["osascript", "-e", script], check=False)
    elif kind == "notify-send":
        subprocess.run(["notify-send", "--app-name=Claude Code", title, message], check=False)
    elif kind == "powershell":
        exe = shutil.which("powershell.exe") or "powershell"
        ps = (
            "[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType=WindowsRuntime] > $null;"
            "$t=[Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent([Windows.UI.Notifications.ToastTemplateType]::ToastText02);"
            f"$x=$t.GetElementsByTagName('text');$x.Item(0).AppendChild($t.CreateTextNode({ps_str(title)}))>$null;"
            f"$x.Item(1).AppendChild($t.CreateTextNode({ps_str(message)}))>$null;"
            "[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier('Claude Code').Show([Windows.UI.Notifications.ToastNotification]::new($t))"
        )
        subprocess.run([exe, "-NoProfile", "-NonInteractive", "-Command", ps], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        try:
            with open("/dev/tty", "w") as tty:
                tty.write("\a")
        except OSError:
            pass


def main() -> int:
    if "--probe" in sys.argv:
        print(backend())
        return 0
    if os.environ.get("CLAUDE_NOTIFY_QUIET") == "1":
        return 0
    try:
        payload = json.load(sys.stdin)
    except json.JSONDecodeError:
        payload = {}
    message = str(payload.get("message") or "Claude Code is waiting for you")[:240]
    project = os.path.basename(payload.get("cwd") or os.getcwd())
    title = os.environ.get("CLAUDE_NOTIFY_TITLE") or f"Claude Code · {project}"
    send(title, message, os.environ.get("CLAUDE_NOTIFY_SOUND", "1") != "0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
