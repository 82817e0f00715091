/**
 * Runs queries on behalf of a user as the database role `ketenzicht_app`, with the user in transaction-local
 * settings that the row-level security policies read (see drizzle/0002_access_walls.sql). The service layer
 * checks access first; this is the second wall, so a forgotten check still cannot leak another organisation's rows.
 */
import { sql } from 'drizzle-orm';
import { APPLICATION_ROLE, type Db } from './client.ts';

export type DatabaseScope = {
  userId: string | null;
  isAdmin: boolean;
  organisationIds: number[];
};

export async function withScope<T>(db: Db, scope: DatabaseScope, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // One statement for role and actor (set_config('role', …) is SET LOCAL ROLE): every round trip counts here.
    await tx.execute(sql`select
      set_config('role', ${APPLICATION_ROLE}, true),
      set_config('ketenzicht.actor_user_id', ${scope.userId ?? ''}, true),
      set_config('ketenzicht.actor_is_admin', ${scope.isAdmin ? 'true' : 'false'}, true),
      set_config('ketenzicht.actor_organisation_ids', ${`{${scope.organisationIds.map((id) => Math.trunc(id)).join(',')}}`}, true)`);
    return work(tx as unknown as Db);
  });
}
