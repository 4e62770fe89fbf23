import { loadExampleSets, checkSet, codesOf, compact, malformed } from './sonata-example-sets';
it('dump', () => {
  const { sets } = loadExampleSets();
  const lines: string[] = [];
  for (const s of sets) {
    const f = checkSet(s.files);
    lines.push(`${s.name} [${s.kind}] files=${s.files.map((x) => x.file.split('/').pop() + '(' + x.detected + (x.descriptor ? '' : ',NODESC') + ')').join(' ')}`);
    for (const x of f) lines.push(`    ${x.severity} ${x.code} ${x.file.split('/').pop()} ${x.pointer} ${x.line}:${x.column} ${x.message.slice(0, 220)}`);
    for (const x of f) { const m = malformed(x, s.files.map((y) => y.file)); if (m) lines.push('   MALFORMED ' + m); }
  }
  require('fs').writeFileSync('/tmp/dump.txt', lines.join('\n'));
});
