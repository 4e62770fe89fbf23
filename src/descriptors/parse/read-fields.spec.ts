import type { Finding } from '../model';
import { checkKeys } from './check-keys';
import { readObjects, readStrings } from './read-collections';
import { readBoolean, readEnum, readNumber, readString } from './read-fields';

const setup = (value: Record<string, unknown>) => {
  const findings: Finding[] = [];
  return { ctx: { file: 'f.yaml', findings }, o: { value, ptr: '/o' }, findings };
};

describe('typed field readers', () => {
  it('return the value, or record one finding at the exact pointer', () => {
    const { ctx, o, findings } = setup({ s: 'x', n: 2, i: 2.5, b: 'yes', e: 'interal', nan: Number.NaN, nul: null });
    expect(readString(ctx, o, 's')).toBe('x');
    expect(readNumber(ctx, o, 'n', { integer: true, min: 1, max: 2 })).toBe(2);
    expect(readNumber(ctx, o, 'i', { integer: true })).toBeUndefined();
    expect(readBoolean(ctx, o, 'b')).toBeUndefined();
    expect(readEnum(ctx, o, 'e', ['internal', 'external'])).toBeUndefined();
    expect(readNumber(ctx, o, 'nan')).toBeUndefined();
    expect(readString(ctx, o, 'nul', { required: true })).toBeUndefined();
    expect(readString(ctx, o, 'absent')).toBeUndefined();
    expect(findings.map((f) => `${f.code} ${f.pointer}`)).toEqual([
      'syntax.type /o/i', 'syntax.type /o/b', 'syntax.enum /o/e', 'syntax.type /o/nan', 'syntax.required /o/nul',
    ]);
    expect(findings[2].message).toBe('"e" is "interal", which is not one of internal, external; did you mean \'internal\'?');
  });

  it('skip list items of the wrong type and keep the others', () => {
    const { ctx, o, findings } = setup({ l: ['a', 1, 'b'], m: [{ id: 1 }, 'x'], notList: 'a' });
    expect(readStrings(ctx, o, 'l')).toEqual(['a', 'b']);
    expect(readObjects(ctx, o, 'm').map((x) => x.ptr)).toEqual(['/o/m/0']);
    expect(readStrings(ctx, o, 'notList')).toEqual([]);
    expect(findings.map((f) => `${f.code} ${f.pointer}`)).toEqual(['syntax.type /o/l/1', 'syntax.type /o/m/1', 'syntax.type /o/notList']);
  });

  it('tell unknown fields (error where the format forbids them) from ignored ones (warning)', () => {
    const { ctx, o, findings } = setup({ id: 1, colour: 'red', fsm: [] });
    checkKeys(ctx, o, { known: ['id', 'color'], ignored: { fsm: 'not run' }, others: 'error' });
    expect(findings.map((f) => [f.code, f.severity, f.pointer, f.message])).toEqual([
      ['syntax.unknown-field', 'error', '/o/colour', '"colour" is not a field of this descriptor format; did you mean \'color\'?'],
      ['syntax.ignored-field', 'warning', '/o/fsm', '"fsm" is ignored: not run'],
    ]);
  });
});
