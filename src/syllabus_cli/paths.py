"""The one way a path is shown to the user, in a message, a table or JSON.

A name that is not valid UTF-8 (GBK bytes from a Windows zip, which Python keeps as
surrogates) is decoded as GB18030 when it reads so (``课程.yaml``), else shown with
replacement characters: never a crash, and ``validate`` and ``export`` say the same.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

# Output names from titles and ids (build/names.py says more; the spec layer uses it too,
# to refuse two variants whose documents would get one name).
MAX_BYTES = 120  # leaves room for ".proposal.docx" and a temporary prefix under 255
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    # Windows reserves the superscript digits too: a folder "COM¹" cannot be opened there
    *(f"{device}{i}" for device in ("COM", "LPT") for i in (*"123456789", *"¹²³")),
}


def written_path(base: Path, ref: str) -> Path:
    """A file a spec names (a course in a pack, an instructor, a template, an include, a
    logo, a roster), relative to the spec's folder. ``\\`` separates folders as well as
    ``/``: a pack written on Windows (``courses\\销售.yaml``) builds on a Mac too. On a
    Mac or Linux a file whose name holds the backslash (as some unzip tools leave a
    Windows zip: one file named ``courses\\销售.yaml``) is taken when only it exists."""
    ref = ref.strip()
    path = base / ref.replace("\\", "/")
    if "\\" in ref and os.sep == "/" and not path.exists() and (base / ref).exists():
        return base / ref
    return path


def shown(path: Path | str) -> str:
    """A path for a message or JSON: always printable. A name that is not valid UTF-8
    (GBK bytes from a Windows zip, kept by Python as surrogates) is shown decoded as
    GB18030 when it reads so, else with replacement characters."""
    text = path.as_posix() if isinstance(path, Path) else path
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "/".join(_part(part) for part in text.split("/"))


def _part(part: str) -> str:
    try:
        part.encode("utf-8")
        return part
    except UnicodeEncodeError:
        raw = part.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def safe_name(text: str, fallback: str = "course") -> str:
    # a spec named in GBK bytes (a Windows zip) reads as its Chinese name, never a crash
    name = unicodedata.normalize("NFC", shown(text))
    name = _FORBIDDEN.sub("-", name)
    # no leading '-' either: shell tools would read such a file name as an option
    name = re.sub(r"\s+", " ", name).strip(" .").lstrip("-. ")
    name = re.sub(r"\.{2,}", ".", name)
    if not name or set(name) <= {"-", "."}:
        name = fallback
    if name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}"
    if len(name.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return _shortened(name)
    return name.rstrip(" .") or fallback


def _shortened(name: str) -> str:
    """A name cut to MAX_BYTES, ending in a digest of the whole name: two long names
    that differ only past the cut (a course id and two variants) stay two names."""
    import hashlib  # only for a name cut to fit: validate's start-up does not pay for it

    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    cut = name
    while len(cut.encode("utf-8", "surrogatepass")) > MAX_BYTES - len(digest) - 1:
        cut = cut[:-1]
    return f"{cut.rstrip(' .')}-{digest}"
