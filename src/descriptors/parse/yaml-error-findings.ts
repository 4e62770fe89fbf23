import type { LineCounter, YAMLError } from 'yaml';
import type { Finding } from '../model';
import { pointerTokens } from './json-pointer';
import { syntaxFinding } from './syntax-codes';
import { pointerAtOffset } from './yaml-locate';

// A broken file easily yields hundreds of follow-on errors; the first ones are the useful ones.
const MAX_REPORTED = 20;

/** yaml's messages end with "at line L, column C:" and a code frame; both are in the finding already. */
const firstSentence = (message: string): string => message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();

/** Turns yaml's errors and warnings into findings with the pointer of the node they sit in. */
export function yamlProblemFindings(file: string, root: unknown, lines: LineCounter, problems: readonly YAMLError[]): Finding[] {
  return problems.slice(0, MAX_REPORTED).map((problem) => {
    const offset = problem.pos[0];
    const at = problem.linePos?.[0] ?? lines.linePos(offset);
    const pointer = pointerAtOffset(root, offset);
    const position = at.line > 0 ? { line: at.line, column: at.col } : undefined;
    if (problem.code === 'DUPLICATE_KEY') {
      return syntaxFinding('syntax.duplicate-key', file, pointer, `The key '${pointerTokens(pointer)?.at(-1) ?? ''}' appears twice in the same mapping; YAML keys must be unique: delete or rename one of them`, position);
    }
    const text = `${firstSentence(problem.message)} (YAML ${problem.code})`;
    if (problem.name === 'YAMLWarning') return syntaxFinding('syntax.yaml-warning', file, pointer, text, position);
    return syntaxFinding('syntax.yaml', file, pointer, `${text}; fix the YAML syntax here`, position);
  });
}
