"""Production settings of the gunicorn server (`gunicorn -c gunicorn.conf.py gfmd.wsgi`).

The application is loaded once in the master and its objects frozen out of the garbage
collector in each worker: full collections over the ~140,000 long-lived objects of a loaded
Django otherwise pause a request for 100-150 ms every few dozen requests (bench/run.py).
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


def post_fork(server, worker):
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
