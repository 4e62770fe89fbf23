import { NsdInfoEntity } from './nsd-info.entity';
import { OAuthClientEntity } from './oauth-client.entity';

export { NsdInfoEntity, OAuthClientEntity };
export const ENTITIES = [NsdInfoEntity, OAuthClientEntity];
