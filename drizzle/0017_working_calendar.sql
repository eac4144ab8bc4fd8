CREATE TYPE "public"."calendar_day_kind" AS ENUM('holiday', 'workday');--> statement-breakpoint
CREATE TABLE "working_calendar_days" (
	"year" integer NOT NULL,
	"day" date NOT NULL,
	"kind" "calendar_day_kind" NOT NULL,
	CONSTRAINT "working_calendar_days_year_day_pk" PRIMARY KEY("year","day")
);
--> statement-breakpoint
CREATE TABLE "working_calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "working_calendar_days" ADD CONSTRAINT "working_calendar_days_year_working_calendar_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."working_calendar_years"("year") ON DELETE cascade ON UPDATE no action;