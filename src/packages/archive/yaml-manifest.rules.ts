import { problem, type PackageProblem } from './package-problem';
import type { YamlManifest } from './yaml-manifest';

/**
 * Required and allowed top-level keys of a YAML package manifest. pd-schema (SONATA) and napd-schema
 * (5GTANGO) both say `additionalProperties: false`, so an unknown key is worth a warning, and when a
 * required key is missing the unknown keys are named as likely misspellings (the 5GTANGO "malformed"
 * example has `name_bad_key` where `name` belongs).
 */
export function checkTopLevelKeys(y: YamlManifest, file: string, required: readonly string[], allowed: ReadonlySet<string>): PackageProblem[] {
  const unknown = Object.keys(y.data).filter((k) => !allowed.has(k));
  const problems: PackageProblem[] = [];
  for (const key of required) {
    const value = y.data[key];
    if (typeof value === 'string' && value.trim() !== '') continue;
    const hint = unknown.length ? ` (unknown keys present: ${unknown.map((k) => `"${k}" on line ${y.lineOfKey(k)}`).join(', ')})` : '';
    const what = value === undefined ? 'is missing' : 'must be a non-empty string';
    problems.push(problem({ code: 'package.manifest-invalid', file, line: y.lineOfKey(key), message: `${file}: required key "${key}" ${what}${hint}.` }));
  }
  for (const key of unknown) {
    problems.push(problem({ code: 'package.manifest-unknown-key', severity: 'warning', file, line: y.lineOfKey(key), message: `${file} line ${y.lineOfKey(key)}: unknown key "${key}".` }));
  }
  return problems;
}

/** Top-level string values, as metadata. */
export function scalarMetadata(data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** `item.key` as a non-empty string, or undefined. */
export const stringField = (item: Record<string, unknown>, key: string): string | undefined => {
  const v = item[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
