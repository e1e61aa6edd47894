"""Use cases the screens and the CLI call. Role checks and every business rule live here.

Build them all at once with ``kiosk.services.app.open_services(config)``. Each service takes the
shared ``ServiceDeps`` (database, config, clock, audit log) and is plain Python: no Qt import.
"""
