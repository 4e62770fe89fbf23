import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** SOL013 cl. 6.3 ProblemDetails, for the published OpenAPI. */
export class ProblemDetailsDto {
  @ApiPropertyOptional({ format: 'uri' }) type?: string;
  @ApiPropertyOptional() title?: string;
  @ApiProperty() status: number;
  @ApiProperty() detail: string;
  @ApiPropertyOptional({ format: 'uri' }) instance?: string;
}

export class LinkDto {
  @ApiProperty({ format: 'uri' }) href: string;
}
