/**
 * Every environment variable the service reads, with its parser and default, in one table.
 * The README's configuration section lists the same variables; config.schema.spec.ts keeps them in step.
 */
import type { AllowRule } from '../shared/uri-allow-list';

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  dbSchema: string;
  jobsSchema: string;
  oauthClients: OAuthClientConfig[] | undefined;
  jwksUrl: string | undefined;
  jwksIssuer: string | undefined;
  jwksAudience: string | undefined;
  jwtIssuer: string;
  tokenTtlSeconds: number;
  secretKey: Buffer | undefined;
  pageSize: number;
  maxBodyBytes: number;
  maxPackageBytes: number;
  uploadStaleSeconds: number;
  uploadUriAllow: AllowRule[];
  callbackAllow: string;
  notificationHorizonSeconds: number;
  apiRoot: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  shutdownGraceMs: number;
  jobPollSeconds: number;
  emulatedSites: 'auto' | 'on' | 'off';
  lcmLeaseSeconds: number;
  lcmStepConcurrency: number;
  lcmStepAttempts: number;
  emulatorLatencyMs: number;
  emulatorFaultRate: number;
  iac: 'auto' | 'terraform' | 'emulated';
  terraformBin: string;
  terraformTarget: 'kubernetes' | 'test';
  terraformCliConfig: string | undefined;
  terraformWorkdir: string;
  terraformTimeoutSeconds: number;
  driftCheckSeconds: number;
}

export interface OAuthClientConfig {
  clientId: string;
  secret: string;
  /** Empty means every scope (documented: `clientId:secret` alone is an admin client). */
  scopes: string[];
}

export type Parser<T> = (raw: string) => T;

export interface VarSpec<K extends keyof AppConfig = keyof AppConfig> {
  env: string;
  key: K;
  doc: string;
  parse: Parser<AppConfig[K]>;
  default?: () => AppConfig[K];
  /** Secrets are never echoed in error messages or logs. */
  secret?: boolean;
}
