import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, IsUrl, MaxLength, ValidateNested } from 'class-validator';

const URL_OPTS = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

export class Oauth2ClientCredentialsDto {
  @ApiProperty() @IsString() @MaxLength(256) clientId: string;
  @ApiProperty({ description: 'Stored encrypted, never returned' }) @IsString() @MaxLength(1024) clientPassword: string;
  @ApiProperty({ format: 'uri' }) @IsUrl(URL_OPTS) tokenEndpoint: string;
}

/** SOL005 cl. 9.5.2.10 (one entry of `artifact`). */
export class ExternalArtifactAccessDto {
  @ApiProperty({ format: 'uri' }) @IsUrl(URL_OPTS) artifactUri: string;
  @ApiPropertyOptional({ format: 'uri' }) @IsOptional() @IsUrl(URL_OPTS) overrideUri?: string;
  @ApiPropertyOptional({ enum: ['BASIC', 'OAUTH2_CLIENT_CREDENTIALS'] }) @IsOptional() @IsIn(['BASIC', 'OAUTH2_CLIENT_CREDENTIALS']) authType?: 'BASIC' | 'OAUTH2_CLIENT_CREDENTIALS';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) username?: string;
  @ApiPropertyOptional({ description: 'Stored encrypted, never returned' }) @IsOptional() @IsString() @MaxLength(1024) password?: string;
  @ApiPropertyOptional({ type: Oauth2ClientCredentialsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => Oauth2ClientCredentialsDto)
  paramsOauth2ClientCredentials?: Oauth2ClientCredentialsDto;
}

export class ExternalArtifactsAccessConfigDto {
  @ApiProperty({ type: [ExternalArtifactAccessDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ExternalArtifactAccessDto)
  artifact: ExternalArtifactAccessDto[];
}
