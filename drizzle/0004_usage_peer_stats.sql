CREATE TABLE "usage_peer_stats" (
	"utility" "utility" NOT NULL,
	"district_id" integer NOT NULL,
	"household_size" smallint NOT NULL,
	"period" date NOT NULL,
	"households" integer NOT NULL,
	"median" numeric(12, 2) NOT NULL,
	"efficient" numeric(12, 2) NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_peer_stats_utility_district_id_household_size_period_pk" PRIMARY KEY("utility","district_id","household_size","period")
);
