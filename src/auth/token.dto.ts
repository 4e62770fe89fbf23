import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TokenRequestDto {
  @ApiProperty({ enum: ['client_credentials'] }) grant_type: string;
  @ApiPropertyOptional({ description: 'Space-separated subset of the client’s scopes' }) scope?: string;
  @ApiPropertyOptional({ description: 'When not using HTTP Basic' }) client_id?: string;
  @ApiPropertyOptional({ description: 'When not using HTTP Basic' }) client_secret?: string;
}

export class TokenResponseDto {
  @ApiProperty() access_token: string;
  @ApiProperty({ enum: ['Bearer'] }) token_type: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expires_in: number;
  @ApiProperty() scope: string;
}
