"""The ``syllabus`` program (also ``python -m syllabus_cli``).

Its first line holds the garbage collector off while the command line is imported
(``startup``); everything else is ``cli.main``."""

from .startup import hold


def main() -> None:
    hold()
    from .cli import main as run

    run()


if __name__ == "__main__":
    main()
