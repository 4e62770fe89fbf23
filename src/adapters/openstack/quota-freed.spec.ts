import { roomFreedSince } from './quota-freed';

describe('a quota refusal read against the limits now', () => {
  const limits = (o: Record<string, number>) => ({ maxTotalInstances: 10, totalInstancesUsed: 10, maxTotalCores: 20, totalCoresUsed: 20, maxTotalRAMSize: 51200, totalRAMUsed: 51200, ...o });

  it('tells room freed since for every resource the refusal named, and nothing otherwise', () => {
    const one = 'Quota exceeded for instances: Requested 1, but already used 10 of 10 instances';
    expect(roomFreedSince(one, limits({}))).toBe(false);
    expect(roomFreedSince(one, limits({ totalInstancesUsed: 9 }))).toBe(true);
    const two = 'Quota exceeded for cores, ram: Requested 4, 8192, but already used 18, 46000 of 20, 51200 cores, ram';
    expect(roomFreedSince(two, limits({ totalCoresUsed: 16 }))).toBe(false); // cores freed, RAM still short
    expect(roomFreedSince(two, limits({ totalCoresUsed: 16, totalRAMUsed: 40000 }))).toBe(true);
    expect(roomFreedSince(one, limits({ maxTotalInstances: -1 }))).toBe(true); // lifted to unlimited
  });

  it('a refusal it cannot read is never retried', () => {
    expect(roomFreedSince('Quota exceeded for server_groups', limits({ totalInstancesUsed: 0 }))).toBe(false);
    expect(roomFreedSince('Maximum number of ports exceeded', limits({}))).toBe(false);
  });
});
