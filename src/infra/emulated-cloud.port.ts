/** Starts the emulated VIMs of a site of the embedded default; each accepts exactly the credentials given. */
export interface EmulatedCloud {
  start(site: string, credentials: { username: string; password: string; project: string }): Promise<{ endpoint: string; region: string }>;
  startKubernetes(site: string, token: string): Promise<{ endpoint: string }>;
}
