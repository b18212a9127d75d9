"""The HTTP face of the service: GET /health, GET /version, POST /quote."""

import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import __version__
from .pricing import PricingError, quote


class Handler(BaseHTTPRequestHandler):
    server_version = "python-service"

    def do_GET(self):
        if self.path == "/health":
            self._send(200, {"status": "ok"})
        elif self.path == "/version":
            self._send(200, {"version": __version__})
        else:
            self._send(404, {"error": f"no route {self.path}"})

    def do_POST(self):
        if self.path != "/quote":
            self._send(404, {"error": f"no route {self.path}"})
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            result = quote(body.get("basket", {}), body.get("coupon"))
        except (ValueError, PricingError) as e:  # json errors are ValueErrors too
            self._send(400, {"error": str(e)})
            return
        self._send(200, result.as_dict())

    def log_message(self, fmt, *args):  # keep test and deploy output quiet
        pass

    def _send(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def make_server(port=0, host="127.0.0.1"):
    """A server bound to the port (0: any free one); call serve_forever() to run it."""
    return ThreadingHTTPServer((host, port), Handler)
