"""The ``newsfacts`` command line.

    newsfacts extract article.txt --indent 2      # Article JSON on stdout
    cat article.txt | newsfacts extract -         # read stdin
    newsfacts schema > docs/schema.json           # the JSON Schema of the output
    newsfacts eval corpus/                        # score against gold annotations
    newsfacts show article.txt --out page.html    # the text with its facts highlighted

Bad input (a missing or unreadable file, text that is not UTF-8, a bad gold file) prints a
one-line error on stderr and exits with code 2. An empty input is no error: an Article with
no facts.
"""

from __future__ import annotations

import argparse
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
    from .models import json_dumps

    return json_dumps(data, indent=indent)


def command_extract(args: argparse.Namespace) -> int:
    from .extractor import extract

    text = _read_input(args.file)
    article = extract(text, published=args.published)
    print(_dump(article.model_dump(mode="json"), args.indent))
    return 0


def command_show(args: argparse.Namespace) -> int:
    from .extractor import extract
    from .show import render_html, summary

    text = _read_input(args.file)
    article = extract(text, published=args.published)
    page = render_html(text, article)
    if args.out == "-":
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:  # a text-only stream, e.g. in tests
            sys.stdout.write(page)
        else:  # UTF-8 whatever the locale, as the page's <meta charset> says
            sys.stdout.flush()
            stream.write(page.encode("utf-8"))
            stream.flush()
        where = "stdout"
    else:
        try:
            Path(args.out).write_text(page, encoding="utf-8")
        except OSError as error:
            raise CliError(f"{args.out}: cannot write ({error.strerror or error})") from None
        where = args.out
    print(f"wrote {where}: {summary(article)}", file=sys.stderr)
    return 0


def command_schema(args: argparse.Namespace) -> int:
    from .models import article_json_schema

    print(_dump(article_json_schema(), args.indent))
    return 0


def command_eval(args: argparse.Namespace) -> int:
    from .evaluate import GoldError, evaluate_directory, format_errors, format_report
    from .runs import RunError, format_comparison, load_run, run_from_report, save_run

    try:
        before = load_run(args.compare) if args.compare else None
        report = evaluate_directory(args.directory)
    except (GoldError, RunError) as error:
        raise CliError(str(error)) from None
    if args.save:
        try:
            save_run(report, args.save)
        except OSError as error:
            raise CliError(f"{args.save}: cannot write ({error.strerror})") from None
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
    if before is not None:
        print()
        print(f"compared with {args.compare}:")
        print(format_comparison(before, run_from_report(report)))
    return 0


def command_batch(args: argparse.Namespace) -> int:
    from . import batch

    if args.resume and args.out == "-":
        raise CliError("--resume needs --out FILE (it continues that file)")
    if args.format == "parquet" and args.out == "-":
        raise CliError("--format parquet needs --out FILE")
    if args.workers < 1:
        raise CliError(f"--workers must be 1 or more, not {args.workers}")
    for entry in args.inputs:
        if entry != "-" and not Path(entry).exists() and not Path(entry).is_symlink():
            raise CliError(f"{entry}: no such file or directory")
    try:
        if args.format == "parquet":  # before any work: not after a whole corpus is extracted
            batch.require_pyarrow()
    except batch.InputError as error:
        raise CliError(str(error)) from None
    client = _connect(args.scheduler) if args.scheduler is not None else None
    try:
        summary = _run_batch(args, client)
    finally:
        if client is not None:
            client.close()
    if args.format == "parquet":
        batch.write_parquet(Path(args.out + ".jsonl"), Path(args.out))
    if not args.quiet:
        print(summary.text(), file=sys.stderr)
    return 1 if summary.failed else 0


def _connect(scheduler: str):
    """A client of the Dask scheduler, connected before OUT is touched."""
    from .distributed import ClusterError, connect

    try:
        return connect(scheduler)
    except (ClusterError, ImportError) as error:
        raise CliError(str(error)) from None


def _run_batch(args: argparse.Namespace, client):
    """The batch run itself: OUT opened (continued with --resume), every input extracted."""
    from . import batch
    from .distributed import ClusterError

    items = batch.iter_inputs(args.inputs, text_key=args.text_key, id_key=args.id_key, date_key=args.date_key)
    jsonl_path = Path(args.out + ".jsonl") if args.format == "parquet" else Path(args.out)
    done = None
    if args.out == "-":
        out, close = sys.stdout, False
    else:
        try:
            done = batch.done_in(jsonl_path) if args.resume else None
            out, close = jsonl_path.open("a" if args.resume else "w", encoding="utf-8"), True
        except ValueError as error:
            raise CliError(str(error)) from None
        except OSError as error:
            raise CliError(f"{jsonl_path}: cannot write ({error.strerror or error})") from None
    try:
        return batch.run(items, out, workers=args.workers, done=done, scheduler=client,
                         progress=sys.stderr.isatty() and not args.quiet,
                         total=lambda: batch.count_articles(args.inputs))
    except ClusterError as error:
        raise CliError(f"{error}; the lines written so far are kept: run again with --resume") from None
    finally:
        if close:
            out.close()


BATCH_DESCRIPTION = """\
Extract every article of the inputs: files, directories (walked for *.txt, *.md,
*.html, *.htm and *.jsonl, in sorted order), or - for stdin (JSONL when its first
non-blank line is a JSON object, else one article). A JSONL input is read line by line,
whatever its size; the 20 MB limit holds per article.

Writes one JSON line per article, in input order, each as soon as it is done:
  {"source": ..., "article": {...}}
  {"source": ..., "article": {...}, "text": ...}   (HTML: "text" is the page's
                                                   text, which the spans index)
  {"source": ..., "error": {"type": ..., "message": ...}}
An input that cannot be read is an error line (types below) and the run goes on. An
empty or blank text is no error: it is an article with no facts, as extract gives.

--resume continues an interrupted run: OUT keeps its complete lines, every input whose
source already has a line there is skipped, and the others are appended in input order.
The summary says how many were done already, and how many lines of OUT are for
inputs not given this time.

Exit code: 0 when OUT holds no error line for the inputs (those of an earlier run
included, with --resume), 1 when it holds some, 2 on a usage error (bad option, missing
input, Parquet without pyarrow, a scheduler that cannot be reached)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="Typed, offset-anchored facts from news articles: units sold, prices, "
        "money, specs, quotes and time spans.",
        epilog="Examples:\n"
        "  newsfacts extract corpus/001_samsung_galaxy_m37_launch.txt --indent 2\n"
        "  newsfacts extract - --published 2019-04-10 < article.txt\n"
        "  newsfacts eval corpus/ --details\n"
        "  newsfacts show corpus/001_samsung_galaxy_m37_launch.txt --out page.html\n"
        "  newsfacts batch corpus/ --out facts.jsonl --workers 2\n"
        "Run 'newsfacts COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsfacts {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract", help="print the facts of one article as JSON",
        description="Read one article (UTF-8 text) and print its Article record as JSON. "
        "Every fact carries its span: character offsets into the input as given. An empty "
        "or blank input is no error: it gives an Article with no facts.",
    )
    extract.add_argument("file", metavar="FILE", help="the article's text file, or - for stdin")
    extract.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                         help="the article's date, to resolve 'last month', 'this year' "
                         "(default: the date the text gives, if any)")
    extract.add_argument("--indent", type=int, default=None, metavar="N",
                         help="pretty-print with N spaces (default: one line)")
    extract.set_defaults(run=command_extract)

    show = commands.add_parser(
        "show", help="write an HTML page of one article with its facts highlighted",
        description="Read one article (UTF-8 text) and write a single self-contained HTML page:\n"
        "the text with every fact highlighted by kind (hover a highlight for its values;\n"
        "boilerplate such as share panels and comments is greyed out), then tables of\n"
        "sales, prices, money, specs (per product), quotes and time spans. The page loads\n"
        "nothing from the network and runs no script. A one-line summary goes to stderr.",
        epilog="Examples:\n"
        "  newsfacts show corpus/001_samsung_galaxy_m37_launch.txt --out page.html\n"
        "  newsfacts show - --published 2019-04-10 --out page.html < article.txt\n"
        "  newsfacts show article.txt --out - > page.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument("file", metavar="FILE", help="the article's text file, or - for stdin")
    show.add_argument("--out", required=True, metavar="PAGE.html",
                      help="the HTML file to write (overwritten), or - for stdout")
    show.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                      help="the article's date, to resolve 'last month', 'this year' "
                      "(default: the date the text gives, if any)")
    show.set_defaults(run=command_show)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the output",
        description="Print the JSON Schema of the Article record that 'extract' prints.",
    )
    schema.add_argument("--indent", type=int, default=2, metavar="N",
                        help="indentation (default: 2)")
    schema.set_defaults(run=command_schema)

    from .batch import ERROR_TYPES, PARQUET_SCHEMA_DOC, default_workers

    batch = commands.add_parser(
        "batch", help="extract a whole corpus to JSONL (or Parquet), on all cores",
        description=BATCH_DESCRIPTION,
        epilog="Error types:\n"
        + "".join(f"  {kind:<19}{meaning}\n" for kind, meaning in ERROR_TYPES.items())
        + "\nExamples:\n"
        "  newsfacts batch corpus/ --out facts.jsonl\n"
        "  newsfacts batch crawl.jsonl --text-key body --id-key url --date-key date \\\n"
        "                  --out facts.jsonl\n"
        "  newsfacts batch corpus/ --out facts.jsonl --resume     # after an interrupted run\n"
        "  newsfacts batch corpus/ --format parquet --out facts.parquet\n"
        "  newsfacts batch corpus/ --out facts.jsonl --scheduler tcp://scheduler-host:8786\n\n"
        "Parquet columns:\n" + PARQUET_SCHEMA_DOC,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, or - for stdin")
    batch.add_argument("--out", required=True, metavar="OUT", help="output file, or - for stdout")
    batch.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl",
                       help="jsonl (default) or parquet (needs the parquet extra; keeps OUT.jsonl too)")
    batch.add_argument("--workers", type=int, default=default_workers(), metavar="N",
                       help=f"processes to use (default: all cores, here {default_workers()})")
    batch.add_argument("--resume", action="store_true",
                       help="continue an interrupted run: keep OUT's lines, skip the inputs they are for")
    batch.add_argument("--text-key", default="text", metavar="KEY", help="JSONL field with the text (default: text)")
    batch.add_argument("--id-key", metavar="KEY", help="JSONL field naming the article (default: file:line)")
    batch.add_argument("--date-key", metavar="KEY",
                       help="JSONL field with the article's date: a string starting YYYY-MM-DD "
                       "(a time may follow); null or absent: no date; anything else: a bad_date error")
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on an existing dask.distributed cluster (tcp://host:8786; needs the "
                       "dask extra); paths are sent absolute, so the workers must see the same files")
    batch.add_argument("--quiet", action="store_true", help="no progress bar and no summary on stderr")
    batch.set_defaults(run=command_batch)

    evaluate = commands.add_parser(
        "eval", help="score extraction against gold-annotated articles",
        description="Score newsfacts on a folder of NAME.txt + NAME.json gold pairs "
        "(the format: docs/gold-format.md). Per fact type: gold, predicted, located (spans "
        "overlap) and correct (key values agree too) counts with precision, recall and F1; "
        "then micro F1, the published-date agreement and the agreement of other fields on "
        "located facts (a sale's period and product, a quote's title...). The rules are those "
        "of the project's judge, so these are the figures the project is measured by.",
        epilog="Rule work, step by step: `newsfacts eval DIR --save before.json`, change the "
        "rules, then `newsfacts eval DIR --compare before.json` lists every fact the change "
        "fixed or broke (file, type, gold text, before -> after) with the totals.",
    )
    evaluate.add_argument("directory", metavar="DIR", help="folder of gold articles")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--details", action="store_true",
                          help="also list every missed, spurious or wrong fact")
    evaluate.add_argument("--save", metavar="RUN.json",
                          help="write this run's scores and every fact's outcome to RUN.json")
    evaluate.add_argument("--compare", metavar="RUN.json",
                          help="list what changed since a run saved with --save: facts fixed, "
                          "broken, changed, spurious added or gone, and agreements")
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
