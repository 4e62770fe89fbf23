/** SOL005 cl. 9.5.2.10 ExternalArtifactsAccessConfig: how the NFVO may reach artifacts outside the package. */
export interface ExternalArtifactAccess {
  artifactUri: string;
  overrideUri?: string;
  authType?: 'BASIC' | 'OAUTH2_CLIENT_CREDENTIALS';
  username?: string;
  password?: string;
  paramsOauth2ClientCredentials?: { clientId: string; clientPassword: string; tokenEndpoint: string };
}

export interface ExternalArtifactsAccessConfig {
  artifact: ExternalArtifactAccess[];
}

/** What GET and PUT return: the same without passwords (SOL005: credentials are never returned). */
export function withoutSecrets(c: ExternalArtifactsAccessConfig): ExternalArtifactsAccessConfig {
  return {
    artifact: c.artifact.map(({ password: _p, paramsOauth2ClientCredentials: o, ...rest }) => ({
      ...rest,
      ...(o ? { paramsOauth2ClientCredentials: { clientId: o.clientId, tokenEndpoint: o.tokenEndpoint } as ExternalArtifactAccess['paramsOauth2ClientCredentials'] } : {}),
    })),
  };
}

export interface ExtArtifactsAccessStore {
  get(vnfPkgId: string): Promise<ExternalArtifactsAccessConfig | undefined>;
  put(vnfPkgId: string, config: ExternalArtifactsAccessConfig): Promise<void>;
}

export const EXT_ARTIFACTS_ACCESS_STORE = Symbol('EXT_ARTIFACTS_ACCESS_STORE');
