import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { LinkDto, ProblemDetailsDto } from '../../sol013/problem-details.dto';

/** SOL005 cl. 9.5.2.2 CreateVnfPkgInfoRequest. */
export class CreateVnfPkgInfoRequestDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'KeyValuePairs' })
  @IsOptional()
  @IsObject()
  userDefinedData?: Record<string, unknown>;
}

/** SOL005 cl. 9.5.2.3 VnfPkgInfoModifications: at least one attribute. */
export class VnfPkgInfoModificationsDto {
  @ApiPropertyOptional({ enum: ['ENABLED', 'DISABLED'] })
  @IsOptional()
  @IsIn(['ENABLED', 'DISABLED'])
  operationalState?: 'ENABLED' | 'DISABLED';

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'KeyValuePairs, merged per RFC 7396' })
  @IsOptional()
  @IsObject()
  userDefinedData?: Record<string, unknown>;
}

export class ChecksumDto {
  @ApiProperty() algorithm: string;
  @ApiProperty() hash: string;
}

export class VnfPackageSoftwareImageInfoDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() provider: string;
  @ApiProperty() version: string;
  @ApiProperty({ type: ChecksumDto }) checksum: ChecksumDto;
  @ApiProperty() containerFormat: string;
  @ApiProperty() diskFormat: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() minDisk: number;
  @ApiProperty() minRam: number;
  @ApiProperty() size: number;
  @ApiPropertyOptional() imagePath?: string;
}

export class VnfPackageArtifactInfoDto {
  @ApiProperty() artifactPath: string;
  @ApiProperty({ type: ChecksumDto }) checksum: ChecksumDto;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) metadata?: Record<string, unknown>;
}

export class VnfPkgInfoLinksDto {
  @ApiProperty({ type: LinkDto }) self: LinkDto;
  @ApiProperty({ type: LinkDto }) vnfd: LinkDto;
  @ApiProperty({ type: LinkDto }) packageContent: LinkDto;
}

/** SOL005 V2.4.1 VnfPkgInfo (vnfpkgm/v1). */
export class VnfPkgInfoV1Dto {
  @ApiProperty() id: string;
  @ApiPropertyOptional() vnfdId?: string;
  @ApiPropertyOptional() vnfProvider?: string;
  @ApiPropertyOptional() vnfProductName?: string;
  @ApiPropertyOptional() vnfSoftwareVersion?: string;
  @ApiPropertyOptional() vnfdVersion?: string;
  @ApiPropertyOptional({ type: ChecksumDto }) checksum?: ChecksumDto;
  @ApiPropertyOptional({ type: [VnfPackageSoftwareImageInfoDto] }) softwareImages?: VnfPackageSoftwareImageInfoDto[];
  @ApiPropertyOptional({ type: [VnfPackageArtifactInfoDto] }) additionalArtifacts?: VnfPackageArtifactInfoDto[];
  @ApiProperty({ enum: ['CREATED', 'UPLOADING', 'PROCESSING', 'ONBOARDED', 'ERROR'] }) onboardingState: string;
  @ApiProperty({ enum: ['ENABLED', 'DISABLED'] }) operationalState: string;
  @ApiProperty({ enum: ['IN_USE', 'NOT_IN_USE'] }) usageState: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) userDefinedData?: Record<string, unknown>;
  @ApiProperty({ type: VnfPkgInfoLinksDto }) _links: VnfPkgInfoLinksDto;
}

/** SOL005 V4.5.1 VnfPkgInfo (vnfpkgm/v2). */
export class VnfPkgInfoV2Dto extends VnfPkgInfoV1Dto {
  @ApiPropertyOptional({ type: [String] }) compatibleSpecificationVersions?: string[];
  @ApiPropertyOptional({ enum: ['OPTION_1', 'OPTION_2'] }) packageSecurityOption?: string;
  @ApiPropertyOptional() signingCertificate?: string;
  @ApiPropertyOptional({ type: [String] }) vnfmInfo?: string[];
  @ApiPropertyOptional({ type: ProblemDetailsDto }) onboardingFailureDetails?: ProblemDetailsDto;
}
