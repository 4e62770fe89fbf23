import { defineRule } from '../rule';

/**
 * Gaps (1, 2, 4) do not change the order, so this is a warning; but they usually mean a hop was
 * deleted or mistyped, and the chain the operator reads is then not the one that is deployed.
 */
export const positionGapRule = defineRule(
  { code: 'topology.position-gap', level: 'topology', severity: 'warning', summary: 'The positions of a forwarding path are not consecutive (a gap such as 1, 2, 4).' },
  (set, ctx, report) => {
    for (const fg of set.service?.forwardingGraphs ?? []) {
      for (const path of fg.paths) {
        const positions = [...new Set(ctx.hopsOf(path).map((h) => h.position))];
        const gaps = positions.slice(1).map((p, i) => [positions[i], p]).filter(([a, b]) => b - a !== 1);
        if (gaps.length === 0) continue;
        const where = gaps.slice(0, 5).map(([a, b]) => `${a} → ${b}`).join(', ');
        report(path.source, `forwarding path '${path.id}' has gaps in its positions (${where}); number the hops 1, 2, 3, … so the order read is the order deployed, or restore the missing hop`);
      }
    }
  },
);
