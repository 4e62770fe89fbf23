import type { Document } from 'yaml';
import type { Finding } from '../model';
import { syntaxFinding } from './syntax-codes';
import type { TextLimits } from './text-limits';
import { checkYamlNodes } from './yaml-node-check';

const kib = (bytes: number): string => `${Math.round(bytes / 1024)} KiB`;

/**
 * Turns one composed, error-free YAML document into data once its shape is known to be bounded:
 * depth and scalar sizes are checked on the tree, and aliases are expanded under yaml's alias
 * budget, which is what stops billion-laughs documents.
 */
export function toDescriptorData(file: string, document: Document.Parsed, limits: TextLimits): { doc?: unknown; findings: Finding[] } {
  const check = checkYamlNodes(document.contents, limits);
  if (check.tooDeep !== undefined) {
    return { findings: [syntaxFinding('syntax.too-deep', file, check.tooDeep, `Collections nest more than ${limits.maxDepth} levels deep here; a descriptor never needs that, flatten the structure`)] };
  }
  if (check.largeScalars.length > 0) {
    return { findings: check.largeScalars.map((p) => syntaxFinding('syntax.scalar-too-large', file, p, `This value is longer than ${kib(limits.maxScalarBytes)}; large content (images, scripts) belongs in a separate file of the package, referenced by URL`)) };
  }
  if (check.recursiveAlias !== undefined) {
    return { findings: [syntaxFinding('syntax.yaml', file, check.recursiveAlias, 'This alias names a collection that contains it, which makes the data circular; a descriptor must be a tree: write the value out')] };
  }
  try {
    return { doc: document.toJS({ maxAliasCount: limits.maxAliasCount }), findings: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/excessive alias count/i.test(message)) {
      return { findings: [syntaxFinding('syntax.alias-bomb', file, check.firstAlias ?? '', `YAML aliases here expand beyond ${limits.maxAliasCount} copies (a "billion laughs" document); write the values out instead of nesting aliases`)] };
    }
    return { findings: [syntaxFinding('syntax.yaml', file, check.firstAlias ?? '', `${message}; fix the YAML here`)] };
  }
}
