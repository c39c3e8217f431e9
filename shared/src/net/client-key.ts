/**
 * The key a client is counted under by rate limits: its IPv4 address, or the /64
 * network of an IPv6 one (a single client commonly holds a whole /64).
 * @example clientKey('::ffff:10.1.2.3') // '10.1.2.3'
 * @example clientKey('2001:db8:1:2:a:b:c:d') // '2001:db8:1:2::/64'
 * @example clientKey('2001:db8::1') // '2001:db8:0:0::/64'
 */
export function clientKey(ip: string): string {
  const address = ip.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!address.includes(':')) return address;
  const lower = address.toLowerCase().replace(/%.*$/, '');
  const [head = '', tail = ''] = lower.split('::');
  const left = head ? head.split(':') : [];
  const compressed = lower.includes('::');
  const right = compressed && tail ? tail.split(':') : [];
  const groups = compressed ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
