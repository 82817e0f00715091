CREATE TABLE "area_membership" (
	"id" serial PRIMARY KEY NOT NULL,
	"child_code" text NOT NULL,
	"parent_code" text NOT NULL,
	"parent_level" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "area_membership_child_level_from" UNIQUE("child_code","parent_level","valid_from"),
	CONSTRAINT "area_membership_parent_level_known" CHECK (parent_level in ('provincie', 'veiligthuisregio')),
	CONSTRAINT "area_membership_validity_ordered" CHECK ("area_membership"."valid_to" is null or "area_membership"."valid_to" > "area_membership"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "area" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "area_level_known" CHECK (level in ('land', 'provincie', 'veiligthuisregio', 'gemeente')),
	CONSTRAINT "area_validity_ordered" CHECK ("area"."valid_to" is null or "area"."valid_to" > "area"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "municipal_merger" (
	"id" serial PRIMARY KEY NOT NULL,
	"old_code" text NOT NULL,
	"old_name" text NOT NULL,
	"new_code" text NOT NULL,
	"new_name" text NOT NULL,
	"effective_date" date NOT NULL,
	"population_share" numeric(7, 6),
	"new_code_is_new" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipal_merger_old_new_date" UNIQUE("old_code","new_code","effective_date"),
	CONSTRAINT "municipal_merger_codes_differ" CHECK ("municipal_merger"."old_code" <> "municipal_merger"."new_code"),
	CONSTRAINT "municipal_merger_share_range" CHECK ("municipal_merger"."population_share" is null or ("municipal_merger"."population_share" > 0 and "municipal_merger"."population_share" <= 1))
);
--> statement-breakpoint
CREATE TABLE "population" (
	"area_code" text NOT NULL,
	"reference_date" date NOT NULL,
	"inhabitants" integer NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "population_area_code_reference_date_pk" PRIMARY KEY("area_code","reference_date"),
	CONSTRAINT "population_not_negative" CHECK ("population"."inhabitants" >= 0),
	CONSTRAINT "population_on_first_of_january" CHECK (extract(doy from "population"."reference_date") = 1)
);
--> statement-breakpoint
CREATE TABLE "reference_data_load" (
	"dataset" text PRIMARY KEY NOT NULL,
	"checksum" text NOT NULL,
	"rows" integer NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "area_membership" ADD CONSTRAINT "area_membership_child_code_area_code_fk" FOREIGN KEY ("child_code") REFERENCES "public"."area"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_membership" ADD CONSTRAINT "area_membership_parent_code_area_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."area"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "population" ADD CONSTRAINT "population_area_code_area_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."area"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_membership_parent_idx" ON "area_membership" USING btree ("parent_code","valid_from");--> statement-breakpoint
CREATE INDEX "area_level_idx" ON "area" USING btree ("level");