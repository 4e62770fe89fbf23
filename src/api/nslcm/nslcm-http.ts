import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/config.schema';
import type { AppKeys } from '../../config/app-keys';
import type { NsLcmOpType } from '../../lifecycle/domain/ns-lcm-op-occ.model';
import type { CreateNsInstance, CreateNsRequest } from '../../lifecycle/ns-instances/create-ns-instance.use-case';
import type { DeleteNsInstance } from '../../lifecycle/ns-instances/delete-ns-instance.use-case';
import type { AcceptLcmOperation } from '../../lifecycle/operations/accept-lcm-operation.use-case';
import type { OccurrenceTask, OccurrenceTaskUseCase } from '../../lifecycle/operations/occurrence-task.use-case';
import type { LcmRunStore } from '../../lifecycle/ports/lcm-run-store.port';
import type { NsLcmRepository } from '../../lifecycle/ports/ns-lcm-repository.port';
import { NfvoError } from '../../shared/nfvo-error';
import { apiRootOf } from '../../sol013/api-root';
import { listResources } from '../../sol013/list-resources';
import { NS_INSTANCE_ATTRIBUTES, NS_INSTANCE_ATTRIBUTES_V1, NS_INSTANCE_COMPLEX_ATTRIBUTES, NS_LCM_OP_OCC_ATTRIBUTES, NS_LCM_OP_OCC_ATTRIBUTES_V1, NS_LCM_OP_OCC_COMPLEX_ATTRIBUTES } from './nslcm-catalogues';
import { nsInstanceToApi, nsLcmOpOccToApi } from './nslcm-representation';

export const NSLCM_HTTP = Symbol('NSLCM_HTTP');

/** HTTP glue of NS lifecycle management (SOL005 cl. 6): SOL013 listing, representations, 201/202/204 and Location. */
export class NslcmHttp {
  constructor(private readonly d: { repo: NsLcmRepository; runs: LcmRunStore; create: CreateNsInstance; remove: DeleteNsInstance; accept: AcceptLcmOperation; tasks: OccurrenceTaskUseCase; config: AppConfig; keys: AppKeys }) {}

  private base(req: Request, major: string): string {
    return `${apiRootOf(req, this.d.config.apiRoot)}/nslcm/${major}`;
  }

  private async page(req: Request, res: Response, major: string, collection: 'ns_instances' | 'ns_lcm_op_occs'): Promise<object[]> {
    const base = this.base(req, major);
    const isNs = collection === 'ns_instances';
    const ctx = { query: req.query as Record<string, unknown>, url: `${base}/${collection}`, pageSize: this.d.config.pageSize, markerKey: this.d.keys.pagingMarker };
    const path = `/nslcm/${major}/${collection}`;
    const { items, link } = isNs
      ? await listResources(this.d.repo.instances, { path, catalogue: major === 'v1' ? NS_INSTANCE_ATTRIBUTES_V1 : NS_INSTANCE_ATTRIBUTES, selection: { complexAttributes: NS_INSTANCE_COMPLEX_ATTRIBUTES, mandatory: [['id'], ['_links']] }, toApi: (d) => nsInstanceToApi(d, base, major as 'v1' | 'v2') }, ctx)
      : await listResources(this.d.repo.occurrences, { path, catalogue: major === 'v1' ? NS_LCM_OP_OCC_ATTRIBUTES_V1 : NS_LCM_OP_OCC_ATTRIBUTES, selection: { complexAttributes: NS_LCM_OP_OCC_COMPLEX_ATTRIBUTES, mandatory: [['id'], ['_links']] }, toApi: (d) => nsLcmOpOccToApi(d, base, major as 'v1' | 'v2') }, ctx);
    if (link) res.setHeader('Link', link);
    return items;
  }

  listInstances(major: string, req: Request, res: Response) { return this.page(req, res, major, 'ns_instances'); }
  listOccurrences(major: string, req: Request, res: Response) { return this.page(req, res, major, 'ns_lcm_op_occs'); }

  async getInstance(major: string, id: string, req: Request): Promise<object> {
    const s = await this.d.repo.instances.get(id);
    if (!s) throw new NfvoError('NOT_FOUND', `No NS instance ${id.slice(0, 64)}`);
    return nsInstanceToApi(s.doc, this.base(req, major), major as 'v1' | 'v2');
  }

  async getOccurrence(major: string, id: string, req: Request): Promise<object> {
    const s = await this.d.repo.occurrences.get(id);
    if (!s) throw new NfvoError('NOT_FOUND', `No NS LCM operation occurrence ${id.slice(0, 64)}`);
    return nsLcmOpOccToApi(s.doc, this.base(req, major), major as 'v1' | 'v2');
  }

  async createInstance(major: string, body: CreateNsRequest, req: Request, res: Response): Promise<object> {
    const { doc } = await this.d.create.execute(body);
    const out = nsInstanceToApi(doc, this.base(req, major), major as 'v1' | 'v2');
    res.status(201).setHeader('Location', `${this.base(req, major)}/ns_instances/${doc.id}`);
    return out;
  }

  deleteInstance(id: string): Promise<void> {
    return this.d.remove.execute(id);
  }

  /** 202 Accepted, no body, Location of the new occurrence (SOL005 cl. 6.4.4.3.1 and siblings). */
  async task(major: string, id: string, type: NsLcmOpType, params: object, req: Request, res: Response): Promise<void> {
    const occ = await this.d.accept.execute(id, type, params as Record<string, unknown>);
    res.status(202).setHeader('Location', `${this.base(req, major)}/ns_lcm_op_occs/${occ.id}`);
  }

  /** retry, rollback, continue, cancel: 202 (the occurrence goes on in the background); fail: 200 with the FAILED occurrence (SOL005 cl. 6.4.11-6.4.15). */
  async occurrenceTask(major: string, id: string, task: OccurrenceTask, cancelMode: 'GRACEFUL' | 'FORCEFUL' | undefined, req: Request, res: Response): Promise<object | undefined> {
    const occ = await this.d.tasks.execute(id, task, cancelMode);
    if (task === 'fail') return nsLcmOpOccToApi(occ, this.base(req, major), major as 'v1' | 'v2');
    res.status(202).setHeader('Location', `${this.base(req, major)}/ns_lcm_op_occs/${occ.id}`);
    return undefined;
  }

  /** Our own view of an occurrence's plan: every step with its state, attempts, timings and error (/nfvo/v1/ns_lcm_op_occs/{id}/plan). */
  async plan(id: string): Promise<object> {
    const occ = await this.d.repo.occurrences.get(id);
    if (!occ) throw new NfvoError('NOT_FOUND', `No NS LCM operation occurrence ${id.slice(0, 64)}`);
    const plan = await this.d.runs.plan(id);
    const records = await this.d.runs.journal(id).load();
    const steps = (plan?.steps ?? []).map((s) => {
      const r = records.get(s.id);
      const durationMs = r?.startedAt && r.endedAt ? Date.parse(r.endedAt) - Date.parse(r.startedAt) : undefined;
      return { id: s.id, kind: s.kind, functionId: s.functionId, siteId: s.siteId, vimId: s.vimId, resourceName: typeof s.params.name === 'string' ? s.params.name : undefined, dependsOn: s.dependsOn, state: r?.state ?? 'PENDING', attempts: r?.attempts ?? 0, startedAt: r?.startedAt, endedAt: r?.endedAt, durationMs, error: r?.error };
    });
    return { nsLcmOpOccId: id, operationState: occ.doc.operationState, planned: !!plan, steps };
  }
}
