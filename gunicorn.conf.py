"""gunicorn settings for quizapp (docs/deploy.md):

    gunicorn -c gunicorn.conf.py "quizapp:create_app()"

Every value can be set from the environment, so one file serves a school's single host and a
district's several. App servers keep no state of their own: sessions are signed cookies, data
is in the database, rate limits in RATELIMIT_STORAGE_URI (the database by default, or Redis).
"""

import multiprocessing
import os

bind = os.environ.get("QUIZAPP_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("QUIZAPP_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("QUIZAPP_THREADS", "1"))  # more than 1: the gthread worker
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("QUIZAPP_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
max_requests = 10_000  # a worker is replaced now and then: no slow leak lives long
max_requests_jitter = 1_000
accesslog = None  # quizapp logs each request itself, with its time (REQUEST_LOG)
errorlog = "-"
# the reverse proxy's address: its X-Forwarded-* headers are trusted from there only
forwarded_allow_ips = os.environ.get("QUIZAPP_FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_starting(server):
    """Refuse several workers that would each count rate limits in their own memory: login
    limits would multiply by the number of workers."""
    from quizapp.settings import deployed_config, limits_counted_per_process

    if server.cfg.workers > 1 and limits_counted_per_process(deployed_config()):
        raise RuntimeError(
            f"RATELIMIT_STORAGE_URI is memory:// with {server.cfg.workers} workers: each would count "
            "login limits alone. Use the default database:// (or redis://), or QUIZAPP_WORKERS=1."
        )
