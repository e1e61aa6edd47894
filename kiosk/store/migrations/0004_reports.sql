-- Reserved for the reports area; empty until it needs a schema change.
SELECT 1;
