import { Body, Controller, HttpCode, Inject, Param, Post, type Type, ValidationPipe } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../../auth/require-scope.decorator';
import { UPLOAD_FROM_URI } from '../../packages/packages.tokens';
import type { UploadFromUri } from '../../packages/onboarding/upload-from-uri.use-case';
import { ApiProblems } from '../common/api-problems.decorator';
import { UploadVnfPkgFromUriRequestDto } from './upload-from-uri.dto';

const body = new ValidationPipe({ expectedType: UploadVnfPkgFromUriRequestDto, whitelist: true, forbidNonWhitelisted: true });

/** SOL005 cl. 9.4.6: POST …/package_content/upload_from_uri (202; the NFVO fetches the package). */
export function uploadFromUriController(major: string, docs: { tag: string; versionHeader: { required: boolean; description: string } }): Type<unknown> {
  @ApiTags(docs.tag)
  @ApiBearerAuth()
  @ApiHeader({ name: 'Version', ...docs.versionHeader })
  @RequireScope('vnfpkgm')
  @Controller(`vnfpkgm/${major}/vnf_packages`)
  class UploadFromUriController {
    constructor(@Inject(UPLOAD_FROM_URI) private readonly upload: UploadFromUri) {}

    @Post(':vnfPkgId/package_content/upload_from_uri')
    @HttpCode(202)
    @ApiOperation({ summary: 'Fetch the package content from a URI; onboarding follows asynchronously' })
    @ApiAcceptedResponse({ description: 'Accepted: the NFVO downloads and onboards the package' })
    @ApiProblems(404, 409, 415, 422)
    async uploadFromUri(@Param('vnfPkgId') id: string, @Body(body) req: UploadVnfPkgFromUriRequestDto): Promise<void> {
      await this.upload.execute(id, { addressInformation: req.addressInformation, userName: req.username ?? req.userName, password: req.password });
    }
  }
  Object.defineProperty(UploadFromUriController, 'name', { value: `VnfPackagesUploadFromUri${major.toUpperCase()}Controller` });
  return UploadFromUriController;
}
