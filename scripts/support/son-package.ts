import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePackage } from '../make-package/build-package';

/**
 * Lays a directory of our descriptors out as a SONATA package (service_descriptors/, function_descriptors/,
 * META-INF/MANIFEST.MF) and zips it with make-package, which writes the md5 of every file.
 */
export async function sonPackage(files: Record<string, string>, opts: { extra?: Record<string, Buffer | string>; keepManifest?: boolean } = {}): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'nfvo-pkg-'));
  try {
    mkdirSync(join(dir, 'META-INF'));
    const content: string[] = [];
    for (const [name, text] of Object.entries(files)) {
      const sub = /nfvo_descriptor:\s*service/.test(text) ? 'service_descriptors' : 'function_descriptors';
      mkdirSync(join(dir, sub), { recursive: true });
      writeFileSync(join(dir, sub, name), text);
      const type = sub === 'service_descriptors' ? 'application/sonata.service_descriptor' : 'application/sonata.function_descriptor';
      content.push(`  - name: "/${sub}/${name}"\n    content-type: "${type}"\n    md5: "00000000000000000000000000000000"`);
    }
    for (const [name, data] of Object.entries(opts.extra ?? {})) {
      mkdirSync(join(dir, 'artifacts'), { recursive: true });
      writeFileSync(join(dir, 'artifacts', name), data);
      content.push(`  - name: "/artifacts/${name}"\n    content-type: "application/octet-stream"\n    md5: "00000000000000000000000000000000"`);
    }
    const service = Object.keys(files).find((n) => /nfvo_descriptor:\s*service/.test(files[n]));
    writeFileSync(
      join(dir, 'META-INF', 'MANIFEST.MF'),
      `descriptor_version: "1.0"\nvendor: "eu.example.nfvo"\nname: "test-package"\nversion: "1.0"\nmaintainer: "NFVO tests"\n${service ? `entry_service_template: "/service_descriptors/${service}"\n` : ''}sealed: true\npackage_content:\n${content.join('\n')}\n`,
    );
    const out = join(dir, '..', `${dir.split('/').pop()}.son`);
    // keepManifest leaves the placeholder md5s in place: every listed file then mismatches.
    await makePackage(dir, out, { keepManifest: opts.keepManifest });
    const bytes = readFileSync(out);
    rmSync(out, { force: true });
    return bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
