"""Sales in tables and lists: rows under a header of periods ("Model | October 2025 |
October 2024"), a column of units ("Brand | Shipments | Share"), a ranked list under a line
about sales ("1. Samsung – 7.9 million").

:class:`TableReader` is a part of ``sales.SalesFinder``.
"""

from __future__ import annotations

import bisect
from decimal import Decimal

import regex

from .. import scan
from .numbers import fractional
from .sale_words import _words

#: A table column of units: "Shipments", "Units sold", "Sales (lakh)".
METRIC_HEADER = scan.compile_pattern(r"(?P<noun>units(?:\s+sold)?|sales|shipments|deliveries|registrations|bookings|volumes?)"
                              r"(?:\s*\([^)]{0,20}\))?", regex.IGNORECASE)
METRIC_OF_NOUN = {"shipments": "shipped", "deliveries": "delivered", "registrations": "registered",
                  "bookings": "booked"}
SCALE_WORD = scan.compile_pattern(r"\b(?:million|mn|lakh|crore|thousand|'000)\b", regex.IGNORECASE)
MAGNITUDE_FACTORS = {"million": Decimal(10**6), "mn": Decimal(10**6), "lakh": Decimal(10**5),
                     "crore": Decimal(10**7), "thousand": Decimal(1000), "'000": Decimal(1000)}
TABLE_SPLIT = scan.compile_pattern(r"\s*\|\s*")
#: "2. Samsung – 7.9 million": a ranked line; the label ends in no digit ("sales for the 2017-18 year").
LIST_LINE = scan.compile_pattern(r"^\s*(?:\d+\.\s*)?(?P<label>[A-Za-z][\w&'’. -]{0,40}?)(?<!\d)\s*[–—-]\s*(?=\d)")


def _units_cell(text: str, number: dict, columns: list, column: int) -> bool:
    """A table cell that counts units: not a percentage ("6.7%"), not a fraction, and in a
    column of a month or year when the table has such columns ("Change" is none)."""
    if text[number["end"]:number["end"] + 1] == "%" or fractional(Decimal(number["value"])):
        return False
    return columns[column] is not None or not any(columns)


def _list_company(label: str) -> str | None:
    """The company of a ranked list line; "Others" and "Total" are none."""
    label = label.strip()
    return None if label.casefold() in ("others", "other", "rest", "total", "others total") else label


class TableReader:
    """The table and list methods of ``SalesFinder``."""

    # -- tables and lists ----------------------------------------------------------------------
    def table_sales(self, found: list[dict]) -> list[dict]:
        """Rows of a table or list of units under a heading about sales or shipments."""
        taken = {s["span"][0] for s in found}
        sales = []
        numbers_by_start = {n["start"]: n for n in self.numbers}
        lines = self._lines()
        table_end = -1  # rows of a table already read are no header of another
        for index, (line_start, line_end) in enumerate(lines):
            if index <= table_end:
                continue
            line = self.text[line_start:line_end]
            header_period = None
            if "|" in line and not any(c.isdigit() for c in TABLE_SPLIT.split(line)[0]):
                headers = TABLE_SPLIT.split(line.strip())
                columns = self._column_periods(line_start, line_end, headers)
                if columns is None:
                    rows, read = self._metric_column_sales(lines, index, headers, numbers_by_start, taken)
                    if rows:
                        sales += rows
                        table_end = index + read
                    continue
                for row_index in range(index + 1, len(lines)):
                    cells = self._row_cells(*lines[row_index])
                    if len(cells) != len(headers):
                        break
                    table_end = row_index
                    label = cells[0][1]
                    for column, (cell_start, cell) in enumerate(cells):
                        number = numbers_by_start.get(cell_start)
                        if column == 0 or number is None or cell_start in taken:
                            continue
                        if not _units_cell(self.text, number, columns, column):
                            continue
                        if self.boilerplate is not None and self.boilerplate.contains(cell_start):
                            continue
                        sales.append({"span": [number["start"], number["end"]],
                                      "units": int(Decimal(number["value"])), "bound": "exact",
                                      "metric": "sold", "item": None, "product": label,
                                      "company": None, "region": None, "period": columns[column]})
            else:
                entry = LIST_LINE.match(line)
                if entry is None:
                    continue
                number = numbers_by_start.get(line_start + entry.end())
                heading = self._list_heading(lines, index)
                if number is None or heading is None or number["start"] in taken:
                    continue
                if self.boilerplate is not None and self.boilerplate.contains(number["start"]):
                    continue
                metric, header_period = heading
                sales.append({"span": [number["start"], number["end"]],
                              "units": int(Decimal(number["value"])), "bound": "exact", "metric": metric,
                              "item": None, "product": None, "company": _list_company(entry.group("label")),
                              "region": None, "period": header_period})
        return sales

    def _span_within(self, start: int, end: int, with_duration: bool = False) -> dict | None:
        """The first time span starting in [start, end)."""
        i = bisect.bisect_left(self.time_starts, start)
        while i < len(self.time_spans) and self.time_starts[i] < end:
            if not with_duration or self.time_spans[i].get("duration"):
                return self.time_spans[i]
            i += 1
        return None

    def _lines(self) -> list[tuple[int, int]]:
        lines, position = [], 0
        for line in self.text.splitlines(keepends=True):
            lines.append((position, position + len(line.rstrip("\r\n"))))
            position += len(line)
        return lines

    def _column_periods(self, line_start: int, line_end: int, headers: list[str]) -> list[dict] | None:
        """A header whose columns are periods ("Model | October 2025 | October 2024")."""
        periods: list[dict | None] = []
        position = line_start
        for header in headers:
            cell_start = self.text.find(header, position, line_end)
            position = cell_start + len(header)
            periods.append(self._span_within(cell_start, cell_start + len(header)))
        return periods if any(p is not None for p in periods[1:]) else None

    def _row_cells(self, row_start: int, row_end: int) -> list[tuple[int, str]]:
        """(start, text) of each cell of a table row."""
        cells, position = [], row_start
        for cell in TABLE_SPLIT.split(self.text[row_start:row_end].strip()):
            position = self.text.find(cell, position, row_end)
            cells.append((position, cell))
            position += len(cell)
        return cells

    def _metric_column_sales(self, lines: list[tuple[int, int]], index: int, headers: list[str],
                             numbers_by_start: dict[int, dict], taken: set[int]) -> tuple[list[dict], int]:
        """"Brand | Shipments | Share" under "Japan smartphone shipments, Q3 2025 (million
        units)": the Shipments column, scaled and dated by the line above the table. Returns
        the sales and the number of rows read."""
        column = next((k for k, h in enumerate(headers) if k and METRIC_HEADER.fullmatch(h.strip())), None)
        if column is None:
            return [], 0
        heading_start, heading_end = lines[index - 1] if index else (0, 0)
        heading = self.text[heading_start:heading_end]
        scale_match = SCALE_WORD.search(headers[column]) or SCALE_WORD.search(heading)
        scale = MAGNITUDE_FACTORS[scale_match.group(0).lower()] if scale_match else Decimal(1)
        noun = METRIC_HEADER.fullmatch(headers[column].strip()).group("noun").lower()
        metric = METRIC_OF_NOUN.get(noun, "sold")
        period = self._span_within(heading_start, heading_end, with_duration=True) or self.report_period
        sales, read = [], 0
        for row_start, row_end in lines[index + 1:]:
            cells = self._row_cells(row_start, row_end)
            if len(cells) != len(headers):
                break
            read += 1
            cell_start, cell = cells[column]
            number = numbers_by_start.get(cell_start)
            if (number is None or number["end"] != cell_start + len(cell) or cell_start in taken
                    or (self.boilerplate is not None and self.boilerplate.contains(cell_start))):
                continue
            label_start, label = cells[0]
            mention = self.products.mention_around(label_start, label_start + 1)
            sales.append({"span": [number["start"], number["end"]],
                          "units": int(Decimal(number["value"]) * scale), "bound": "exact", "metric": metric,
                          "item": None, "product": mention, "company": None if mention else _list_company(label),
                          "region": None, "period": period})
        return sales, read

    def _list_heading(self, lines: list[tuple[int, int]], index: int) -> tuple[str, dict | None] | None:
        """The line above a list that names shipments or sales, with its period."""
        for line_start, line_end in reversed(lines[max(0, index - 8):index]):
            line = self.text[line_start:line_end]
            if not line.strip() or LIST_LINE.match(line):
                continue
            match = self.patterns["verb"].search(line)
            if match is None:
                return None
            metric = _words()["verb"][match.group(0).lower()]
            return metric, self._span_within(line_start, line_end, with_duration=True)
        return None
