import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { BearerGuard } from './bearer.guard';
import { ClientRegistry } from './client-registry';
import { TokenController } from './token.controller';
import { TokenService } from './token-service';

@Module({
  controllers: [TokenController],
  providers: [ClientRegistry, TokenService, { provide: APP_GUARD, useClass: BearerGuard }],
  exports: [ClientRegistry, TokenService],
})
export class AuthModule {}
