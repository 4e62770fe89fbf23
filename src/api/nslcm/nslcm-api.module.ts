import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, APP_KEYS } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import type { AppKeys } from '../../config/app-keys';
import { NS_STATE } from '../../lifecycle/domain/ns-state.machine';
import { OP_STATE } from '../../lifecycle/domain/op-state.machine';
import { CreateNsInstance } from '../../lifecycle/ns-instances/create-ns-instance.use-case';
import { DeleteNsInstance } from '../../lifecycle/ns-instances/delete-ns-instance.use-case';
import { AcceptLcmOperation } from '../../lifecycle/operations/accept-lcm-operation.use-case';
import { NSD_USAGE, NS_LCM_REPOSITORY, type NsdUsage, type NsLcmRepository } from '../../lifecycle/ports/ns-lcm-repository.port';
import { PackagesModule } from '../../packages/packages.module';
import { UNIT_OF_WORK } from '../../packages/packages.tokens';
import { EVENT_LOG, type EventLog } from '../../packages/ports/event-log.port';
import { JOB_QUEUE, type JobQueue } from '../../packages/ports/job-queue.port';
import { Database } from '../../persistence/database';
import { DatabaseNsdUsage, DatabaseNsLcmRepository } from '../../persistence/ns-lcm.repository';
import { checkMachine } from '../../shared/fsm';
import type { UnitOfWork } from '../../shared/unit-of-work';
import { OpenStackVim } from '../../adapters/openstack/openstack-vim';
import { iacPort } from './iac.providers';
import { NsInstanceStacksController } from './ns-instance-stacks.controller';
import { NsInstanceTopologyController } from './ns-instance-topology.controller';
import { NS_TOPOLOGY, NsInstanceTopology } from '../../lifecycle/ns-instances/ns-instance-topology.use-case';
import { NS_STACKS, NsInstanceStacks } from '../../lifecycle/ns-instances/ns-instance-stacks.use-case';
import { DRIFT_REPORTS, type DriftReports } from '../../lifecycle/ports/drift-reports.port';
import { DatabaseDriftReports } from '../../persistence/drift-report.store';
import { DriftWorker } from '../../lifecycle/drift.worker';
import type { SshPool } from '../../adapters/ovs/ssh-pool';
import { SITE_SWITCHES, SSH_POOL, switchProviders } from './switch.providers';
import { INFRA_REPOSITORY, type InfraRepository } from '../../infra/infra-repository.port';
import { VimPortRegistry } from '../../infra/vim-port-registry';
import { LcmWorker, RUN_LCM_OPERATION } from '../../lifecycle/lcm.worker';
import { FinishLcmOperation } from '../../lifecycle/operations/finish-lcm-operation';
import { RunLcmOperation } from '../../lifecycle/operations/run-lcm-operation.use-case';
import { IAC_PORT, type IacPort } from '../../lifecycle/ports/iac.port';
import { LCM_RUN_STORE, type LcmRunStore } from '../../lifecycle/ports/lcm-run-store.port';
import { SWITCH_PORT, type SwitchPort } from '../../lifecycle/ports/switch.port';
import { VIM_PORTS, type VimPorts } from '../../lifecycle/ports/vim-ports.port';
import { DESCRIPTOR_STORE, type DescriptorStore } from '../../packages/ports/descriptor-store.port';
import { SECRET_BOX } from '../../config/config.module';
import { DatabaseLcmRunStore } from '../../persistence/lcm-run.store';
import { DatabaseVimReservations } from '../../persistence/vim-reservation.store';
import { VIM_RESERVATIONS, type VimReservations } from '../../lifecycle/ports/vim-reservations.port';
import type { SecretBox } from '../../shared/secret-box';
import { InfraApiModule } from '../infra/infra-api.module';
import { nsInstancesController } from './ns-instances.controller';
import { nsLcmOpOccsController } from './ns-lcm-op-occs.controller';
import { LcmPlanController } from './lcm-plan.controller';
import { OccurrenceTaskUseCase } from '../../lifecycle/operations/occurrence-task.use-case';
import { NSLCM_HTTP, NslcmHttp } from './nslcm-http';

/** NS lifecycle management (SOL005 cl. 6): nslcm/v2 (V4.5.1) and nslcm/v1 (V2.4.1 model, for existing clients). */
@Module({
  imports: [PackagesModule, InfraApiModule],
  controllers: [nsInstancesController('v2'), nsLcmOpOccsController('v2'), nsInstancesController('v1'), nsLcmOpOccsController('v1'), LcmPlanController, NsInstanceStacksController, NsInstanceTopologyController],
  providers: [
    { provide: NS_LCM_REPOSITORY, inject: [Database], useFactory: (db: Database) => new DatabaseNsLcmRepository(db) },
    { provide: NSD_USAGE, useFactory: () => new DatabaseNsdUsage() },
    { provide: LCM_RUN_STORE, inject: [Database], useFactory: (db: Database) => new DatabaseLcmRunStore(db) },
    { provide: VIM_RESERVATIONS, inject: [Database], useFactory: (db: Database) => new DatabaseVimReservations(db) },
    {
      provide: VIM_PORTS,
      inject: [INFRA_REPOSITORY, SECRET_BOX],
      useFactory: (repo: InfraRepository, box: SecretBox) => new VimPortRegistry({ repo, box, make: (vim, creds) => new OpenStackVim(vim, creds) }),
    },
    { provide: IAC_PORT, inject: [APP_CONFIG, INFRA_REPOSITORY, SECRET_BOX], useFactory: (config: AppConfig, repo: InfraRepository, box: SecretBox) => iacPort(config, { repo, box }) },
    ...switchProviders,
    {
      provide: RUN_LCM_OPERATION,
      inject: [NS_LCM_REPOSITORY, LCM_RUN_STORE, VIM_RESERVATIONS, EVENT_LOG, UNIT_OF_WORK, DESCRIPTOR_STORE, INFRA_REPOSITORY, VIM_PORTS, IAC_PORT, SWITCH_PORT, APP_CONFIG],
      useFactory: (repo: NsLcmRepository, runs: LcmRunStore, reservations: VimReservations, events: EventLog, uow: UnitOfWork, descriptors: DescriptorStore, infra: InfraRepository, vims: VimPorts, iac: IacPort, switches: SwitchPort, config: AppConfig) =>
        new RunLcmOperation({
          repo, runs, reservations, descriptors, infra, vims, iac, switches,
          finish: new FinishLcmOperation({ repo, runs, reservations, events, uow }),
          settings: { leaseMs: config.lcmLeaseSeconds * 1000, concurrency: config.lcmStepConcurrency, attempts: config.lcmStepAttempts, backoffMs: 500 },
        }),
    },
    { provide: DRIFT_REPORTS, inject: [Database], useFactory: (db: Database) => new DatabaseDriftReports(db) },
    {
      provide: NS_STACKS,
      inject: [NS_LCM_REPOSITORY, LCM_RUN_STORE, IAC_PORT, DRIFT_REPORTS],
      useFactory: (repo: NsLcmRepository, runs: LcmRunStore, iac: IacPort, reports: DriftReports) => new NsInstanceStacks({ repo, runs, iac, reports }),
    },
    {
      provide: NS_TOPOLOGY,
      inject: [NS_LCM_REPOSITORY, LCM_RUN_STORE, SWITCH_PORT],
      useFactory: (repo: NsLcmRepository, runs: LcmRunStore, switches: SwitchPort) => new NsInstanceTopology({ repo, runs, switches }),
    },
    LcmWorker,
    DriftWorker,
    {
      provide: NSLCM_HTTP,
      inject: [NS_LCM_REPOSITORY, NSD_USAGE, EVENT_LOG, UNIT_OF_WORK, JOB_QUEUE, APP_CONFIG, APP_KEYS, LCM_RUN_STORE, VIM_RESERVATIONS],
      useFactory: (repo: NsLcmRepository, nsds: NsdUsage, events: EventLog, uow: UnitOfWork, jobs: JobQueue, config: AppConfig, keys: AppKeys, runs: LcmRunStore, reservations: VimReservations) =>
        new NslcmHttp({
          repo,
          runs,
          tasks: new OccurrenceTaskUseCase({ repo, runs, reservations, jobs, events, uow }),
          create: new CreateNsInstance({ repo, nsds, events, uow }),
          remove: new DeleteNsInstance({ repo, nsds, runs, events, uow }),
          accept: new AcceptLcmOperation({ repo, jobs, events, uow }),
          config,
          keys,
        }),
    },
  ],
  exports: [NS_LCM_REPOSITORY, IAC_PORT, SWITCH_PORT, SITE_SWITCHES],
})
export class NslcmApiModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(SSH_POOL) private readonly ssh: SshPool) {}

  /** The state machines are checked once at start: a broken table stops the service before it serves. */
  onModuleInit(): void {
    const problems = [...checkMachine(NS_STATE), ...checkMachine(OP_STATE)];
    if (problems.length) throw new Error(`NS lifecycle state machines are inconsistent:\n${problems.join('\n')}`);
  }

  /** The switch hosts' SSH connections close with the service. */
  async onApplicationShutdown(): Promise<void> {
    await this.ssh.close();
  }
}
