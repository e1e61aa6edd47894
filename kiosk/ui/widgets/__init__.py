"""Small reusable widgets shared by the counter screens (and free for other modes to use)."""
