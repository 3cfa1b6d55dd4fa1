/**
 * The sinkhole's network plumbing: two network namespaces joined by a veth pair and joined to
 * nothing else. The sandbox namespace has one interface (`eth0`) whose only route leads to the sink
 * namespace; the sink namespace redirects every TCP and UDP packet arriving on its end to the
 * sinkhole's listeners with nftables, and drops the rest. Neither namespace has an interface on the
 * host's network, so no packet can leave the machine whatever the sandboxed code does, and every
 * rule lives inside the sink namespace, so deleting the namespaces leaves nothing behind on the host.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { SinkholeError } from './errors.ts';

/** Prefix of every namespace the sinkhole makes: `skreg-<pid>-<hex>` and `skreg-<pid>-<hex>-sink`. */
const NETNS_PREFIX = 'skreg-';

/** Where `ip netns` keeps its named namespaces. */
export const NETNS_DIRECTORY = '/run/netns';

/** Interface names: inside their own namespaces, so two runs never collide on them. */
export const SANDBOX_INTERFACE = 'eth0';
const SINK_INTERFACE = 'sink0';

/** Ports of the listeners in the sink namespace (private to it, so fixed numbers cannot collide). */
export const LISTENER_PORTS = { dns: 53, tcp: 10_000, udp: 10_001 } as const;

/** Commands that set up the namespaces get this long; they take milliseconds when healthy. */
const COMMAND_TIMEOUT_MS = 15_000;

/** Two namespaces and the addresses on either end of the veth between them. */
export interface NetworkPair {
  /** Namespace the sandboxed process runs in. */
  sandboxNetns: string;
  /** Namespace holding the sinkhole's end, its nftables rules and its listeners. */
  sinkNetns: string;
  /** Address of the sandbox's `eth0`. */
  sandboxAddress: string;
  /** Address of the sinkhole's end: default gateway and DNS server of the sandbox. */
  sinkAddress: string;
  /** IPv6 (unique local) addresses of the two ends, so connections to IPv6 literals land too. */
  sandboxAddress6: string;
  sinkAddress6: string;
}

/** Creates the namespace pair with a fresh name and subnet; on any failure it removes what it made. */
export async function createNetworkPair(): Promise<NetworkPair> {
  const random = randomBytes(9);
  const base = `${NETNS_PREFIX}${process.pid}-${random.subarray(0, 3).toString('hex')}`;
  // A home-router-looking /24 per run; the namespaces are closed, so this only has to look ordinary.
  const subnet = `192.168.${random[3]! % 250}`;
  const subnet6 = `fd${random.subarray(4, 5).toString('hex')}:${random.subarray(5, 7).toString('hex')}:${random.subarray(7, 9).toString('hex')}:1`;
  const pair: NetworkPair = {
    sandboxNetns: base,
    sinkNetns: `${base}-sink`,
    sandboxAddress: `${subnet}.${10 + (random[4]! % 200)}`,
    sinkAddress: `${subnet}.1`,
    sandboxAddress6: `${subnet6}::${(10 + (random[4]! % 200)).toString(16)}`,
    sinkAddress6: `${subnet6}::1`,
  };
  try {
    await run('ip', ['-batch', '-'], `netns add ${pair.sandboxNetns}\nnetns add ${pair.sinkNetns}\n`);
    await run('ip', ['-n', pair.sandboxNetns, 'link', 'add', SANDBOX_INTERFACE, 'type', 'veth', 'peer', 'name', SINK_INTERFACE, 'netns', pair.sinkNetns]);
    // One `ip -batch` per namespace; `nodad` makes the IPv6 addresses usable at once (no 2 s duplicate
    // detection on a link with only two ends).
    await run('ip', ['-n', pair.sandboxNetns, '-batch', '-'], [
      'link set lo up',
      `addr add ${pair.sandboxAddress}/24 dev ${SANDBOX_INTERFACE}`,
      `addr add ${pair.sandboxAddress6}/64 dev ${SANDBOX_INTERFACE} nodad`,
      `link set ${SANDBOX_INTERFACE} up`,
      `route add default via ${pair.sinkAddress}`,
      `route add ::/0 via ${pair.sinkAddress6} dev ${SANDBOX_INTERFACE}`,
    ].join('\n') + '\n');
    await run('ip', ['-n', pair.sinkNetns, '-batch', '-'], [
      'link set lo up',
      `addr add ${pair.sinkAddress}/24 dev ${SINK_INTERFACE}`,
      `addr add ${pair.sinkAddress6}/64 dev ${SINK_INTERFACE} nodad`,
      `link set ${SINK_INTERFACE} up`,
    ].join('\n') + '\n');
    await run('ip', ['netns', 'exec', pair.sinkNetns, 'nft', '-f', '-'], firewallRules(pair), 'FIREWALL_SETUP_FAILED');
  } catch (error) {
    await destroyNetworkPair(pair);
    throw error;
  }
  live.add(pair);
  return pair;
}

/** Deletes both namespaces (the veth, the rules and the routes go with them). Idempotent. */
export async function destroyNetworkPair(pair: NetworkPair): Promise<void> {
  live.delete(pair);
  for (const netns of [pair.sandboxNetns, pair.sinkNetns]) await deleteNetns(netns);
}

/**
 * Deletes namespaces left by sinkholes of processes that died without closing them (a crash, a
 * SIGKILL); those of live processes are left alone. Returns the names deleted.
 */
export async function sweepStaleNetworks(): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(NETNS_DIRECTORY);
  } catch {
    return [];
  }
  const swept: string[] = [];
  for (const name of names) {
    const match = /^skreg-(\d+)-[0-9a-f]{6}(?:-sink)?$/.exec(name);
    if (match === null || processIsAlive(Number(match[1]))) continue;
    await deleteNetns(name);
    swept.push(name);
  }
  return swept;
}

/** Namespace names of every sinkhole of this process that is still open (for leak checks). */
export function sinkholeNamespaces(): string[] {
  try {
    return readdirSync(NETNS_DIRECTORY).filter((name) => name.startsWith(NETNS_PREFIX));
  } catch {
    return [];
  }
}

function firewallRules(pair: NetworkPair): string {
  const { dns, tcp, udp } = LISTENER_PORTS;
  const table = (family: 'ip' | 'ip6', sink: string, extraInput: string): string => {
    const at = family === 'ip' ? sink : `[${sink}]`;
    return `
table ${family} sinkhole {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    iifname "${SINK_INTERFACE}" udp dport 53 dnat to ${at}:${dns}
    iifname "${SINK_INTERFACE}" tcp dport 53 dnat to ${at}:${dns}
    iifname "${SINK_INTERFACE}" meta l4proto tcp dnat to ${at}:${tcp}
    iifname "${SINK_INTERFACE}" meta l4proto udp dnat to ${at}:${udp}
  }
  chain input {
    type filter hook input priority filter; policy drop;
    iifname "lo" accept
    ${extraInput}
    iifname "${SINK_INTERFACE}" ${family} daddr ${sink} tcp dport { ${dns}, ${tcp} } accept
    iifname "${SINK_INTERFACE}" ${family} daddr ${sink} udp dport { ${dns}, ${udp} } accept
  }
  chain forward {
    type filter hook forward priority filter; policy drop;
  }
}
`;
  };
  // IPv6 needs neighbour discovery to reach the sink end at all.
  const neighbourDiscovery = `iifname "${SINK_INTERFACE}" icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-solicit } accept`;
  return table('ip', pair.sinkAddress, '') + table('ip6', pair.sinkAddress6, neighbourDiscovery);
}

/** Pairs of this process still open; deleted synchronously if the process exits without closing them. */
const live = new Set<NetworkPair>();

process.once('exit', () => {
  for (const pair of live) {
    for (const netns of [pair.sandboxNetns, pair.sinkNetns]) {
      try {
        execFileSync('ip', ['netns', 'delete', netns], { stdio: 'ignore', timeout: COMMAND_TIMEOUT_MS });
      } catch {
        // Best effort at exit; `sweepStaleNetworks` removes what is left on the next start.
      }
    }
  }
});

async function deleteNetns(name: string): Promise<void> {
  try {
    await run('ip', ['netns', 'delete', name]);
  } catch (error) {
    // Already gone is the goal; anything else is worth raising.
    if (!String((error as Error).message).includes('No such file')) throw error;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function run(command: string, args: string[], input?: string, code: 'NETNS_SETUP_FAILED' | 'FIREWALL_SETUP_FAILED' = 'NETNS_SETUP_FAILED'): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { timeout: COMMAND_TIMEOUT_MS, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error === null) {
        resolve(stdout);
        return;
      }
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(
          new SinkholeError('TOOL_MISSING', `\`${command}\` is not installed, so the sinkhole cannot build its network. Install it (\`apt-get install -y iproute2 nftables\`).`, { cause: error }),
        );
        return;
      }
      const tool = args[0] === 'netns' && args[1] === 'exec' ? args[3] : command;
      const hint =
        code === 'FIREWALL_SETUP_FAILED'
          ? 'Check that `nft` is installed (`apt-get install -y nftables`) and the kernel has nf_tables with NAT.'
          : `Check that ${tool} is installed and this process runs as root with CAP_NET_ADMIN.`;
      reject(new SinkholeError(code, `\`${command} ${args.join(' ')}\` failed: ${stderr.trim() || error.message}. ${hint}`, { cause: error }));
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}
