import { parseDumpFlows } from './dump-flows';

describe('parseDumpFlows', () => {
  it('reads the counters and keeps priority, match and actions without the fields that change by themselves', () => {
    const out = [
      'NXST_FLOW reply (xid=0x4):',
      ' cookie=0x4e00000000000001, duration=12.5s, table=0, n_packets=7, n_bytes=518, idle_age=3, priority=40000,tcp,in_port=tap0123456789a,tp_dst=80 actions=mod_dl_dst:02:00:00:00:00:02,output:nv0123456789ab',
      ' cookie=0x4e00000000000001, duration=12.5s, table=0, n_packets=0, n_bytes=0, priority=35000,tcp,in_port="tap01234567-8a",tp_src=80 actions=drop',
    ].join('\n');
    expect(parseDumpFlows(out)).toEqual([
      { flow: 'priority=40000,tcp,in_port=tap0123456789a,tp_dst=80 actions=mod_dl_dst:02:00:00:00:00:02,output:nv0123456789ab', nPackets: 7, nBytes: 518 },
      { flow: 'priority=35000,tcp,in_port=tap01234567-8a,tp_src=80 actions=drop', nPackets: 0, nBytes: 0 },
    ]);
  });
});
