/** PostgreSQL's binary COPY signature (docs, "COPY", File Formats, Binary Format). */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

type State = { at: 'header' | 'extension' | 'count' | 'length' | 'data' | 'end'; need: number };

/**
 * The field bytes of a binary COPY of ONE non-null column, in order, as they arrive: data is passed on as
 * views of the incoming chunks, never copied; only the few bytes of a header or length that a chunk
 * boundary splits are gathered. A stream that is not one column of binary COPY fails.
 */
export async function* copyBinaryFields(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let state: State = { at: 'header', need: 19 }; // signature, flags (int32), extension length (int32)
  const small = Buffer.alloc(19);
  let gathered = 0;
  for await (const chunk of source) {
    let pos = 0;
    while (pos < chunk.length) {
      if (state.at === 'end') throw new Error('binary COPY: data after the trailer');
      if (state.at === 'data' || state.at === 'extension') {
        const n = Math.min(state.need, chunk.length - pos);
        if (state.at === 'data') yield chunk.subarray(pos, pos + n);
        pos += n;
        state = state.need === n ? { at: 'count', need: 2 } : { ...state, need: state.need - n };
        continue;
      }
      const n = Math.min(state.need - gathered, chunk.length - pos);
      chunk.copy(small, gathered, pos, pos + n);
      gathered += n;
      pos += n;
      if (gathered < state.need) continue;
      gathered = 0;
      state = next(state, small);
    }
  }
  if (state.at !== 'end') throw new Error('binary COPY: the stream ended before its trailer');
}

function next(state: State, b: Buffer): State {
  if (state.at === 'header') {
    if (!b.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('binary COPY: bad signature');
    const extension = b.readUInt32BE(15);
    return extension ? { at: 'extension', need: extension } : { at: 'count', need: 2 };
  }
  if (state.at === 'count') {
    const fields = b.readInt16BE(0);
    if (fields === -1) return { at: 'end', need: 0 };
    if (fields !== 1) throw new Error(`binary COPY: a row of ${fields} fields where one was expected`);
    return { at: 'length', need: 4 };
  }
  const length = b.readInt32BE(0);
  if (length < 0) throw new Error('binary COPY: a NULL field');
  return length ? { at: 'data', need: length } : { at: 'count', need: 2 };
}
