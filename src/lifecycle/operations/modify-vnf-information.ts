import { NfvoError } from '../../shared/nfvo-error';
import type { NsInstance } from '../domain/ns-instance.model';

export interface ModifyVnfInfoData {
  vnfInstanceId: string;
  vnfInstanceName?: string;
  vnfInstanceDescription?: string;
  metadata?: Record<string, unknown>;
  vnfConfigurableProperties?: Record<string, unknown>;
}

/** The VNF instances an update names must belong to the NS instance (422 otherwise, before anything changes). */
export function checkModifyVnfInfo(ns: NsInstance, data: ModifyVnfInfoData[] | undefined): void {
  if (!data?.length) throw new NfvoError('UNPROCESSABLE', 'MODIFY_VNF_INFORMATION needs modifyVnfInfoData.');
  const known = new Set((ns.vnfInstance ?? []).map((v) => v.id));
  const unknown = data.filter((d) => !known.has(d.vnfInstanceId)).map((d) => d.vnfInstanceId);
  if (unknown.length) throw new NfvoError('UNPROCESSABLE', `modifyVnfInfoData names VNF instances that are not part of NS instance ${ns.id}: ${unknown.join(', ')}.`);
}

/**
 * UpdateNsRequest MODIFY_VNF_INFORMATION (SOL005 ModifyVnfInfoData): name and description replace,
 * metadata and configurable properties merge as a JSON merge patch (null removes a key).
 */
export function modifyVnfInformation(ns: NsInstance, data: ModifyVnfInfoData[]): NsInstance {
  const merge = (base: Record<string, unknown> = {}, patch: Record<string, unknown> = {}) => {
    const out = { ...base };
    for (const [k, v] of Object.entries(patch)) if (v === null) delete out[k]; else out[k] = v;
    return out;
  };
  return {
    ...ns,
    vnfInstance: (ns.vnfInstance ?? []).map((v) => {
      const d = data.find((x) => x.vnfInstanceId === v.id);
      if (!d) return v;
      return {
        ...v,
        ...(d.vnfInstanceName !== undefined ? { vnfInstanceName: d.vnfInstanceName } : {}),
        ...(d.vnfInstanceDescription !== undefined ? { vnfInstanceDescription: d.vnfInstanceDescription } : {}),
        ...(d.metadata ? { metadata: merge(v.metadata as Record<string, unknown>, d.metadata) as never } : {}),
        ...(d.vnfConfigurableProperties ? { vnfConfigurableProperties: merge(v.vnfConfigurableProperties, d.vnfConfigurableProperties) } : {}),
      };
    }),
  };
}
