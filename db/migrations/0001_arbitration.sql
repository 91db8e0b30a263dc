CREATE TABLE "consensus_merges" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"round_id" text,
	"document_id" text NOT NULL,
	"code_id" text NOT NULL,
	"fingerprint" text NOT NULL,
	"spans" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "applied" jsonb;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consensus_merges" ADD CONSTRAINT "consensus_merges_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consensus_merges" ADD CONSTRAINT "consensus_merges_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consensus_merges_fingerprint_idx" ON "consensus_merges" USING btree ("project_id","fingerprint");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_fingerprint_idx" ON "disputes" USING btree ("project_id","fingerprint");