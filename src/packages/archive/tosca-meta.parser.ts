import { linesOf, parseKeyValue, type KeyValueLine } from './key-value-line';
import { PackageError } from './package-error';

export interface ToscaMeta {
  /** Block 0 holds the CSAR-wide keys; later blocks describe single files (TOSCA 1.0 `Name:` blocks). */
  blocks: KeyValueLine[][];
  /** A key of block 0, matched case-insensitively. */
  get(key: string): KeyValueLine | undefined;
}

/**
 * Parses TOSCA-Metadata/TOSCA.meta (TOSCA Simple Profile in YAML v1.3 cl. 4.2.1.1, SOL004 cl. 4.1.2):
 * `Key: value` lines in blocks separated by blank lines. As in the JAR manifest format TOSCA.meta derives
 * from, a line starting with one space continues the previous value. Anything else fails with its line.
 */
export function parseToscaMeta(text: string, file = 'TOSCA-Metadata/TOSCA.meta'): ToscaMeta {
  const blocks: KeyValueLine[][] = [];
  let block: KeyValueLine[] | undefined;
  linesOf(text).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') {
      block = undefined;
      return;
    }
    if (raw.startsWith(' ') && block?.length) {
      block[block.length - 1]!.value += raw.slice(1);
      return;
    }
    const kv = parseKeyValue(raw, line, file);
    if (!block) blocks.push((block = []));
    const twice = block.find((b) => b.key.toLowerCase() === kv.key.toLowerCase());
    if (twice) throw new PackageError('package.manifest-syntax', `${file} line ${line}: "${kv.key}" repeats line ${twice.line} of the same block.`, file, line);
    block.push(kv);
  });
  return {
    blocks,
    get: (key) => blocks[0]?.find((kv) => kv.key.toLowerCase() === key.toLowerCase()),
  };
}
