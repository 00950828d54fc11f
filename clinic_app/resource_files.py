"""The one place that finds the plain-file resources (rules data, icons, styles, translations).

In a source checkout or an editable install they are the top-level ``resources/`` folder; an
installed wheel ships the same folder as the package ``clinic_app.resources``.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path


def resources_dir() -> Path:
    """The folder that holds ``clinical_rules.toml``, ``icons/``, ``styles/``..."""
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if (checkout / "clinical_rules.toml").is_file():
        return checkout
    spec = find_spec("clinic_app.resources")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    raise FileNotFoundError("clinic_app resources not found: reinstall the application")


def resource_path(*parts: str) -> Path:
    """A file inside the resources folder."""
    return resources_dir().joinpath(*parts)
