import { VimError, isVimError } from '../../lifecycle/ports/vim-error';
import type { ImageSpec } from '../../lifecycle/ports/vim.port';
import type { OpenStackHttp } from './openstack-http';
import { q } from './owner-tags';
import { type PollTiming, pollUntil } from './poll';

type Image = { id: string; name: string; status: string; checksum?: string | null; os_hash_value?: string | null; os_glance_failed_import?: string };

/** A descriptor's checksum may be the MD5 `checksum` or the SHA-512 `os_hash_value` Glance records (Image API v2). */
const matches = (i: Image, sum?: string) => !sum || [i.checksum, i.os_hash_value].some((h) => h?.toLowerCase() === sum.toLowerCase());

/** Image API v2: find by name and checksum, or register from a URL through interoperable import (web-download). */
export class GlanceImages {
  constructor(private readonly h: OpenStackHttp, private readonly poll: PollTiming) {}

  async ensure(s: ImageSpec): Promise<string> {
    const images = (await this.h.call<{ images: Image[] }>('image', 'glance.images.list', 'GET', `/images${q({ name: s.name })}`)).images;
    const active = images.find((i) => i.status === 'active' && matches(i, s.checksum));
    if (active) return active.id;
    const inFlight = images.find((i) => i.status === 'importing' || (i.status === 'queued' && !i.os_glance_failed_import));
    if (!s.url) {
      const other = images.find((i) => i.status === 'active');
      const why = other ? `has image ${s.name} but with checksum ${other.checksum}, not ${s.checksum}` : `has no active image ${s.name}`;
      throw new VimError('NOT_FOUND', 'glance.images.list', `the VIM ${why}, and the descriptor gives no URL to register it from`);
    }
    // A queued image whose import call was lost (a 5xx, a crash) would wait forever: start its import
    // again; Glance answers 409 when one is already running, which is what we want.
    const id = inFlight?.id ?? (await this.register(s));
    if (inFlight?.status === 'queued') await this.startImport(id, s.url).catch((e) => { if (!(isVimError(e) && e.kind === 'CONFLICT')) throw e; });
    const image = await pollUntil('glance.images.import', `image ${s.name} active`, this.poll, async () => {
      const i = await this.h.call<Image>('image', 'glance.images.get', 'GET', `/images/${id}`);
      if (i.status === 'killed' || i.status === 'deleted' || i.os_glance_failed_import) throw new VimError('RESOURCE_ERROR', 'glance.images.import', `importing ${s.url} failed (image status ${i.status})`);
      return i.status === 'active' ? i : undefined;
    });
    if (!matches(image, s.checksum)) {
      // Never boot what the descriptor did not vouch for: drop the image and say why.
      await this.h.call('image', 'glance.images.delete', 'DELETE', `/images/${id}`);
      throw new VimError('BAD_REQUEST', 'glance.images.import', `the image downloaded from ${s.url} has checksum ${image.checksum}, the descriptor says ${s.checksum}`);
    }
    return id;
  }

  private async register(s: ImageSpec): Promise<string> {
    const image = await this.h.call<Image>('image', 'glance.images.create', 'POST', '/images', { name: s.name, disk_format: s.diskFormat ?? 'qcow2', container_format: 'bare', visibility: 'private' });
    await this.startImport(image.id, s.url!);
    return image.id;
  }

  private startImport(id: string, uri: string): Promise<unknown> {
    return this.h.call('image', 'glance.images.import', 'POST', `/images/${id}/import`, { method: { name: 'web-download', uri } });
  }
}
