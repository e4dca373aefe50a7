import type { Context } from './context';

/** Audit events about API keys are shown to admins only, wherever they are read (trail or node). */
export async function seesKeyEvents(ctx: Context): Promise<boolean> {
  const auth = await ctx.auth();
  return auth !== null && auth !== 'invalid' && auth.role === 'admin';
}
