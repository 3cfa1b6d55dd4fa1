/**
 * The cgroup interface choice and the v2 file protocol. The dry-run suites exercise the interface this
 * machine has for real; the other is checked here against a folder laid out as its hierarchy, so what the
 * module writes and reads under v2 (or v1) is pinned even on a host that cannot mount it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CGROUP_PARENT, CommandCgroup, cgroupMode } from './cgroup.ts';

const roots: string[] = [];
function hierarchy(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cgroup-layout-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('cgroupMode', () => {
  it('picks v1 when its memory, pids and cpuacct hierarchies are there', async () => {
    const root = hierarchy({ 'memory/tasks': '', 'pids/tasks': '', 'cpuacct/tasks': '', 'unified/cgroup.controllers': 'memory pids', 'unified/cgroup.subtree_control': '' });
    expect(await cgroupMode(root)).toEqual({ version: 1, root });
  });

  it('picks the unified hierarchy (v2) when it offers memory and pids, at the root or under unified/', async () => {
    const pure = hierarchy({ 'cgroup.controllers': 'cpuset cpu io memory hugetlb pids rdma', 'cgroup.subtree_control': '' });
    expect(await cgroupMode(pure)).toEqual({ version: 2, root: pure, cpu: true });
    const hybrid = hierarchy({ 'unified/cgroup.controllers': 'memory pids', 'unified/cgroup.subtree_control': '' });
    expect(await cgroupMode(hybrid)).toEqual({ version: 2, root: join(hybrid, 'unified'), cpu: false });
  });

  it('finds none when no hierarchy can limit memory (a v2 root without the memory controller)', async () => {
    expect(await cgroupMode(hierarchy({ 'unified/cgroup.controllers': 'hugetlb', 'unified/cgroup.subtree_control': '' }))).toBeUndefined();
    expect(await cgroupMode(hierarchy({}))).toBeUndefined();
  });
});

describe('CommandCgroup under v2', () => {
  it('delegates the controllers down to its group, sets memory.max, swap and pids.max, and joins through cgroup.procs', async () => {
    const root = hierarchy({ 'cgroup.controllers': 'cpu memory pids', 'cgroup.subtree_control': '' });
    const group = new CommandCgroup('run-1', { version: 2, root, cpu: true });
    await group.create({ memoryBytes: 256 * 1024 * 1024, processes: 48 }, true);
    const dir = join(root, CGROUP_PARENT, 'run-1');
    expect(readFileSync(join(root, 'cgroup.subtree_control'), 'utf8')).toBe('+memory +pids +cpu');
    expect(readFileSync(join(root, CGROUP_PARENT, 'cgroup.subtree_control'), 'utf8')).toBe('+memory +pids +cpu');
    expect(readFileSync(join(dir, 'cgroup.subtree_control'), 'utf8')).toBe('+memory +pids +cpu');
    expect(readFileSync(join(dir, 'memory.max'), 'utf8')).toBe(String(256 * 1024 * 1024));
    expect(readFileSync(join(dir, 'memory.swap.max'), 'utf8')).toBe('0');
    expect(readFileSync(join(dir, 'pids.max'), 'utf8')).toBe('48');
    expect(group.joinScript()).toBe(`echo $$ > ${join(dir, 'cgroup.procs')}`);
  });

  it('reads CPU time, peak memory and limit hits from cpu.stat, memory.peak, memory.events and pids.events', async () => {
    const root = hierarchy({ 'cgroup.controllers': 'memory pids', 'cgroup.subtree_control': '' });
    const group = new CommandCgroup('run-2', { version: 2, root, cpu: false });
    const dir = join(root, CGROUP_PARENT, 'run-2');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'cpu.stat'), 'usage_usec 1500000\nuser_usec 1000000\nsystem_usec 500000\n');
    writeFileSync(join(dir, 'memory.peak'), '268435456\n');
    writeFileSync(join(dir, 'memory.events'), 'low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\noom_group_kill 0\n');
    writeFileSync(join(dir, 'pids.events'), 'max 3\n');
    expect(await group.sample()).toEqual({ cpuNs: 1_500_000_000, memoryPeakBytes: 268435456, memoryFailures: 13, pidsFailures: 3 });
    rmSync(join(dir, 'memory.peak'));
    writeFileSync(join(dir, 'memory.current'), '1024\n');
    expect((await group.sample()).memoryPeakBytes).toBe(1024);
  });

  it('reads as zero once the group is gone', async () => {
    const root = hierarchy({ 'cgroup.controllers': 'memory pids', 'cgroup.subtree_control': '' });
    expect(await new CommandCgroup('gone', { version: 2, root, cpu: false }).sample()).toEqual({ cpuNs: 0, memoryPeakBytes: 0, memoryFailures: 0, pidsFailures: 0 });
  });
});
