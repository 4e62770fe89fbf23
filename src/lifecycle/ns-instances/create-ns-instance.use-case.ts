import { randomUUID } from 'node:crypto';
import type { EventLog } from '../../packages/ports/event-log.port';
import { NfvoError } from '../../shared/nfvo-error';
import type { Stored } from '../../shared/resource-store';
import type { UnitOfWork } from '../../shared/unit-of-work';
import { nsIdentifierCreated } from '../domain/ns-lcm-events';
import type { NsInstance } from '../domain/ns-instance.model';
import { NS_STATE } from '../domain/ns-state.machine';
import type { NsdUsage, NsLcmRepository } from '../ports/ns-lcm-repository.port';

export interface CreateNsRequest { nsdId: string; nsName: string; nsDescription: string }

/**
 * POST /ns_instances (SOL005 cl. 6.4.2.3.1): from an ONBOARDED, ENABLED NSD, a NOT_INSTANTIATED NS instance.
 * In one transaction: the instance, the NSD's usage state IN_USE, and NsIdentifierCreationNotification.
 */
export class CreateNsInstance {
  constructor(private readonly d: { repo: NsLcmRepository; nsds: NsdUsage; events: EventLog; uow: UnitOfWork }) {}

  execute(r: CreateNsRequest): Promise<Stored<NsInstance>> {
    return this.d.uow.run(async (tx) => {
      const nsd = await this.d.nsds.lockByNsdId(r.nsdId, tx);
      if (!nsd) throw new NfvoError('UNPROCESSABLE', `No onboarded NSD has nsdId ${r.nsdId}; onboard it (nsd/v2/ns_descriptors) first.`);
      if (nsd.nsdOnboardingState !== 'ONBOARDED' || nsd.nsdOperationalState !== 'ENABLED') {
        throw new NfvoError('UNPROCESSABLE', `NSD ${r.nsdId} (nsdInfoId ${nsd.id}) is ${nsd.nsdOnboardingState} and ${nsd.nsdOperationalState}; an NS instance needs an ONBOARDED, ENABLED NSD.`);
      }
      const ns: NsInstance = { id: randomUUID(), nsInstanceName: r.nsName, nsInstanceDescription: r.nsDescription, nsdId: r.nsdId, nsdInfoId: nsd.id, nsState: NS_STATE.initial as NsInstance['nsState'] };
      const stored = await this.d.repo.instances.insert(ns, tx);
      if (nsd.nsdUsageState !== 'IN_USE') await this.d.nsds.setUsage(nsd.id, 'IN_USE', tx);
      await this.d.events.append(nsIdentifierCreated(ns), tx);
      return stored;
    });
  }
}
