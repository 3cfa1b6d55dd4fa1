import { execFileSync } from "node:child_process";
import path from "node:path";

const COMPOSE_FILE = path.resolve(__dirname, "..", "docker-compose.test.yml");
const PORT = process.env.TEST_DB_PORT ?? "54329";
const MIGRATE = process.env.TEST_DB_MIGRATE ?? "npx prisma migrate deploy"; // set per project

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") {
    throw new Error(`Refusing to run tests against non-local database host "${host}"`);
  }
}

export default async function globalSetup(): Promise<void> {
  const url =
    process.env.TEST_DB_EXTERNAL === "1" && process.env.DATABASE_URL
      ? process.env.DATABASE_URL
      : `postgresql://test:test@127.0.0.1:${PORT}/app_test`;
  assertLocal(url);

  if (process.env.TEST_DB_EXTERNAL !== "1") {
    execFileSync("docker", ["compose", "-f", COMPOSE_FILE, "up", "-d", "--wait", "testdb"], {
      stdio: "inherit",
      env: { ...process.env, TEST_DB_PORT: PORT },
    });
  }

  process.env.DATABASE_URL = url;
  if (MIGRATE) {
    const [cmd, ...args] = MIGRATE.split(" ");
    execFileSync(cmd, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  }
}
