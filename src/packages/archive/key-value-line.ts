import { PackageError } from './package-error';

export interface KeyValueLine {
  key: string;
  value: string;
  /** 1-based. */
  line: number;
}

/** `Key: value`, the line shape shared by TOSCA.meta and SOL004 manifests; keys are token-like. */
const KEY_VALUE = /^([A-Za-z0-9][A-Za-z0-9_.\-]*)[ \t]*:(?:[ \t]+(.*?)|)[ \t]*$/;

/** Splits text into lines (LF or CRLF), dropping a UTF-8 byte-order mark. */
export const linesOf = (text: string): string[] => text.replace(/^\uFEFF/, '').split(/\r?\n/);

export function parseKeyValue(text: string, line: number, file: string): KeyValueLine {
  const m = KEY_VALUE.exec(text);
  if (!m) {
    const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    throw new PackageError('package.manifest-syntax', `${file} line ${line}: expected "Key: value", found ${JSON.stringify(shown)}.`, file, line);
  }
  return { key: m[1]!, value: m[2] ?? '', line };
}
