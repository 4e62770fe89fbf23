import type { CpInterface, CpType, FunctionConnectionPoint, ServiceConnectionPoint, UnitConnectionPoint } from '../model';
import { checkKeys, type KnownKeys } from './check-keys';
import { compact } from './compact';
import { readObjects } from './read-collections';
import type { Obj, ReadContext } from './read-context';
import { readEnum, readNumber, readString } from './read-fields';
import { REF_ID } from './read-header';

export const CP_TYPES: readonly CpType[] = ['internal', 'external', 'management', 'serviceendpoint'];
export const CP_INTERFACES: readonly CpInterface[] = ['ipv4', 'ipv6', 'ethernet'];

/**
 * SONATA and Pishahang require `interface` and `type` on every connection point; 5GTANGO requires
 * only `id` (its CDU connection points are just a port), so the type falls back to what the
 * connection point's place implies.
 */
export interface CpDialect { strict: boolean; keys: KnownKeys }

const SONATA_CP_KEYS = ['id', 'interface', 'type', 'virtual_link_reference'];
export const SONATA_CPS: CpDialect = { strict: true, keys: { known: SONATA_CP_KEYS, others: 'warning' } };
export const TANGO_CPS: CpDialect = {
  strict: false,
  keys: {
    known: [...SONATA_CP_KEYS, 'mac', 'ip', 'port', 'ports', 'publish'],
    ignored: {
      security_groups: 'security groups are not applied; traffic filtering belongs in a firewall function',
      qos: 'named QoS policies are not applied; put bandwidth requirements on the virtual link',
      qos_requirements: 'QoS on a single connection point is not applied; put bandwidth requirements on the virtual link',
    },
    others: 'warning',
  },
};

function readCp(ctx: ReadContext, cp: Obj, dialect: CpDialect, fallback: CpType) {
  checkKeys(ctx, cp, dialect.keys);
  const id = readString(ctx, cp, 'id', { required: true, ...REF_ID });
  const iface = readEnum(ctx, cp, 'interface', CP_INTERFACES, { required: dialect.strict });
  // A bad or missing type is reported above; the CP is still kept (with the dialect's default type),
  // so references to it do not cascade into integrity.unknown-connection-point.
  const type = readEnum(ctx, cp, 'type', CP_TYPES, { required: dialect.strict }) ?? fallback;
  if (id === undefined) return undefined;
  return compact({ id, interface: iface, type, source: { file: ctx.file, pointer: cp.ptr } });
}

export const readServiceCps = (ctx: ReadContext, root: Obj, dialect: CpDialect): ServiceConnectionPoint[] =>
  readObjects(ctx, root, 'connection_points').flatMap((cp) => readCp(ctx, cp, dialect, 'external') ?? []);

/** A function's endpoints; 5GTANGO cloud-native functions give each the port it serves. */
export const readFunctionCps = (ctx: ReadContext, root: Obj, dialect: CpDialect): FunctionConnectionPoint[] =>
  readObjects(ctx, root, 'connection_points').flatMap((cp) => {
    const base = readCp(ctx, cp, dialect, 'external');
    const port = readNumber(ctx, cp, 'port', { integer: true, min: 1, max: 65535 });
    return base ? [compact({ ...base, port })] : [];
  });

export const readUnitCps = (ctx: ReadContext, unit: Obj, dialect: CpDialect): UnitConnectionPoint[] =>
  readObjects(ctx, unit, 'connection_points').flatMap((cp) => {
    const base = readCp(ctx, cp, dialect, 'internal');
    const mac = readString(ctx, cp, 'mac');
    const ip = readString(ctx, cp, 'ip');
    return base ? [compact({ ...base, mac, ip })] : [];
  });
