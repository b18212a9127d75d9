#!/usr/bin/env python3
"""Builds dist/python-service.pyz: the app package with its version stamped in, as one runnable file."""

import argparse
import pathlib
import shutil
import tempfile
import zipapp


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", required=True)
    parser.add_argument("--out", default="dist/python-service.pyz")
    args = parser.parse_args()
    root = pathlib.Path(__file__).resolve().parent.parent
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as staging:
        package = pathlib.Path(staging) / "app"
        shutil.copytree(root / "app", package, ignore=shutil.ignore_patterns("__pycache__"))
        init = package / "__init__.py"
        init.write_text(init.read_text().replace('__version__ = "dev"', f'__version__ = "{args.version}"'))
        zipapp.create_archive(staging, out, interpreter="/usr/bin/env python3", main="app.__main__:main")
    print(f"built {out} ({out.stat().st_size} bytes), version {args.version}")


if __name__ == "__main__":
    main()
