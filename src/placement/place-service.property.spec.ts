import fc from 'fast-check';
import type { PlacementConstraint } from '../descriptors/model';
import { bruteForceExists, violations } from './placement-oracle.fixture';
import type { PlacementInput } from './placement.model';
import { placeService } from './place-service';

const source = { file: 'nsd.yaml', pointer: '/placement' };
const target = fc.constantFrom('openstack' as const, 'kubernetes' as const);

/** Random registries and services; constraints refer to existing functions and sites by index. */
function instances(max: { sites: number; vimsPerSite: number; functions: number; constraints: number }): fc.Arbitrary<PlacementInput> {
  const n = fc.integer({ min: 0, max: 1000 });
  return fc
    .record({
      sites: fc.array(fc.record({ country: fc.constantFrom(undefined, 'DE', 'FR'), city: fc.constantFrom(undefined, 'x', 'y') }), { minLength: 1, maxLength: max.sites }),
      vims: fc.array(fc.record({ site: n, type: target, vcpus: fc.integer({ min: 0, max: 40 }), mem: fc.integer({ min: 0, max: 32 }), used: fc.integer({ min: 0, max: 4 }), inst: fc.option(fc.integer({ min: 0, max: 12 })) }), { maxLength: max.sites * max.vimsPerSite }),
      links: fc.array(fc.record({ a: n, b: n, ms: fc.integer({ min: 1, max: 40 }) }), { maxLength: max.sites * 2 }),
      fns: fc.array(fc.record({ target, vcpus: fc.integer({ min: 0, max: 4 }), mem: fc.integer({ min: 0, max: 4 }), inst: fc.integer({ min: 1, max: 2 }) }), { minLength: 1, maxLength: max.functions }),
      cons: fc.array(fc.record({ kind: fc.integer({ min: 0, max: 4 }), fns: fc.array(n, { minLength: 1, maxLength: 3 }), sites: fc.array(n, { minLength: 1, maxLength: 3 }), ms: fc.integer({ min: 0, max: 60 }) }), { maxLength: max.constraints }),
      locs: fc.array(fc.record({ fn: n, country: fc.constantFrom(undefined, 'DE', 'fr'), city: fc.constantFrom(undefined, 'x'), site: fc.option(n, { freq: 2 }) }), { maxLength: 2 }),
    })
    .map((r): PlacementInput => {
      const siteId = (i: number) => `s${i % r.sites.length}`;
      const fnId = (i: number) => `f${i % r.fns.length}`;
      const constraint = (c: (typeof r.cons)[number]): PlacementConstraint => {
        const functions = [...new Set(c.fns.map(fnId))];
        if (c.kind === 0) return { type: 'allowed-sites', functions, sites: [...new Set(c.sites.map(siteId))], source };
        if (c.kind === 1) return { type: 'affinity', functions, scope: 'site', source };
        if (c.kind === 2) return { type: 'anti-affinity', functions, scope: 'site', source };
        if (c.kind === 3) return { type: 'anti-affinity', functions, scope: 'host', source };
        return { type: 'max-latency', functions: [fnId(c.fns[0]), fnId(c.fns[c.fns.length - 1] + 1)], maxLatencyMs: c.ms, source };
      };
      return {
        sites: r.sites.map((s, i) => ({ id: `s${i}`, name: `s${i}`, labels: {}, location: { countryCode: s.country, civicAddress: s.city ? { A3: s.city } : undefined } })),
        vims: r.vims.map((v, i) => ({ id: `v${i}`, siteId: siteId(v.site), type: v.type, capacity: { vcpus: v.vcpus, memoryMiB: v.mem * 1024, instances: v.inst ?? undefined }, used: { vcpus: v.used, memoryMiB: 0 } })),
        wanLinks: r.links.map((l) => ({ siteA: siteId(l.a), siteB: siteId(l.b), latencyMs: l.ms })),
        functions: r.fns.map((f, i) => ({ functionId: `f${i}`, target: f.target, vcpus: f.vcpus, memoryMiB: f.mem * 512, storageGiB: 0, instances: f.inst })),
        constraints: r.cons.map(constraint),
        locationConstraints: r.locs.map((l) => ({ functionId: fnId(l.fn), countryCode: l.country, civicAddress: l.city ? { A3: l.city } : undefined, siteId: l.site === null ? undefined : siteId(l.site) })),
      };
    });
}

describe('placeService properties', () => {
  it('every placement it returns satisfies every constraint; every failure names a function and a reason', () => {
    let placed = 0;
    fc.assert(
      fc.property(instances({ sites: 8, vimsPerSite: 3, functions: 30, constraints: 8 }), fc.constantFrom('least-loaded' as const, 'pack' as const), (input, policy) => {
        const r = placeService({ ...input, policy, searchLimit: 20_000 });
        if (r.ok) {
          placed++;
          expect(violations(input, r.assignments)).toEqual([]);
          expect(Object.keys(r.assignments).sort()).toEqual(input.functions.map((f) => f.functionId).sort());
        } else {
          expect(r.failures.length).toBeGreaterThan(0);
          for (const f of r.failures) {
            expect(f.functionId).toMatch(/^f\d+$/);
            expect(f.reasons.length).toBeGreaterThan(0);
          }
          expect(r.detail).toContain(`function '${r.failures[0].functionId}'`);
        }
      }),
      { numRuns: 300 },
    );
    // Guards against a generator so harsh that the property only ever sees failures.
    expect(placed).toBeGreaterThan(30);
  });

  it('is complete on small instances: it fails only when no assignment at all is valid', () => {
    fc.assert(
      fc.property(instances({ sites: 3, vimsPerSite: 2, functions: 4, constraints: 4 }), fc.constantFrom('least-loaded' as const, 'pack' as const), (input, policy) => {
        const r = placeService({ ...input, policy });
        if (!r.ok) expect(r.searchLimitReached).toBeUndefined();
        expect(r.ok).toBe(bruteForceExists(input));
      }),
      { numRuns: 500 },
    );
  });
});
