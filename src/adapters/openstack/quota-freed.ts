/**
 * Nova's quota refusal (nova/exception.py TooManyInstances): "Quota exceeded for cores, ram: Requested 2, 1024,
 * but already used 3, 512 of 4, 1024 cores, ram". Read against the project's limits now, it tells whether
 * something was freed since: then, and only then, the create is worth one more try.
 */
const REFUSAL = /Quota exceeded for ([\w, ]+): Requested ([\d, ]+), but already used ([\d, ]+) of ([\d, ]+)/;
const LIMITS: Record<string, [max: string, used: string]> = {
  instances: ['maxTotalInstances', 'totalInstancesUsed'], cores: ['maxTotalCores', 'totalCoresUsed'], ram: ['maxTotalRAMSize', 'totalRAMUsed'],
};

export function roomFreedSince(message: string, absolute: Record<string, number>): boolean {
  const m = REFUSAL.exec(message);
  if (!m) return false;
  const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
  const [overs, requested] = [list(m[1]), list(m[2]).map(Number)];
  if (overs.length !== requested.length) return false;
  return overs.every((over, i) => {
    const keys = LIMITS[over];
    if (!keys) return false;
    const [max, used] = [absolute[keys[0]], absolute[keys[1]]];
    // A limit of -1 is unlimited.
    return max === -1 || (Number.isFinite(max) && Number.isFinite(used) && max - used >= requested[i]);
  });
}
