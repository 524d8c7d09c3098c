"""`python -m exobone.scale pipeline|load ...`: the scale commands on their own.

Worker processes are spawned, so the app only runs under the `__main__` guard.
"""

import typer

from exobone.scale.commands import register

app = typer.Typer(no_args_is_help=True, add_completion=False)
register(app)

if __name__ == "__main__":
    app()
