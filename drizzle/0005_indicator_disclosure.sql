ALTER TABLE "dimension" ADD COLUMN "parts_add_up" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator" ADD COLUMN "disclosure" jsonb;