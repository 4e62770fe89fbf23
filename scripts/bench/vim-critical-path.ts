import type { RecordedCall } from './recording-proxy';

/** A step of an operation's plan as GET /nfvo/v1/ns_lcm_op_occs/{id}/plan shows it. */
export interface PlanStepView { id: string; kind: string; dependsOn: string[]; resourceName?: string; startedAt?: string; endedAt?: string }

type Interval = [number, number];

/** Total length of the union of intervals. */
export function covered(intervals: Interval[]): number {
  if (!intervals.length) return 0;
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = sorted[0];
  for (const [a, b] of sorted.slice(1)) {
    if (a > to) { total += to - from; [from, to] = [a, b]; } else to = Math.max(to, b);
  }
  return total + (to - from);
}

const RESOURCE_KEYS = ['network', 'subnet', 'port', 'server', 'security_group', 'server_group'];
const unregex = (s: string) => s.replace(/^\^/, '').replace(/\$$/, '').replace(/\\(.)/g, '$1');

/** id -> name of every resource a recorded answer showed (creates and lists). */
function learnIds(calls: RecordedCall[]): Map<string, string> {
  const ids = new Map<string, string>();
  const note = (r: unknown) => { const x = r as { id?: string; name?: string }; if (x?.id && typeof x.name === 'string') ids.set(x.id, x.name); };
  for (const c of calls) {
    const b = c.responseBody as Record<string, unknown> | undefined;
    if (!b || typeof b !== 'object') continue;
    for (const v of Object.values(b)) (Array.isArray(v) ? v : [v]).forEach(note);
  }
  return ids;
}

/** The name of the resource a call is about: its body, its `name` filter, or the id in its path. */
function nameOf(c: RecordedCall, ids: Map<string, string>): string | undefined {
  const body = c.requestBody as Record<string, { name?: string; network_id?: string }> | undefined;
  for (const k of RESOURCE_KEYS) if (body?.[k]?.name) return body[k].name;
  const q = new URL(c.path, 'http://x').searchParams.get('name');
  if (q) return unregex(q);
  for (const seg of c.path.split('?')[0].split('/')) if (ids.has(seg)) return ids.get(seg);
  return undefined;
}

/**
 * The critical path of the VIM's own work in one operation: each plan step weighted by the time the cloud
 * spent on it (the union of the calls about its resource, and for a server the time from its create to
 * Nova's `launched_at`: the build is the cloud's work even while nobody asks), the longest chain of
 * dependent steps, plus the calls before the first step (the login and placement's limits). No scheduler
 * can finish the operation faster than this with the cloud as it answered.
 */
export function vimCriticalPath(steps: PlanStepView[], calls: RecordedCall[], launchedAt: Map<string, number>): { criticalMs: number; prefixMs: number; busyMs: number; weights: Map<string, number> } {
  const ids = learnIds(calls);
  const at = (iso?: string) => (iso ? Date.parse(iso) - performance.timeOrigin : NaN);
  const byName = new Map(steps.filter((s) => s.resourceName).map((s) => [s.resourceName!, s]));
  const spans = new Map<string, Interval[]>(steps.map((s) => [s.id, []]));
  const first = Math.min(...steps.map((s) => at(s.startedAt)).filter(Number.isFinite));
  const prefix: Interval[] = [];
  for (const c of calls) {
    const step = byName.get(nameOf(c, ids) ?? '');
    if (step) { spans.get(step.id)!.push([c.start, c.end]); continue; }
    if (c.end <= first) { prefix.push([c.start, c.end]); continue; }
    // Unnamed calls (the flavor list, the extension list) belong to the steps of their kind running then.
    const kind = c.path.includes('/flavors') ? 'flavor' : c.path.includes('/extensions') ? 'network' : undefined;
    for (const s of steps) if (s.kind === kind && at(s.startedAt) <= c.end && c.start <= at(s.endedAt)) spans.get(s.id)!.push([c.start, c.end]);
  }
  for (const s of steps) {
    const launched = s.kind === 'server' ? launchedAt.get(s.resourceName ?? '') : undefined;
    const list = spans.get(s.id)!;
    // launched_at has whole seconds: truncated, it can only shorten the cloud's time (the ratio gets worse, never better).
    const created = Math.min(...list.map((i) => i[0]));
    if (launched !== undefined && list.length && launched > created) list.push([created, launched]);
  }
  const weights = new Map(steps.map((s) => [s.id, covered(spans.get(s.id)!)]));
  const memo = new Map<string, number>();
  const finish = (id: string): number => {
    if (!memo.has(id)) {
      const s = steps.find((x) => x.id === id)!;
      memo.set(id, weights.get(id)! + Math.max(0, ...s.dependsOn.map(finish)));
    }
    return memo.get(id)!;
  };
  const prefixMs = covered(prefix);
  return { criticalMs: prefixMs + Math.max(0, ...steps.map((s) => finish(s.id))), prefixMs, busyMs: covered(calls.map((c) => [c.start, c.end])), weights };
}

/** Nova's `OS-SRV-USG:launched_at` of every server a recorded list or show answer carried (UTC, microseconds). */
export function launchTimes(calls: RecordedCall[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of calls) {
    const b = c.responseBody as { servers?: unknown[]; server?: unknown } | undefined;
    for (const s of [...(b?.servers ?? []), ...(b?.server ? [b.server] : [])] as { name?: string; 'OS-SRV-USG:launched_at'?: string | null }[]) {
      const t = s['OS-SRV-USG:launched_at'];
      if (s.name && t) out.set(s.name, Date.parse(/Z|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`) - performance.timeOrigin);
    }
  }
  return out;
}
