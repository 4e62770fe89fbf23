import { UPDATE_DATA } from '../../lifecycle/operations/update/plan-update';
import { NfvoError } from '../../shared/nfvo-error';
import type { UpdateNsRequestDto } from './nslcm.dto';

type Members = Record<string, unknown>;

/**
 * UpdateNsRequest members "shall be present only if updateType = ..." (SOL005 cl. 6.5.2.12): the member of
 * the request's update type is required and non-empty, the members of other types are refused (400).
 * Update types this NFVO does not carry out are a 422.
 */
export function checkUpdateRequest(body: UpdateNsRequestDto): UpdateNsRequestDto {
  const type = body.updateType;
  const member = UPDATE_DATA[type];
  if (!member) throw new NfvoError('UNPROCESSABLE', `updateType ${type} is not supported by this NFVO; it carries out ${Object.keys(UPDATE_DATA).join(', ')}.`);
  const b = body as unknown as Members;
  // SOL005 V2.4.1 spells addVnfInstance "addVnfIstance"; either spelling is accepted.
  const given = member === 'addVnfInstance' ? b.addVnfInstance ?? b.addVnfIstance : b[member];
  if (!Array.isArray(given) || !given.length) throw new NfvoError('BAD_REQUEST', `updateType ${type} needs ${member} with at least one entry.`);
  const others = [...Object.values(UPDATE_DATA), 'addVnfIstance'].filter((m) => b[m] !== undefined && m !== member && !(member === 'addVnfInstance' && m === 'addVnfIstance'));
  if (others.length) throw new NfvoError('BAD_REQUEST', `${others.join(', ')} may only be present with ${others.length > 1 ? 'their' : 'its'} own updateType; this request is ${type}.`);
  return body;
}
