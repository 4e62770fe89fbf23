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
    size: active ? 21430272 : null, virtual_size: null, checksum: active ? '0'.repeat(32) : null, os_hash_algo: active ? 'sha512' : null, os_hash_value: active ? '0'.repeat(128) : null,
    tags: [], created_at: nowIso(), updated_at: nowIso(), self: `/v2/images/${id}`, file: `/v2/images/${id}/file`, schema: '/v2/schemas/image', ...extra,
  };
  state.images.set(id, image);
  return image;
}

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
];
