"""A minimal in-tree PEP 517 build backend (standard library only).

The package is pure Python with no dependencies, so building it needs nothing but ``zipfile``: this
makes ``pip install ./clients/python`` (with or without ``--no-build-isolation``) work offline on a
Python that has neither setuptools nor wheel. Supports wheels, editable wheels (PEP 660) and sdists.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = "arbiter_client"
DIST = "arbiter_client"
# Packages in the wheel: the client (standard library only) and the GRPO trainer (imports torch, which
# the user installs; nothing in arbiter_client imports arbiter_grpo).
PACKAGES = ("arbiter_client", "arbiter_grpo")
SUMMARY = "Zero-dependency Python client for the Arbiter RLVR grading service (TRL, verl, OpenRLHF adapters)"
TAG = "py3-none-any"


def _version() -> str:
    with open(os.path.join(ROOT, NAME, "__init__.py"), encoding="utf-8") as fh:
        return re.search(r'__version__ = "([^"]+)"', fh.read()).group(1)


def _metadata() -> str:
    readme = ""
    path = os.path.join(ROOT, "README.md")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            readme = fh.read()
    return (
        "Metadata-Version: 2.1\nName: arbiter-client\nVersion: %s\nSummary: %s\nRequires-Python: >=3.9\n"
        "Description-Content-Type: text/markdown\n\n%s" % (_version(), SUMMARY, readme)
    )


def _package_files():
    for package in PACKAGES:
        base = os.path.join(ROOT, package)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith((".py", ".typed", ".sh")):
                    full = os.path.join(dirpath, name)
                    yield full, os.path.relpath(full, ROOT).replace(os.sep, "/")


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (arcname, digest, len(data))


def _write_wheel(wheel_directory: str, files) -> str:
    version = _version()
    dist_info = "%s-%s.dist-info" % (DIST, version)
    filename = "%s-%s-%s.whl" % (DIST, version, TAG)
    records = []
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as zf:
        entries = list(files) + [
            ("%s/METADATA" % dist_info, _metadata().encode("utf-8")),
            ("%s/WHEEL" % dist_info, ("Wheel-Version: 1.0\nGenerator: arbiter_build\nRoot-Is-Purelib: true\nTag: %s\n" % TAG).encode()),
            ("%s/top_level.txt" % dist_info, "".join("%s\n" % p for p in PACKAGES).encode()),
        ]
        for arcname, data in entries:
            zf.writestr(arcname, data)
            records.append(_record_line(arcname, data))
        records.append("%s/RECORD,," % dist_info)
        zf.writestr("%s/RECORD" % dist_info, "\n".join(records) + "\n")
    return filename


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    files = []
    for full, arcname in _package_files():
        with open(full, "rb") as fh:
            files.append((arcname, fh.read()))
    return _write_wheel(wheel_directory, files)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    pth = ("%s\n" % ROOT).encode("utf-8")
    return _write_wheel(wheel_directory, [("__editable__.%s.pth" % DIST, pth)])


def build_sdist(sdist_directory, config_settings=None):
    base = "%s-%s" % (DIST, _version())
    filename = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz") as tf:
        for rel in ("pyproject.toml", "README.md"):
            if os.path.exists(os.path.join(ROOT, rel)):
                tf.add(os.path.join(ROOT, rel), "%s/%s" % (base, rel))
        for full, arcname in _package_files():
            tf.add(full, "%s/%s" % (base, arcname))
        backend = os.path.abspath(__file__)
        tf.add(backend, "%s/_build_backend/%s" % (base, os.path.basename(backend)))
        info = tarfile.TarInfo("%s/PKG-INFO" % base)
        data = _metadata().encode("utf-8")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    return filename
