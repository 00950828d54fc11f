"""Write a file under a temporary name and rename it into place only when it is complete.

A reader (or the user's spreadsheet program) never sees half a file, and a failed or cancelled
export leaves nothing behind: the temporary file is removed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_output(path: Path | str, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success rename it to ``path``.

    On any exception (including a cancellation) the temporary file is deleted and the
    exception propagates; an existing file at ``path`` is left untouched. A missing folder is
    not created (``OSError``).
    """
    target = Path(path)
    # The folder must exist already: creating folders from a mistyped path would hide the typo.
    fd, tmp_name = tempfile.mkstemp(prefix=".export-", suffix=suffix, dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp_name)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
