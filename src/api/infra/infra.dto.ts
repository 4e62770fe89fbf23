import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsIP, IsNumber, IsObject, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

import { FLAVOR_POLICIES, type FlavorPolicy } from '../../infra/infra.model';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export class LocationDto {
  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2' }) @IsOptional() @Matches(/^[A-Z]{2}$/) countryCode?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) @IsOptional() @IsObject() civicAddress?: Record<string, string>;
}

export class CreateSiteDto {
  @ApiProperty({ example: 'site-a' }) @Matches(NAME, { message: 'name: letters, digits, . _ -, at most 63' }) name: string;
  @ApiPropertyOptional({ type: LocationDto }) @IsOptional() @ValidateNested() @Type(() => LocationDto) location?: LocationDto;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) @IsOptional() @IsObject() labels?: Record<string, string>;
}

export class CapacityDto {
  @ApiProperty() @IsInt() @Min(0) vcpus: number;
  @ApiProperty() @IsInt() @Min(0) memoryMiB: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) storageGiB?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) instances?: number;
}

/** Write-only; which members apply depends on authType (password, application_credential, token). */
export class VimCredentialsDto {
  @ApiProperty({ enum: ['password', 'application_credential', 'token'] }) @IsIn(['password', 'application_credential', 'token']) authType: 'password' | 'application_credential' | 'token';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) username?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) password?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) userDomain?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) applicationCredentialId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1024) applicationCredentialSecret?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(8192) token?: string;
}

export class CreateVimDto {
  @ApiProperty() @IsUUID() siteId: string;
  @ApiProperty() @Matches(NAME, { message: 'name: letters, digits, . _ -, at most 63' }) name: string;
  @ApiProperty({ enum: ['openstack', 'kubernetes'] }) @IsIn(['openstack', 'kubernetes']) vimType: 'openstack' | 'kubernetes';
  @ApiProperty({ description: 'Keystone v3 URL (…/v3) or Kubernetes API server URL' }) @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) endpoint: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) project?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) projectDomain?: string;
  @ApiPropertyOptional({ type: CapacityDto }) @IsOptional() @ValidateNested() @Type(() => CapacityDto) capacity?: CapacityDto;
  @ApiPropertyOptional({ enum: FLAVOR_POLICIES, default: 'select', description: 'OpenStack: select the smallest existing flavor big enough, or also create one of the exact size when none is (the account must be allowed to)' })
  @IsOptional() @IsIn(FLAVOR_POLICIES) flavorPolicy?: FlavorPolicy;
  @ApiProperty({ type: VimCredentialsDto }) @ValidateNested() @Type(() => VimCredentialsDto) credentials: VimCredentialsDto;
}

export class TunnelDto {
  @ApiProperty({ enum: ['vxlan', 'gre'] }) @IsIn(['vxlan', 'gre']) type: 'vxlan' | 'gre';
  @ApiProperty() @IsIP() endpointA: string;
  @ApiProperty() @IsIP() endpointB: string;
}

export class CreateWanLinkDto {
  @ApiProperty() @IsUUID() siteA: string;
  @ApiProperty() @IsUUID() siteB: string;
  @ApiProperty() @IsNumber() @Min(0) @Max(10000) latencyMs: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) bandwidthMbps?: number;
  @ApiProperty({ type: TunnelDto }) @ValidateNested() @Type(() => TunnelDto) tunnel: TunnelDto;
}

export class ClusterPortDto {
  @ApiProperty({ description: 'Switch port towards the site\'s Kubernetes nodes', example: 'k8s0' }) @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/) name: string;
  @ApiProperty({ description: 'MAC address the nodes answer on behind that port' }) @Matches(/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/) mac: string;
}

export class CreateSwitchHostDto {
  @ApiProperty() @IsUUID() siteId: string;
  @ApiProperty({ description: 'SSH host (name or address)' }) @Matches(/^[A-Za-z0-9.:-]{1,253}$/) host: string;
  @ApiPropertyOptional({ default: 22 }) @IsOptional() @IsInt() @Min(1) @Max(65535) port?: number;
  @ApiProperty() @Matches(/^[a-z_][a-z0-9_-]{0,31}$/) username: string;
  @ApiProperty({ description: 'Pinned host key, OpenSSH SHA256 fingerprint' }) @Matches(/^SHA256:[A-Za-z0-9+/]{43}$/) hostKeyFingerprint: string;
  @ApiProperty({ example: 'br0' }) @Matches(/^[A-Za-z0-9_-]{1,15}$/) bridge: string;
  @ApiPropertyOptional({ type: ClusterPortDto, description: 'Where a forwarding path\'s hop into a microservice of this site goes' }) @IsOptional() @ValidateNested() @Type(() => ClusterPortDto) clusterPort?: ClusterPortDto;
  @ApiProperty({ description: 'Write-only: PEM private key for the SSH login' }) @IsString() @MaxLength(16384) privateKey: string;
}
