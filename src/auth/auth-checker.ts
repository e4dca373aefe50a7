import type { AuthChecker } from 'type-graphql';
import { AppError } from '../errors/app-error';
import type { Context } from '../schema/context';
import { roleAllows, type Role } from './api-key';

/**
 * Reading is open; fields marked @Authorized('editor' | 'admin') need a valid key with that role.
 * Runs before the resolver, so a refused mutation writes nothing.
 */
export const authChecker: AuthChecker<Context, Role> = async ({ context }, roles) => {
  const auth = await context.auth();
  if (auth === null) throw new AppError('UNAUTHENTICATED', 'This operation needs an API key: send Authorization: Bearer <key>');
  if (auth === 'invalid') throw new AppError('UNAUTHENTICATED', 'The API key is invalid or revoked');
  if (!roles.some((r) => roleAllows(auth.role, r))) {
    throw new AppError('FORBIDDEN', `The key "${auth.name}" has role ${auth.role}; this operation needs ${roles.join(' or ')}`);
  }
  return true;
};
