import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';

/** Documents the SOL013 query parameters of every container GET. */
export const ApiListQuery = () =>
  applyDecorators(
    ApiQuery({ name: 'filter', required: false, description: 'Attribute-based filter, SOL013 cl. 5.2, e.g. (eq,nsdOperationalState,ENABLED);(cont,nsdName,fw)' }),
    ApiQuery({ name: 'all_fields', required: false, allowEmptyValue: true, description: 'SOL013 cl. 5.3' }),
    ApiQuery({ name: 'fields', required: false, description: 'Complex attributes to include, comma-separated, / for nesting' }),
    ApiQuery({ name: 'exclude_fields', required: false, description: 'Complex attributes to exclude' }),
    ApiQuery({ name: 'exclude_default', required: false, allowEmptyValue: true, description: 'Exclude the default complex attributes (the default)' }),
    ApiQuery({ name: 'nextpage_opaque_marker', required: false, description: 'Paging marker from the Link header, SOL013 cl. 5.4' }),
  );
