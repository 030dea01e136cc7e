"""The real client address behind the load balancer.

The peer of a request (``REMOTE_ADDR``) is the load balancer when the site runs behind
one. Its addresses (or networks) are listed in ``FORWARDED_ALLOW_IPS``, the same variable
gunicorn reads to trust ``X-Forwarded-Proto``. When the peer is one of them, the client is
the right-most address of ``X-Forwarded-For`` that is *not* a trusted proxy: every proxy
appends the address it saw, so the addresses to the left of the first untrusted one were
written by the client and prove nothing. Otherwise the client is the peer itself, and its
``X-Forwarded-For`` is ignored (anyone can send one).

The membership rate limit and the other django-ratelimit limits (``RATELIMIT_IP_META_KEY``),
the admin login throttle (django-axes, ``AXES_CLIENT_IP_CALLABLE``) and the request log all
ask :func:`client_address`.

Why not django-ipware: it selects the client from the header by position or by matching
the proxies named *inside* the header, and does not first check that the peer that sent
the header is a trusted proxy — a visitor connecting directly could choose their own
address. The rule here is the one gunicorn, nginx (``real_ip_recursive``) and Werkzeug's
``ProxyFix`` apply, in a few lines.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _trusted(setting: str) -> tuple[bool, tuple[Network, ...]]:
    """``FORWARDED_ALLOW_IPS`` parsed: (every peer trusted « * », networks)."""
    items = [item.strip() for item in setting.split(",") if item.strip()]
    networks = []
    for item in items:
        if item == "*":
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            continue  # a host name or a typo trusts nobody
    return "*" in items, tuple(networks)


def _parse(value: str):
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 203.0.113.7:51234
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def is_trusted_proxy(address) -> bool:
    everyone, networks = _trusted(settings.FORWARDED_ALLOW_IPS)
    return address is not None and (everyone or any(address in net for net in networks))


def client_address(request) -> str:
    """The address of the person making ``request`` (« 0.0.0.0 » when unknown: a Unix
    socket peer)."""
    cached = getattr(request, "_client_address", None)
    if cached is not None:
        return cached
    peer = _parse(request.META.get("REMOTE_ADDR", ""))
    address = peer
    if is_trusted_proxy(peer):
        for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
            candidate = _parse(hop)
            if candidate is None:
                break  # a malformed entry: stop at the last address a proxy vouched for
            address = candidate
            if not is_trusted_proxy(candidate):
                break
    result = str(address) if address is not None else "0.0.0.0"  # noqa: S104
    request._client_address = result
    return result


def log_network(address: str) -> str:
    """The client's network for the request log, never the full address (no personal data):
    IPv4 /24, IPv6 /48."""
    parsed = _parse(address)
    if parsed is None:
        return ""
    prefix = 24 if parsed.version == 4 else 48
    return str(ipaddress.ip_network(f"{parsed}/{prefix}", strict=False))
