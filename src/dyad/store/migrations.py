"""Numbered schema migrations, applied in order and recorded in a table.

Migration 1 is ``schema.sql``; each later one is a file ``NNNN_name.sql`` in
this package (``0002_add_sources.sql``). A database records every migration it
has had in ``migrations(number, name, applied_at)``, so opening it applies only
the missing ones, each in its own transaction.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from typing import Sequence

log = logging.getLogger(__name__)

_FILE = re.compile(r"^(?P<number>\d{4})_(?P<name>\w+)\.sql$")

CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
    number      INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL,
    applied_at  TIMESTAMP NOT NULL
)
"""


@dataclass(frozen=True, slots=True)
class Migration:
    number: int
    name: str
    sql: str


def packaged_migrations() -> tuple[Migration, ...]:
    """``schema.sql`` as migration 1, then the numbered files, in order."""
    package = resources.files("dyad.store")
    found = [Migration(1, "schema", (package / "schema.sql").read_text(encoding="utf-8"))]
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        m = _FILE.match(entry.name)
        if m and int(m.group("number")) > 1:
            found.append(Migration(int(m.group("number")), m.group("name"), entry.read_text(encoding="utf-8")))
    numbers = [mig.number for mig in found]
    if len(set(numbers)) != len(numbers):
        raise RuntimeError(f"two migrations share a number: {numbers}")
    return tuple(found)


def applied(con) -> dict[int, str]:
    """The migrations a database has had, by number (empty for a new database)."""
    has_table = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrations'"
    ).fetchone()[0]
    if not has_table:
        return {}
    return dict(con.execute("SELECT number, name FROM migrations ORDER BY number").fetchall())


def pending(con, migrations: Sequence[Migration]) -> list[Migration]:
    done = applied(con)
    return [m for m in sorted(migrations, key=lambda m: m.number) if m.number not in done]


def migrate(con, migrations: Sequence[Migration] | None = None) -> list[int]:
    """Apply the missing migrations in order; return the numbers applied."""
    todo = pending(con, packaged_migrations() if migrations is None else migrations)
    if not todo:
        return []
    con.execute(CREATE_TABLE)
    for mig in todo:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(mig.sql)
            con.execute(
                "INSERT INTO migrations (number, name, applied_at) VALUES (?, ?, ?)",
                [mig.number, mig.name, datetime.now(timezone.utc).replace(tzinfo=None)],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        log.info("applied migration %04d_%s", mig.number, mig.name)
    return [m.number for m in todo]
