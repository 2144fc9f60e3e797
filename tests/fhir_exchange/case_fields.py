"""Every field of a case as (path, value) pairs, walked through its dataclasses, lists and mappings, so two cases
can be compared field by field and the differences named."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any


def fields_of(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(path, value) for every leaf; a list or mapping also gives its length or keys, so a lost item shows."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from fields_of(getattr(value, field.name), f"{path}.{field.name}" if path else field.name)
    elif isinstance(value, tuple | list):
        yield f"{path}#items", len(value)
        for n, item in enumerate(value):
            yield from fields_of(item, f"{path}[{n}]")
    elif isinstance(value, dict):
        yield f"{path}#keys", sorted(str(k) for k in value)
        for key, item in value.items():
            yield from fields_of(item, f"{path}[{key}]")
    else:
        yield path, value


def differences(before: Any, after: Any) -> dict[str, tuple[Any, Any]]:
    """{path: (before, after)} for every field whose value differs (a missing field reads as '<absent>')."""
    old, new = dict(fields_of(before)), dict(fields_of(after))
    return {p: (old.get(p, "<absent>"), new.get(p, "<absent>")) for p in sorted(set(old) | set(new))
            if old.get(p, "<absent>") != new.get(p, "<absent>")}
