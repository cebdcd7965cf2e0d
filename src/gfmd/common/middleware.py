import time

from django.db import connection


class ContentSecurityPolicyMiddleware:
    """No inline script or style anywhere: every page says so to the browser."""

    policy = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # The API's interactive documentation (Swagger UI) needs its own inline bootstrap.
        if not request.path.startswith("/api/v1/docs"):
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class ServerTimingMiddleware:
    """Benchmarks only (GFMD_SERVER_TIMING=1): a ``Server-Timing`` header with the time spent in
    Django and the number of SQL queries, so bench/run.py measures the server, not the network.

    Put first in MIDDLEWARE so the figure covers every other middleware and template rendering.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = _QueryCounter()
        started = time.perf_counter()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        total = (time.perf_counter() - started) * 1000
        response.headers["Server-Timing"] = (
            f'total;dur={total:.2f}, db;dur={counter.duration * 1000:.2f};desc="{counter.count}"'
        )
        return response


class _QueryCounter:
    """Counts the SQL queries of a request and the time spent in them (works with DEBUG off)."""

    def __init__(self):
        self.count = 0
        self.duration = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.duration += time.perf_counter() - started
            self.count += 1
