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
  // A cloud's metadata service hands out the machine's cloud credentials: never a plain neighbour on the link.
  if (/^(?:169\.254\.169\.254|metadata\.google\.internal|metadata|100\.100\.100\.200|\[?fd00:ec2::254\]?)$/.test(lower)) return false;
  if (isPrivateIpv4(lower)) return true;
  if (/^169\.254\.\d{1,3}\.\d{1,3}$/.test(lower)) return true;
  return /(?:^|\.)(?:internal|intranet|corp|lan|local|home\.arpa)$/.test(lower);
}
