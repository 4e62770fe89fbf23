import { type ServiceDescriptor, keyToString } from '../../descriptors/model';
import type { InfraRepository } from '../../infra/infra-repository.port';
import type { Site, Vim, WanLink } from '../../infra/infra.model';
import type { DescriptorStore } from '../../packages/ports/descriptor-store.port';
import { type LocationConstraint, demandsOf, placeService } from '../../placement';
import { NfvoError } from '../../shared/nfvo-error';
import type { NsInstance } from '../domain/ns-instance.model';
import type { NsLcmOpOcc } from '../domain/ns-lcm-op-occ.model';
import type { VimPorts } from '../ports/vim-ports.port';
import type { VimReservations } from '../ports/vim-reservations.port';
import { addedServers } from '../plan/added-servers';
import { buildInstantiatePlan } from '../plan/build-instantiate-plan';
import type { Plan } from '../plan/plan.model';
import { headroom, openStackPorts, silentNote } from './vim-headroom';

async function all<T extends { id: string }>(repo: InfraRepository, kind: 'site' | 'vim' | 'wan_link'): Promise<T[]> {
  const out: T[] = [];
  for (let after: string | undefined, more = true; more; ) {
    const page = await repo.store(kind).list(undefined, after, 1000);
    out.push(...page.items.map((i) => i.doc as unknown as T));
    [after, more] = [page.lastSeq, page.hasMore];
  }
  return out;
}

export type LoadedService = Awaited<ReturnType<typeof loadService>>;

/** The NSD's service descriptor and each function's descriptor and VNF package (422 naming what is missing). */
export async function loadService(descriptors: DescriptorStore, ns: NsInstance) {
  const service = (await descriptors.forOwner('nsd', ns.nsdInfoId)).find((x): x is ServiceDescriptor => x.kind === 'service');
  if (!service) throw new NfvoError('UNPROCESSABLE', `NSD ${ns.nsdId} has no service descriptor stored; onboard it again.`);
  const stored = await descriptors.onboardedFunctions(service.functions.map((f) => f.descriptor));
  const missing = service.functions.filter((f) => !stored.some((s) => keyToString(s.descriptor.key) === keyToString(f.descriptor)));
  if (missing.length) throw new NfvoError('UNPROCESSABLE', `No ONBOARDED VNF package holds ${missing.map((f) => `${keyToString(f.descriptor)} (function ${f.id})`).join(', ')}.`);
  const fdOf = (id: string) => stored.find((s) => keyToString(s.descriptor.key) === keyToString(service.functions.find((f) => f.id === id)!.descriptor))!;
  return { service, stored, fdOf };
}

export interface PlanInstantiationDeps {
  descriptors: DescriptorStore;
  infra: InfraRepository;
  vims?: VimPorts;
  reservations: VimReservations;
}

/**
 * The plan of an INSTANTIATE occurrence: the NSD's service and its functions' descriptors, placed on
 * the registered sites and VIMs (descriptors name sites by name) with the request's locationConstraints,
 * then turned into steps. A service that cannot be placed is a 422 naming each function and why.
 *
 * Placement reserves what it places: in one transaction under the placement lock (one placement at a
 * time across replicas), it drops what this occurrence held from an earlier run, reads what the other
 * operations in progress hold, THEN each VIM's usage and quota, places on what is left, and reserves
 * the servers the plan creates. A server another operation has just created may be counted both in the
 * usage and in its reservation (until its step is DONE): conservative, never zero times. A service that
 * does not fit is refused here (422 naming the VIM and what is left), not by Nova halfway through.
 */
export async function planInstantiation(d: PlanInstantiationDeps, ns: NsInstance, occ: NsLcmOpOcc): Promise<Plan> {
  const { service, stored, fdOf } = await loadService(d.descriptors, ns);
  const [sites, vims, links] = await Promise.all([all<Site>(d.infra, 'site'), all<Vim>(d.infra, 'vim'), all<WanLink>(d.infra, 'wan_link')]);
  const ports = await openStackPorts(vims, d.vims);
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const siteOf = (v: Vim) => siteName.get(v.siteId)!;
  const requested = (occ.operationParams?.locationConstraints as Array<{ vnfProfileId: string; locationConstraints?: { countryCode?: string } }> | undefined) ?? [];
  const locationConstraints: LocationConstraint[] = requested.map((c) => ({ functionId: c.vnfProfileId, countryCode: c.locationConstraints?.countryCode }));
  const siteId = new Map(sites.map((s) => [s.name, s.id]));
  const functions = demandsOf(service, stored.map((s) => s.descriptor));

  const outcome = await d.reservations.exclusively(async (tx) => {
    await d.reservations.release(occ.id, tx);
    const now = await headroom(vims, ports, await d.reservations.held(tx), siteOf);
    const result = placeService({
      functions,
      constraints: service.placement,
      locationConstraints,
      sites: sites.map((s) => ({ id: s.name, name: s.name, labels: s.labels ?? {}, location: s.location })),
      vims: now.vims,
      wanLinks: links.map((l) => ({ siteA: siteName.get(l.siteA)!, siteB: siteName.get(l.siteB)!, latencyMs: l.latencyMs, bandwidthMbps: l.bandwidthMbps })),
    });
    // A refusal commits too: the reservation of an earlier run is gone, nothing new is held.
    if (!result.ok) return { refusal: `${result.detail}${silentNote(now.silent, siteOf)}` };
    const plan = buildInstantiatePlan({
      nsInstanceId: ns.id,
      service,
      functions: service.functions.map((ref) => ({ ref, descriptor: fdOf(ref.id).descriptor, vnfPkgId: fdOf(ref.id).vnfPkgId, siteId: siteId.get(result.assignments[ref.id].siteId)!, vimId: result.assignments[ref.id].vimId })),
      hostAntiAffinity: result.hostAntiAffinity,
    });
    await d.reservations.reserve(occ.id, ns.id, addedServers(plan), tx);
    return { plan };
  });
  if (!outcome.plan) throw new NfvoError('UNPROCESSABLE', `The service cannot be placed: ${outcome.refusal}`);
  return outcome.plan;
}
