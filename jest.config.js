// @nestjs/* 12 and jose are ESM-only; @swc/jest transforms them (and our TypeScript) to CommonJS.
// PGlite's CommonJS build loads Node built-ins through import(), which jest only allows under
// --experimental-vm-modules, and that flag makes jest load @nestjs as native ESM; transforming PGlite
// turns those import() calls into require(), so no flag is needed.
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '.*\\.(e2e-|system-|conformance-)?spec\\.ts$',
  transform: { '^.+\\.ts$': swc, '^.+\\.[mc]?js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|jose|@electric-sql)/)'],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
