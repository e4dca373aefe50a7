import { sharingDistrictsPage } from '../graph/read/crossref';
import type { PlaceRef } from '../graph/read/places';
import { notFound } from '../errors/app-error';
import type { SharingPageArgs } from './args/lookup.args';
import { pageWindow, toConnection } from './connection';
import type { Context } from './context';
import { decodeSharingCursor, sharingCursor } from './cursor';
import type { SharedDistrictConnection } from './types/connections.type';

/**
 * The districts that share tasks with a place, as a Relay connection; a place given by a name
 * that names none is NOT_FOUND on `field`.
 */
export async function sharingConnection(place: PlaceRef, args: SharingPageArgs, ctx: Context, field: string): Promise<SharedDistrictConnection> {
  const window = pageWindow(args, ctx, decodeSharingCursor);
  const page = await sharingDistrictsPage(ctx.client, place, args.planId ?? null, window);
  if (!page.found) throw notFound('place', 'name' in place ? place.name : place.id, field);
  return toConnection(page, window, page.total, (r) => ({ cursor: sharingCursor({ shared: r.shared, id: r.district.id }), node: r.district, sharedTasks: r.shared }));
}
