export * from './descriptor-key';
export * from './source-ref';
export * from './service-descriptor';
export * from './function-descriptor';
export * from './descriptor-set';
export * from './finding';
