import type { InfraRepository } from '../../infra/infra-repository.port';
import type { Vim } from '../../infra/infra.model';
import { VimLedger } from '../../placement';
import { NfvoError } from '../../shared/nfvo-error';
import type { NsLcmOpOcc } from '../domain/ns-lcm-op-occ.model';
import { addedServers, perVim } from '../plan/added-servers';
import type { Plan } from '../plan/plan.model';
import type { Deployment } from '../ports/lcm-run-store.port';
import type { VimPorts } from '../ports/vim-ports.port';
import type { VimReservations } from '../ports/vim-reservations.port';
import { headroom, openStackPorts, silentNote } from './vim-headroom';

/**
 * A reshape (scale out, ADD_VNF) creates servers on the VIMs its functions were placed on at
 * instantiation. Like placement, it checks they fit what is left on each VIM and reserves them, under the
 * same lock (see planInstantiation); a VIM they do not fit on refuses the operation (422 naming it).
 */
export async function reserveAddedServers(
  d: { infra: InfraRepository; vims?: VimPorts; reservations: VimReservations },
  occ: NsLcmOpOcc, plan: Plan, deployment: Deployment,
): Promise<void> {
  const added = addedServers(plan, new Set(deployment.plan.steps.map((s) => s.id)));
  // Nothing added (scale in, graph updates): the same request re-planned adds nothing either, so nothing can be held.
  if (!added.length) return;
  const demand = perVim(added);
  const vims = (await Promise.all([...demand.keys()].map(async (id) => (await d.infra.store('vim').get(id))?.doc as Vim | undefined))).filter((v): v is Vim => !!v);
  const ports = await openStackPorts(vims, d.vims);
  const refusal = await d.reservations.exclusively(async (tx) => {
    await d.reservations.release(occ.id, tx);
    const now = await headroom(vims, ports, await d.reservations.held(tx), (v) => v.siteId);
    const ledger = new VimLedger(now.vims);
    const short = now.vims.flatMap((v, i) => ledger.shortfall(i, { functionId: '', target: v.type, storageGiB: 0, ...demand.get(v.id)! }));
    if (short.length) return `${short.join('; ')}${silentNote(now.silent, (v) => `site ${v.siteId}`)}`;
    await d.reservations.reserve(occ.id, occ.nsInstanceId, added, tx);
    return undefined;
  });
  if (refusal) throw new NfvoError('UNPROCESSABLE', `The ${occ.lcmOperationType} cannot add ${added.length} server${added.length > 1 ? 's' : ''}: ${refusal}`);
}
