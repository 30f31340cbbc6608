"""URL → bytes, content type and final address (after redirects)."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import InputError

MAX_BYTES = 20 * 1024 * 1024
TIMEOUT = 20.0
USER_AGENT = "naql/0.1 (Arabic news attribution extractor)"


@dataclass(slots=True)
class Fetched:
    body: bytes
    content_type: str
    url: str


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET a page, following redirects; any failure becomes an InputError naming the cause."""
    import httpx  # imported late: it takes longer to import than a batch of text files to read

    try:
        with httpx.Client(follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputError(f"HTTP {response.status_code} {response.reason_phrase} for {url}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise InputError(f"response larger than {max_bytes:,} bytes: {url}")
                return Fetched(bytes(body), response.headers.get("content-type", ""), str(response.url))
    except httpx.TimeoutException:
        raise InputError(f"timed out after {timeout:g}s fetching {url}") from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise InputError(f"cannot fetch {url}: {exc}") from None
