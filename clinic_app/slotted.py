"""A fast positional constructor for frozen, slotted dataclasses built in bulk.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__`` (its own
``__setattr__`` refuses), a method lookup and call per field: about 3.2 us for a 15-field
``SessionView``. The day screen and the exports build ~1,000 to 100,000 such views per read,
so they use :func:`slot_constructor`. It fills the slots in an instance of a *builder*: a
class with the very same slots and a plain ``__init__`` (``self.x = x``, which the
interpreter stores straight into the slot), then makes the object the frozen class it is
meant to be by assigning its ``__class__``, which Python allows between classes whose
layouts are the same. About 0.5 us for a ``SessionView`` (writing each slot through its
descriptor, the way before, took 1.6 us). The object is the same: same class, same field
values, equal and hashable as one made by ``__init__`` (``tests/unit/test_slotted.py``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def slot_constructor(cls: type[T]) -> Callable[..., T]:
    """``make(*values)`` building ``cls`` from every field's value, in field order.

    Only for a slotted dataclass without ``__post_init__`` (nothing to check or derive),
    without a base class (whose frozen ``__setattr__`` the builder would inherit) and without
    a weak-reference slot (a layout a builder cannot share); every field must be given:
    defaults are not applied.
    """
    if not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__ that this constructor would skip")
    if cls.__bases__ != (object,):
        raise TypeError(f"{cls.__name__} derives from a class: its slots are not all its own")
    names = [f.name for f in dataclasses.fields(cls)]
    arguments = ", ".join(names)
    init = [f"def __init__(self, {arguments}):", *(f"    self.{n} = {n}" for n in names)]
    namespace: dict[str, Any] = {}
    exec("\n".join(init if names else [*init, "    pass"]), namespace)
    builder = type(
        f"_{cls.__name__}Builder",
        (object,),
        {"__slots__": cls.__dict__["__slots__"], "__init__": namespace["__init__"]},
    )
    probe: Any = object.__new__(builder)
    try:  # the same slots in the same order should give the same layout; make sure
        probe.__class__ = cls
    except TypeError as layout:
        raise TypeError(f"{cls.__name__} has a layout a builder cannot share") from layout
    make_source = [
        f"def make({arguments}):",
        f"    obj = _Builder({arguments})",
        "    obj.__class__ = _cls",
        "    return obj",
    ]
    namespace = {"_Builder": builder, "_cls": cls}
    exec("\n".join(make_source), namespace)
    make: Callable[..., T] = namespace["make"]
    make.__qualname__ = f"slot_constructor({cls.__name__})"
    return make
