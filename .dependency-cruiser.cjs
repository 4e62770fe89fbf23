/**
 * Import rules of the design (DESIGN.md, "src/ — modules and the direction of imports"), checked by `npm test`.
 */
const DOMAIN = '^src/(shared|sol013/(filter|selectors|paging)|descriptors/(model|parse|rules)|lifecycle/(domain|plan|engine)|placement)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles hide layering mistakes and break module initialisation order.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-framework-free',
      severity: 'error',
      comment: 'Domain folders are plain TypeScript: no Nest, no TypeORM, no HTTP framework.',
      from: { path: DOMAIN, pathNot: '\\.spec\\.ts$' },
      to: { path: '(^|/)node_modules/(@nestjs|typeorm|express|pg-boss)/' },
    },
    {
      name: 'cdktf-only-in-the-terraform-adapter',
      severity: 'error',
      comment: 'CDKTF is archived; its API-compatible fork must be able to replace it in src/adapters/terraform alone.',
      from: { pathNot: '^src/adapters/terraform/' },
      to: { path: '(^|/)node_modules/(cdktf|@cdktf/[^/]+|constructs)/' },
    },
    {
      name: 'shared-imports-nothing-of-ours',
      severity: 'error',
      comment: 'src/shared is the bottom layer.',
      from: { path: '^src/shared/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'adapters-stay-apart',
      severity: 'error',
      comment: 'Adapters implement ports; they never import the API layer or each other (a spec may drive one against the emulator).',
      from: { path: '^src/adapters/([^/]+)/', pathNot: '\\.(spec|fixture)\\.ts$' },
      to: { path: '^src/(api/|adapters/(?!$1/))' },
    },
    {
      name: 'controllers-never-touch-persistence',
      severity: 'error',
      comment: 'Controllers go through use cases and ports, not the ORM or adapters.',
      from: { path: '^src/api/', pathNot: '\\.(module|providers)\\.ts$' },
      to: { path: '(^src/(persistence|adapters)/)|(node_modules/typeorm/)' },
    },
    {
      name: 'no-forward-ref',
      severity: 'error',
      comment: 'forwardRef papers over a cycle; restructure instead.',
      from: {},
      to: { path: 'node_modules/@nestjs/common/utils/forward-ref' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.d\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
