import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makePackage } from '../../scripts/make-package/build-package';

export const EXAMPLES = resolve(__dirname, '..', '..', 'descriptors', 'examples');
export const COMPLEX = join(EXAMPLES, 'complex-service');

export const readExample = (file: string) => readFileSync(join(COMPLEX, file), 'utf8');

export { sonPackage } from '../../scripts/support/son-package';

/** Every descriptor of the complex example service, by file name. */
export const complexServiceFiles = (): Record<string, string> =>
  Object.fromEntries(readdirSync(COMPLEX).filter((f) => f.endsWith('.yaml')).map((f) => [f, readExample(f)]));


/** A SOL004 CSAR of the given descriptors, built by make-package (`--format csar`: TOSCA.meta and a SHA-256 manifest). */
export async function csarPackage(files: Record<string, string>): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'nfvo-csar-'));
  const out = `${dir}.csar`;
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    await makePackage(dir, out, { format: 'csar' });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { force: true });
  }
}
