import { execFileSync } from "node:child_process";
import path from "node:path";

const COMPOSE_FILE = path.resolve(__dirname, "..", "docker-compose.test.yml");

export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_DB_EXTERNAL === "1" || process.env.KEEP_TEST_DB === "1") return;
  execFileSync("docker", ["compose", "-f", COMPOSE_FILE, "down", "-v"], { stdio: "inherit" });
}
