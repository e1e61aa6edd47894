-- Reserved for issue 11 (0013_audit_chain); filled in by its owner.
SELECT 1;
