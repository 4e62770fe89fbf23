import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from './repo-root';

describe('findRepoRoot', () => {
  it('finds the folder with package.json from src/ (jest) and from dist/src/ (compiled)', () => {
    const root = findRepoRoot()!;
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    expect(existsSync(join(root, 'descriptors', 'schemas', 'nfvo-service.schema.json'))).toBe(true);
    expect(findRepoRoot(join(root, 'dist', 'src', 'descriptors', 'parse'))).toBe(root);
  });

  it('gives up at the file system root', () => expect(findRepoRoot('/')).toBe(existsSync('/package.json') ? '/' : undefined));
});
