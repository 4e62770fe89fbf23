import type { VarSpec } from './config.schema';
import { allowList, callbackAllow, fraction, int, nonEmpty, oauthClients, oneOf, secretKey, sqlIdentifier, url } from './config.parsers';
import { parseAllowList } from '../shared/uri-allow-list';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const v = <K extends VarSpec['key']>(spec: VarSpec<K>) => spec as unknown as VarSpec;

export const CONFIG_VARS: VarSpec[] = [
  v({ env: 'PORT', key: 'port', doc: 'HTTP port', parse: int(0, 65535), default: () => 8080 }),
  v({ env: 'HOST', key: 'host', doc: 'address to listen on', parse: nonEmpty, default: () => '0.0.0.0' }),
  v({ env: 'DATABASE_URL', key: 'databaseUrl', doc: 'PostgreSQL URL (postgres://user:pass@host:port/db); unset = embedded PGlite', parse: url(['postgres', 'postgresql']), secret: true }),
  v({ env: 'NFVO_DATA_DIR', key: 'dataDir', doc: 'where the embedded PGlite database and generated keys live', parse: nonEmpty, default: () => './.nfvo' }),
  v({ env: 'NFVO_DB_SCHEMA', key: 'dbSchema', doc: 'PostgreSQL schema of the NFVO tables', parse: sqlIdentifier, default: () => 'nfvo' }),
  v({ env: 'NFVO_JOBS_SCHEMA', key: 'jobsSchema', doc: 'PostgreSQL schema of the pg-boss job engine', parse: sqlIdentifier, default: () => 'nfvo_jobs' }),
  v({ env: 'NFVO_OAUTH_CLIENTS', key: 'oauthClients', doc: 'OAuth 2.0 clients, comma-separated clientId:secret[:scope scope …]; no scopes = all', parse: oauthClients, secret: true }),
  v({ env: 'NFVO_JWKS_URL', key: 'jwksUrl', doc: 'JWKS of an external identity provider whose tokens are accepted too', parse: url(['https', 'http']) }),
  v({ env: 'NFVO_JWKS_ISSUER', key: 'jwksIssuer', doc: 'issuer (iss) required in tokens verified through NFVO_JWKS_URL', parse: nonEmpty }),
  v({ env: 'NFVO_JWKS_AUDIENCE', key: 'jwksAudience', doc: 'audience (aud) required in tokens verified through NFVO_JWKS_URL', parse: nonEmpty }),
  v({ env: 'NFVO_JWT_ISSUER', key: 'jwtIssuer', doc: 'issuer (iss) of the access tokens this service signs', parse: nonEmpty, default: () => 'nfvo' }),
  v({ env: 'NFVO_TOKEN_TTL_SECONDS', key: 'tokenTtlSeconds', doc: 'lifetime of issued access tokens', parse: int(60, 86400), default: () => 3600 }),
  v({ env: 'NFVO_SECRET_KEY', key: 'secretKey', doc: '32-byte key (hex or base64) for token signing, paging markers and secrets at rest; embedded default generates one under NFVO_DATA_DIR', parse: secretKey, secret: true }),
  v({ env: 'NFVO_PAGE_SIZE', key: 'pageSize', doc: 'items per page of container GETs (SOL013 cl. 5.4)', parse: int(1, 10000), default: () => 100 }),
  v({ env: 'NFVO_MAX_BODY_BYTES', key: 'maxBodyBytes', doc: 'largest JSON request body accepted', parse: int(1024, 64 * 1024 * 1024), default: () => 1024 * 1024 }),
  v({ env: 'NFVO_MAX_PACKAGE_BYTES', key: 'maxPackageBytes', doc: 'largest package content accepted by PUT nsd_content / package_content', parse: int(1024, 64 * 1024 * 1024 * 1024), default: () => 1024 * 1024 * 1024 }),
  v({ env: 'NFVO_UPLOAD_STALE_SECONDS', key: 'uploadStaleSeconds', doc: 'an upload (or upload_from_uri download) unfinished after this long is abandoned: the item goes back to CREATED, and content that old that no package refers to (partial, or never recorded) is dropped', parse: int(60, 7 * 86400), default: () => 3600 }),
  v({ env: 'NFVO_UPLOAD_URI_ALLOW', key: 'uploadUriAllow', doc: 'where upload_from_uri may fetch packages: comma-separated scheme://host[:port] patterns, * for labels or port', parse: allowList, default: () => parseAllowList('https://*') }),
  v({ env: 'NFVO_CALLBACK_ALLOW', key: 'callbackAllow', doc: 'sensitive addresses (loopback, link-local, metadata) notification callbacks may still reach: comma-separated IPs or CIDR prefixes, * for all', parse: callbackAllow, default: () => callbackAllow('') }),
  v({ env: 'NFVO_NOTIFICATION_HORIZON_SECONDS', key: 'notificationHorizonSeconds', doc: 'how long a failing notification is retried before it is kept as UNDELIVERABLE', parse: int(1, 30 * 86400), default: () => 86400 }),
  v({ env: 'NFVO_API_ROOT', key: 'apiRoot', doc: 'public base URL used in Location and _links (default: from the request Host)', parse: url(['https', 'http']) }),
  v({ env: 'LOG_LEVEL', key: 'logLevel', doc: 'pino log level', parse: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const), default: () => 'info' as const }),
  v({ env: 'NFVO_SHUTDOWN_GRACE_MS', key: 'shutdownGraceMs', doc: 'how long SIGTERM waits for in-flight requests and jobs', parse: int(0, 600000), default: () => 10000 }),
  v({ env: 'NFVO_LCM_LEASE_SECONDS', key: 'lcmLeaseSeconds', doc: 'how long a worker holds an LCM operation without renewing; after that another replica (or this one restarted) resumes it', parse: int(1, 3600), default: () => 30 }),
  v({ env: 'NFVO_LCM_STEP_CONCURRENCY', key: 'lcmStepConcurrency', doc: 'plan steps of one LCM operation run at once', parse: int(1, 256), default: () => 16 }),
  v({ env: 'NFVO_LCM_STEP_ATTEMPTS', key: 'lcmStepAttempts', doc: 'attempts of a plan step on transient VIM errors before the operation goes FAILED_TEMP', parse: int(1, 20), default: () => 4 }),
  v({ env: 'NFVO_EMULATED_SITES', key: 'emulatedSites', doc: 'register two emulated OpenStack sites joined by a WAN link at start: auto = only on the embedded database', parse: oneOf(['auto', 'on', 'off'] as const), default: () => 'auto' as const }),
  v({ env: 'NFVO_EMULATOR_LATENCY_MS', key: 'emulatorLatencyMs', doc: 'latency the emulated OpenStack APIs add to every call', parse: int(0, 60000), default: () => 0 }),
  v({ env: 'NFVO_EMULATOR_FAULT_RATE', key: 'emulatorFaultRate', doc: 'share of emulated OpenStack calls (Keystone excepted) answered 503, from 0 to 1', parse: fraction, default: () => 0 }),
  v({ env: 'NFVO_IAC', key: 'iac', doc: 'how container functions are deployed: terraform (stacks applied by the terraform binary, state in PostgreSQL), emulated (EMULATION: stacks synthesized and recorded, nothing deployed), auto = emulated with the emulated sites, else terraform', parse: oneOf(['auto', 'terraform', 'emulated'] as const), default: () => 'auto' as const }),
  v({ env: 'NFVO_TERRAFORM_BIN', key: 'terraformBin', doc: 'the terraform binary', parse: nonEmpty, default: () => 'terraform' }),
  v({ env: 'NFVO_TERRAFORM_TARGET', key: 'terraformTarget', doc: 'what stacks deploy: kubernetes (the Kubernetes provider, which must be installable: TF_CLI_CONFIG_FILE / NFVO_TERRAFORM_CLI_CONFIG for a mirror) or test (built-in terraform_data with the same inputs and outputs, for trying Terraform without a cluster)', parse: oneOf(['kubernetes', 'test'] as const), default: () => 'kubernetes' as const }),
  v({ env: 'NFVO_TERRAFORM_CLI_CONFIG', key: 'terraformCliConfig', doc: 'Terraform CLI configuration file (TF_CLI_CONFIG_FILE), e.g. a provider filesystem mirror for air-gapped sites', parse: nonEmpty }),
  v({ env: 'NFVO_TERRAFORM_WORKDIR', key: 'terraformWorkdir', doc: 'working directories of Terraform runs (a cache: the state is in PostgreSQL)', parse: nonEmpty, default: () => join(tmpdir(), 'nfvo-terraform') }),
  v({ env: 'NFVO_TERRAFORM_TIMEOUT_SECONDS', key: 'terraformTimeoutSeconds', doc: 'deadline of one terraform command; Terraform is stopped (SIGINT, its state lock released) when it passes', parse: int(10, 86400), default: () => 900 }),
  v({ env: 'NFVO_DRIFT_CHECK_SECONDS', key: 'driftCheckSeconds', doc: 'how often every instantiated NS instance\'s stacks are checked for drift (a plan each); 0 = only when asked', parse: int(0, 30 * 86400), default: () => 3600 }),
  v({ env: 'NFVO_JOB_POLL_SECONDS', key: 'jobPollSeconds', doc: 'job engine polling interval', parse: int(1, 60), default: () => 1 }),
];
