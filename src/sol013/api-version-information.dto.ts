import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ApiVersionDto {
  @ApiProperty({ example: '2.12.0' }) version: string;
  @ApiPropertyOptional() isDeprecated?: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) retirementDate?: string;
}

/** SOL013 cl. 9.3.3.2 ApiVersionInformation. */
export class ApiVersionInformationDto {
  @ApiProperty({ example: '/nsd/v2' }) uriPrefix: string;
  @ApiProperty({ type: [ApiVersionDto] }) apiVersions: ApiVersionDto[];
}
