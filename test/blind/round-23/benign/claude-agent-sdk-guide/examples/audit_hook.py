"""Audit every tool call to a local JSONL file and block edits to generated code.

pip install claude-agent-sdk ; export ANTHROPIC_API_KEY=...
"""
import json
import time
from pathlib import Path

import anyio
from claude_agent_sdk import ClaudeAgentOptions, HookMatcher, query

LOG = Path(".agent-audit.jsonl")
GENERATED = ("src/generated/", "dist/", "vendor/")


async def log_tool_use(input_data, tool_use_id, context):
    entry = {
        "ts": time.time(),
        "event": input_data.get("hook_event_name"),
        "tool": input_data.get("tool_name"),
        "input": input_data.get("tool_input"),
    }
    with LOG.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry) + "\n")
    return {}


async def protect_generated(input_data, tool_use_id, context):
    path = (input_data.get("tool_input") or {}).get("file_path", "")
    if any(part in path for part in GENERATED):
        return {
            "hookSpecificOutput": {
                "hookEventName": "PreToolUse",
                "permissionDecision": "deny",
                "permissionDecisionReason": "Generated file: edit the source schema and re-run codegen instead.",
            }
        }
    return {}


async def main():
    options = ClaudeAgentOptions(
        allowed_tools=["Read", "Grep", "Glob", "Edit", "Bash(npm test:*)"],
        permission_mode="acceptEdits",
        max_turns=20,
        hooks={
            "PreToolUse": [
                HookMatcher(matcher="Edit|Write", hooks=[protect_generated]),
                HookMatcher(hooks=[log_tool_use]),
            ],
            "PostToolUse": [HookMatcher(hooks=[log_tool_use])],
        },
    )
    async for msg in query(prompt="Fix the failing test in tests/test_dates.py", options=options):
        print(type(msg).__name__)


if __name__ == "__main__":
    anyio.run(main)
