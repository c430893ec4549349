"""gunicorn settings for Orientation. Override any of them on the command line."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# The usual rule of thumb for synchronous workers: two per core, plus one.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = 30  # a page takes milliseconds; a worker stuck this long is restarted
graceful_timeout = 20
keepalive = 5
# Load the application once in the master: workers fork ready to serve, and a recycled worker
# (below) comes back at once instead of importing Django again.
preload_app = True
max_requests = 20000  # recycle workers now and then, bounding any slow leak
max_requests_jitter = 2000
limit_request_line = 4094
limit_request_fields = 100

# The access log never holds a query string or a body: %(U)s is the path alone.
# No IP address either (%(h)s): nothing links a visitor to the pages they read.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = "warning"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
