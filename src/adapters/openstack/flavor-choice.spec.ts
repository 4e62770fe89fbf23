import { noFlavorFits, smallestFitting } from './flavor-choice';

const f = (name: string, vcpus: number, ram: number, disk: number, disabled = false) => ({ id: name, name, vcpus, ram, disk, 'OS-FLV-DISABLED:disabled': disabled });
const cloud = [f('m1.large', 4, 8192, 80), f('m1.tiny', 1, 512, 1), f('m1.medium', 2, 4096, 40), f('m1.small', 1, 2048, 20), f('big.off', 8, 65536, 100, true)];

describe('choosing a flavor', () => {
  it('takes the smallest enabled flavor with at least the vCPUs, RAM and disk asked for', () => {
    expect(smallestFitting(cloud, { vcpus: 1, memoryMiB: 512, diskGiB: 1 })?.name).toBe('m1.tiny');
    expect(smallestFitting(cloud, { vcpus: 1, memoryMiB: 1024, diskGiB: 5 })?.name).toBe('m1.small');
    expect(smallestFitting(cloud, { vcpus: 1, memoryMiB: 512, diskGiB: 30 })?.name).toBe('m1.medium');
    expect(smallestFitting(cloud, { vcpus: 3, memoryMiB: 1024, diskGiB: 0 })?.name).toBe('m1.large');
    expect(smallestFitting(cloud, { vcpus: 6, memoryMiB: 1024, diskGiB: 0 })).toBeUndefined(); // the one big enough is disabled
  });

  it('a refusal names the closest flavors and what each lacks', () => {
    expect(noFlavorFits(cloud, { vcpus: 8, memoryMiB: 16384, diskGiB: 10 })).toBe(
      'no flavor the project may use has at least 8 vCPU, 16384 MiB RAM and 10 GiB disk; closest: m1.large (4 vCPU, 8192 MiB, 80 GiB) lacks 4 vCPU and 8192 MiB RAM; '
      + 'm1.medium (2 vCPU, 4096 MiB, 40 GiB) lacks 6 vCPU and 12288 MiB RAM; m1.small (1 vCPU, 2048 MiB, 20 GiB) lacks 7 vCPU and 14336 MiB RAM',
    );
    expect(noFlavorFits([], { vcpus: 1, memoryMiB: 1, diskGiB: 1 })).toMatch(/^the project may use no flavor at all/);
  });
});
