import { readFileSync } from 'fs';
import { join } from 'path';
import { ALL_RULES, FINDING_CODES } from './all-rules';

/** The code table is the contract clients read; keep it in step with the rules. */
describe('rules/README.md', () => {
  const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');

  it.each(ALL_RULES.map((r) => [r.codes[0], r] as const))('documents %s with its level and severity', (code, rule) => {
    expect(readme).toContain(`| \`${code}\` | ${rule.level} | ${rule.severity} |`);
  });

  it('documents no code that does not exist', () => {
    const documented = [...readme.matchAll(/^\| `([a-z]+\.[a-z-]+)` \|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...FINDING_CODES].sort());
  });
});
