import { generateKeyPairSync } from 'node:crypto';
import { SshPool, fingerprintOf } from './ssh-pool';

describe('SshPool', () => {
  const target = { host: '127.0.0.1', port: 1, username: 'root', privateKey: 'unused', hostKeyFingerprint: 'SHA256:x' };

  it('refuses a command with a word a shell would interpret, before connecting anywhere', async () => {
    const pool = new SshPool();
    await expect(pool.exec(target, ['ovs-ofctl', 'dump-flows', 'br0;reboot'])).rejects.toThrow('refused to run a command with the word "br0;reboot"');
    await expect(pool.exec(target, ['ovs-vsctl', 'list-br', '$(id)'])).rejects.toThrow('refused');
    expect(pool.execs.size).toBe(0);
  });

  it('says so when the registered private key cannot be read, and keeps no broken connection', async () => {
    const pool = new SshPool();
    await expect(pool.exec(target, ['true'])).rejects.toMatchObject({ retryable: false, message: expect.stringContaining('the private key registered for switch host root@127.0.0.1:1 cannot be used') });
    await expect(pool.exec(target, ['true'])).rejects.toThrow('cannot be used');
  });

  it('reports an unreachable switch host as worth retrying', async () => {
    const pool = new SshPool({ connectTimeoutMs: 2000 });
    const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'pkcs1', format: 'pem' } }).privateKey;
    await expect(pool.exec({ ...target, privateKey }, ['true'])).rejects.toMatchObject({ retryable: true, message: expect.stringContaining('cannot reach switch host root@127.0.0.1:1') });
  });

  it('computes fingerprints as OpenSSH prints them (SHA256, unpadded base64)', () => {
    expect(fingerprintOf(Buffer.from('abc'))).toBe('SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0');
  });
});
