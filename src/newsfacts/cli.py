"""The ``newsfacts`` command line.

    newsfacts extract article.txt --indent 2      # Article JSON on stdout
    cat article.txt | newsfacts extract -         # read stdin
    newsfacts schema > docs/schema.json           # the JSON Schema of the output
    newsfacts eval corpus/                        # score against gold annotations

Bad input (a missing or unreadable file, text that is not UTF-8, a bad gold file) prints a
one-line error on stderr and exits with code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from . import __version__

EXIT_USAGE = 2


class CliError(Exception):
    """An error the user can fix; printed as one line, exit code 2."""


def _read_input(source: str) -> str:
    """The text of FILE, or of stdin for "-", decoded as UTF-8."""
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except FileNotFoundError:
        raise CliError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{source}: is a directory, not a file") from None
    except OSError as error:
        raise CliError(f"{source}: cannot read ({error.strerror or error})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        name = "stdin" if source == "-" else source
        raise CliError(f"{name}: not UTF-8 text (invalid byte at offset {error.start})") from None


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _dump(data: object, indent: int | None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent)


def command_extract(args: argparse.Namespace) -> int:
    from .extractor import extract

    text = _read_input(args.file)
    article = extract(text, published=args.published)
    print(_dump(article.model_dump(mode="json"), args.indent))
    return 0


def command_schema(args: argparse.Namespace) -> int:
    from .models import article_json_schema

    print(_dump(article_json_schema(), args.indent))
    return 0


def command_eval(args: argparse.Namespace) -> int:
    from .evaluate import GoldError, evaluate_directory, format_errors, format_report

    try:
        report = evaluate_directory(args.directory)
    except GoldError as error:
        raise CliError(str(error)) from None
    if args.json:
        data = report.as_dict()
        if args.details:
            data["errors"] = report.errors
        print(_dump(data, 2))
    else:
        print(format_report(report))
        if args.details and report.errors:
            print()
            print(format_errors(report))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="Typed, offset-anchored facts from news articles: units sold, prices, "
        "money, specs, quotes and time spans.",
        epilog="Examples:\n"
        "  newsfacts extract corpus/001_samsung_galaxy_m37_launch.txt --indent 2\n"
        "  newsfacts extract - --published 2019-04-10 < article.txt\n"
        "  newsfacts eval corpus/ --details\n"
        "Run 'newsfacts COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsfacts {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract", help="print the facts of one article as JSON",
        description="Read one article (UTF-8 text) and print its Article record as JSON. "
        "Every fact carries its span: character offsets into the input as given.",
    )
    extract.add_argument("file", metavar="FILE", help="the article's text file, or - for stdin")
    extract.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                         help="the article's date, to resolve 'last month', 'this year' "
                         "(default: the date the text gives, if any)")
    extract.add_argument("--indent", type=int, default=None, metavar="N",
                         help="pretty-print with N spaces (default: one line)")
    extract.set_defaults(run=command_extract)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the output",
        description="Print the JSON Schema of the Article record that 'extract' prints.",
    )
    schema.add_argument("--indent", type=int, default=2, metavar="N",
                        help="indentation (default: 2)")
    schema.set_defaults(run=command_schema)

    evaluate = commands.add_parser(
        "eval", help="score extraction against gold-annotated articles",
        description="Score newsfacts on a folder of NAME.txt + NAME.json gold pairs "
        "(see GOLD-FORMAT.md). Per fact type: gold, predicted, located (spans overlap) and "
        "correct (key values agree too) counts with precision, recall and F1; then micro F1, "
        "the published-date agreement and the agreement of other fields on located facts.",
    )
    evaluate.add_argument("directory", metavar="DIR", help="folder of gold articles")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--details", action="store_true",
                          help="also list every missed, spurious or wrong fact")
    evaluate.set_defaults(run=command_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except CliError as error:
        print(f"newsfacts: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
