-- Reserved for issue 11 (0011_tenders); filled in by its owner.
SELECT 1;
