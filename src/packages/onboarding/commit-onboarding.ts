import { randomUUID } from 'node:crypto';
import { keyToString, type FunctionDescriptor } from '../../descriptors/model';
import type { TxHandle } from '../../shared/unit-of-work';
import { VNF_PKG_KIND, type VnfPkgInfo } from '../vnf-pkg-info/vnf-pkg-info.model';
import type { NsdInfo } from '../nsd-info/nsd-info.model';
import type { OwnerType, PackageFile } from '../ports/package-file-store.port';
import type { ReadFile } from '../ports/package-reader.port';
import type { OnboardingDeps } from './onboarding-deps';
import type { OnboardingOutcome } from './onboarding-outcome';
import { nsdFields, vnfPkgFields } from './catalogue-fields';
import { expectState } from '../catalogue/expect-state';
import { nsdOnboarded, vnfPkgOnboarded } from '../catalogue/catalogue-events';

type Success = Extract<OnboardingOutcome, { ok: true }>;

/**
 * The success path, in ONE transaction: every file of the package, the parsed descriptors, a VNF package
 * for each function the NSD package carries, the info resource ONBOARDED and ENABLED, and the domain
 * events. A failure anywhere rolls all of it back, so nothing is ever half-onboarded.
 */
export async function commitOnboarding(d: OnboardingDeps, owner: OwnerType, ownerId: string, o: Success, content: PackageFile): Promise<void> {
  const createdAt = d.now().toISOString();
  await d.uow.run(async (tx) => {
    const stored = new Map<string, PackageFile>();
    for (const f of o.pkg.files) {
      const file = await storeFile(d, f, content, tx);
      stored.set(f.path, file);
      await d.files.add(owner, ownerId, file, tx);
    }
    if (owner === 'vnf_pkg') {
      const fn = o.newFunctions[0];
      await d.descriptors.add('vnf_pkg', ownerId, fn, tx);
      const stored = await d.vnfPkgs.update(ownerId, (cur) => {
        expectState(cur.doc, 'onboardingState', ['PROCESSING'], 'VNF package');
        return onboarded({ ...cur.doc, ...vnfPkgFields(fn, createdAt) });
      }, tx);
      await d.events.append(vnfPkgOnboarded(stored.doc), tx);
      return;
    }
    const pkgIds = new Map(o.existing.map((e) => [keyToString(e.descriptor.key), e.vnfPkgId]));
    for (const fn of o.newFunctions) pkgIds.set(keyToString(fn.key), await embeddedVnfPackage(d, fn, stored, createdAt, tx));
    const service = o.service!;
    await d.descriptors.add('nsd', ownerId, service, tx);
    const vnfPkgIds = [...new Set(service.functions.map((r) => pkgIds.get(keyToString(r.descriptor))).filter((x): x is string => !!x))];
    const nsd = await d.nsds.update(ownerId, (cur) => {
      expectState(cur.doc, 'nsdOnboardingState', ['PROCESSING'], 'NSD');
      return { ...cur.doc, ...nsdFields(service, vnfPkgIds), nsdOnboardingState: 'ONBOARDED', nsdOperationalState: 'ENABLED' } as NsdInfo;
    }, tx);
    await d.events.append(nsdOnboarded(nsd.doc), tx);
  });
}

/**
 * An artifact stays where it is, in the uploaded package, and is read back by range: VM images are most of
 * a package, and a second copy doubled the job's writes and its memory. Descriptors and manifests, small and
 * capped, get blobs of their own, so a VNF package made from an NSD package never keeps the NSD's package
 * alive.
 */
async function storeFile(d: OnboardingDeps, f: ReadFile, content: PackageFile, tx: TxHandle): Promise<PackageFile> {
  const base = { path: f.path, role: f.role, ...(f.contentType ? { contentType: f.contentType } : {}) };
  if (f.role === 'artifact' && f.location && f.checksum) {
    return { ...base, size: f.size, checksum: f.checksum, blobId: content.blobId, location: f.location };
  }
  const blob = await d.blobs.put(f.open(), { maxBytes: d.maxFileBytes, tx });
  return { ...base, size: blob.size, checksum: f.checksum ?? { algorithm: 'SHA-256', hash: blob.sha256 }, blobId: blob.blobId };
}

const onboarded = (p: VnfPkgInfo): VnfPkgInfo => ({ ...p, onboardingState: 'ONBOARDED', operationalState: 'ENABLED' });

/** A function carried by an NSD package becomes a VNF package of its own, sharing the stored descriptor file. */
async function embeddedVnfPackage(d: OnboardingDeps, fn: FunctionDescriptor, stored: Map<string, PackageFile>, createdAt: string, tx: TxHandle): Promise<string> {
  const id = randomUUID();
  const pkg = await d.vnfPkgs.insert(onboarded({ ...VNF_PKG_KIND.create(id), ...vnfPkgFields(fn, createdAt) }), tx);
  await d.descriptors.add('vnf_pkg', id, fn, tx);
  const file = stored.get(fn.source.file);
  if (file) await d.files.add('vnf_pkg', id, file, tx); // the blob is shared with the NSD package's copy
  await d.events.append(vnfPkgOnboarded(pkg.doc), tx);
  return id;
}
