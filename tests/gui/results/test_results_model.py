"""The results list's model: the Qt model tester, then every cell of a real list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from clinic_app.bootstrap import Services
from clinic_app.gui.results.results_model import ResultsColumn, ResultsListModel, RowKind
from clinic_app.services.visit_views import ResultsList
from tests.conftest import NURSE
from tests.gui.results.conftest import ResultsDay


def test_results_model_passes_the_model_tester(
    qtmodeltester: Any, clinic: Services, results_day: ResultsDay
) -> None:
    model = ResultsListModel()
    model.set_listing(clinic.lab_results.results_list(NURSE))
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_results_model_content(qapp: Any, clinic: Services, results_day: ResultsDay) -> None:
    listing = clinic.lab_results.results_list(NURSE)
    model = ResultsListModel()
    model.set_listing(listing)

    def row(number: int) -> list[str]:
        return [model.data(model.index(number, c)) for c in ResultsColumn]

    kinds = [model.item(n).kind for n in range(model.rowCount())]
    assert kinds == sorted(kinds)  # URGENT, then ALERT, NOT BACK, STOPPED
    assert kinds[0] is RowKind.URGENT and RowKind.STOPPED in kinds
    urgent = row(0)
    assert urgent[:3] == ["URGENT", "Alice Archer", "M001"]
    assert "calcium" in urgent[ResultsColumn.WHAT]
    assert urgent[ResultsColumn.TO_DO] == "Act now, then acknowledge with a note"
    background = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert background is not None and background.color().name() == "#fde2e4"
    pending = next(
        n
        for n in range(model.rowCount())
        if model.item(n).kind is RowKind.NOT_BACK and model.item(n).mrn == "M002"
    )
    cells = row(pending)
    assert cells[0] == "NOT BACK" and cells[1] == "Bob Baker"
    assert cells[ResultsColumn.WHAT].startswith(f"Lab draw {results_day.pending_lab.id}: ")
    assert "creatinine" in cells[ResultsColumn.WHAT]
    assert "due by" in cells[ResultsColumn.WHEN]
    assert cells[ResultsColumn.TO_DO] == "Chase the laboratory, or record the results"
    stopped = next(n for n in range(model.rowCount()) if model.item(n).kind is RowKind.STOPPED)
    cells = row(stopped)
    assert cells[0] == "STOPPED" and cells[2] == "M001"
    assert "BLOCK A8" in cells[ResultsColumn.WHAT]
    assert "Chair 1" in cells[ResultsColumn.WHEN]
    assert model.count(RowKind.URGENT) == 1
    tooltip = model.data(model.index(0, ResultsColumn.WHAT), Qt.ItemDataRole.ToolTipRole)
    assert "URGENT" in tooltip and "acknowledge" in tooltip
    model.set_listing(ResultsList(listing.today, (), (), (), ()))
    assert model.rowCount() == 0
