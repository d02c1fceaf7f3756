"""Fiscal calendars: which year a fiscal mark names, where its quarters start, and whether an
article counts in fiscal years at all.

>>> _fiscal_end_year({"fy": "24"}), _quarter_start(1, ("fiscal", 2024))
(2024, datetime.date(2023, 4, 1))
"""

from __future__ import annotations

from datetime import date

import regex

from ... import dates


def _fiscal_end_year(groups: dict) -> int:
    if groups.get("fy_c"):
        return int(groups["fy_c"])
    if groups.get("fy_a") or groups.get("fy_a2"):
        return int(groups.get("fy_a") or groups["fy_a2"]) + 1
    if groups.get("fy_end"):
        return int(groups["fy"][:2] + groups["fy_end"][-2:]) if len(groups["fy"]) == 4 else dates.full_year(groups["fy_end"])
    return dates.full_year(groups["fy"])


def _fiscal_end_year_of(day: date) -> int:
    return day.year + 1 if day.month >= 4 else day.year


def _quarter_start(number: int, year: tuple[str, int]) -> date:
    kind, value = year
    if kind == "fiscal":  # Q1 of FY24 is April-June 2023
        return dates.add_months(date(value - 1, 4, 1), 3 * (number - 1))
    return date(value, 3 * (number - 1) + 1, 1)



FISCAL_CONTEXT = regex.compile(r"\bFY\s?'?\d{2}|\b(?:financial|fiscal)\s+year\b|\bfiscal\b", regex.IGNORECASE)


def _fiscal_context(text: str, folded: str | None) -> bool:
    """Does the article count in fiscal years ("FY24", "the financial year")? Looked for
    only when the lower-cased text holds "fy", "fiscal" or "financial"."""
    if folded is not None and "fy" not in folded and "fiscal" not in folded and "financial" not in folded:
        return False
    return FISCAL_CONTEXT.search(text) is not None

