import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';

/**
 * Raw text in and status codes left to us: the adapter maps every status itself and must see a
 * body that is not JSON as such. Keep-alive sockets, bounded per VIM, so a burst reuses connections.
 */
export function openstackAxios(maxSockets = 32): AxiosInstance {
  return axios.create({
    responseType: 'text',
    transformResponse: [(d: unknown) => d],
    validateStatus: () => true,
    maxRedirects: 0,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'User-Agent': 'nfvo-openstack-adapter' },
    httpAgent: new http.Agent({ keepAlive: true, maxSockets }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets }),
  });
}
