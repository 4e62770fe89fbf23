/** Injection tokens of the catalogue's ports (composition happens in packages.module.ts). */
export const UNIT_OF_WORK = Symbol('UNIT_OF_WORK');
export const ONBOARD_PACKAGE = Symbol('ONBOARD_PACKAGE');
export const FETCH_PACKAGE = Symbol('FETCH_PACKAGE');
export const UPLOAD_FROM_URI = Symbol('UPLOAD_FROM_URI');
export { SECRET_BOX } from '../config/config.module';
