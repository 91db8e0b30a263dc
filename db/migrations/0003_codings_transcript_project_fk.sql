ALTER TABLE "transcripts" ADD CONSTRAINT "transcripts_id_project_unique" UNIQUE("id","project_id");--> statement-breakpoint
ALTER TABLE "codings" DROP CONSTRAINT "codings_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "codings" DROP CONSTRAINT "codings_transcript_id_transcripts_id_fk";
--> statement-breakpoint
ALTER TABLE "codings" ADD CONSTRAINT "codings_transcript_project_fk" FOREIGN KEY ("transcript_id","project_id") REFERENCES "public"."transcripts"("id","project_id") ON DELETE cascade ON UPDATE no action;
