-- Reserved for issue 11 (0012_money_controls); filled in by its owner.
SELECT 1;
