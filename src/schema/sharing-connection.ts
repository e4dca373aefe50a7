import { sharingDistrictsPage } from '../graph/read/crossref';
import type { SharingPageArgs } from './args/lookup.args';
import { pageWindow, toConnection } from './connection';
import type { Context } from './context';
import { decodeSharingCursor, sharingCursor } from './cursor';
import type { SharedDistrictConnection } from './types/connections.type';

/** The districts that share tasks with a place, as a Relay connection. */
export async function sharingConnection(placeId: string, args: SharingPageArgs, ctx: Context): Promise<SharedDistrictConnection> {
  const window = pageWindow(args, ctx, decodeSharingCursor);
  const page = await sharingDistrictsPage(ctx.client, placeId, args.planId ?? null, window);
  return toConnection(page, window, page.total, (r) => ({ cursor: sharingCursor({ shared: r.shared, id: r.district.id }), node: r.district, sharedTasks: r.shared }));
}
