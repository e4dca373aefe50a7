import { badInput } from '../../errors/app-error';
import { LINK_ROLES, type LinkRole } from '../../graph/read/values';

/** The `role` argument of Body.tasks (a String in the contract): a known role, null for any, or BAD_USER_INPUT. */
export function linkRoleArgument(value: unknown): LinkRole | null {
  if (value === null || value === undefined) return null;
  const known = LINK_ROLES.find((r) => r === value);
  if (!known) throw badInput(`role must be one of ${LINK_ROLES.join(', ')}`, 'role');
  return known;
}
