"""Reading numbers that people type into addresses, filters and API bodies."""


def whole_number(text, *, max_digits: int = 9) -> int | None:
    """The number written in ``text`` with ASCII digits only, or None.

    ``str.isdigit`` accepts "²" or "٣", which ``int`` then refuses or reads, and an unbounded
    number overflows the database's integers (a 500 from user input): both are refused here."""
    text = str(text if text is not None else "").strip()
    if not text or len(text) > max_digits or not (text.isascii() and text.isdigit()):
        return None
    return int(text)
