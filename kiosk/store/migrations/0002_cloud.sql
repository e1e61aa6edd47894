-- Reserved for the cloud area; empty until it needs a schema change.
SELECT 1;
