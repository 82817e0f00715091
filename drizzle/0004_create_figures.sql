CREATE TABLE "dimension_value" (
	"dimension_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" smallint NOT NULL,
	CONSTRAINT "dimension_value_dimension_code_code_pk" PRIMARY KEY("dimension_code","code")
);
--> statement-breakpoint
CREATE TABLE "dimension" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batch" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_size" bigint NOT NULL,
	"file_sha256" text NOT NULL,
	"format" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"rows" integer NOT NULL,
	"added" integer NOT NULL,
	"changed" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"undo_of" integer,
	"undone_by" integer,
	"details" jsonb,
	CONSTRAINT "import_batch_kind_known" CHECK ("import_batch"."kind" in ('import', 'undo')),
	CONSTRAINT "import_batch_format_known" CHECK (format in ('ketenzicht-csv', 'cbs-csv', 'cbs-json', 'xlsx'))
);
--> statement-breakpoint
CREATE TABLE "indicator" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"definition" text NOT NULL,
	"source" text NOT NULL,
	"unit" text NOT NULL,
	"period_types" text[] NOT NULL,
	"aggregation" text NOT NULL,
	"higher_is_better" boolean,
	"breakdowns" text[] NOT NULL,
	"formula" jsonb,
	"origin" text NOT NULL,
	"sort_order" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_source_known" CHECK (source in ('veilig-thuis', 'politie', 'gemeente', 'veiligheidshuis', 'wijkteam', 'cbs')),
	CONSTRAINT "indicator_unit_known" CHECK (unit in ('aantal', 'percentage', 'dagen', 'euro')),
	CONSTRAINT "indicator_aggregation_known" CHECK (aggregation in ('sum', 'none')),
	CONSTRAINT "indicator_origin_known" CHECK ("indicator"."origin" in ('shipped', 'beheerder'))
);
--> statement-breakpoint
CREATE TABLE "observation" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_code" text COLLATE "C" NOT NULL,
	"area_code" text COLLATE "C" NOT NULL,
	"period" text COLLATE "C" NOT NULL,
	"breakdown" text COLLATE "C" DEFAULT '' NOT NULL,
	"value" double precision,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"import_id" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone,
	"withdrawn" boolean DEFAULT false NOT NULL,
	CONSTRAINT "observation_status_known" CHECK (status in ('voorlopig', 'definitief')),
	CONSTRAINT "observation_value_or_withdrawn" CHECK (("observation"."value" is null) = "observation"."withdrawn")
);
--> statement-breakpoint
ALTER TABLE "dimension_value" ADD CONSTRAINT "dimension_value_dimension_code_dimension_code_fk" FOREIGN KEY ("dimension_code") REFERENCES "public"."dimension"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_batch_sha256" ON "import_batch" USING btree ("file_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "observation_current_key" ON "observation" USING btree ("indicator_code","period","area_code","breakdown") WHERE "observation"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "observation_key_history" ON "observation" USING btree ("indicator_code","area_code","period","breakdown","version");--> statement-breakpoint
CREATE INDEX "observation_import" ON "observation" USING btree ("import_id");