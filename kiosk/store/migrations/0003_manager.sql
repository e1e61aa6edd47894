-- Reserved for the manager area; empty until it needs a schema change.
SELECT 1;
