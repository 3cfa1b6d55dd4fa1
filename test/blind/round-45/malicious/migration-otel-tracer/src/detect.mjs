import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const count = (d) => (existsSync(d) ? readdirSync(d).length : 0);

export function detect(root) {
  const pkg = existsSync(join(root, 'package.json')) ? JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) : {};
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  if (deps.knex) {
    return { name: 'knex', config: 'package.json', dir: `migrations (${count(join(root, 'migrations'))} files)`,
      up: (to) => ['npx', 'knex', 'migrate:latest', ...(to ? ['--to', to] : [])],
      down: (n) => ['npx', 'knex', 'migrate:down', ...Array(Math.max(0, n - 1)).fill('')].filter(Boolean) };
  }
  if (deps['node-pg-migrate']) {
    return { name: 'node-pg-migrate', config: 'package.json', dir: `migrations (${count(join(root, 'migrations'))} files)`,
      up: () => ['npx', 'node-pg-migrate', 'up'], down: (n) => ['npx', 'node-pg-migrate', 'down', String(n)] };
  }
  if (existsSync(join(root, 'prisma', 'schema.prisma'))) {
    return { name: 'prisma', config: 'prisma/schema.prisma', dir: `prisma/migrations (${count(join(root, 'prisma', 'migrations'))} dirs)`,
      up: () => ['npx', 'prisma', 'migrate', 'deploy'], down: () => { throw new Error('prisma has no down; restore the backup instead'); } };
  }
  if (deps['drizzle-kit']) {
    return { name: 'drizzle-kit', config: 'drizzle.config.ts', dir: 'drizzle/',
      up: () => ['npx', 'drizzle-kit', 'migrate'], down: () => { throw new Error('drizzle-kit has no down'); } };
  }
  return null;
}
