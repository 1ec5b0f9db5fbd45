"""Print the nbgitpuller link that opens one lesson of the course on a JupyterHub.

    python scripts/hub_link.py https://hub.example.edu 4
    python scripts/hub_link.py https://hub.example.edu 04_forward_pass.ipynb --interface notebook

A student who clicks the link gets a copy of the course in their hub home (the first time),
or the instructor's newest changes merged into theirs (later times: their own edits are
kept), and the lesson opens.
"""

import argparse
import sys
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
REPOSITORY = "https://github.com/backprop-by-hand/backprop-course"
INTERFACES = {"lab": "lab/tree", "notebook": "tree"}


def lesson_file(lesson: str) -> str:
    """'4', '04' or '04_forward_pass.ipynb' -> '04_forward_pass.ipynb' (from notebooks/)."""
    names = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if lesson in names:
        return lesson
    if lesson.isdigit():
        matches = [name for name in names if name.startswith(f"{int(lesson):02d}_")]
        if matches:
            return matches[0]
    raise ValueError(f"no lesson {lesson!r}: give a number or one of {', '.join(names)}")


def pull_query(lesson: str, repository: str = REPOSITORY, branch: str | None = None,
               interface: str = "lab") -> dict[str, str]:
    """nbgitpuller's parameters: clone ``repository`` into a folder of its name, open the lesson."""
    if interface not in INTERFACES:
        raise ValueError(f"interface must be one of {', '.join(INTERFACES)}, got {interface!r}")
    folder = repository.rstrip("/").removesuffix(".git").rsplit("/", 1)[-1]
    query = {"repo": repository,
             "urlpath": f"{INTERFACES[interface]}/{folder}/notebooks/{lesson_file(lesson)}"}
    if branch:
        query["branch"] = branch
    return query


def hub_link(hub: str, lesson: str, **options) -> str:
    if not hub.startswith(("https://", "http://")):
        raise ValueError(f"the hub's URL must start with https:// or http://, got {hub!r}")
    query = urlencode(pull_query(lesson, **options))
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("hub", help="the hub's address, e.g. https://hub.example.edu")
    parser.add_argument("lesson", help="a lesson number (4) or notebook (04_forward_pass.ipynb)")
    parser.add_argument("--repository", default=REPOSITORY,
                        help=f"the course's git repository (default: {REPOSITORY})")
    parser.add_argument("--branch", help="the branch to pull (default: the repository's own)")
    parser.add_argument("--interface", choices=list(INTERFACES), default="lab")
    args = parser.parse_args()
    try:
        print(hub_link(args.hub, args.lesson, repository=args.repository, branch=args.branch,
                       interface=args.interface))
    except ValueError as error:
        sys.exit(str(error))


if __name__ == "__main__":
    main()
