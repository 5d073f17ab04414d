"""The scheduler process (`clock:` in the Procfile): one process, so each job runs once.

Gunicorn workers never start the scheduler; jobs that need the app push its context.
"""

from __future__ import annotations

import logging

from apscheduler.schedulers.blocking import BlockingScheduler

log = logging.getLogger("hotline.clock")
HEARTBEAT_MINUTES = 5


def heartbeat() -> None:
    log.info("clock alive")


def build_scheduler() -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone="Europe/London")
    scheduler.add_job(heartbeat, "interval", minutes=HEARTBEAT_MINUTES, id="heartbeat",
                      coalesce=True, max_instances=1)
    return scheduler


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    scheduler = build_scheduler()
    heartbeat()
    scheduler.start()


if __name__ == "__main__":
    main()
