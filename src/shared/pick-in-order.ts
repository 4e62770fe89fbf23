/** The given keys of `obj`, in the given order, skipping absent ones (JSONB does not keep key order). */
export function pickInOrder<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
