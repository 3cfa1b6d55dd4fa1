/** Address ranges shared by the scanner and the dry run. */

/** Whether a host is an IPv4 literal in a private range (10/8, 172.16/12, 192.168/16): a lab or the user's own network. */
export function isPrivateIpv4(host: string): boolean {
  if (!/^(?:\d{1,3}\.){3}\d{1,3}$/.test(host)) return false;
  const [a, b] = host.split('.').map(Number);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * Whether a host is on the user's own network or machine's link: a private IPv4 address, a link-local one (169.254/16; not a
 * cloud's metadata service, which hands out credentials), or a name only a private resolver answers (`db.internal`, `git.corp`, `nas.lan`,
 * `printer.local`, `*.home.arpa`). Nobody on the internet receives what is sent there.
 */
export function isOwnNetworkHost(host: string): boolean {
  const lower = host.toLowerCase().replace(/\.$/, '');
  if (isOwnReverseName(lower)) return true;
  // A cloud's metadata service hands out the machine's cloud credentials: never a plain neighbour on the link.
  if (/^(?:169\.254\.169\.254|metadata\.google\.internal|metadata|100\.100\.100\.200|\[?fd00:ec2::254\]?)$/.test(lower)) return false;
  if (isPrivateIpv4(lower)) return true;
  if (/^169\.254\.\d{1,3}\.\d{1,3}$/.test(lower)) return true;
  return /(?:^|\.)(?:internal|intranet|corp|lan|local|home\.arpa)$/.test(lower);
}

/**
 * Whether a DNS name is the reverse lookup (PTR) of a private, loopback or link-local address: `5.1.168.192.in-addr.arpa`,
 * or an `ip6.arpa` name under fc00::/7, fe80::/10 or ::1. Those zones are nobody's on the internet (RFC 6303), so no
 * stranger can receive such a query; a program asks it to name its own address.
 */
export function isOwnReverseName(name: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa$/.exec(name);
  if (v4 !== null) {
    const address = [v4[4], v4[3], v4[2], v4[1]].join('.');
    return isPrivateIpv4(address) || /^(?:127|169\.254)\./.test(address);
  }
  const v6 = /^((?:[0-9a-f]\.){32})ip6\.arpa$/.exec(name);
  if (v6 === null) return false;
  const nibbles = v6[1].split('.').filter(Boolean).reverse().join('');
  return /^f[cd]/.test(nibbles) || /^fe[89ab]/.test(nibbles) || nibbles === `${'0'.repeat(31)}1`;
}
