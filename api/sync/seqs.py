"""Sequence numbers: the one way a change to a synced record reaches the devices' pulls.

Every stored change to a record a device shows, its data or a field the server manages (a
reminder's next_fire_at), gets the person's next sequence number in the same transaction.
Numbers are taken by an UPDATE of the person's row, which holds that row's lock until commit:
so one person's sequence order is commit order, and a pull, bounded by the committed sync_seq,
never skips a record that commits late. Whoever changes records locks the person's row first
and the records after it, so no two writers wait on each other in opposite orders.

Kept apart from api/sync/service.py so that api/reminders can use it without an import cycle
(the sync registry imports the reminders' hook).
"""

from sqlalchemy import BigInteger, bindparam, case, select, update

from api.models import User


def lock_person(session, user_id: int) -> None:
    """Lock the person's row before reading records that may be renumbered (no-op on SQLite)."""
    session.execute(select(User.id).where(User.id == user_id).with_for_update())


_USERS = User.__table__
# Built once (every sync that stores something runs it); a Core statement on the table, so the
# ORM's bulk-update machinery is not involved (it would not touch loaded objects anyway).
_TAKE = (
    update(_USERS)
    .where(_USERS.c.id == bindparam("person"))
    .values(sync_seq=_USERS.c.sync_seq + bindparam("n", type_=BigInteger))
    .returning(_USERS.c.sync_seq)
)


def take(session, user_id: int, n: int = 1) -> int | None:
    """Hand out `n` new numbers to one person; the last of them (None: no such person)."""
    return session.execute(_TAKE, {"person": user_id, "n": n}).scalar()


def take_many(session, counts: dict[int, int]) -> dict[int, int]:
    """New numbers for several people in one statement: {user_id: n} -> {user_id: the last}.

    The caller holds these people's rows locked already (the dispatcher), or two callers could
    lock them in different orders.
    """
    if not counts:
        return {}
    rows = session.execute(
        update(User)
        .where(User.id.in_(list(counts)))
        .values(sync_seq=User.sync_seq + case(counts, value=User.id, else_=0))
        .returning(User.id, User.sync_seq)
        .execution_options(synchronize_session=False)
    )
    return dict(rows.all())


def renumber(session, user_id: int, records: list) -> None:
    """Give each of these (ORM) records the person's next number: the server changed them."""
    if not records:
        return
    last = take(session, user_id, len(records))
    for seq, record in enumerate(records, start=last - len(records) + 1):
        record.seq = seq
