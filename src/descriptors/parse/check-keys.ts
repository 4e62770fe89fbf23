import { pointerJoin } from '../model';
import { closestWord } from './closest';
import { report, type Obj, type ReadContext } from './read-context';

export interface KnownKeys {
  /** Fields of the source format that the importer reads or may safely drop. */
  known: readonly string[];
  /** Fields of the source format this orchestrator cannot honour, with why (a warning each). */
  ignored?: Readonly<Record<string, string>>;
  /** What other fields are: an error where the source format's schema forbids them. */
  others: 'error' | 'warning';
}

/** Reports the fields of a mapping that the format does not define or that have no effect here. */
export function checkKeys(ctx: ReadContext, o: Obj, keys: KnownKeys): void {
  for (const key of Object.keys(o.value)) {
    const ptr = pointerJoin(o.ptr, key);
    const hint = (): string => {
      const word = closestWord(key, [...keys.known, ...Object.keys(keys.ignored ?? {})]);
      return word === undefined ? 'remove or rename it' : `did you mean '${word}'?`;
    };
    const reason = keys.ignored && Object.hasOwn(keys.ignored, key) ? keys.ignored[key] : undefined;
    if (reason !== undefined) report(ctx, 'syntax.ignored-field', ptr, `"${key}" is ignored: ${reason}`);
    else if (keys.known.includes(key)) continue;
    else if (keys.others === 'error') report(ctx, 'syntax.unknown-field', ptr, `"${key}" is not a field of this descriptor format; ${hint()}`);
    else report(ctx, 'syntax.ignored-field', ptr, `"${key}" is not a field this orchestrator knows here, so it has no effect; ${hint()}`);
  }
}
