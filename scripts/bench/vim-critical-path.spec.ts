import { covered, launchTimes, vimCriticalPath } from './vim-critical-path';
import type { RecordedCall } from './recording-proxy';

const iso = (ms: number) => new Date(performance.timeOrigin + ms).toISOString();
const call = (path: string, start: number, end: number, requestBody?: unknown, responseBody?: unknown): RecordedCall => ({ origin: 'http://cloud', method: requestBody ? 'POST' : 'GET', path, status: 200, start, end, requestBody, responseBody });

describe('the cloud\'s critical path of an operation', () => {
  it('measures the union of intervals', () => {
    expect(covered([])).toBe(0);
    expect(covered([[0, 10], [5, 20], [30, 40]])).toBe(30);
    expect(covered([[30, 40], [0, 10]])).toBe(20);
  });

  it('weights each step by the calls about its resource (names, filters, ids) and a server by its build to launched_at', () => {
    const steps = [
      { id: 'net', kind: 'network', dependsOn: [], resourceName: 'nfvo-1-mgmt', startedAt: iso(100), endedAt: iso(300) },
      { id: 'port', kind: 'port', dependsOn: ['net'], resourceName: 'nfvo-1-p', startedAt: iso(300), endedAt: iso(400) },
      { id: 'srv', kind: 'server', dependsOn: ['port'], resourceName: 'nfvo-1-s', startedAt: iso(400), endedAt: iso(3000) },
      { id: 'flavor', kind: 'flavor', dependsOn: [], startedAt: iso(100), endedAt: iso(150) },
    ];
    const calls = [
      call('/v3/auth/tokens', 0, 40), call('/v2.1/limits', 50, 90), // before the plan: the prefix
      call('/v2.1/flavors/detail', 110, 140),
      call('/v2.0/networks?name=nfvo-1-mgmt', 110, 130),
      call('/v2.0/networks', 140, 200, { network: { name: 'nfvo-1-mgmt' } }, { network: { id: 'n1', name: 'nfvo-1-mgmt' } }),
      call('/v2.0/networks/n1/tags', 200, 250), // by id, learned from the create's answer
      call('/v2.0/ports', 310, 380, { port: { name: 'nfvo-1-p' } }),
      call('/v2.1/servers', 400, 500, { server: { name: 'nfvo-1-s' } }),
      call('/v2.1/servers/detail?name=%5Enfvo%5C-1%5C-s%24', 2900, 2950, undefined, { servers: [{ name: 'nfvo-1-s', 'OS-SRV-USG:launched_at': iso(2000).replace('Z', '') }] }),
    ];
    const r = vimCriticalPath(steps, calls, launchTimes(calls));
    expect(r.prefixMs).toBe(80);
    const w = Object.fromEntries(r.weights);
    expect([w.net, w.port, w.flavor]).toEqual([130, 70, 30]);
    expect(w.srv).toBeCloseTo(1650, -1); // create 400 to launched_at 2000, and the poll that saw it
    // login and limits, then network -> port -> server; the poll lag after launched_at (2000 to 2900) is not the cloud's.
    expect(r.criticalMs).toBeCloseTo(80 + 130 + 70 + 1650, -1);
  });
});
