/** Injection tokens of notification delivery (composition in index.ts `deliveryProviders`). */
export const DELIVERY_POLICY = Symbol('DELIVERY_POLICY');
export const CALLBACK_PORT = Symbol('CALLBACK_PORT');
export const SUBSCRIBER_AUTH = Symbol('SUBSCRIBER_AUTH');
export const CALLBACK_PROBE = Symbol('CALLBACK_PROBE');
export const DELIVER_NOTIFICATIONS = Symbol('DELIVER_NOTIFICATIONS');
export const DELIVERY_SWEEPER = Symbol('DELIVERY_SWEEPER');
export const DELIVERY_SECRET_BOX = Symbol('DELIVERY_SECRET_BOX');
