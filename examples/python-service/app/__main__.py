"""Entry point: `python3 -m app` or `python3 python-service.pyz` [--port N] [--port-file F] [--self-test] [--version]."""

import argparse
import sys

from . import __version__
from .pricing import quote
from .server import make_server


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python-service")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--port-file", help="write the bound port here once listening")
    parser.add_argument("--self-test", action="store_true", help="price a known basket and exit")
    parser.add_argument("--version", action="store_true")
    args = parser.parse_args(argv)
    if args.version:
        print(__version__)
        return 0
    if args.self_test:
        total = quote({"apple": 2, "coffee": 1}).total
        print(f"self-test: basket total {total} cents")
        return 0 if total == 1186 else 1
    server = make_server(args.port)
    if args.port_file:
        with open(args.port_file, "w") as f:
            f.write(str(server.server_address[1]))
    print(f"python-service {__version__} listening on port {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
