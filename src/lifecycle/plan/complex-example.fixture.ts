import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionDescriptor, ServiceDescriptor } from '../../descriptors/model';
import { importDescriptor } from '../../descriptors/parse/import-descriptor';
import { parseDescriptorText } from '../../descriptors/parse/parse-descriptor-text';
import { findRepoRoot } from '../../descriptors/parse/repo-root';
import type { DeploymentInput } from './deployment-input';

const dir = join(findRepoRoot()!, 'descriptors', 'examples', 'complex-service');
const load = <T>(file: string) => importDescriptor(parseDescriptorText(file, readFileSync(join(dir, file), 'utf8'))).descriptor as T;

/** The complex example placed as its constraints want it: the firewall at site-a, the rest at site-b. */
export function complexDeployment(nsInstanceId = '6fc3539c-e602-4afa-8e13-962fb5a7d81f'): DeploymentInput {
  const service = load<ServiceDescriptor>('nsd.yaml');
  const files: Record<string, string> = { fw: 'firewall-vnfd.yaml', lb: 'loadbalancer-vnfd.yaml', frontend: 'frontend-msd.yaml', backend: 'backend-msd.yaml' };
  const functions = service.functions.map((ref) => {
    const descriptor = load<FunctionDescriptor>(files[ref.id]);
    const siteId = ref.id === 'fw' ? 'site-a' : 'site-b';
    return { ref, descriptor, vnfPkgId: `pkg-${ref.id}`, siteId, vimId: `${siteId}-${descriptor.target}` };
  });
  return { nsInstanceId, service, functions, hostAntiAffinity: [] };
}
