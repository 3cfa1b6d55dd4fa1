/** Address ranges shared by the scanner and the dry run. */

/** Whether a host is an IPv4 literal in a private range (10/8, 172.16/12, 192.168/16): a lab or the user's own network. */
export function isPrivateIpv4(host: string): boolean {
  if (!/^(?:\d{1,3}\.){3}\d{1,3}$/.test(host)) return false;
  const [a, b] = host.split('.').map(Number);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}
