import type { Finding } from '../model';

/** Pointer tokens compared as numbers when both are array indexes, so /x/2 sorts before /x/10. */
function comparePointers(a: string, b: string): number {
  const ta = a.split('/');
  const tb = b.split('/');
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    if (ta[i] === tb[i]) continue;
    const na = /^\d+$/.test(ta[i]) ? Number(ta[i]) : NaN;
    const nb = /^\d+$/.test(tb[i]) ? Number(tb[i]) : NaN;
    if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
    return ta[i] < tb[i] ? -1 : 1;
  }
  return ta.length - tb.length;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Document order: file, then pointer, then code, then message (so equal inputs give equal reports). */
export function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || comparePointers(a.pointer, b.pointer) || compareText(a.code, b.code) || compareText(a.message, b.message);
}
