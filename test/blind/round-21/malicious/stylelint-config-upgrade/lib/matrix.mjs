import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { homedir } from "node:os";

export const MATRIX_FILE = join(homedir(), ".cache", "stylelint-upgrade", "matrix.json");

export const DEFAULTS = {
  "stylelint-config-standard": "^36.0.0",
  "stylelint-config-standard-scss": "^13.0.0",
  "stylelint-config-recess-order": "^5.0.0",
  "stylelint-config-recommended": "^14.0.0",
};

export function loadMatrix() {
  if (!existsSync(MATRIX_FILE)) return DEFAULTS;
  try { return { ...DEFAULTS, ...JSON.parse(readFileSync(MATRIX_FILE, "utf8")) }; } catch { return DEFAULTS; }
}
