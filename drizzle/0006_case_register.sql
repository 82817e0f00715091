CREATE TABLE "case_import" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_size" integer NOT NULL,
	"file_sha256" text NOT NULL,
	"supplier_id" integer,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"rows" integer NOT NULL,
	"cases" integer NOT NULL,
	"added" integer NOT NULL,
	"changed" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"undo_of" integer,
	"undone_by" integer
);
--> statement-breakpoint
CREATE TABLE "casus" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_key" text NOT NULL,
	"version" integer NOT NULL,
	"household" text NOT NULL,
	"supplier_id" integer,
	"involved_organisation_ids" integer[] NOT NULL,
	"gemeente" text NOT NULL,
	"region" text,
	"melding_date" date NOT NULL,
	"melder" text NOT NULL,
	"violence_types" text[] NOT NULL,
	"safety_assessment" text,
	"assessment_date" date,
	"decision" text,
	"decision_date" date,
	"handover_date" date,
	"receiving_team_id" integer,
	"handover_count" smallint NOT NULL,
	"director_count" smallint NOT NULL,
	"plan_date" date,
	"closure_date" date,
	"closure_reason" text,
	"primary_intervention" text,
	"cohort_year" smallint,
	"stopped_12" text,
	"safe_3" text,
	"safe_12" text,
	"window_3_end" date,
	"window_12_end" date,
	"recurrence_12" text,
	"recurrence_window_end" date,
	"working_days_to_assessment" integer,
	"days_to_handover" integer,
	"days_from_handover_to_plan" integer,
	"events" jsonb NOT NULL,
	"import_id" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone,
	"withdrawn" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_schedule" (
	"region" text PRIMARY KEY NOT NULL,
	"moments" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intervention" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"target_group" text NOT NULL,
	"violence_types" text[] NOT NULL,
	"recognition_level" text NOT NULL,
	"provider" text NOT NULL,
	"url" text,
	"description" text DEFAULT '' NOT NULL,
	"origin" text NOT NULL,
	"sort_order" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intervention_recognition_known" CHECK (recognition_level in ('goed_onderbouwd', 'effectief_eerste_aanwijzingen', 'effectief_goede_aanwijzingen', 'effectief_sterke_aanwijzingen', 'niet_beoordeeld'))
);
--> statement-breakpoint
ALTER TABLE "indicator" DROP CONSTRAINT "indicator_source_known";--> statement-breakpoint
CREATE UNIQUE INDEX "casus_current_key" ON "casus" USING btree ("case_key") WHERE "casus"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "casus_history" ON "casus" USING btree ("case_key","version");--> statement-breakpoint
CREATE INDEX "casus_household" ON "casus" USING btree ("household") WHERE "casus"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "casus_involved" ON "casus" USING gin ("involved_organisation_ids") WHERE "casus"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "casus_import" ON "casus" USING btree ("import_id");--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_source_known" CHECK (source in ('veilig-thuis', 'politie', 'gemeente', 'veiligheidshuis', 'wijkteam', 'cbs', 'casusregister'));--> statement-breakpoint
-- Case-level rows: second wall behind the service-layer rule (supplier and involved teams only). The command
-- line counts as admin here; signed-in beheerders are refused case rows by the service layer, not by this policy.
ALTER TABLE "casus" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY casus_read ON "casus" FOR SELECT USING (
  ketenzicht_actor_is_admin() OR involved_organisation_ids && ketenzicht_actor_organisation_ids()
);
--> statement-breakpoint
CREATE POLICY casus_write ON "casus" FOR ALL USING (
  ketenzicht_actor_is_admin() OR involved_organisation_ids && ketenzicht_actor_organisation_ids()
) WITH CHECK (
  ketenzicht_actor_is_admin() OR involved_organisation_ids && ketenzicht_actor_organisation_ids()
);
