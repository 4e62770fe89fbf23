/** Sections of the SONATA family that are valid there but have no effect in this orchestrator. */
export const IGNORED_SECTIONS = {
  service_specific_managers: 'service-specific managers (SSMs) are not run; this orchestrator drives the lifecycle itself',
  function_specific_managers: 'function-specific managers (FSMs) are not run; configure the function through user_data or environment variables',
  lifecycle_events: 'lifecycle event scripts are not run',
  vnf_depedency: 'use the dependencies of the nfvo format to order start-up',
  services_depedency: 'use the dependencies of the nfvo format to order start-up',
  auto_scale_policy: 'auto-scaling policies are not applied; scale through the SOL005 scale operation',
  deployment_flavours: 'alternative deployment flavours are not imported; the descriptor\'s main content is what gets deployed',
} as const;

export const SONATA_HEADER_KEYS = ['vendor', 'name', 'version', 'author', 'description', 'licences', 'licenses', 'logo'] as const;
