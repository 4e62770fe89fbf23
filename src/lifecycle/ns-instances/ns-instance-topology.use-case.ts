import { NfvoError } from '../../shared/nfvo-error';
import { chainCookie } from '../domain/flows/chain-cookie';
import { resolveRefs } from '../plan/plan.model';
import type { LcmRunStore } from '../ports/lcm-run-store.port';
import type { NsLcmRepository } from '../ports/ns-lcm-repository.port';
import type { ChainSpec, SwitchPort } from '../ports/switch.port';

export const NS_TOPOLOGY = Symbol('NS_TOPOLOGY');

/**
 * Where an NS instance's traffic goes (our own API, not SOL005): its functions per site, its WAN tunnels,
 * and per forwarding path the hops with the ports behind them and the flows each switch holds for it NOW,
 * with their packet counters; on emulated switches also a packet traced through the chain.
 */
export class NsInstanceTopology {
  constructor(private readonly d: { repo: NsLcmRepository; runs: LcmRunStore; switches: SwitchPort }) {}

  async topology(nsInstanceId: string) {
    if (!(await this.d.repo.instances.get(nsInstanceId))) throw new NfvoError('NOT_FOUND', `No NS instance ${nsInstanceId.slice(0, 64)}`);
    const dep = (await this.d.runs.deployment(nsInstanceId)) ?? { plan: { steps: [] }, outputs: {} };
    const outputs = new Map(Object.entries(dep.outputs));
    const done = (id: string) => outputs.has(id);
    const owner = { nsInstanceId, nsLcmOpOccId: '' };
    const functions = Object.entries(dep.plan.functions ?? {}).filter(([, f]) => f.copies > 0).map(([id, f]) => ({ functionId: id, siteId: f.siteId, vimId: f.vimId }));
    const tunnels = dep.plan.steps.filter((s) => s.kind === 'wan-tunnel' && done(s.id)).map((s) => ({ ...s.params, ...outputs.get(s.id) }));
    const chains = await Promise.all(dep.plan.steps.filter((s) => s.kind === 'chain' && done(s.id)).map(async (s) => {
      const spec = resolveRefs(s.params, outputs) as ChainSpec & { graph: string; path: string };
      const [switches, trace] = await Promise.all([this.d.switches.observeChain(owner, spec.name), this.d.switches.traceChain(owner, spec).catch(() => undefined)]);
      return {
        name: spec.name, vnffgId: spec.graph, nfpId: spec.path, cookie: chainCookie(nsInstanceId, spec.name), classifier: spec.classifier,
        hops: spec.hops.map((h) => ({ connectionPointRef: h.connectionPointRef, functionId: h.functionId, siteId: h.siteId, ...(h.port ? { mac: h.port.mac, ip: h.port.ip, portId: h.port.portId } : {}) })),
        switches: switches.filter((x) => x.flows.length || x.error),
        ...(trace ? { trace } : {}),
      };
    }));
    return { nsInstanceId, functions, tunnels, chains };
  }
}
