/**
 * The program run inside the sink namespace (`ip netns exec <sink> node -e LISTENER_SOURCE <ports>`):
 * it opens the sinkhole's sockets there and hands them to the parent over the IPC channel, so the
 * parent serves them while they stay bound in the closed namespace. It then stays alive as the
 * parent's window on that namespace (`/proc/<pid>/net/nf_conntrack`, where the original destination
 * of every redirected connection is read), and exits when the parent disconnects or dies.
 *
 * It is passed as source text rather than as a file, so it runs the same from a checkout, a build,
 * or an installed package (where Node will not strip types from a `.ts` file).
 */

/** Messages the listener process sends the parent, each but `ready` and `failed` with a socket handle. */
export type ListenerMessage =
  | { role: 'tcp' | 'dns-tcp' | 'dns-udp' | 'udp' }
  | { role: 'ready' }
  | { role: 'failed'; message: string };

/**
 * Source (an ES module) of the listener process; arguments: DNS port, TCP port, UDP port. Its sockets
 * are dual-stack on every address of the sink namespace: that namespace has only its loopback and
 * its end of the veth, and its firewall admits only redirected traffic to these ports.
 */
export const LISTENER_SOURCE = `
import dgram from 'node:dgram';
import net from 'node:net';

const [dnsPort, tcpPort, udpPort] = process.argv.slice(1).map(Number);

const send = (message, handle) => new Promise((resolve, reject) => {
  process.send(message, handle, (error) => (error ? reject(error) : resolve()));
});

const listenTcp = (port) => new Promise((resolve, reject) => {
  const server = net.createServer();
  server.once('error', reject);
  server.listen({ host: '::', port, backlog: 1024, exclusive: true, ipv6Only: false }, () => resolve(server));
});

const bindUdp = (port) => new Promise((resolve, reject) => {
  const socket = dgram.createSocket({ type: 'udp6', ipv6Only: false });
  socket.once('error', reject);
  socket.bind({ address: '::', port, exclusive: true }, () => resolve(socket));
});

process.on('disconnect', () => process.exit(0));
try {
  const sockets = [
    ['tcp', await listenTcp(tcpPort)],
    ['dns-tcp', await listenTcp(dnsPort)],
    ['dns-udp', await bindUdp(dnsPort)],
    ['udp', await bindUdp(udpPort)],
  ];
  // Each socket is closed here once handed over: the parent's copy is then the only one accepting.
  for (const [role, handle] of sockets) {
    await send({ role }, handle);
    handle.close();
  }
  await send({ role: 'ready' });
} catch (error) {
  await send({ role: 'failed', message: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
  process.exit(1);
}
`;
