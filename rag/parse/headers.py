"""Flatten multi-level table headers into one name per value column.

Two ways in: positional cells (tab or markdown layouts), where a parent spans the empty cells
to its right; and free text (space layouts), where wrapped header cells have lost their
positions and the header is read as a sequence of known words.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rag import domain
from rag.parse.text import compact

SEPARATOR = "/"


@dataclass
class HeaderNode:
    name: str
    children: list["HeaderNode"] = field(default_factory=list)


@dataclass
class FlatHeader:
    columns: list[str]  # value columns, left to right
    text_column: str | None = None
    unknown: list[str] = field(default_factory=list)  # header text that matched no known word


def clean_column_name(name: str) -> str:
    name = compact(name)
    for prefix in domain.HEADER_PREFIXES_TO_DROP:
        name = name.removeprefix(prefix)
    return name


def _vocabulary() -> list[tuple[str, str]]:
    words: dict[str, str] = {}
    for word in domain.HEADER_LEAVES:
        words[compact(word)] = "value"
    for word in domain.HEADER_GROUPS:
        words[compact(word)] = "value"
    for word in domain.TEXT_HEADERS:
        words[compact(word)] = "text"
    for word in domain.LABEL_HEADERS:
        words[compact(word)] = "label"
    for prefix in domain.HEADER_PREFIXES_TO_DROP:
        words[prefix] = "skip"
    words["栏次"] = "skip"
    return sorted(words.items(), key=lambda item: -len(item[0]))


VOCABULARY = _vocabulary()


def segment_header_text(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Split joined header text into (word, role) by longest known word; return leftovers."""
    text = compact(text)
    terms: list[tuple[str, str]] = []
    unknown: list[str] = []
    position, pending_unknown = 0, ""
    while position < len(text):
        for word, role in VOCABULARY:
            if text.startswith(word, position):
                if pending_unknown:
                    unknown.append(pending_unknown)
                    pending_unknown = ""
                if role != "skip":
                    terms.append((word, role))
                position += len(word)
                break
        else:
            if not text[position].isdigit():
                pending_unknown += text[position]
            position += 1
    if pending_unknown:
        unknown.append(pending_unknown)
    return terms, unknown


def build_tree(names: list[str]) -> list[HeaderNode]:
    """Attach each name to the first open group that expects it; the rest are top level."""
    top: list[HeaderNode] = []
    open_groups: list[HeaderNode] = []
    for name in names:
        node = HeaderNode(name)
        parent = next(
            (g for g in open_groups
             if name in domain.HEADER_GROUPS[g.name] and name not in [c.name for c in g.children]),
            None,
        )
        if parent is None:
            top.append(node)
        else:
            parent.children.append(node)
            if len(parent.children) == len(domain.HEADER_GROUPS[parent.name]):
                open_groups.remove(parent)
        if name in domain.HEADER_GROUPS:
            open_groups.append(node)
    return top


def leaves(nodes: list[HeaderNode], prefix: str = "") -> list[str]:
    names: list[str] = []
    for node in nodes:
        path = f"{prefix}{SEPARATOR}{node.name}" if prefix else node.name
        names.extend(leaves(node.children, path) if node.children else [path])
    return names


def flatten_text_header(text: str) -> FlatHeader:
    """Space layout: header text of any wrapping -> flattened value columns."""
    terms, unknown = segment_header_text(text)
    values = [clean_column_name(word) for word, role in terms if role == "value"]
    text_column = next((word for word, role in terms if role == "text"), None)
    return FlatHeader(leaves(build_tree(values)), text_column, unknown)


def flatten_cell_header(rows: list[list[str]]) -> list[tuple[str, str]]:
    """Positional layout: header rows of cells -> (role, flattened name) per position."""
    width = max(len(row) for row in rows)
    grid = [[compact(cell) for cell in row] + [""] * (width - len(row)) for row in rows]
    filled = [list(row) for row in grid]
    for level, row in enumerate(grid[:-1]):
        carried = ""
        for position, cell in enumerate(row):
            if cell:
                carried = cell
            elif carried and any(grid[deeper][position] for deeper in range(level + 1, len(grid))):
                filled[level][position] = carried
            else:
                carried = ""
    result: list[tuple[str, str]] = []
    for position in range(width):
        parts = [clean_column_name(filled[level][position]) for level in range(len(grid))]
        parts = [p for p in parts if p]
        result.append((_role_of(parts), SEPARATOR.join(dict.fromkeys(parts))))
    return result


def _role_of(parts: list[str]) -> str:
    labels = {compact(word) for word in domain.LABEL_HEADERS}
    if not parts or any(part in labels for part in parts):
        return "label"
    if any(part in domain.TEXT_HEADERS for part in parts):
        return "text"
    return "value"
