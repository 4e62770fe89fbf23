import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** SOL005 cl. 9.5.2.4 UploadVnfPkgFromUriRequest (V4.5.1 names; `userName` of V2.4.1 accepted too). */
export class UploadVnfPkgFromUriRequestDto {
  @ApiProperty({ format: 'uri', description: 'Where to fetch the package; must match NFVO_UPLOAD_URI_ALLOW' })
  @IsString()
  @MaxLength(2048)
  addressInformation: string;

  @ApiPropertyOptional({ enum: ['BASIC'], description: 'Only BASIC is supported' })
  @IsOptional()
  @IsIn(['BASIC'])
  authType?: 'BASIC';

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) username?: string;
  @ApiPropertyOptional({ description: 'SOL005 V2.4.1 spelling' }) @IsOptional() @IsString() @MaxLength(256) userName?: string;
  @ApiPropertyOptional({ description: 'Stored encrypted until the download, never returned' }) @IsOptional() @IsString() @MaxLength(1024) password?: string;
}
