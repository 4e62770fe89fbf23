import { isMap, isScalar, type Document } from 'yaml';
import { parseBoundedYaml } from '../../descriptors/parse';
import { PackageError } from './package-error';

export interface YamlManifest {
  data: Record<string, unknown>;
  /** 1-based line of the node at `path` (e.g. ['package_content', 3]). */
  lineOf(path: Array<string | number>): number | undefined;
  /** 1-based line of a top-level key. */
  lineOfKey(key: string): number | undefined;
}

/**
 * Parses a YAML manifest (SONATA MANIFEST.MF, 5GTANGO NAPD.yaml) strictly: duplicate keys are errors,
 * alias expansion is capped (billion-laughs), and the top level must be a mapping. The failsafe schema
 * keeps every scalar a string exactly as written: `version: 1.0` stays "1.0" and an all-digit md5 is not
 * turned into a number. Line numbers stay available so every problem can cite where the manifest said it.
 */
const MAX_OPEN_COLLECTIONS = 32;

export function loadYamlManifest(text: string, file: string, maxAliasCount: number): YamlManifest {
  // Bounded: a deeply nested manifest would otherwise abort the process inside the YAML library.
  const parsed = parseBoundedYaml(text, MAX_OPEN_COLLECTIONS, { uniqueKeys: true, prettyErrors: false, schema: 'failsafe' });
  const counter = parsed.lines;
  if (parsed.tooDeepAt !== undefined) {
    const line = counter.linePos(parsed.tooDeepAt).line;
    throw new PackageError('package.manifest-syntax', `${file} line ${line}: the manifest nests deeper than ${MAX_OPEN_COLLECTIONS} levels.`, file, line);
  }
  if (parsed.docs.length !== 1) throw new PackageError('package.manifest-syntax', `${file}: a manifest must be exactly one YAML document.`, file);
  const doc: Document = parsed.docs[0];
  const err = doc.errors[0];
  if (err) {
    const line = counter.linePos(err.pos[0]).line;
    throw new PackageError('package.manifest-syntax', `${file}${line ? ` line ${line}` : ''}: ${err.message.split('\n')[0]}`, file, line);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (e) {
    throw new PackageError('package.manifest-syntax', `${file}: ${(e as Error).message}`, file);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new PackageError('package.manifest-syntax', `${file}: the top level must be a mapping of keys to values.`, file, 1);
  }
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : counter.linePos(offset).line);
  return {
    data: data as Record<string, unknown>,
    lineOf: (p) => lineAt((doc.getIn(p, true) as { range?: [number, number, number] } | undefined)?.range?.[0]),
    lineOfKey: (key) => {
      if (!isMap(doc.contents)) return undefined;
      const pair = doc.contents.items.find((it) => isScalar(it.key) && it.key.value === key);
      return lineAt(isScalar(pair?.key) ? pair.key.range?.[0] : undefined);
    },
  };
}
