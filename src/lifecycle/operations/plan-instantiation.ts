import { type ServiceDescriptor, keyToString } from '../../descriptors/model';
import type { InfraRepository } from '../../infra/infra-repository.port';
import type { Site, Vim, WanLink } from '../../infra/infra.model';
import type { DescriptorStore } from '../../packages/ports/descriptor-store.port';
import { type LocationConstraint, demandsOf, placeService } from '../../placement';
import { NfvoError } from '../../shared/nfvo-error';
import type { NsInstance } from '../domain/ns-instance.model';
import type { NsLcmOpOcc } from '../domain/ns-lcm-op-occ.model';
import type { VimPorts } from '../ports/vim-ports.port';
import { buildInstantiatePlan } from '../plan/build-instantiate-plan';
import type { Plan } from '../plan/plan.model';

async function all<T extends { id: string }>(repo: InfraRepository, kind: 'site' | 'vim' | 'wan_link'): Promise<T[]> {
  const out: T[] = [];
  for (let after: string | undefined, more = true; more; ) {
    const page = await repo.store(kind).list(undefined, after, 1000);
    out.push(...page.items.map((i) => i.doc as unknown as T));
    [after, more] = [page.lastSeq, page.hasMore];
  }
  return out;
}

/**
 * The plan of an INSTANTIATE occurrence: the NSD's service and its functions' descriptors, placed on
 * the registered sites and VIMs (descriptors name sites by name) with the request's locationConstraints,
 * then turned into steps. A service that cannot be placed is a 422 naming each function and why.
 */
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

/** A VIM that has not told what it uses within this time counts as full for this placement. */
const USAGE_DEADLINE_MS = 10_000;

/**
 * What each OpenStack VIM uses now (its project's usage, other services' servers included), so placement
 * never counts on capacity that is taken. A VIM that does not answer counts as full: nothing is placed on it.
 */
async function usedNow(vims: Vim[], ports: VimPorts | undefined): Promise<Map<string, { vcpus: number; memoryMiB: number }>> {
  const full = { vcpus: Number.MAX_SAFE_INTEGER, memoryMiB: Number.MAX_SAFE_INTEGER };
  const entries = await Promise.all(vims.filter((v) => v.vimType === 'openstack' && ports).map(async (v) => {
    const deadline = new Promise<undefined>((res) => setTimeout(() => res(undefined), USAGE_DEADLINE_MS).unref());
    const c = await Promise.race([ports!.forVim(v.id).then((p) => p.capacity()).catch(() => undefined), deadline]);
    return [v.id, c ? { vcpus: c.vcpus.used, memoryMiB: c.memoryMiB.used } : full] as const;
  }));
  return new Map(entries);
}

export async function planInstantiation(d: { descriptors: DescriptorStore; infra: InfraRepository; vims?: VimPorts }, ns: NsInstance, occ: NsLcmOpOcc): Promise<Plan> {
  const { service, stored, fdOf } = await loadService(d.descriptors, ns);

  const [sites, vims, links] = await Promise.all([all<Site>(d.infra, 'site'), all<Vim>(d.infra, 'vim'), all<WanLink>(d.infra, 'wan_link')]);
  const used = await usedNow(vims, d.vims);
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const requested = (occ.operationParams?.locationConstraints as Array<{ vnfProfileId: string; locationConstraints?: { countryCode?: string } }> | undefined) ?? [];
  const locationConstraints: LocationConstraint[] = requested.map((c) => ({ functionId: c.vnfProfileId, countryCode: c.locationConstraints?.countryCode }));
  const result = placeService({
    functions: demandsOf(service, stored.map((s) => s.descriptor)),
    constraints: service.placement,
    locationConstraints,
    sites: sites.map((s) => ({ id: s.name, name: s.name, labels: s.labels ?? {}, location: s.location })),
    vims: vims.map((v) => ({ id: v.id, siteId: siteName.get(v.siteId)!, type: v.vimType, capacity: v.capacity ?? { vcpus: Number.MAX_SAFE_INTEGER, memoryMiB: Number.MAX_SAFE_INTEGER }, used: used.get(v.id) ?? { vcpus: 0, memoryMiB: 0 } })),
    wanLinks: links.map((l) => ({ siteA: siteName.get(l.siteA)!, siteB: siteName.get(l.siteB)!, latencyMs: l.latencyMs, bandwidthMbps: l.bandwidthMbps })),
  });
  if (!result.ok) {
    const silent = vims.filter((v) => used.get(v.id)?.vcpus === Number.MAX_SAFE_INTEGER).map((v) => `${v.name ?? v.id} (${v.id}) at ${siteName.get(v.siteId)}`);
    const note = silent.length ? ` (counted as full: ${silent.join(', ')} did not report what ${silent.length > 1 ? 'they use' : 'it uses'})` : '';
    throw new NfvoError('UNPROCESSABLE', `The service cannot be placed: ${result.detail}${note}`);
  }
  const siteId = new Map(sites.map((s) => [s.name, s.id]));
  return buildInstantiatePlan({
    nsInstanceId: ns.id,
    service,
    functions: service.functions.map((ref) => ({ ref, descriptor: fdOf(ref.id).descriptor, vnfPkgId: fdOf(ref.id).vnfPkgId, siteId: siteId.get(result.assignments[ref.id].siteId)!, vimId: result.assignments[ref.id].vimId })),
    hostAntiAffinity: result.hostAntiAffinity,
  });
}
