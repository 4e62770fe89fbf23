import { Injectable, type OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

interface Route {
  pattern: RegExp;
  methods: Set<string>;
}

/**
 * Every path template the controllers declare, with its methods, so that a request to a known resource
 * with a method it lacks gets 405 and `Allow` (SOL013 cl. 6.4) instead of the framework's 404.
 */
@Injectable()
export class RouteTable implements OnApplicationBootstrap {
  private routes: Route[] = [];

  constructor(private readonly discovery: DiscoveryService, private readonly scanner: MetadataScanner) {}

  onApplicationBootstrap(): void {
    const byPath = new Map<string, Set<string>>();
    for (const w of this.discovery.getControllers()) {
      const type = w.metatype as object | undefined;
      if (!type || !w.instance) continue;
      const prefixes = asList(Reflect.getMetadata(PATH_METADATA, type));
      const proto = Object.getPrototypeOf(w.instance);
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        for (const prefix of prefixes) {
          for (const p of asList(Reflect.getMetadata(PATH_METADATA, handler))) {
            const full = `/${[prefix, p].map((s) => s.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
            const set = byPath.get(full) ?? new Set<string>();
            set.add(RequestMethod[method]);
            if (RequestMethod[method] === 'GET') set.add('HEAD');
            byPath.set(full, set);
          }
        }
      }
    }
    this.routes = [...byPath].map(([path, methods]) => ({ pattern: toRegex(path), methods }));
  }

  /** Methods allowed on `path`, or undefined when no route matches it at all. */
  allowedMethods(path: string): string[] | undefined {
    const norm = path.length > 1 ? path.replace(/\/+$/, '') : path;
    const found = this.routes.filter((r) => r.pattern.test(norm));
    if (!found.length) return undefined;
    return [...new Set(found.flatMap((r) => [...r.methods]))].sort();
  }
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v : [v ?? '']).map(String);

const toRegex = (template: string): RegExp =>
  new RegExp(`^${template.split('/').map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`);
