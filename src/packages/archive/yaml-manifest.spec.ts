import { loadYamlManifest } from './yaml-manifest';
import { PackageError } from './package-error';

describe('loadYamlManifest', () => {
  it('refuses a deeply nested manifest with a precise error instead of crashing the process', () => {
    const deep = `${'- '.repeat(150000)}x\n`;
    try {
      loadYamlManifest(deep, 'TOSCA-Metadata/NAPD.yaml', 100);
      fail('expected PackageError');
    } catch (e) {
      expect(e).toBeInstanceOf(PackageError);
      expect((e as PackageError).code).toBe('package.manifest-syntax');
      expect((e as PackageError).message).toMatch(/nests deeper than/);
    }
  });

  it('reads a normal manifest and its lines', () => {
    const m = loadYamlManifest('descriptor_version: "1.0"\npackage_content:\n  - name: a.yml\n', 'META-INF/MANIFEST.MF', 100);
    expect(m.data.descriptor_version).toBe('1.0');
  });
});
