import { classifierOf, nfpRuleOf } from './nfp-rule';

describe('classifierOf / nfpRuleOf', () => {
  it('maps an NfpRule to a classifier and back', () => {
    const rule = { protocol: 'TCP', sourceIpAddressPrefix: '2001:db8::/32', destinationIpAddressPrefix: '10.1.2.3', destinationPortRange: { lowerPort: 443, upperPort: 443 } };
    const c = classifierOf(rule);
    // A bare address is a host prefix.
    expect(c).toEqual({ protocol: 'tcp', sourceCidr: '2001:db8::/32', destinationCidr: '10.1.2.3/32', destinationPort: 443 });
    expect(nfpRuleOf(c)).toEqual({ ...rule, destinationIpAddressPrefix: '10.1.2.3/32' });
    expect(nfpRuleOf(null)).toEqual({});
    expect(classifierOf({})).toEqual({});
  });

  it.each([
    [{ etherType: 'IPV4', dscp: '10' }, 'nfpRule members etherType, dscp are not supported'],
    [{ protocol: 'SCTP' }, 'nfpRule.protocol "SCTP" is not one of TCP, UDP, ICMP.'],
    [{ sourceIpAddressPrefix: '10.0.0.0/8; rm -rf /' }, 'is not an IP address prefix'],
    [{ destinationIpAddressPrefix: '300.1.1.1/24' }, 'is not an IP address prefix'],
    [{ destinationIpAddressPrefix: '10.0.0.0/8/8' }, 'is not an IP address prefix'],
    [{ protocol: 'TCP', destinationPortRange: { lowerPort: 80, upperPort: 90 } }, 'must name one port'],
    [{ protocol: 'TCP', destinationPortRange: { lowerPort: 70000, upperPort: 70000 } }, 'must name one port'],
    [{ destinationPortRange: { lowerPort: 80, upperPort: 80 } }, 'needs protocol TCP or UDP'],
  ])('refuses %j by what is wrong with it', (rule, message) => {
    expect(() => classifierOf(rule as never)).toThrow(expect.objectContaining({ detail: expect.stringContaining(message) }));
  });
});
