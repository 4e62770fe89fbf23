import type { EntityManager } from 'typeorm';
import type { InfraDocs, InfraKind } from '../infra/infra-repository.port';

/**
 * Where a registry item shows in a plan's steps (jsonpath over the stored plan): a VIM as the VIM of a
 * step; a switch host as its site's end of a WAN tunnel or a hop of a service chain (the switch programs
 * them, and only it can remove them); a WAN link as a tunnel between its two sites.
 */
const USES: { [K in InfraKind]?: { paths: string[]; vars: (d: InfraDocs[K]) => Record<string, string> } } = {
  vim: { paths: ['$.steps[*] ? (@.vimId == $id)'], vars: (d) => ({ id: d.id }) },
  switch_host: {
    paths: ['$.steps[*] ? (@.kind == "wan-tunnel" && (@.params.siteA == $site || @.params.siteB == $site))', '$.steps[*] ? (@.kind == "chain").params.hops[*] ? (@.siteId == $site)'],
    vars: (d) => ({ site: d.siteId }),
  },
  wan_link: {
    paths: ['$.steps[*] ? (@.kind == "wan-tunnel" && ((@.params.siteA == $a && @.params.siteB == $b) || (@.params.siteA == $b && @.params.siteB == $a)))'],
    vars: (d) => ({ a: d.siteA, b: d.siteB }),
  },
};

/** How many NS instances a refusal names at most. */
export const USERS_LISTED = 20;

/**
 * The NS instances (at most USERS_LISTED) whose resources depend on the item: those with a deployment that uses
 * it, and those whose running operation's plan does (an instantiate not yet finished, a terminate still
 * removing). Removing the item under them would leave what runs there unreachable for heal and terminate.
 */
export async function nsInstancesUsing<K extends InfraKind>(m: EntityManager, kind: K, doc: InfraDocs[K]): Promise<string[]> {
  const use = USES[kind];
  if (!use) return [];
  const where = use.paths.map((_, i) => `jsonb_path_exists(plan, $${i + 2}::jsonpath, $1::jsonb)`).join(' OR ');
  const rows: Array<{ id: string }> = await m.query(
    `SELECT DISTINCT id FROM (
       SELECT id, deployment->'plan' AS plan FROM ns_instance WHERE deployment IS NOT NULL
       UNION ALL
       SELECT ns_instance_id, plan FROM ns_lcm_op_occ WHERE plan IS NOT NULL AND operation_state IN ('PROCESSING', 'FAILED_TEMP', 'ROLLING_BACK')
     ) p WHERE ${where} ORDER BY id LIMIT ${USERS_LISTED}`,
    [JSON.stringify(use.vars(doc)), ...use.paths],
  );
  return rows.map((r) => r.id);
}
