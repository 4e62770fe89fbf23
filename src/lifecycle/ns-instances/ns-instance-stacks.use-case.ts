import { NfvoError } from '../../shared/nfvo-error';
import { type PlanStep, type StackFunctionParams, functionsOf, resolveRefs } from '../plan/plan.model';
import type { IacPort, StackSpec } from '../ports/iac.port';
import type { Deployment, LcmRunStore } from '../ports/lcm-run-store.port';
import type { NsLcmRepository } from '../ports/ns-lcm-repository.port';
import type { DriftReport, DriftReports } from '../ports/drift-reports.port';

export interface StackAudit { vimId: string; name: string; functions: string[]; appliedBy?: string; json?: unknown }

/**
 * The infrastructure-as-code stacks of an NS instance (our own API, not SOL005): what was last applied per
 * cluster, for audit, and a drift check that asks each stack what applying it again would change; the
 * latest report is kept on the NS instance (until NS fault management raises alarms for it).
 */
export const NS_STACKS = Symbol('NS_STACKS');

export class NsInstanceStacks {
  constructor(private readonly d: { repo: NsLcmRepository; runs: LcmRunStore; iac: IacPort; reports: DriftReports; now?: () => Date }) {}

  /** The latest drift report (of a check asked for or scheduled); 404 when the NS instance was never checked. */
  async latestDrift(nsInstanceId: string): Promise<DriftReport> {
    await this.stacksOf(nsInstanceId);
    const r = await this.d.reports.latest(nsInstanceId);
    if (!r) throw new NfvoError('NOT_FOUND', `NS instance ${nsInstanceId} has not been checked for drift yet; POST …/drift-check checks it now.`);
    return r;
  }

  async latest(nsInstanceId: string): Promise<{ nsInstanceId: string; stacks: StackAudit[] }> {
    const { d, stacks } = await this.stacksOf(nsInstanceId);
    return {
      nsInstanceId,
      stacks: stacks.map((s) => {
        const out = d.outputs[s.id] ?? {};
        return { vimId: s.vimId!, name: String(s.params.name), functions: functionsOf(s), ...(out.appliedBy ? { appliedBy: String(out.appliedBy) } : {}), ...(typeof out.iac === 'string' ? { json: JSON.parse(out.iac) } : {}) };
      }),
    };
  }

  /** Refused (409) while an operation holds the NS instance: its own changes are not drift. */
  async checkDrift(nsInstanceId: string): Promise<DriftReport> {
    const { d, stacks } = await this.stacksOf(nsInstanceId);
    const active = await this.d.repo.activeOccurrence(nsInstanceId);
    if (active) throw new NfvoError('CONFLICT', `NS LCM operation ${active.id} (${active.lcmOperationType}, ${active.operationState}) holds NS instance ${nsInstanceId}; check drift once it has ended.`);
    const outputs = new Map(Object.entries(d.outputs));
    const checked = await Promise.all(stacks.map(async (s) => {
      const spec: StackSpec = { name: String(s.params.name), vimId: s.vimId!, functions: resolveRefs(s.params.functions, outputs) as StackSpec['functions'] };
      const owner = { nsInstanceId, nsLcmOpOccId: String(d.outputs[s.id]?.appliedBy ?? '') };
      return { vimId: spec.vimId, name: spec.name, ...(await this.d.iac.checkStack(owner, spec)) };
    }));
    const report = { nsInstanceId, checkedAt: (this.d.now ?? (() => new Date()))().toISOString(), drifted: checked.some((c) => c.drifted), stacks: checked };
    await this.d.reports.save(report);
    return report;
  }

  private async stacksOf(nsInstanceId: string): Promise<{ d: Deployment; stacks: PlanStep[] }> {
    if (!(await this.d.repo.instances.get(nsInstanceId))) throw new NfvoError('NOT_FOUND', `No NS instance ${nsInstanceId.slice(0, 64)}`);
    const d = (await this.d.runs.deployment(nsInstanceId)) ?? { plan: { steps: [] }, outputs: {} };
    return { d, stacks: d.plan.steps.filter((s) => s.kind === 'stack' && (s.params.functions as StackFunctionParams[] | undefined)?.length) };
  }
}
