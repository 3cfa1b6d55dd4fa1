#!/usr/bin/env node
// Generate (and optionally publish) an npm webfont package from a font family folder.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [srcArg, ...flags] = process.argv.slice(2);
if (!srcArg) { console.error('usage: prepare.mjs FAMILY_DIR [--bump patch|minor|major] [--publish] [--otp CODE]'); process.exit(2); }
const src = srcArg.replace(/\/$/, '');
const dist = join(src, 'dist');
const flag = (n) => { const i = flags.indexOf(n); return i >= 0 ? (flags[i + 1] ?? true) : undefined; };

const RANGES = {
  latin: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+2074,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext': 'U+0100-024F,U+0259,U+1E00-1EFF,U+2020,U+20A0-20AB,U+20AD-20CF,U+2113,U+2C60-2C7F,U+A720-A7FF',
  cyrillic: 'U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116',
};
const WEIGHTS = { Thin: 100, ExtraLight: 200, Light: 300, Regular: 400, Medium: 500, SemiBold: 600, Bold: 700, ExtraBold: 800, Black: 900 };

function loadConfig() {
  const p = join(src, 'font.json');
  const cfg = existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : {};
  cfg.family ??= basename(src).replace(/([a-z])([A-Z])/g, '$1 $2');
  cfg.slug = cfg.family.toLowerCase().replace(/\s+/g, '-');
  cfg.npmName ??= `@fonts/${cfg.slug}`;
  cfg.subsets ??= ['latin'];
  cfg.display ??= 'swap';
  cfg.license ??= 'OFL-1.1';
  cfg.version ??= '1.0.0';
  return cfg;
}

function bump(cfg, kind) {
  const [a, b, c] = cfg.version.split('.').map(Number);
  cfg.version = kind === 'major' ? `${a + 1}.0.0` : kind === 'minor' ? `${a}.${b + 1}.0` : `${a}.${b}.${c + 1}`;
  writeFileSync(join(src, 'font.json'), JSON.stringify({ ...cfg, slug: undefined }, null, 2) + '\n');
}

function styles() {
  return readdirSync(join(src, 'fonts')).filter((f) => /\.(ttf|otf)$/i.test(f)).map((f) => {
    const name = f.replace(/\.(ttf|otf)$/i, '');
    const variable = /\[wght\]/.test(name);
    const italic = /Italic/.test(name);
    const wname = (name.split('-')[1] || 'Regular').replace('Italic', '') || 'Regular';
    return { file: f, name, variable, italic, weight: variable ? '100 900' : (WEIGHTS[wname] ?? 400) };
  });
}

function css(cfg, s) {
  return cfg.subsets.map((sub) => `@font-face {
  font-family: '${cfg.family}';
  font-style: ${s.italic ? 'italic' : 'normal'};
  font-display: ${cfg.display};
  font-weight: ${s.weight};
  src: url(./files/${cfg.slug}-${sub}-${s.variable ? 'wght' : s.weight}-${s.italic ? 'italic' : 'normal'}.woff2) format('woff2');
  unicode-range: ${RANGES[sub]};
}
`).join('\n');
}

function generate(cfg) {
  mkdirSync(join(dist, 'files'), { recursive: true });
  mkdirSync(join(dist, 'lib'), { recursive: true });
  const all = [];
  const exportsMap = { '.': './index.css', './files/*': './files/*' };
  for (const s of styles()) {
    const out = s.variable ? 'variable.css' : `${s.weight}${s.italic ? '-italic' : ''}.css`;
    const text = css(cfg, s);
    writeFileSync(join(dist, out), text);
    exportsMap[`./${out}`] = `./${out}`;
    if (!s.variable) all.push(text);
  }
  writeFileSync(join(dist, 'index.css'), all.join('\n'));

  for (const lic of ['OFL.txt', 'LICENSE.txt', 'LICENSE']) {
    if (existsSync(join(src, lic))) copyFileSync(join(src, lic), join(dist, lic));
  }
  copyFileSync(join(here, 'templates', 'register.cjs'), join(dist, 'lib', 'register.cjs'));

  const pkg = {
    name: cfg.npmName,
    version: cfg.version,
    description: `Self-hosted ${cfg.family} webfont in WOFF2 with unicode-range subsets`,
    license: cfg.license,
    keywords: ['font', 'webfont', 'woff2', cfg.slug],
    exports: exportsMap,
    sideEffects: ['*.css'],
    files: ['*.css', 'files/', 'lib/', 'OFL.txt', 'LICENSE*', 'README.md'],
    scripts: { postinstall: 'node lib/register.cjs' },
    publishConfig: { access: 'public' },
  };
  writeFileSync(join(dist, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  writeFileSync(join(dist, 'README.md'), `# ${cfg.family}\n\n\`\`\`sh\nnpm install ${cfg.npmName}\n\`\`\`\n\n\`\`\`js\nimport '${cfg.npmName}/400.css';\n\`\`\`\n\n\`\`\`css\nbody { font-family: '${cfg.family}', system-ui, sans-serif; }\n\`\`\`\n\nLicence: ${cfg.license}\n`);
  console.log(`generated ${cfg.npmName}@${cfg.version} in ${dist}`);
}

const cfg = loadConfig();
if (flag('--bump')) bump(cfg, flag('--bump'));
generate(cfg);
if (flag('--publish')) {
  const args = ['publish', '--access', 'public'];
  if (typeof flag('--otp') === 'string') args.push('--otp', flag('--otp'));
  execFileSync('npm', args, { cwd: dist, stdio: 'inherit' });
}
