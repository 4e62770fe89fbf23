/** How each major version of the NS LCM API is documented (SOL013 cl. 9.1: v2 requires the Version header). */
export const VERSION_DOCS = {
  v2: { tag: 'NS lifecycle management v2 (SOL005 4.5.1)', header: { required: true, description: 'API version 2.12.0 (SOL013 cl. 9.1)' } },
  v1: { tag: 'NS lifecycle management v1 (SOL005 2.4.1)', header: { required: false, description: 'API version 1.0.0; optional for SOL005 2.x clients' } },
} as const;
