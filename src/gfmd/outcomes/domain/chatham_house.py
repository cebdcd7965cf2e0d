"""The Chatham House check: sentences that attribute a statement to a named state or person.

"[The Forum's] deliberations are held under Chatham House Rules" (Operating Modalities §8,
003 L9650-L9651, rule R3): what is said on the floor may be reported, not who said it. The
2010 report writes so: "One delegate highlighted the importance of national-level leadership
... Another delegate called for stronger binding agreements" (002 L2023-L2030). The 2007 report
still names panellists and chairs presenting their own experience ("Morocco suggested that",
003 L2324; the chairs and panellists of each session), so the check takes the names that may
appear (``allowed_names``: the session's chairs and panellists, the reporting state) and only
warns: a person decides whether the sentence reports a panel presentation or a floor
intervention. It never blocks a save.

What it looks for, sentence by sentence: a state's name, or a person's name after a title (Mr,
Ms, Dr, Amb., H.E., M., Mme, Sr., Sra.), followed within a few words by a verb of speech (said,
stated, argued, suggested, called for... and their French and Spanish forms), or after
"according to". What it does not see: adjectives of nationality ("the Mexican delegation
said") and names without a title; docs/outcomes.md says so.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

SOURCE = "003 L9650-L9651"
CODE = "chatham_house"

SPEECH_VERBS = (
    # English
    "said",
    "says",
    "stated",
    "states that",
    "argued",
    "suggested",
    "proposed",
    "noted",
    "stressed",
    "underlined",
    "underscored",
    "insisted",
    "objected",
    "called for",
    "urged",
    "emphasized",
    "emphasised",
    "highlighted",
    "pointed out",
    "warned",
    "claimed",
    "remarked",
    "complained",
    "criticized",
    "criticised",
    "recalled",
    "intervened",
    "explained",
    "questioned",
    "opposed",
    "disagreed",
    "expressed",
    "asked",
    "added",
    "maintained",
    "contended",
    "observed",
    "commented",
    "recommended",
    "announced",
    # French
    "a déclaré",
    "a dit",
    "a proposé",
    "a suggéré",
    "a souligné",
    "a insisté",
    "a estimé",
    "a rappelé",
    "a affirmé",
    "a plaidé",
    "s'est opposé",
    "s’est opposé",
    "a demandé",
    "a exprimé",
    "a fait valoir",
    "a fait observer",
    "a noté",
    "a indiqué",
    # Spanish
    "dijo",
    "declaró",
    "propuso",
    "sugirió",
    "señaló",
    "subrayó",
    "insistió",
    "afirmó",
    "destacó",
    "recordó",
    "pidió",
    "se opuso",
    "manifestó",
    "expresó",
    "indicó",
    "planteó",
)
TITLES = (
    r"Mr\.?",
    r"Mrs\.?",
    r"Ms\.?",
    r"Dr\.?",
    r"Prof\.?",
    r"Professor",
    r"Amb\.?",
    r"Ambassador",
    r"H\.\s?E\.",
    r"Minister",
    r"Sir",
    r"Dame",
    r"M\.",
    r"Mme\.?",
    r"Sr\.",
    r"Sra\.",
    r"Dra\.",
)
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "amb",
    "e",
    "h",
    "m",
    "mme",
    "sr",
    "sra",
    "dra",
    "st",
    "no",
    "nos",
    "e.g",
    "i.e",
    "etc",
    "cf",
    "vs",
    "art",
    "para",
    "p",
    "pp",
}
NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'\-]+"
PERSON = re.compile(
    r"(?:(?<=\s)|^|(?<=\())(?:"
    + "|".join(TITLES)
    + r")\s+"
    + NAME_WORD
    + r"(?:\s+"
    + NAME_WORD
    + r"){0,3}"
)
# A verb of speech up to this many characters after the name, within the sentence.
WINDOW = 80
VERB_AFTER = re.compile(
    r"^[^.;:!?]{0,"
    + str(WINDOW)
    + r"}?(?<!\w)("
    + "|".join(re.escape(v) for v in SPEECH_VERBS)
    + r")(?!\w)",
    re.IGNORECASE,
)
ACCORDING_TO = re.compile(
    r"(?:according to|in the words of|selon|d'après|d’après|según)\s+(?:the\s+|la\s+|le\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AttributionWarning:
    """A sentence that names who said something (the rule warns, it never blocks)."""

    code: str
    message: str
    source: str
    sentence: str
    name: str


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``: a full stop, question or exclamation mark followed by a space
    ends one, unless it closes an abbreviation such as "Mr." or "e.g."; so does a blank
    line."""
    sentences, start = [], 0
    text = text or ""
    for match in re.finditer(r"[.!?]+(?=\s)|\n\s*\n", text):
        end = match.end()
        if match.group().startswith((".",)):
            before = re.search(r"([\w.]+)\.$", text[start:end])
            if before and before.group(1).lower().rstrip(".") in ABBREVIATIONS:
                continue
            if before and re.fullmatch(r"[A-Z]", before.group(1)):
                continue  # an initial: "J. Smith"
        sentence = " ".join(text[start:end].split())
        if sentence:
            sentences.append(sentence)
        start = end
    rest = " ".join(text[start:].split())
    if rest:
        sentences.append(rest)
    return sentences


def _words(name: str) -> set[str]:
    titles = re.compile(r"^(?:" + "|".join(TITLES) + r")$", re.IGNORECASE)
    return {
        w.casefold()
        for w in re.findall(r"[\w’'\-.]+", name)
        if not titles.match(w) and len(w.strip(".")) > 1
    }


def is_allowed(name: str, allowed_names) -> bool:
    """A name may appear when it is one of ``allowed_names``, or a part of one ("Mr Sutherland"
    for "Peter Sutherland")."""
    words = _words(name)
    if not words:
        return False
    return any(words <= _words(allowed) for allowed in allowed_names if allowed)


def _state_pattern(state_names) -> re.Pattern | None:
    names = sorted({n.strip() for n in state_names if n and n.strip()}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def known_state_names() -> list[str]:
    """Every state's name in the three languages, as the directory holds them."""
    from gfmd.directory.models import State

    names = []
    for row in State.objects.values_list("name_en", "name_fr", "name_es"):
        names.extend(n for n in row if n)
    return names


def _mentions(sentence: str, state_pattern) -> list[re.Match]:
    found = list(PERSON.finditer(sentence))
    if state_pattern is not None:
        found += [
            m
            for m in state_pattern.finditer(sentence)
            if not any(p.start() <= m.start() < p.end() for p in found)
        ]
    return sorted(found, key=lambda m: m.start())


def _attributes(sentence: str, mention: re.Match) -> bool:
    if VERB_AFTER.match(sentence[mention.end() :]):
        return True
    return bool(ACCORDING_TO.search(sentence[: mention.start()]))


def check_chatham_house(
    text: str, *, allowed_names=(), state_names=None
) -> list[AttributionWarning]:
    """Warnings for the sentences of ``text`` that attribute a statement to a named state or
    person other than ``allowed_names`` (R3, 003 L9650-L9651). ``state_names`` defaults to the
    directory's states in English, French and Spanish."""
    if not (text or "").strip():
        return []
    pattern = _state_pattern(known_state_names() if state_names is None else state_names)
    warnings = []
    for sentence in split_sentences(text):
        for mention in _mentions(sentence, pattern):
            name = " ".join(mention.group().split())
            if is_allowed(name, allowed_names) or not _attributes(sentence, mention):
                continue
            warnings.append(
                AttributionWarning(
                    code=CODE,
                    message=_(
                        "This sentence attributes a statement to %(name)s. Deliberations are "
                        "held under the Chatham House Rule (%(source)s): report what was said, "
                        "not who said it (“one delegate…”), unless %(name)s spoke as panellist "
                        "or chair."
                    )
                    % {"name": name, "source": SOURCE},
                    source=SOURCE,
                    sentence=sentence,
                    name=name,
                )
            )
            break  # one warning per sentence
    return warnings
