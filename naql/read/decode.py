"""Bytes → text: BOMs, UTF-8, UTF-16 without BOM, windows-1256, and clear refusals."""
from __future__ import annotations

import codecs
import re
from typing import AnyStr

from .errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_SAMPLE = 8192
# Bytes that do not occur in text: C0 controls other than \t \n \v \f \r, and DEL.
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r") + b"\x7f"
_CONTROL_CHARS = dict.fromkeys(_CONTROL)  # the same, as a str.translate table that drops them
_CONTROL_BYTES = re.compile(b"[" + re.escape(_CONTROL) + b"]")
_CONTROL_TEXT = re.compile("[" + re.escape(_CONTROL.decode("ascii")) + "]")
# A broken crawler scatters a few NULs or other control bytes through a text; binary data
# (images, archives, executables) is about one tenth control bytes, and most hold NULs.
_SPRINKLED = 0.02
_DAMAGED = 0.05  # the share of non-ASCII characters damaged UTF-8 may lose and still be UTF-8
_SURROGATE = re.compile("[\ud800-\udfff]")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)


def decode(data: bytes | str, charset: str | None = None) -> str:
    """Decode raw input (a str only gets the same checks); ``charset`` is a declared one.

    Order, cheapest and most certain first: BOM, UTF-16 byte pattern, control bytes
    (a sprinkling is dropped, more is binary data and refused), strict UTF-8 (no detection is run on valid UTF-8), declared charset (HTTP header or
    <meta>), UTF-8 with a few damaged bytes (a file cut short, a stray byte: each becomes
    U+FFFD), windows-1256 heuristic, then charset-normalizer. Line endings become \\n, a
    BOM and control characters are dropped; no other character is changed.
    """
    if isinstance(data, str):
        if (at := lone_surrogate(data)) is not None:
            raise InputError(f"not valid Unicode: a lone surrogate at character {at}")
        text = _without_controls(data)
    elif not data.strip():
        raise InputError("empty input")
    else:
        text = _decode(data, charset)
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("empty input")
    return text


def _decode(data: bytes, charset: str | None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _without_controls(_strict(data, codec, skip=len(bom)))
    if b"\x00" in data or b"\x06" in data:  # never in UTF-8 or cp1256 text
        codec = _utf16_without_bom(data[:_SAMPLE])
        if codec:
            return _without_controls(_strict(data, codec))
    data = _without_controls(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for declared in (charset, _meta_charset(data[:4096])):
        if declared:
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
    lenient = data.decode("utf-8", "replace")
    if _mostly_valid(lenient):
        return lenient
    as_1256 = data.decode("cp1256")  # every byte is defined in cp1256
    if _looks_arabic(as_1256):
        return as_1256
    import charset_normalizer  # imported late: only non-UTF-8 input pays for it

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError("cannot decode: not UTF-8, UTF-16 or windows-1256, and no other encoding fits")
    return str(best)


def _mostly_valid(text: str) -> bool:
    """UTF-8 decoded with replacement: damaged UTF-8 loses a few of its non-ASCII characters,
    while windows-1256 (or any other 8-bit) Arabic loses nearly all of them."""
    replaced = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return replaced <= non_ascii * _DAMAGED


def lone_surrogate(text: str) -> int | None:
    """Where ``text`` has a lone surrogate (from JSON such as "\\udcd9"), if it has one:
    such a string cannot be written as UTF-8, so it could be neither printed nor stored."""
    match = _SURROGATE.search(text)
    return match.start() if match else None


def _strict(data: bytes, codec: str, skip: int = 0) -> str:
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot decode: invalid {codec} at byte {exc.start + skip}") from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 of Arabic or ASCII puts 0x06 or 0x00 in every high byte: odd positions for LE."""
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]

    def high(half: bytes) -> float:
        return (half.count(0) + half.count(6)) / len(half)

    if high(odd) >= 0.7 and high(even) <= 0.3:
        return "utf-16-le"
    if high(even) >= 0.7 and high(odd) <= 0.3:
        return "utf-16-be"
    return None


def _without_controls(data: AnyStr) -> AnyStr:
    """``data`` without its control characters, when they are a sprinkling; more of them
    is binary data, refused."""
    if (_CONTROL_BYTES if isinstance(data, bytes) else _CONTROL_TEXT).search(data) is None:
        return data  # the common case, found at C speed
    kept = data.translate(None, _CONTROL) if isinstance(data, bytes) else data.translate(_CONTROL_CHARS)
    if len(data) - len(kept) > len(data) * _SPRINKLED:
        raise InputError("binary data, not text")
    return kept


def _meta_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _looks_arabic(text: str) -> bool:
    """cp1256 also maps bytes to accented Latin letters; Arabic text read as cp1256 has almost none.

    Cyrillic (cp1251) or Greek bytes read as cp1256 give a mix of Arabic and Latin letters.
    """
    arabic = latin = 0
    for ch in text[:_SAMPLE]:
        if ch >= "\u0600":
            arabic += "\u0600" <= ch <= "\u06ff"
        elif ch >= "\u00c0":
            latin += 1
    return arabic > 0 and latin <= arabic * 0.05
