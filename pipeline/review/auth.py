"""Who may talk to the review server.

Why more than a token: the app edits data, and a server on 127.0.0.1 is
reachable from every web page the reviewer has open.  So:

* listening beyond loopback requires a token (refused at start without one);
  with a token every request must carry it (``?token=`` once, then a
  cookie; or ``Authorization: Bearer`` / ``X-Review-Token`` for scripts);
* without a token the ``Host`` header must name the loopback address the
  server listens on, which defeats DNS rebinding (a hostile name that
  resolves to 127.0.0.1);
* writes must be JSON with the ``X-Review`` header: a cross-site form or
  ``no-cors`` fetch cannot send either without a CORS preflight, which the
  server never grants.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Mapping

COOKIE = "review_token"
WRITE_HEADER = "X-Review"
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


class StartRefused(ValueError):
    """The server must not start with these settings."""


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_start(host: str, token: str | None) -> None:
    """Refuse a non-loopback listener without a token (and tokens too short to be secrets)."""
    if token is not None and len(token) < 8:
        raise StartRefused("--token must be at least 8 characters")
    if not is_loopback(host) and not token:
        raise StartRefused(f"--host {host} is reachable from other machines: pass --token as well "
                           "(e.g. --token $(python -c 'import secrets; print(secrets.token_urlsafe())'))")


def _cookie(header: str | None) -> str | None:
    for part in (header or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE:
            return value
    return None


def presented_token(headers: Mapping[str, str], query_token: str | None) -> str | None:
    """The token a request carries, from wherever it carries it (``headers``: lower-case names)."""
    auth = headers.get("authorization") or ""
    if auth.startswith("Bearer "):
        return auth[len("Bearer "):].strip()
    return headers.get("x-review-token") or query_token or _cookie(headers.get("cookie"))


def token_ok(expected: str | None, presented: str | None) -> bool:
    if not expected:
        return True
    return presented is not None and hmac.compare_digest(expected.encode(), presented.encode())


def host_ok(host_header: str | None, port: int, token: str | None) -> bool:
    """Without a token only loopback names of this server's port are accepted as ``Host``."""
    if token:
        return True
    if not host_header:
        return False
    if host_header.startswith("["):  # [::1]:8765
        name, _, rest = host_header[1:].partition("]")
        p = rest[1:] if rest.startswith(":") else "80"
    else:
        name, sep, p = host_header.partition(":")
        p = p if sep else "80"
    return p == str(port) and is_loopback(name)


def write_ok(headers: Mapping[str, str]) -> bool:
    """A write request as only the app's own script sends it (``headers``: lower-case names)."""
    ctype = (headers.get("content-type") or "").split(";")[0].strip().lower()
    return ctype == "application/json" and headers.get(WRITE_HEADER.lower()) == "1"
