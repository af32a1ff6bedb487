"""The Typer app and what every command shares: consoles, one-line errors, a checked
course, the options several commands take.

Nothing heavy is imported here: rich comes with ``console()`` (cli/console.py), and a
command module is imported only when its command runs (``LazyGroup``), or when ``--help``
lists them all.
"""

import importlib
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from .. import __version__, i18n
from ..startup import release
from .console import console, err, err_console, out, utf8_out
from .typer_private import TyperGroup, click_exception, registered_commands

if TYPE_CHECKING:
    import datetime as dt

    from ..agenda.layout import Agenda
    from ..check import CourseResult
    from ..i18n import Msg
    from ..problems import Problem
    from ..spec.build import Built
    from ..spec.model import Course
    from .typer_private import TyperOption, click

__all__ = [
    "COMMANDS",
    "Force",
    "Jobs",
    "app",
    "checked_course",
    "console",
    "date_flag",
    "default_output",
    "document_errors",
    "err",
    "err_console",
    "fail",
    "fail_soft",
    "out",
    "print_layout_problems",
    "print_problems",
    "template_app",
    "utf8_out",
]

# The module (in this package) of each command; importing it registers the command.
# The order here is the order of --help.
COMMANDS = {
    "validate": "checking",
    "show": "checking",
    "new": "checking",
    "schema": "checking",
    "explain": "checking",
    "agenda": "documents",
    "proposal": "proposal",
    "template": "documents",
    "export": "batch",
    "pack": "batch",
    "import": "batch",
    "preview": "preview",
    "fix": "fix",
    "doctor": "doctor",
}


def _load(module: str) -> bool:
    """Import a command module; True when it was not imported before."""
    name = f"{__package__}.{module}"
    if name in sys.modules:
        return False
    importlib.import_module(name)
    return True


class LazyGroup(TyperGroup):
    """The top-level group: a command's module is imported when the command is looked
    up, so ``syllabus validate`` never pays for the document or batch commands."""

    def get_command(self, ctx: "click.Context", cmd_name: str) -> "click.Command | None":
        module = COMMANDS.get(cmd_name)
        if module is not None and _load(module):
            self._refresh()
        elif module is None and cmd_name not in self.commands:
            self.list_commands(ctx)  # a typo: load them all, for "Did you mean 'validate'?"
        command = super().get_command(ctx, cmd_name)
        release()  # the command's module is imported: start-up is over (startup.py)
        if command is not None and i18n.language() != "en":
            from .localize import localize

            localize(command, ctx)
        return command

    # The language (i18n): the group's own help, and usage errors, in the chosen one.
    def make_context(
        self,
        info_name: "str | None",
        args: list[str],
        parent: "click.Context | None" = None,
        **extra: object,
    ) -> "click.Context":
        if i18n.language() != "en":
            from .localize import localize

            localize(self)
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click_exception() as exc:
            _localize_error(exc)
            raise

    def invoke(self, ctx: "click.Context") -> object:
        """The one place a user error (``problems.UserError``) ends a command: its
        located line on stderr and exit 1, or a usage error (exit 2) for a flag."""
        from ..problems import UserError

        try:
            return super().invoke(ctx)
        except UserError as exc:
            if exc.usage:
                usage = typer.BadParameter(str(exc), ctx=ctx, param_hint=exc.flag)
                _localize_error(usage)
                raise usage from None
            print_problems([exc.problem], exc.path or Path())
            raise typer.Exit(1) from None
        except click_exception() as exc:
            _localize_error(exc)
            raise
        except OSError as exc:
            if (found := name_too_long(exc)) is None:
                raise
            print_problems([found[1]], found[0])
            raise typer.Exit(1) from None

    def get_help_option(self, ctx: "click.Context") -> "TyperOption | None":
        option = super().get_help_option(ctx)
        if option is not None and i18n.language() != "en":
            from .localize import localize

            localize(self, ctx)
            option.help = _click_word("Show this message and exit.")
        return option

    def list_commands(self, ctx: "click.Context") -> list[str]:
        if [m for m in dict.fromkeys(COMMANDS.values()) if _load(m)]:
            self._refresh()
        order = list(COMMANDS)
        return sorted(self.commands, key=lambda n: order.index(n) if n in order else len(order))

    def _refresh(self) -> None:
        """Commands registered since this group was built (with sub-apps refilled)."""
        self.commands.update(registered_commands(app))


def _localize_error(exc: Exception) -> None:
    if i18n.language() != "en":
        from .localize import localize_error

        localize_error(exc)  # type: ignore[arg-type]


def _click_word(english: str) -> str:
    from ..i18n import zh

    return zh.CLICK.get(english, english)


app = typer.Typer(
    name="syllabus",
    help="Course-package builder for corporate trainers: check timing, write proposals and agendas.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    cls=LazyGroup,
)
template_app = typer.Typer(help="The Word template proposals are built from.", no_args_is_help=True)
app.add_typer(template_app, name="template")

Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", help="Worker processes (default: 1 for a few courses, else the cores)."
    ),
]
Variant = Annotated[
    str | None,
    typer.Option("--variant", help="Which of the course's variants (default: the first)."),
]
Force = Annotated[
    bool, typer.Option("--force", help="Replace files changed by hand since the last build.")
]
Draft = Annotated[
    bool,
    typer.Option(
        "--draft",
        help="Build even with placeholders (TODO) left: 草稿 / DRAFT on every page and in the names.",
    ),
]


def _lang(value: str | None) -> None:
    if value is None:
        return
    chosen = value.strip().lower()
    if chosen not in i18n.LANGUAGES:
        raise typer.BadParameter(i18n.t("cli.bad-lang", value=value))
    i18n.choose(chosen)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"syllabus {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            callback=_lang,
            is_eager=True,
            metavar="zh|en",
            help="Language of messages and help: zh or en (default: SYLLABUS_LANG, else the system's).",
        ),
    ] = None,
) -> None:
    """syllabus: course specs in, client-ready documents out."""


def print_problems(problems: "list[Problem] | tuple[Problem, ...]", path: Path) -> None:
    """Problem lines on stderr: coloured on a terminal, plain otherwise (and rich is
    imported only when there is something to colour)."""
    if not problems:
        return
    from ..paths import shown
    from ..report import problem_text, write_problems

    where = shown(path)
    stream = err()
    if stream.isatty():
        console = err_console()
        for problem in problems:
            console.print(problem_text(problem, where), soft_wrap=True)
    else:
        write_problems(stream, problems, where)


def fail(path: Path, code: str, message: "str | Msg") -> NoReturn:
    """One located error line for a problem found outside a spec (a template, a PDF), exit 1."""
    from ..problems import UserError

    raise UserError(path, code, message)


def fail_soft(path: Path, problem: "Problem") -> None:
    print_problems([problem], path)


def load_variant(path: Path, variant: str | None) -> "Built":
    """One course as written, in ``variant``; a variant it lacks is a usage error (exit 2)."""
    from ..spec.build import load_course

    return load_course(path, variant=variant)  # UnknownVariant: a usage error (LazyGroup)


def checked_course(path: Path, variant: str | None = None) -> "CourseResult":
    """Load and validate one course; print its problems to stderr; exit 1 on errors."""
    from ..check import check_course

    result = check_course(load_variant(path, variant), path)
    print_problems(result.problems, path)
    if result.errors or result.course is None or result.timing is None:
        raise typer.Exit(1)
    return result


def refuse_placeholders(problems: "Iterable[Problem]", path: Path, draft: bool) -> None:
    """No placeholder is ever sent to a client: with ``todo`` problems (already printed,
    each at its line) and no ``--draft``, one more line says why nothing is written, exit 1."""
    todo = [p for p in problems if p.code == "todo"]
    if todo and not draft:
        from ..i18n import msg

        fail(path, "todo", msg("build.todo-refused", n=len(todo)))


def date_flag(value: str | None, name: str = "--date") -> "dt.date | None":
    """A YYYY-MM-DD option in this century (spec.read's range); anything else is a usage
    error (exit 2)."""
    import datetime as dt

    from ..spec.read import date_range_problem

    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(i18n.t("cli.not-a-date", value=value), param_hint=name) from None
    out_of_range = date_range_problem(day, name)
    if out_of_range is not None:
        raise typer.BadParameter(i18n.render(out_of_range), param_hint=name)
    return day


def refuse_existing(path: Path) -> NoReturn:
    """``new`` or ``template init`` onto a file that exists: one located line, exit 1."""
    from ..i18n import msg
    from ..problems import UserError

    raise UserError(path, "output-exists", msg("cli.exists-located"))


def name_too_long(exc: OSError) -> "tuple[Path, Problem] | None":
    """``OSError: File name too long`` as one located line naming the name, wherever a
    command met it (``-o``, ``new``, ``template init``, a path given)."""
    import errno

    from ..files import MAX_NAME_BYTES, too_long_part
    from ..i18n import msg
    from ..problems import Mark, error

    if exc.errno != errno.ENAMETOOLONG or not exc.filename:
        return None
    path = Path(os.fsdecode(exc.filename))
    name = too_long_part(path) or path.name
    said = msg("files.too-long", name=name, limit=MAX_NAME_BYTES)
    return path, error(Mark(), "name-too-long", said)


@contextmanager
def document_errors(spec: Path, template: Path | None) -> Iterator[None]:
    """A template refused is located at the template (else the spec) when the renderer
    did not know its path; LazyGroup prints it."""
    from ..render.template_file import TemplateError

    try:
        yield
    except TemplateError as exc:
        exc.path = exc.path or template or spec
        raise


def default_output(course: "Course", suffix: str) -> Path:
    """``./<course-id>.<suffix>`` in the current folder, whatever the id says (``../x``,
    an absolute path, a Windows device name)."""
    from ..build.names import safe_name

    return Path(safe_name(course.file_id) + suffix)


def print_layout_problems(planned: "Agenda", told: "Iterable[Problem]", spec: Path) -> None:
    """What laying out the agenda found beyond what validation told (``told``): a short
    part moved or kept, a day past its end under these flags."""
    known = set(told)
    print_problems([p for p in planned.problems if p not in known], spec)
