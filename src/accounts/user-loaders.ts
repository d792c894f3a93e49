import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LoaderRegistry, rowsById } from '../graphql/loaders';
import { UserEntity } from './user.entity';

declare module '../graphql/loaders' {
  interface NamedLoaders {
    users: UserEntity | undefined;
  }
}

/** Registers the accounts' per-request loaders. */
@Injectable()
export class UserLoaders {
  constructor(registry: LoaderRegistry, @InjectRepository(UserEntity) users: Repository<UserEntity>) {
    registry.register('users', rowsById(users));
  }
}
