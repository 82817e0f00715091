/** Changing a region's follow-up schedule: who may, and recomputing the outcomes of the region's cases. */
import { sql } from 'drizzle-orm';
import type { FollowUpMoment } from '../../../shared/cases.ts';
import { type Db, selectRows, textArray } from '../../db/client.ts';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../errors.ts';
import { actorLabel, isAdmin } from '../access/access.domain.ts';
import { type RequestContext, recordAudit } from '../audit/audit.service.ts';
import { resummariseHouseholds } from './cases.import.ts';
import { scheduleProblem } from './cases.outcomes.ts';

/** A beheerder, or a regiocoördinator of an organisation in the region (its VT organisation or a gemeente in it). */
async function mayEditSchedule(db: Db, context: RequestContext, region: string): Promise<boolean> {
  const actor = context.actor;
  if (isAdmin(actor)) return true;
  if (actor.kind !== 'user') return false;
  const areas = actor.memberships
    .filter((membership) => membership.role === 'regiocoordinator' && membership.areaCode !== null)
    .map((membership) => membership.areaCode as string);
  if (areas.includes(region)) return true;
  if (areas.length === 0) return false;
  const rows = await selectRows<{ child_code: string }>(
    db,
    sql`select child_code from area_membership where parent_code = ${region} and valid_to is null
        and child_code = any(${textArray(areas)}::text[])`,
  );
  return rows.length > 0;
}

export async function saveSchedule(
  db: Db,
  context: RequestContext,
  region: string,
  moments: FollowUpMoment[],
): Promise<{ region: string; recomputed: number }> {
  const [area] = await selectRows<{ code: string }>(
    db,
    sql`select code from area where code = ${region} and level = 'veiligthuisregio'`,
  );
  if (!area) throw new NotFoundError(`Veilig Thuis-regio ${region} bestaat niet.`);
  if (!(await mayEditSchedule(db, context, region)))
    throw new ForbiddenError(
      'Het vervolgschema van een regio stelt een beheerder of een regiocoördinator van die regio in.',
    );
  const problem = scheduleProblem(moments);
  if (problem) throw new BadRequestError(problem, 'moments');
  const sorted = [...moments].sort((a, b) => a.months - b.months);
  return db.transaction(async (tx) => {
    await tx.execute(sql`insert into follow_up_schedule (region, moments, updated_by)
      values (${region}, ${JSON.stringify(sorted)}::jsonb, ${actorLabel(context.actor)})
      on conflict (region) do update set moments = excluded.moments, updated_by = excluded.updated_by, updated_at = now()`);
    const households = await selectRows<{ household: string }>(
      tx,
      sql`select distinct household from casus where superseded_at is null and region = ${region}`,
    );
    await resummariseHouseholds(
      tx,
      households.map((row) => row.household),
    );
    await recordAudit(tx, context, {
      action: 'vervolgschema.wijzigen',
      result: 'success',
      objectType: 'follow_up_schedule',
      objectId: region,
      details: { moments: sorted },
    });
    return { region, recomputed: households.length };
  });
}
