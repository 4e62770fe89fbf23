/**
 * `ovs-ofctl dump-flows` lines into counters per flow. The flow text keeps priority, match and
 * actions, without the fields that change by themselves (duration, idle and hard ages, counters).
 */
export function parseDumpFlows(stdout: string): Array<{ flow: string; nPackets: number; nBytes: number }> {
  return stdout.split('\n').filter((l) => /\bcookie=/.test(l) && /\bn_packets=/.test(l)).map((l) => {
    const nPackets = Number(/\bn_packets=(\d+)/.exec(l)?.[1] ?? 0);
    const nBytes = Number(/\bn_bytes=(\d+)/.exec(l)?.[1] ?? 0);
    const flow = l.trim().split(/,\s*|\s+/).filter((p) => !/^(cookie|duration|table|n_packets|n_bytes|idle_age|hard_age|idle_timeout|hard_timeout)=/.test(p)).join(',').replace(',actions=', ' actions=')
      // `--names` quotes a port name with characters such as `-` (Neutron's tap names have one).
      .replace(/"([A-Za-z0-9_.-]+)"/g, '$1');
    return { flow, nPackets, nBytes };
  });
}
