import { Initial1764000000000 } from './1764000000000-initial';
import { Catalogue1764100000000 } from './1764100000000-catalogue';
import { ExtArtifactsAccess1764200000000 } from './1764200000000-ext-artifacts-access';
import { Notifications1764300000000 } from './1764300000000-notifications';
import { Infrastructure1764400000000 } from './1764400000000-infrastructure';
import { NsLifecycle1764500000000 } from './1764500000000-ns-lifecycle';
import { NsDrift1764600000000 } from './1764600000000-ns-drift';
import { PackageFileLocation1764700000000 } from './1764700000000-package-file-location';
import { VimReservation1764800000000 } from './1764800000000-vim-reservation';

/** Ordered list of every migration; new ones are appended here. */
export const MIGRATIONS = [Initial1764000000000, Catalogue1764100000000, ExtArtifactsAccess1764200000000, Notifications1764300000000, Infrastructure1764400000000, NsLifecycle1764500000000, NsDrift1764600000000, PackageFileLocation1764700000000, VimReservation1764800000000];
