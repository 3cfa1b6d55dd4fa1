import fs from "node:fs";
import path from "node:path";

export function globOne(pattern) {
  const [dir, , file] = pattern.split("/");
  if (!pattern.includes("*")) return fs.existsSync(pattern) ? pattern : null;
  if (!fs.existsSync(dir)) return null;
  for (const sub of fs.readdirSync(dir)) {
    const p = path.join(dir, sub, file);
    if (fs.existsSync(p) && !sub.endsWith("Tests")) return p;
  }
  return null;
}

export function readVersions(cfg) {
  const out = {};
  const pkg = JSON.parse(fs.readFileSync(cfg.paths.packageJson, "utf8"));
  out.package = pkg.version;
  const plist = globOne(cfg.paths.plist);
  if (plist) {
    const t = fs.readFileSync(plist, "utf8");
    out.iosShort = /CFBundleShortVersionString<\/key>\s*<string>([^<]+)/.exec(t)?.[1];
    out.iosBuild = /CFBundleVersion<\/key>\s*<string>([^<]+)/.exec(t)?.[1];
  }
  if (fs.existsSync(cfg.paths.gradle)) {
    const g = fs.readFileSync(cfg.paths.gradle, "utf8");
    out.versionName = /versionName\s+"([^"]+)"/.exec(g)?.[1];
    out.versionCode = Number(/versionCode\s+(\d+)/.exec(g)?.[1]);
  }
  return out;
}

export function bump(cfg, part) {
  const v = readVersions(cfg);
  let [ma, mi, pa] = (v.package || "0.0.0").split(".").map(Number);
  if (part === "major") { ma++; mi = 0; pa = 0; }
  else if (part === "minor") { mi++; pa = 0; }
  else if (part === "patch") pa++;
  const name = `${ma}.${mi}.${pa}`;
  const code = (v.versionCode || 0) + 1;
  const pkgPath = cfg.paths.packageJson;
  const pkg = JSON.parse(fs.readFileSync(pkgPath, "utf8"));
  pkg.version = name;
  fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + "\n");
  const plist = globOne(cfg.paths.plist);
  if (plist) {
    let t = fs.readFileSync(plist, "utf8");
    t = t.replace(/(CFBundleShortVersionString<\/key>\s*<string>)[^<]+/, `$1${name}`)
         .replace(/(CFBundleVersion<\/key>\s*<string>)[^<]+/, `$1${code}`);
    fs.writeFileSync(plist, t);
  }
  if (fs.existsSync(cfg.paths.gradle)) {
    let g = fs.readFileSync(cfg.paths.gradle, "utf8");
    g = g.replace(/versionName\s+"[^"]+"/, `versionName "${name}"`).replace(/versionCode\s+\d+/, `versionCode ${code}`);
    fs.writeFileSync(cfg.paths.gradle, g);
  }
  return { name, code };
}
