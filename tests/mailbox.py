"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps every mail it receives."""

import asyncio
import re
import socket
import threading
import time
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from api.config import smtp_settings

LINK = re.compile(r"(https?://\S+/reset\?token=\S+)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Mailbox:
    """The SMTP handler: stores each mail; `hold` keeps the server from answering DATA."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.released = threading.Event()
        self.released.set()
        self.port = 0

    async def handle_DATA(self, server, session, envelope):
        while not self.released.is_set():
            await asyncio.sleep(0.01)
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def hold(self) -> None:
        """Keep every mail waiting at DATA, as a slow mail server would, until release()."""
        self.released.clear()

    def release(self) -> None:
        self.released.set()

    def wait(self, count: int = 1, timeout: float = 10) -> list[EmailMessage]:
        """The mails received, once there are at least `count` of them."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count:
            assert time.monotonic() < deadline, f"{len(self.messages)} mails, {count} expected"
            time.sleep(0.02)
        return list(self.messages)

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    @staticmethod
    def link(msg: EmailMessage) -> str:
        """The reset link in a mail's text."""
        found = LINK.findall(msg.get_content())
        assert len(found) == 1, msg.get_content()
        return found[0]


@contextmanager
def running_mailbox():
    """A Mailbox served on a free port of 127.0.0.1 for the duration of the block."""
    box = Mailbox()
    box.port = _free_port()
    controller = Controller(box, hostname="127.0.0.1", port=box.port)
    controller.start()
    try:
        yield box
    finally:
        box.release()
        controller.stop()


def mail_config(box: Mailbox, base_url: str) -> dict:
    """The app config that sends mail to this mailbox, with links to base_url."""
    return {
        "SMTP_URL": box.url,
        "SMTP": smtp_settings(box.url),
        "MAIL_FROM": "Unknot <unknot@example.org>",
        "BASE_URL": base_url,
    }
