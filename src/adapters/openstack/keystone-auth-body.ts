import type { Vim, VimCredentials } from '../../infra/infra.model';

/**
 * The body of POST /v3/auth/tokens (Identity API v3, "Password authentication with scoped
 * authorization" and "Authenticating with an Application Credential"). An application credential
 * carries its own project scope, so it must not be given one.
 */
export function keystoneAuthBody(vim: Pick<Vim, 'project' | 'projectDomain'>, c: VimCredentials): object {
  const identity =
    c.authType === 'password'
      ? { methods: ['password'], password: { user: { name: c.username, domain: { name: c.userDomain ?? 'Default' }, password: c.password } } }
      : c.authType === 'application_credential'
        ? { methods: ['application_credential'], application_credential: { id: c.applicationCredentialId, secret: c.applicationCredentialSecret } }
        : { methods: ['token'], token: { id: c.token } };
  const scope = vim.project && c.authType !== 'application_credential' ? { project: { name: vim.project, domain: { name: vim.projectDomain ?? 'Default' } } } : undefined;
  return { auth: { identity, ...(scope ? { scope } : {}) } };
}

export const tokensUrl = (endpoint: string): string => `${endpoint.replace(/\/+$/, '')}/auth/tokens`;
