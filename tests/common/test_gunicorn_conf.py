"""The production gunicorn settings collect a request's cyclic garbage after the response."""

import gc
import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


class Cycle:
    def __init__(self):
        self.me = self


def test_garbage_left_by_a_request_is_collected_after_it():
    settings = runpy.run_path(str(CONF))
    thresholds = gc.get_threshold()
    was_enabled = gc.isenabled()
    try:
        gc.disable()  # only the hook collects during this test
        gc.collect()
        for _ in range(settings["YOUNG_GARBAGE"] + 100):
            Cycle()
        assert gc.get_count()[0] > settings["YOUNG_GARBAGE"]
        settings["post_request"](None, None, {}, None)
        assert gc.get_count()[0] < 100
        assert not any(type(o) is Cycle for o in gc.get_objects())
        few = gc.get_count()[0]
        settings["post_request"](None, None, {}, None)  # little garbage: nothing to do
        assert gc.get_count()[0] >= few
    finally:
        gc.set_threshold(*thresholds)
        if was_enabled:
            gc.enable()
