"""The patient search the pickers use: the setup service's search by part of a name or MRN."""

from __future__ import annotations

from collections.abc import Callable

from clinic_app.bootstrap import Services
from clinic_app.services.actor import Actor
from clinic_app.services.results import PatientView

SEARCH_LIMIT = 50


def patient_search(services: Services, actor: Actor) -> Callable[[str], list[PatientView]]:
    """A search function for :class:`~clinic_app.gui.common.patient_picker.PatientPicker`."""

    def search(text: str) -> list[PatientView]:
        return services.setup.search_patients(actor, text, limit=SEARCH_LIMIT)

    return search
