-- Reserved for issue 11 (0015_first_run); filled in by its owner.
SELECT 1;
