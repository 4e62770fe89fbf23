import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from './emulator-state';

/** Request bodies are arbitrary client JSON; handlers validate the fields they read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;

export type Service = 'keystone' | 'nova' | 'neutron' | 'glance';

export interface Ctx {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Body | undefined;
  headers: IncomingMessage['headers'];
  state: EmulatorState;
  /** The token carries the admin role (the default policies' `role:admin`). */
  admin: boolean;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  /** Path under the service prefix, e.g. `/servers/:id`; `:name` segments become params. */
  path: string;
  operation: string;
  service: Service;
  /** Keystone's own token request is the only call that needs no X-Auth-Token. */
  anonymous?: boolean;
  handle(ctx: Ctx): Reply;
}

export function matchPath(pattern: string, actual: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const got = actual.split('/').filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return undefined;
  }
  return params;
}

export async function readJson(req: IncomingMessage): Promise<Body | undefined> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return undefined;
  const parsed: unknown = JSON.parse(text);
  return parsed && typeof parsed === 'object' ? (parsed as Body) : undefined;
}

export function send(res: ServerResponse, reply: Reply): void {
  const isText = typeof reply.body === 'string';
  const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
  const type = isText ? 'text/plain; charset=UTF-8' : 'application/json';
  res.writeHead(reply.status, { ...(payload ? { 'Content-Type': type } : {}), 'Content-Length': Buffer.byteLength(payload), ...reply.headers });
  res.end(payload);
}

/**
 * Neutron filters lists by exact match on any scalar attribute (`?name=a&name=b` is an OR),
 * per the Networking API reference "Filtering" section; `fields` and paging keys are not filters.
 * `tags=a,b` keeps resources carrying every listed tag, `tags-any=a,b` those carrying one ("Filtering by Tags").
 */
export function filterByQuery<T extends object>(items: T[], query: URLSearchParams, ignore: string[] = []): T[] {
  const keys = [...new Set(query.keys())].filter((k) => !['fields', 'limit', 'marker', 'sort_key', 'sort_dir', 'tags', 'tags-any', ...ignore].includes(k));
  const all = query.get('tags')?.split(',') ?? [];
  const any = query.get('tags-any')?.split(',');
  const tagsOf = (item: T): string[] => ((item as { tags?: string[] }).tags ?? []);
  return items.filter((item) =>
    all.every((t) => tagsOf(item).includes(t)) && (!any || any.some((t) => tagsOf(item).includes(t))) &&
    keys.every((k) => {
      const v = (item as Record<string, unknown>)[k];
      return v === undefined || v === null ? query.getAll(k).includes('') : query.getAll(k).includes(String(v));
    }),
  );
}

