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
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/scripts'],
  testRegex: '.*\\.(e2e-|system-|conformance-|contract-)?spec\\.ts$',
  transform: { '^.+\\.ts$': swc, '^.+\\.[mc]?js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|jose|@electric-sql)/)'],
  testTimeout: 60000,
  // A handle leaked by some test (seen once, intermittently, in a clean-clone CI run) must never hold CI
  // until its time limit: exit when the run is over. Tests still close what they open.
  forceExit: true,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
