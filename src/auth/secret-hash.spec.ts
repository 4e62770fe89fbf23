import { hashSecret, verifySecret } from './secret-hash';

describe('secret hashing', () => {
  it('verifies the right secret and rejects others, never storing the secret', async () => {
    const h = await hashSecret('s3cret-s3cret-s3cret');
    expect(h).not.toContain('s3cret');
    expect(await verifySecret('s3cret-s3cret-s3cret', h)).toBe(true);
    expect(await verifySecret('s3cret-s3cret-s3creT', h)).toBe(false);
    expect(await verifySecret('x', 'garbage')).toBe(false);
  });
  it('salts: two hashes of one secret differ', async () => {
    expect(await hashSecret('same-secret-value')).not.toBe(await hashSecret('same-secret-value'));
  });
});
