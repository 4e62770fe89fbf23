import type { FunctionRef } from '../model';
import { pointerJoin } from '../model';
import { checkKeys } from './check-keys';
import { readObjects } from './read-collections';
import { report, type Obj, type ReadContext } from './read-context';
import { readString } from './read-fields';
import { REF_ID, VENDOR_OR_NAME, VERSION } from './read-header';

/** Field names of one kind of reference: SONATA `network_functions` or Pishahang `cloud_services`. */
export interface RefFields { list: string; id: string; vendor: string; name: string; version: string; ignored?: Record<string, string> }

export const NETWORK_FUNCTIONS: RefFields = { list: 'network_functions', id: 'vnf_id', vendor: 'vnf_vendor', name: 'vnf_name', version: 'vnf_version' };
export const CLOUD_SERVICES: RefFields = { list: 'cloud_services', id: 'service_id', vendor: 'service_vendor', name: 'service_name', version: 'service_version' };

/**
 * The upstream schemas allow `== 1.0`, `>= 1.0`, `<= 1.0` and `!= 1.0`. A service must name exactly
 * which function it runs, so `==` is read as the version and the others are refused.
 */
function readExactVersion(ctx: ReadContext, o: Obj, key: string): string | undefined {
  const written = readString(ctx, o, key, { required: true });
  if (written === undefined) return undefined;
  const [, operator, version] = /^(== |>= |<= |!= )?(.*)$/s.exec(written) ?? [];
  if (operator && operator !== '== ') return void report(ctx, 'syntax.unsupported-feature', pointerJoin(o.ptr, key), `"${key}" is the range "${written}"; this orchestrator deploys exact versions only: write the version itself`);
  return readString(ctx, { value: { [key]: version }, ptr: o.ptr }, key, VERSION);
}

/** The functions a service names, each by its instance id and its descriptor's key. */
export function readFunctionRefs(ctx: ReadContext, root: Obj, f: RefFields): FunctionRef[] {
  return readObjects(ctx, root, f.list).flatMap((item) => {
    checkKeys(ctx, item, { known: [f.id, f.vendor, f.name, f.version, 'description'], ignored: f.ignored, others: 'warning' });
    const id = readString(ctx, item, f.id, { required: true, ...REF_ID });
    const vendor = readString(ctx, item, f.vendor, { required: true, ...VENDOR_OR_NAME });
    const name = readString(ctx, item, f.name, { required: true, ...VENDOR_OR_NAME });
    const version = readExactVersion(ctx, item, f.version);
    if (id === undefined || vendor === undefined || name === undefined || version === undefined) return [];
    return [{ id, descriptor: { vendor, name, version }, source: { file: ctx.file, pointer: item.ptr } }];
  });
}
