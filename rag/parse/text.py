"""Small text helpers shared by the parsers: numbers, whitespace, markup."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from rag import domain

# a figure as printed: 4,181.30 / 26，336.8 / 0.00 / 1200
NUMBER_PATTERN = r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
DECIMAL_TOKEN = re.compile(rf"^-?(?:{NUMBER_PATTERN})$")
CJK = r"\u3400-\u9fff\uf900-\ufaff"
CJK_PUNCT = r"，。、；：？！“”‘’（）《》〈〉【】…—·"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{CJK}{CJK_PUNCT}])[ \t\u3000\xa0]+(?=[{CJK}{CJK_PUNCT}\d])")
_SPACE_AFTER_DIGIT = re.compile(rf"(?<=[\d%])[ \t\u3000\xa0]+(?=[{CJK}{CJK_PUNCT}])")
_MARKUP = re.compile(r"^\s*#{1,6}\s+|\*\*|__")
_PAGE_NUMBER = re.compile(domain.PAGE_NUMBER_PATTERN)
_URL = re.compile(domain.URL_PATTERN)


def parse_number(token: str) -> Decimal | None:
    """'4,181.30' -> Decimal('4181.30'); None when the token is not a plain figure."""
    token = token.strip()
    if not DECIMAL_TOKEN.match(token):
        return None
    try:
        return Decimal(token.replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None


def is_value_token(token: str) -> bool:
    """Table values always print decimals (0.00); bare integers are 行次, 栏次 or codes."""
    return parse_number(token) is not None and "." in token


def strip_markup(text: str) -> str:
    return _MARKUP.sub("", text).strip()


def compact(text: str) -> str:
    """Text with every kind of whitespace removed, for comparisons."""
    return re.sub(r"\s+", "", text.replace("\u3000", ""))


def unquoted(text: str) -> str:
    """Without Chinese quotation marks: “三公”经费 and 三公经费 are one name."""
    return text.replace("“", "").replace("”", "")


def tidy_chinese(text: str) -> str:
    """Drop stray spaces between Chinese characters left by PDF extraction."""
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    text = _SPACE_BETWEEN_CJK.sub("", text)
    text = _SPACE_AFTER_DIGIT.sub("", text)
    text = re.sub(rf"(?<=[{CJK}{CJK_PUNCT}])\s+(?=\d)", "", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def is_page_furniture(text: str) -> bool:
    """Page numbers (- 24 -) and stray URLs printed by the PDF viewer."""
    stripped = text.strip()
    return bool(_PAGE_NUMBER.match(stripped) or _URL.match(stripped))


def indent_width(text: str) -> int:
    """Leading indentation in half-width units (a full-width space counts 2)."""
    width = 0
    for ch in text:
        if ch == "\u3000":
            width += 2
        elif ch == " ":
            width += 1
        else:
            break
    return width


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(("。", "！", "？", "；", "：", ":"))
