import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsIn, IsInt, IsObject, IsOptional, IsString, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

/** SOL005 cl. 6.5.2.9 CreateNsRequest: all three members are mandatory. */
export class CreateNsRequestDto {
  @ApiProperty({ description: 'nsdId of an ONBOARDED, ENABLED NSD' }) @IsString() @MinLength(1) @MaxLength(255) nsdId: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(255) nsName: string;
  @ApiProperty() @IsString() @MaxLength(4096) nsDescription: string;
}

/** SOL005 VnfLocationConstraint / NsLocationConstraint: where a VNF (by its profile id: the function id) may be placed. */
export class LocationConstraintDto {
  @ApiProperty({ description: 'function id of the service (the VNF profile)' }) @IsString() @MinLength(1) vnfProfileId: string;
  @ApiPropertyOptional() @IsOptional() @IsObject() locationConstraints?: { countryCode?: string; civicAddressElement?: Array<{ caType: number; caValue: string }> };
}

/** SOL005 cl. 6.5.2.11 InstantiateNsRequest (the members this NFVO acts on; the others are accepted as given). */
export class InstantiateNsRequestDto {
  @ApiProperty({ description: 'deployment flavour of the NSD; the joint model has one, named "default"' }) @IsString() @MinLength(1) nsFlavourId: string;
  @ApiPropertyOptional({ type: [LocationConstraintDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => LocationConstraintDto) locationConstraints?: LocationConstraintDto[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() additionalParamsForNs?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) @IsOptional() @IsArray() additionalParamsForVnf?: Array<Record<string, unknown>>;
  @ApiPropertyOptional() @IsOptional() @IsDateString() startTime?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() nsInstantiationLevelId?: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) @IsOptional() @IsArray() sapData?: Array<Record<string, unknown>>;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) @IsOptional() @IsArray() vnfInstanceData?: Array<Record<string, unknown>>;
}

/** SOL005 cl. 6.5.2.15 TerminateNsRequest. */
export class TerminateNsRequestDto {
  @ApiPropertyOptional() @IsOptional() @IsDateString() terminationTime?: string;
}

export class ScaleByStepDataDto {
  @ApiPropertyOptional({ description: 'the function id (one aspect per function in the joint model)' }) @IsOptional() @IsString() aspectId?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) numberOfSteps?: number;
}

export class ScaleVnfDataDto {
  @ApiProperty() @IsString() @MinLength(1) vnfInstanceId: string;
  @ApiProperty({ enum: ['SCALE_OUT', 'SCALE_IN'] }) @IsIn(['SCALE_OUT', 'SCALE_IN', 'SCALE_TO_INSTANTIATION_LEVEL', 'SCALE_TO_SCALE_LEVEL(S)']) scaleVnfType: string;
  @ApiPropertyOptional({ type: ScaleByStepDataDto }) @IsOptional() @ValidateNested() @Type(() => ScaleByStepDataDto) scaleByStepData?: ScaleByStepDataDto;
}

/** SOL005 ScaleNsRequest: SCALE_VNF with scaleVnfData, or SCALE_NS with scaleNsData.scaleNsByStepsData (aspectId = function id). */
export class ScaleNsRequestDto {
  @ApiProperty({ enum: ['SCALE_NS', 'SCALE_VNF'] }) @IsIn(['SCALE_NS', 'SCALE_VNF']) scaleType: 'SCALE_NS' | 'SCALE_VNF';
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() scaleNsData?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [ScaleVnfDataDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ScaleVnfDataDto) scaleVnfData?: ScaleVnfDataDto[];
  @ApiPropertyOptional() @IsOptional() @IsDateString() scaleTime?: string;
}

export class ModifyVnfInfoDataDto {
  @ApiProperty() @IsString() @MinLength(1) vnfInstanceId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) vnfInstanceName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4096) vnfInstanceDescription?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() vnfConfigurableProperties?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() extensions?: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsString() vnfPkgId?: string;
}

/** SOL005 VnfInstanceData (cl. 6.5.3.19): a VNF instance for a VNF profile of the NSD. */
export class VnfInstanceDataDto {
  @ApiProperty({ description: 'the VNF instance id this NFVO gives the profile in the NS instance (<first 8 of nsInstanceId>-<vnfProfileId>)' }) @IsString() @MinLength(1) @MaxLength(255) vnfInstanceId: string;
  @ApiProperty({ description: 'a VNF profile (function id) of the NSD' }) @IsString() @MinLength(1) @MaxLength(255) vnfProfileId: string;
}

/** SOL005 AddVnffgData (cl. 6.5.3.36). */
export class AddVnffgDataDto {
  @ApiProperty({ description: 'a VNFFG descriptor (forwarding graph id) of the NSD' }) @IsString() @MinLength(1) @MaxLength(255) vnffgdId: string;
  @ApiProperty() @IsString() @MaxLength(255) vnffgName: string;
  @ApiProperty() @IsString() @MaxLength(4096) description: string;
}

/** SOL005 NfpData (cl. 6.5.3.38): an NFP of the VNFFG by its id, with a new classification rule. */
export class NfpDataDto {
  @ApiPropertyOptional({ description: 'a path of the VNFFG descriptor' }) @IsOptional() @IsString() @MaxLength(255) nfpInfoId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) nfpName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4096) description?: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'not supported: the hops of an NFP come from the NSD' }) @IsOptional() @IsArray() cpGroup?: object[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'SOL005 NfpRule: protocol, sourceIpAddressPrefix, destinationIpAddressPrefix, destinationPortRange (one port)' }) @IsOptional() @IsObject() nfpRule?: Record<string, unknown>;
}

/** SOL005 UpdateVnffgData (cl. 6.5.3.37). */
export class UpdateVnffgDataDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(255) vnffgInfoId: string;
  @ApiPropertyOptional({ type: [NfpDataDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => NfpDataDto) nfp?: NfpDataDto[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'string' }, description: 'NFPs to take down' }) @IsOptional() @IsArray() @IsString({ each: true }) nfpInfoId?: string[];
}

/**
 * SOL005 UpdateNsRequest (cl. 6.5.2.12). This NFVO carries out ADD_VNF, REMOVE_VNF, MODIFY_VNF_INFORMATION,
 * ADD_VNFFG, REMOVE_VNFFG and UPDATE_VNFFG; the other update types are refused with 422.
 */
export class UpdateNsRequestDto {
  @ApiProperty({ description: 'SOL005 UpdateType; ADD_VNF, REMOVE_VNF, MODIFY_VNF_INFORMATION, ADD_VNFFG, REMOVE_VNFFG and UPDATE_VNFFG are supported' })
  @IsIn(['ADD_VNF', 'REMOVE_VNF', 'INSTANTIATE_VNF', 'CHANGE_VNF_DF', 'OPERATE_VNF', 'MODIFY_VNF_INFORMATION', 'CHANGE_EXTERNAL_VNF_CONNECTIVITY', 'REMOVE_SAP', 'ADD_NESTED_NS', 'REMOVE_NESTED_NS', 'ASSOC_NEW_NSD_VERSION', 'MOVE_VNF', 'ADD_VNFFG', 'REMOVE_VNFFG', 'UPDATE_VNFFG', 'CHANGE_NS_DF', 'ADD_PNF', 'MODIFY_PNF', 'REMOVE_PNF'])
  updateType: string;
  @ApiPropertyOptional({ type: [VnfInstanceDataDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => VnfInstanceDataDto) addVnfInstance?: VnfInstanceDataDto[];
  @ApiPropertyOptional({ type: [VnfInstanceDataDto], description: 'the 2.x spelling of addVnfInstance (SOL005 V2.4.1)' }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => VnfInstanceDataDto) addVnfIstance?: VnfInstanceDataDto[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'string' } }) @IsOptional() @IsArray() @IsString({ each: true }) removeVnfInstanceId?: string[];
  @ApiPropertyOptional({ type: [ModifyVnfInfoDataDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ModifyVnfInfoDataDto) modifyVnfInfoData?: ModifyVnfInfoDataDto[];
  @ApiPropertyOptional({ type: [AddVnffgDataDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => AddVnffgDataDto) addVnffg?: AddVnffgDataDto[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'string' } }) @IsOptional() @IsArray() @IsString({ each: true }) removeVnffgId?: string[];
  @ApiPropertyOptional({ type: [UpdateVnffgDataDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => UpdateVnffgDataDto) updateVnffg?: UpdateVnffgDataDto[];
  @ApiPropertyOptional() @IsOptional() @IsDateString() updateTime?: string;
}

/** SOL005 HealVnfData: which VNF instance to heal and why. */
export class HealVnfDataDto {
  @ApiProperty() @IsString() @MinLength(1) vnfInstanceId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() cause?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() additionalParams?: Record<string, unknown>;
}

/** SOL005 HealNsRequest: healNsData (the whole NS) or healVnfData (named VNF instances), exactly one of them. */
export class HealNsRequestDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'degreeHealing HEAL_RESTORE | HEAL_QOS | HEAL_RESET | PARTIAL_HEALING' }) @IsOptional() @IsObject() healNsData?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [HealVnfDataDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => HealVnfDataDto) healVnfData?: HealVnfDataDto[];
}

/** SOL005 CancelMode. */
export class CancelModeDto {
  @ApiProperty({ enum: ['GRACEFUL', 'FORCEFUL'] }) @IsIn(['GRACEFUL', 'FORCEFUL']) cancelMode: 'GRACEFUL' | 'FORCEFUL';
}

/** Documentation-only shapes of the responses (the serializer is the mapper, not these classes). */
export class NsInstanceDto {
  @ApiProperty() id: string;
  @ApiProperty() nsInstanceName: string;
  @ApiProperty() nsInstanceDescription: string;
  @ApiProperty() nsdId: string;
  @ApiProperty() nsdInfoId: string;
  @ApiPropertyOptional() flavourId?: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) vnfInstance?: object[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) virtualLinkInfo?: object[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) vnffgInfo?: object[];
  @ApiProperty({ enum: ['NOT_INSTANTIATED', 'INSTANTIATED'] }) nsState: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links: object;
}

export class NsLcmOpOccDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['PROCESSING', 'COMPLETED', 'PARTIALLY_COMPLETED', 'FAILED_TEMP', 'FAILED', 'ROLLING_BACK', 'ROLLED_BACK'] }) operationState: string;
  @ApiProperty() statusEnteredTime: string;
  @ApiProperty() nsInstanceId: string;
  @ApiProperty({ enum: ['INSTANTIATE', 'SCALE', 'UPDATE', 'TERMINATE', 'HEAL'] }) lcmOperationType: string;
  @ApiProperty() startTime: string;
  @ApiProperty() isAutomaticInvocation: boolean;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) operationParams?: object;
  @ApiProperty() isCancelPending: boolean;
  @ApiPropertyOptional({ enum: ['GRACEFUL', 'FORCEFUL'] }) cancelMode?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) error?: object;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) resourceChanges?: object;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links: object;
}
