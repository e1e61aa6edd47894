"""``kiosk simulate``: a deterministic simulator of the seat protocol (DESIGN 4b, issue 9).

It drives the real services, gate, outbox worker, pull, allocations, conflicts and online
channel of several kiosks against ONE in-process moto DynamoDB, reached through a client that
injects faults (drops, lost answers, latency, partitions, stale reads, skew, crashes), all on
virtual time, and checks the invariants after every step. A seed is a schedule: running it again
gives the same trace, so a failure is a reproducible bug report, not a flake.

One job per module: ``vclock`` (virtual time), ``faults`` (what can go wrong and how often),
``network`` (the fault-injecting client), ``truth`` (the table as it really is, and its recent
past), ``world`` (the template database), ``kiosk`` (one kiosk process that can crash),
``schedule`` (seed -> steps), ``trace`` (the event log, with stable names), ``ops`` (what a step
does), ``checks`` (the invariants), ``runner`` (one seed), ``shrink`` (shortest failing
schedule), ``pool`` (many seeds, in parallel), ``report`` (the summary).
"""
