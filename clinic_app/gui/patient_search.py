"""The patient search the pickers use: the setup service's search, with an exact-MRN fallback.

``ClinicSetupService.search_patients`` can fail outside the service's own errors (it was seen
raising SQLAlchemy's DetachedInstanceError, reported to the lead). The desk must still be able
to find a patient, so a failed search falls back to looking the text up as an exact MRN; the
failure is still reported through the picker so it is not silent.
"""

from __future__ import annotations

from collections.abc import Callable

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import ClinicError
from clinic_app.services.actor import Actor
from clinic_app.services.results import PatientView

SEARCH_LIMIT = 50


class PatientSearchFailed(Exception):
    """The search failed; ``fallback`` holds what the exact-MRN lookup found."""

    def __init__(self, cause: BaseException, fallback: list[PatientView]) -> None:
        super().__init__(f"patient search failed: {type(cause).__name__}: {cause}")
        self.cause = cause
        self.fallback = fallback


def patient_search(services: Services, actor: Actor) -> Callable[[str], list[PatientView]]:
    """A search function for :class:`~clinic_app.gui.widgets.patient_picker.PatientPicker`."""

    def search(text: str) -> list[PatientView]:
        try:
            return services.setup.search_patients(actor, text, limit=SEARCH_LIMIT)
        except ClinicError:
            raise
        except Exception as error:  # a service fault: keep the desk working by MRN
            fallback: list[PatientView] = []
            needle = text.strip()
            if needle:
                try:
                    fallback = [services.setup.patient(actor, needle)]
                except Exception:  # not an MRN either: nothing found
                    fallback = []
            raise PatientSearchFailed(error, fallback) from error

    return search
