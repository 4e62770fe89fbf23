import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { HashAlgorithm } from '../../src/packages/archive/package-manifest';

/** Digests of package files, computed by streaming and cached, so each file is read once per algorithm. */
export class FileDigests {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly dir: string) {}

  of(file: string, algorithm: HashAlgorithm): Promise<string> {
    const key = `${algorithm}:${file}`;
    let digest = this.cache.get(key);
    if (!digest) {
      digest = hashFile(path.join(this.dir, file), algorithm);
      this.cache.set(key, digest);
    }
    return digest;
  }
}

async function hashFile(full: string, algorithm: HashAlgorithm): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(full)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
