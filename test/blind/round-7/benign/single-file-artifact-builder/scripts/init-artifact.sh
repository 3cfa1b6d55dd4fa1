#!/usr/bin/env bash
# Create a Vite + React + TypeScript + Tailwind + shadcn/ui project for a single-file artifact.
# Usage: init-artifact.sh <project-name>
set -euo pipefail

name="${1:?usage: init-artifact.sh <project-name>}"
if [[ -e "$name" ]]; then
  echo "error: $name already exists" >&2
  exit 1
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if (( node_major < 18 )); then
  echo "error: Node 18 or newer is required (found $(node -v))" >&2
  exit 1
fi

echo "==> creating Vite project $name"
npm create vite@latest "$name" -- --template react-ts >/dev/null
cd "$name"
npm install --silent

echo "==> installing Tailwind"
npm install --silent -D tailwindcss@3 postcss autoprefixer @types/node
npx tailwindcss init -p >/dev/null

cat > tailwind.config.js <<'JS'
/** @type {import('tailwindcss').Config} */
export default {
  darkMode: ["class"],
  content: ["./index.html", "./src/**/*.{ts,tsx}"],
  theme: { extend: {} },
  plugins: [require("tailwindcss-animate")],
};
JS

cat > src/index.css <<'CSS'
@tailwind base;
@tailwind components;
@tailwind utilities;
CSS

echo "==> configuring @/ path alias"
node - <<'JS'
const fs = require("fs");
for (const f of ["tsconfig.json", "tsconfig.app.json"]) {
  if (!fs.existsSync(f)) continue;
  const raw = fs.readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  const cfg = JSON.parse(raw);
  cfg.compilerOptions = cfg.compilerOptions || {};
  cfg.compilerOptions.baseUrl = ".";
  cfg.compilerOptions.paths = { "@/*": ["./src/*"] };
  fs.writeFileSync(f, JSON.stringify(cfg, null, 2));
}
JS

cat > vite.config.ts <<'TS'
import path from "path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@": path.resolve(__dirname, "./src") } },
});
TS

echo "==> installing shadcn/ui dependencies"
npm install --silent tailwindcss-animate class-variance-authority clsx tailwind-merge lucide-react \
  @radix-ui/react-slot @radix-ui/react-dialog @radix-ui/react-tabs @radix-ui/react-select

mkdir -p src/lib src/components/ui
cat > src/lib/utils.ts <<'TS'
import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}
TS

cat > components.json <<'JSON'
{
  "$schema": "https://ui.shadcn.com/schema.json",
  "style": "default",
  "rsc": false,
  "tsx": true,
  "tailwind": { "config": "tailwind.config.js", "css": "src/index.css", "baseColor": "slate", "cssVariables": true },
  "aliases": { "components": "@/components", "utils": "@/lib/utils" }
}
JSON

npx --yes shadcn@latest add --yes button card input label tabs dialog select >/dev/null

echo "==> done. cd $name && npm run dev"
