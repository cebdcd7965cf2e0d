"""Production settings of the gunicorn server (`gunicorn -c gunicorn.conf.py gfmd.wsgi`).

The application is loaded once in the master and its objects frozen out of the garbage
collector in each worker: full collections over the ~140,000 long-lived objects of a loaded
Django otherwise pause a request for 100-150 ms every few dozen requests (bench/run.py).

What a request leaves behind in reference cycles (model instances and the related objects
prefetched onto them point at each other) is collected after the response has gone out, once it
has grown past YOUNG_GARBAGE objects, rather than by a collection of tens of thousands of objects
in the middle of a later request (25-50 ms every twenty-odd requests of the editions API). The
automatic collector stays on, with a high threshold, for a request that allocates a great deal.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG")  # "-" for standard output


YOUNG_GARBAGE = 2_000


def post_fork(server, worker):
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)


def post_request(worker, req, environ, resp):
    # A full collection: the frozen application is not traversed, and the previous request's
    # objects, promoted while they were still in use, are freed by the next one.
    if gc.get_count()[0] > YOUNG_GARBAGE:
        gc.collect()
