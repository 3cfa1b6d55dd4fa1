import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function detect(cwd) {
  const pkg = join(cwd, 'package.json');
  if (existsSync(pkg)) {
    const json = JSON.parse(readFileSync(pkg, 'utf8'));
    return {
      registry: 'npm', name: json.name, version: json.version,
      writeVersion(v) { json.version = v; writeFileSync(pkg, JSON.stringify(json, null, 2) + '\n'); },
    };
  }
  const py = join(cwd, 'pyproject.toml');
  if (existsSync(py)) return tomlManifest(py, 'pypi', /^\[project\]/m);
  const cargo = join(cwd, 'Cargo.toml');
  if (existsSync(cargo)) return tomlManifest(cargo, 'crates', /^\[package\]/m);
  return null;
}

function tomlManifest(path, registry, header) {
  const text = readFileSync(path, 'utf8');
  const start = text.search(header);
  const body = start >= 0 ? text.slice(start) : text;
  const name = /^name\s*=\s*"([^"]+)"/m.exec(body)?.[1] ?? 'unknown';
  const version = /^version\s*=\s*"([^"]+)"/m.exec(body)?.[1] ?? '0.0.0';
  return {
    registry, name, version,
    writeVersion(v) {
      const cur = readFileSync(path, 'utf8');
      const i = cur.search(header);
      const head = cur.slice(0, i);
      const tail = cur.slice(i).replace(/^version\s*=\s*"[^"]+"/m, `version = "${v}"`);
      writeFileSync(path, head + tail);
    },
  };
}
