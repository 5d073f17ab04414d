from hotline.clock import build_scheduler, heartbeat


def test_clock_schedules_one_heartbeat_job():
    scheduler = build_scheduler()
    [job] = scheduler.get_jobs()
    assert job.id == "heartbeat"
    assert job.func is heartbeat


def test_heartbeat_logs(caplog):
    with caplog.at_level("INFO", logger="hotline.clock"):
        heartbeat()
    assert "clock alive" in caplog.text
