CREATE TABLE "proposal_review_team_days" (
	"day" date NOT NULL,
	"hours" integer NOT NULL,
	"decided" integer NOT NULL,
	"review_seconds" numeric NOT NULL,
	CONSTRAINT "proposal_review_team_days_day_hours_pk" PRIMARY KEY("day","hours")
);
