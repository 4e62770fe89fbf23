import { affinity, allowed, anti, fn, maxLatency, site, twoVimSites, vim } from './placement-builders.fixture';
import { violations } from './placement-oracle.fixture';
import type { PlacementInput, PlacementResult } from './placement.model';
import { placeService } from './place-service';

const placed = (r: PlacementResult) => {
  if (!r.ok) throw new Error(r.detail);
  return r.assignments;
};
const failed = (r: PlacementResult) => {
  if (r.ok) throw new Error(`unexpectedly placed: ${JSON.stringify(r.assignments)}`);
  return r;
};
const solve = (input: PlacementInput) => {
  const r = placeService(input);
  if (r.ok) expect(violations(input, r.assignments)).toEqual([]);
  return r;
};

describe('placeService: what each function needs alone', () => {
  it('puts a function on a VIM of its target type, and says which type a site lacks', () => {
    const input = { ...twoVimSites('site-b'), functions: [fn('web', 'kubernetes')] };
    input.sites.push(site('site-a'));
    input.vims.push(vim('vim-1', 'site-a', 'openstack'));
    expect(placed(solve(input)).web).toEqual({ siteId: 'site-b', vimId: 'site-b-k8s' });
    const only = failed(solve({ ...input, vims: [vim('vim-1', 'site-a', 'openstack')] }));
    expect(only.failures[0].reasons).toEqual(
      expect.arrayContaining([
        { siteId: 'site-a', why: 'target kubernetes needs a kubernetes VIM; site-a has only openstack' },
        { siteId: 'site-b', why: 'target kubernetes needs a kubernetes VIM; site-b has no VIM' },
      ]),
    );
  });

  it('keeps to the allowed sites', () => {
    const input = { ...twoVimSites('site-a', 'site-b'), functions: [fn('fw')], constraints: [allowed(['fw'], ['site-b'])] };
    expect(placed(solve(input)).fw.siteId).toBe('site-b');
    const r = failed(solve({ ...input, sites: [site('site-a')] }));
    expect(r.failures).toEqual([{ functionId: 'fw', reasons: [{ siteId: 'site-a', why: 'not in allowed sites [site-b]' }] }]);
  });

  it('honours locationConstraints: country, civic address elements and site id', () => {
    const base = twoVimSites('paris', 'berlin');
    base.sites = [site('berlin', 'DE', { A1: 'BE' }), site('paris', 'FR', { A1: 'IDF', A3: 'Paris' })];
    const input = { ...base, functions: [fn('a'), fn('b'), fn('c')] };
    const r = placed(solve({ ...input, locationConstraints: [{ functionId: 'a', countryCode: 'fr' }, { functionId: 'b', civicAddress: { A3: 'Paris' } }, { functionId: 'c', siteId: 'berlin' }] }));
    expect([r.a.siteId, r.b.siteId, r.c.siteId]).toEqual(['paris', 'paris', 'berlin']);
    const f = failed(solve({ ...input, sites: [base.sites[0]], locationConstraints: [{ functionId: 'a', countryCode: 'FR', civicAddress: { A3: 'Paris' }, siteId: 'paris' }] }));
    expect(f.failures[0].reasons.map((x) => x.why)).toEqual(['location constraint requires site paris', 'country FR required, site is DE', 'civic address A3=Paris required, site has no A3']);
  });

  it('needs free capacity, counting what the VIM already uses', () => {
    const input = { ...twoVimSites(), sites: [site('site-a')], vims: [vim('vim-1', 'site-a', 'openstack', 10, 65536, { vcpus: 8 })], functions: [fn('big', 'openstack', 8, 4096)] };
    expect(failed(solve(input)).failures[0].reasons).toEqual([{ siteId: 'site-a', why: 'needs 8 vCPU, 2 free on vim-1' }]);
  });

  it('counts what other operations hold like what is used, and says where the capacity went', () => {
    const held = { ...vim('vim-1', 'site-a', 'openstack', 10), name: 'os-a', capacity: { vcpus: 10, memoryMiB: 65536, instances: 10 }, used: { vcpus: 2, memoryMiB: 0, instances: 6 }, reserved: { vcpus: 2, instances: 3 } };
    const input = { ...twoVimSites(), sites: [site('site-a')], vims: [held], functions: [fn('a', 'openstack', 1), fn('b', 'openstack', 1)] };
    expect(failed(solve(input)).failures[0].reasons).toEqual([{ siteId: 'site-a', why: 'needs 1 instances, 0 free on os-a (vim-1): limit 10, 6 in use, 3 reserved by operations in progress, 1 placed for this service' }]);
    expect(placed(solve({ ...input, functions: [fn('a', 'openstack', 6)] })).a.vimId).toBe('vim-1');
    expect(failed(solve({ ...input, functions: [fn('a', 'openstack', 7)] })).failures[0].reasons).toEqual([{ siteId: 'site-a', why: 'needs 7 vCPU, 6 free on os-a (vim-1): limit 10, 2 in use, 2 reserved by operations in progress' }]);
  });

  it('counts what this placement already assigned: capacity runs out', () => {
    const input = { ...twoVimSites(), sites: [site('s1')], vims: [vim('s1-os', 's1', 'openstack', 8)], functions: [fn('a', 'openstack', 4), fn('b', 'openstack', 4), fn('c', 'openstack', 4)] };
    const r = failed(solve(input));
    expect(r.searchLimitReached).toBeUndefined();
    expect(r.failures[0].reasons).toEqual([{ siteId: 's1', why: 'needs 4 vCPU, 0 free on s1-os' }]);
    expect(r.detail).toMatch(/cannot be placed in any combination with the others: s1: needs 4 vCPU, 0 free on s1-os/);
  });
});

describe('placeService: relations between functions', () => {
  it('measures latency over multi-hop WAN paths, and refuses a pair beyond its bound', () => {
    const base = { ...twoVimSites('site-a', 'site-b', 'site-c'), functions: [fn('fw'), fn('lb')] };
    base.wanLinks = [{ siteA: 'site-a', siteB: 'site-b', latencyMs: 10 }, { siteA: 'site-b', siteB: 'site-c', latencyMs: 15 }, { siteA: 'site-a', siteB: 'site-c', latencyMs: 50 }];
    const pinned = [allowed(['fw'], ['site-a']), allowed(['lb'], ['site-c'])];
    expect(placed(solve({ ...base, constraints: [...pinned, maxLatency('fw', 'lb', 25)] })).lb.siteId).toBe('site-c');
    const r = failed(solve({ ...base, constraints: [...pinned, maxLatency('fw', 'lb', 20)] }));
    expect(r.failures[0].reasons).toContainEqual({ siteId: 'site-c', why: "latency to 'fw' at site-a is 25 ms > 20 ms" });
    const cut = failed(solve({ ...base, wanLinks: [], constraints: [...pinned, maxLatency('fw', 'lb', 20)] }));
    expect(cut.failures[0].reasons).toContainEqual({ siteId: 'site-c', why: "no WAN path to 'fw' at site-a (max 20 ms)" });
  });

  it('places an affinity group on one site, and explains a group no site can take', () => {
    const input = { ...twoVimSites('s1', 's2', 's3'), functions: [fn('a'), fn('b', 'kubernetes'), fn('c')], constraints: [affinity('a', 'b'), affinity('b', 'c'), allowed(['c'], ['s2'])] };
    const r = placed(solve(input));
    expect([r.a.siteId, r.b.siteId, r.c.siteId]).toEqual(['s2', 's2', 's2']);
    const f = failed(solve({ ...input, constraints: [...input.constraints, allowed(['a'], ['s1'])] }));
    expect(f.failures).toHaveLength(1);
    expect(f.failures[0].reasons).toContainEqual({ siteId: 's1', why: "'c' (affinity with 'a'): not in allowed sites [s2]" });
  });

  it('separates anti-affine functions by site, and explains when it cannot', () => {
    const input = { ...twoVimSites('s1', 's2'), functions: [fn('fw'), fn('lb'), fn('ids')], constraints: [anti(['fw', 'lb', 'ids'])] };
    expect(failed(solve(input)).failures[0].reasons.map((x) => x.why)).toEqual(expect.arrayContaining([expect.stringMatching(/^anti-affinity with '\w+' already at s[12]$/)]));
    const two = placed(solve({ ...input, sites: [...input.sites, site('s3')], vims: [...input.vims, vim('s3-os', 's3', 'openstack')] }));
    expect(new Set([two.fw.siteId, two.lb.siteId, two.ids.siteId]).size).toBe(3);
  });

  it('records host anti-affinity for the VIM layer without separating sites', () => {
    const input = { ...twoVimSites('s1'), functions: [fn('a'), fn('b')], constraints: [anti(['a', 'b'], 'host')] };
    const r = solve(input);
    expect(r.ok && r.hostAntiAffinity).toEqual([['a', 'b']]);
    expect(placed(r).a.siteId).toBe('s1');
  });

  it('reports affinity contradicting anti-affinity before searching', () => {
    const r = failed(solve({ ...twoVimSites('s1', 's2'), functions: [fn('a'), fn('b')], constraints: [affinity('a', 'b'), anti(['a', 'b'])] }));
    expect(r.failures).toEqual([{ functionId: 'a', reasons: [{ siteId: '*', why: "anti-affinity with 'b' contradicts affinity: both must share a site" }] }]);
  });

  it('reports constraints naming functions the service does not have', () => {
    const r = failed(solve({ ...twoVimSites('s1'), functions: [fn('a')], locationConstraints: [{ functionId: 'ghost', countryCode: 'FR' }] }));
    expect(r.failures[0]).toEqual({ functionId: 'ghost', reasons: [{ siteId: '*', why: "a location constraint names 'ghost', which is not a function of this service" }] });
    const twice = failed(solve({ ...twoVimSites('s1'), functions: [fn('a'), fn('a')] }));
    expect(twice.failures[0].reasons[0].why).toBe("function id 'a' appears more than once");
  });
});

describe('placeService: search and policy', () => {
  it('backtracks when an earlier choice leaves no room for a later function, within the search limit', () => {
    // pack puts x on the fuller v2 (4 of its 6 free), y then only fits v1, and z fits nowhere: x must move to v1.
    const input: PlacementInput = {
      ...twoVimSites(),
      sites: [site('s1'), site('s2')],
      vims: [vim('v1', 's1', 'openstack', 10), vim('v2', 's2', 'openstack', 10, 65536, { vcpus: 4 })],
      functions: [fn('x', 'openstack', 4), fn('y', 'openstack', 6), fn('z', 'openstack', 6)],
      policy: 'pack',
    };
    const r = placed(solve(input));
    expect([r.x.vimId, r.y.vimId, r.z.vimId]).toEqual(['v1', 'v1', 'v2']);
    // Five placements are needed (x, y, then x, y, z again); four stop the search at z, the furthest function.
    const limited = failed(placeService({ ...input, searchLimit: 4 }));
    expect(limited.searchLimitReached).toBe(true);
    expect(limited.failures[0].functionId).toBe('z');
    expect(limited.failures[0].reasons[0]).toEqual({ siteId: '*', why: expect.stringContaining('search limit of 4 placements reached') });
    expect(limited.failures[0].reasons).toContainEqual({ siteId: 's1', why: 'needs 6 vCPU, 4 free on v1' });
  });

  it('least-loaded spreads, pack fills, equal load breaks ties by site id', () => {
    const input = { ...twoVimSites(), sites: [site('s2'), site('s1')], vims: [vim('v2', 's2', 'openstack', 16, 65536, { vcpus: 8 }), vim('v1', 's1', 'openstack', 16)], functions: [fn('a', 'openstack', 2)] };
    expect(placed(solve(input)).a.siteId).toBe('s1');
    expect(placed(solve({ ...input, policy: 'pack' })).a.siteId).toBe('s2');
    expect(placed(solve({ ...input, vims: [vim('v2', 's2', 'openstack'), vim('v1', 's1', 'openstack')] })).a.siteId).toBe('s1');
  });

  it('is deterministic whatever the input order', () => {
    const input = { ...twoVimSites('s1', 's2', 's3'), functions: ['a', 'b', 'c', 'd'].map((id) => fn(id)), constraints: [anti(['a', 'b']), affinity('c', 'd')] };
    const reversed = { ...input, sites: [...input.sites].reverse(), vims: [...input.vims].reverse(), functions: [...input.functions].reverse() };
    expect(placeService(reversed)).toEqual(placeService(input));
  });
});
