import { copyBinaryFields } from './copy-binary-fields';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const int16 = (n: number) => { const b = Buffer.alloc(2); b.writeInt16BE(n); return b; };
const int32 = (n: number) => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };
const header = (extension = Buffer.alloc(0)) => Buffer.concat([SIGNATURE, int32(0), int32(extension.length), extension]);
const row = (data: Buffer) => Buffer.concat([int16(1), int32(data.length), data]);
const copyOf = (rows: Buffer[], extension?: Buffer) => Buffer.concat([header(extension), ...rows.map(row), int16(-1)]);

async function* chunked(b: Buffer, cuts: number[]) {
  let at = 0;
  for (const c of [...cuts, b.length]) {
    yield b.subarray(at, c);
    at = c;
  }
}
const fields = async (src: AsyncIterable<Buffer>) => {
  const out: Buffer[] = [];
  for await (const f of copyBinaryFields(src)) out.push(Buffer.from(f));
  return Buffer.concat(out);
};

describe('copyBinaryFields (one bytea column of a binary COPY)', () => {
  const rows = [Buffer.from('first row '), Buffer.alloc(0), Buffer.from('second, a little longer'), Buffer.from([0, 255, 1])];
  const stream = copyOf(rows);
  const expected = Buffer.concat(rows);

  it('passes on every field byte in order wherever the chunks split the stream', async () => {
    for (let a = 0; a <= stream.length; a++) {
      expect(await fields(chunked(stream, [a]))).toEqual(expected);
    }
    for (let a = 0; a < stream.length; a += 3) {
      expect(await fields(chunked(stream, [a, Math.min(a + 1, stream.length), Math.min(a + 7, stream.length)]))).toEqual(expected);
    }
  });

  it('skips a header extension', async () => {
    expect(await fields(chunked(copyOf(rows, Buffer.from('future-use')), [13, 25]))).toEqual(expected);
  });

  it('hands out views of the incoming chunks rather than copies', async () => {
    const data = Buffer.alloc(1000, 7);
    const whole = copyOf([data]);
    const fields: Buffer[] = [];
    for await (const f of copyBinaryFields(chunked(whole, []))) fields.push(f);
    expect(fields.length).toBe(1);
    expect(fields[0].buffer).toBe(whole.buffer);
    expect(fields[0].equals(data)).toBe(true);
  });

  it('fails on anything but one non-null column of binary COPY, and on a cut stream', async () => {
    const badSignature = Buffer.from(stream);
    badSignature[1] = 0x51;
    await expect(fields(chunked(badSignature, []))).rejects.toThrow(/bad signature/);
    await expect(fields(chunked(stream.subarray(0, stream.length - 5), []))).rejects.toThrow(/ended before its trailer/);
    const twoFields = Buffer.concat([header(), int16(2), int32(1), Buffer.from('a'), int32(1), Buffer.from('b'), int16(-1)]);
    await expect(fields(chunked(twoFields, []))).rejects.toThrow(/2 fields/);
    await expect(fields(chunked(Buffer.concat([header(), int16(1), int32(-1), int16(-1)]), []))).rejects.toThrow(/NULL/);
    await expect(fields(chunked(Buffer.concat([stream, Buffer.from('x')]), []))).rejects.toThrow(/after the trailer/);
  });
});
