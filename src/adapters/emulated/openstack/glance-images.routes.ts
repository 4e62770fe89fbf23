import { createHash } from 'node:crypto';
import { type EmulatorState, type Image, type ImageSeed, newId, nowIso } from './emulator-state';
import { glanceError } from './error-bodies';
import { type Route, filterByQuery } from './http-kit';

/** Image API v2 image record; `status` is `active` for seeded images and `queued` until data is uploaded. */
export function addImage(state: EmulatorState, i: ImageSeed, status = 'active', extra: Record<string, unknown> = {}): Image {
  const id = i.id ?? newId();
  const active = status === 'active';
  const image: Image = {
    id, name: i.name, status, visibility: 'public', protected: false, os_hidden: false, owner: state.identity.projectId,
    container_format: active ? 'bare' : null, disk_format: active ? (i.diskFormat ?? 'qcow2') : null, min_disk: i.minDisk ?? 0, min_ram: i.minRam ?? 0,
    size: null, virtual_size: null, checksum: null, os_hash_algo: null, os_hash_value: null, ...(active ? dataOf(Buffer.from(`image:${i.name}`)) : {}),
    tags: [], created_at: nowIso(), updated_at: nowIso(), self: `/v2/images/${id}`, file: `/v2/images/${id}/file`, schema: '/v2/schemas/image', ...extra,
  };
  state.images.set(id, image);
  return image;
}

/** What Glance records once the image data is stored (Image API v2: checksum is MD5, os_hash_value the multihash). */
export function dataOf(bytes: Buffer): Record<string, unknown> {
  const hash = (a: string) => createHash(a).update(bytes).digest('hex');
  return { size: bytes.length, checksum: hash('md5'), os_hash_algo: 'sha512', os_hash_value: hash('sha512'), container_format: 'bare' };
}

/** The bytes a `web-download` import of `uri` yields: the emulator cannot download, so it derives them from the URI. */
export const webContent = (uri: string): Buffer => Buffer.from(`web-download:${uri}`);

export const glanceImageRoutes: Route[] = [
  {
    method: 'GET', path: '/v2/images', operation: 'glance.images.list', service: 'glance',
    handle: ({ state, query }) => ({ status: 200, body: { images: filterByQuery([...state.images.values()], query), schema: '/v2/schemas/images', first: '/v2/images' } }),
  },
  {
    method: 'GET', path: '/v2/images/:id', operation: 'glance.images.get', service: 'glance',
    handle: ({ state, params }) => {
      const i = state.images.get(params.id);
      return i ? { status: 200, body: i } : glanceError(404, `No image found with ID ${params.id}`);
    },
  },
  {
    // Glance v2 takes the image record un-wrapped and answers 201 with a queued image.
    method: 'POST', path: '/v2/images', operation: 'glance.images.create', service: 'glance',
    handle: ({ state, body }) => {
      if (!body) return glanceError(400, 'Body expected in request.');
      const { name, id, disk_format, container_format, min_disk, min_ram, visibility, tags } = body;
      if (id !== undefined && state.images.has(id)) return glanceError(409, `Image with identifier ${id} already exists!`);
      const image = addImage(state, { id, name: name ?? null, minDisk: min_disk, minRam: min_ram }, 'queued', { disk_format: disk_format ?? null, container_format: container_format ?? null, visibility: visibility ?? 'shared', tags: tags ?? [] });
      return { status: 201, headers: { Location: `${state.baseUrl}/image/v2/images/${image.id}` }, body: image };
    },
  },
  {
    // Interoperable image import (Image API v2.6+): 202, then importing -> active in the background.
    method: 'POST', path: '/v2/images/:id/import', operation: 'glance.images.import', service: 'glance',
    handle: ({ state, params, body }) => {
      const image = state.images.get(params.id);
      if (!image) return glanceError(404, `No image found with ID ${params.id}`);
      if (image.status !== 'queued') return glanceError(409, `Image status transition from ${image.status} to importing is not allowed`);
      const uri: unknown = body?.method?.uri;
      if (body?.method?.name !== 'web-download' || typeof uri !== 'string' || !/^https?:\/\//.test(uri)) return glanceError(400, 'Import method web-download requires an http(s) uri.');
      Object.assign(image, { status: 'importing', updated_at: nowIso() });
      state.later(state.timing.buildMs, () => Object.assign(image, { status: 'active', disk_format: image.disk_format ?? 'qcow2', updated_at: nowIso(), ...dataOf(webContent(uri)) }));
      return { status: 202 };
    },
  },
  {
    method: 'DELETE', path: '/v2/images/:id', operation: 'glance.images.delete', service: 'glance',
    handle: ({ state, params }) => (state.images.delete(params.id) ? { status: 204 } : glanceError(404, `No image found with ID ${params.id}`)),
  },
];
