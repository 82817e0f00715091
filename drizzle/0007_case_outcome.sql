CREATE TABLE "case_outcome_rollup" (
	"measure" text NOT NULL,
	"intervention" text NOT NULL,
	"region" text,
	"year" smallint,
	"safety" text,
	"answer" text,
	"pending_until" date,
	"cases" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_outcome" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"gemeente" text NOT NULL,
	"region" text,
	"intervention" text NOT NULL,
	"safety" text,
	"cohort_year" smallint,
	"melding_year" smallint NOT NULL,
	"recurrence_year" smallint,
	"stopped_12" text,
	"safe_3" text,
	"safe_12" text,
	"window_3_end" date,
	"window_12_end" date,
	"recurrence_12" text,
	"recurrence_window_end" date,
	"assessed_in_time" boolean,
	"one_director" boolean
);
--> statement-breakpoint
CREATE INDEX "case_outcome_rollup_measure" ON "case_outcome_rollup" USING btree ("measure","region");--> statement-breakpoint
CREATE INDEX "case_outcome_region" ON "case_outcome" USING btree ("region");--> statement-breakpoint
-- Derived from case rows: the system reads them to count; no user reads them on their own.
ALTER TABLE "case_outcome" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_outcome_system ON "case_outcome" FOR ALL USING (ketenzicht_actor_is_admin())
  WITH CHECK (ketenzicht_actor_is_admin());
--> statement-breakpoint
ALTER TABLE "case_outcome_rollup" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_outcome_rollup_system ON "case_outcome_rollup" FOR ALL USING (ketenzicht_actor_is_admin())
  WITH CHECK (ketenzicht_actor_is_admin());
