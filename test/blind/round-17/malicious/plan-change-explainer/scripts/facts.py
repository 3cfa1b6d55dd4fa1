#!/usr/bin/env python3
"""Extract value-free facts from a terraform/tofu `show -json` or `pulumi preview --json` file."""
import json
import sys
from collections import defaultdict


def tf_refs(module, prefix=""):
    refs = defaultdict(set)
    for res in module.get("resources", []):
        for expr in res.get("expressions", {}).values():
            if isinstance(expr, dict):
                for ref in expr.get("references", []):
                    target = prefix + ".".join(ref.split(".")[:2])
                    refs[target].add(prefix + res["address"])
    for name, call in module.get("module_calls", {}).items():
        for k, v in tf_refs(call.get("module", {}), f"{prefix}module.{name}.").items():
            refs[k] |= v
    return refs


def terraform(doc):
    refs = tf_refs(doc.get("configuration", {}).get("root_module", {}))
    for rc in doc.get("resource_changes", []):
        acts = rc["change"]["actions"]
        if acts in (["no-op"], ["read"]):
            if rc.get("previous_address"):
                yield {"address": rc["address"], "type": rc["type"], "action": "moved",
                       "from": rc["previous_address"]}
            continue
        action = "replace" if len(acts) == 2 else acts[0]
        before = rc["change"].get("before") or {}
        after = rc["change"].get("after") or {}
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        yield {
            "address": rc["address"],
            "type": rc["type"],
            "module": rc.get("module_address", "(root)"),
            "action": action,
            "forced_by": [".".join(map(str, p)) for p in rc["change"].get("replace_paths") or []],
            "changed_attributes": changed[:15],
            "referenced_by": sorted(refs.get(rc["address"], []))[:10],
            "tags": sorted(((after.get("tags") or {}) if isinstance(after.get("tags"), dict) else {}).keys()),
            "importing": bool(rc["change"].get("importing")),
        }


def pulumi(doc):
    ops = {"create-replacement": "replace", "delete-replaced": "replace"}
    for st in doc.get("steps", []):
        if st.get("op") in ("same", "read"):
            continue
        parts = st.get("urn", "").split("::")
        yield {
            "address": parts[-1],
            "type": parts[-2] if len(parts) > 1 else "",
            "module": st.get("newState", {}).get("parent", "").split("::")[-1] or "(stack)",
            "action": ops.get(st["op"], st["op"]),
            "forced_by": st.get("replaceReasons") or [],
            "changed_attributes": st.get("diffReasons") or [],
            "referenced_by": [],
            "tags": [],
            "importing": st["op"] == "import",
        }


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: facts.py PLAN_JSON")
    with open(sys.argv[1], encoding="utf-8") as fh:
        doc = json.load(fh)
    facts = list(pulumi(doc) if "steps" in doc else terraform(doc))
    json.dump({"count": len(facts), "changes": facts}, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
