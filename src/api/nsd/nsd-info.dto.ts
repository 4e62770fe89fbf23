import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { LinkDto, ProblemDetailsDto } from '../../sol013/problem-details.dto';

/** SOL005 cl. 5.5.2.3 CreateNsdInfoRequest. */
export class CreateNsdInfoRequestDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'KeyValuePairs' })
  @IsOptional()
  @IsObject()
  userDefinedData?: Record<string, unknown>;
}

/** SOL005 cl. 5.5.2.6 NsdInfoModifications: at least one attribute. */
export class NsdInfoModificationsDto {
  @ApiPropertyOptional({ enum: ['ENABLED', 'DISABLED'] })
  @IsOptional()
  @IsIn(['ENABLED', 'DISABLED'])
  nsdOperationalState?: 'ENABLED' | 'DISABLED';

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'KeyValuePairs, merged per RFC 7396' })
  @IsOptional()
  @IsObject()
  userDefinedData?: Record<string, unknown>;
}

export class NsdInfoLinksDto {
  @ApiProperty({ type: LinkDto }) self: LinkDto;
  @ApiProperty({ type: LinkDto }) nsd_content: LinkDto;
}

/** SOL005 V2.4.1 NsdInfo (nsd/v1). */
export class NsdInfoV1Dto {
  @ApiProperty() id: string;
  @ApiPropertyOptional() nsdId?: string;
  @ApiPropertyOptional() nsdName?: string;
  @ApiPropertyOptional() nsdVersion?: string;
  @ApiPropertyOptional() nsdDesigner?: string;
  @ApiPropertyOptional() nsdInvariantId?: string;
  @ApiPropertyOptional({ type: [String] }) vnfPkgIds?: string[];
  @ApiPropertyOptional({ type: [String] }) pnfdInfoIds?: string[];
  @ApiPropertyOptional({ type: [String] }) nestedNsdInfoIds?: string[];
  @ApiProperty({ enum: ['CREATED', 'UPLOADING', 'PROCESSING', 'ONBOARDED', 'ERROR'] }) nsdOnboardingState: string;
  @ApiPropertyOptional({ type: ProblemDetailsDto }) onboardingFailureDetails?: ProblemDetailsDto;
  @ApiProperty({ enum: ['ENABLED', 'DISABLED'] }) nsdOperationalState: string;
  @ApiProperty({ enum: ['IN_USE', 'NOT_IN_USE'] }) nsdUsageState: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) userDefinedData?: Record<string, unknown>;
  @ApiProperty({ type: NsdInfoLinksDto }) _links: NsdInfoLinksDto;
}

export class NsdArchiveArtifactChecksumDto {
  @ApiProperty() algorithm: string;
  @ApiProperty() hash: string;
}

export class NsdArchiveArtifactInfoDto {
  @ApiProperty() artifactPath: string;
  @ApiProperty({ type: NsdArchiveArtifactChecksumDto }) checksum: NsdArchiveArtifactChecksumDto;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) metadata?: Record<string, unknown>;
}

/** SOL005 V4.5.1 NsdInfo (nsd/v2). */
export class NsdInfoV2Dto extends NsdInfoV1Dto {
  @ApiPropertyOptional({ enum: ['OPTION_1', 'OPTION_2'] }) archiveSecurityOption?: string;
  @ApiPropertyOptional() signingCertificate?: string;
  @ApiPropertyOptional({ type: [NsdArchiveArtifactInfoDto] }) artifacts?: NsdArchiveArtifactInfoDto[];
}
