import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../../sol013/problem-details.dto';

const WHY: Record<number, string> = {
  400: 'Bad request: malformed body, filter, selector or missing Version header',
  401: 'No or invalid bearer token',
  403: 'The token lacks the scope of this API',
  404: 'No such resource',
  405: 'Method not supported on this resource',
  406: 'Unsupported Version or Accept',
  409: 'The resource is in a state that does not allow this',
  412: 'If-Match does not match the current ETag',
  413: 'Body too large',
  415: 'Unsupported Content-Type',
  422: 'Semantically invalid request',
  500: 'Unexpected failure (the detail carries the request id)',
};

/** Documents ProblemDetails responses (SOL013 cl. 6.4) for the given statuses. */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ...[...new Set([400, 401, 403, 406, 500, ...statuses])].map((status) =>
      ApiResponse({ status, description: WHY[status], type: ProblemDetailsDto, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } } }),
    ),
  );
