"""Outgoing mail over SMTP, made and sent by one background thread so that no request waits."""

import logging
import os
import queue
import smtplib
import ssl
import threading
from collections.abc import Callable
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from flask import Flask

from api.config import Smtp

log = logging.getLogger(__name__)

# Mails waiting for the sender thread; past this, new ones are dropped (and logged), so that a
# flood of requests cannot pile up memory while the mail server is slow or down.
QUEUE_SIZE = 200


def message(sender: str, to: str, subject: str, body: str) -> EmailMessage:
    """A plain-text mail."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip("> ") or None)
    msg.set_content(body)
    return msg


def send(smtp: Smtp, msg: EmailMessage, timeout: float) -> None:
    """Deliver one mail now, through the server SMTP_URL names."""
    if smtp.security == "tls":
        context = ssl.create_default_context()
        client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(smtp.host, smtp.port, timeout=timeout)
    with client:
        if smtp.security == "starttls":
            client.starttls(context=ssl.create_default_context())
        if smtp.username:
            client.login(smtp.username, smtp.password or "")
        client.send_message(msg)


class _Sender:
    """One daemon thread per process that runs queued mail jobs in order."""

    def __init__(self):
        self.pid = os.getpid()
        self.queue: queue.Queue = queue.Queue(QUEUE_SIZE)
        threading.Thread(target=self._run, name="unknot-mail", daemon=True).start()

    def _run(self) -> None:
        while True:
            app, compose = self.queue.get()
            try:
                with app.app_context():
                    msg = compose()
                    if msg is not None:
                        send(app.config["SMTP"], msg, app.config["SMTP_TIMEOUT"])
            except Exception:  # one failed mail must not stop the ones after it
                log.exception("Could not send a mail")  # no address: logs hold no personal data


_sender: _Sender | None = None
_sender_lock = threading.Lock()


def send_later(app: Flask, compose: Callable[[], EmailMessage | None]) -> None:
    """Run compose() in the mail thread, in an app context, and send the mail it returns.

    Dropped, and logged, when the queue is full.
    """
    global _sender
    with _sender_lock:
        # A forked worker (gunicorn) does not inherit the parent's thread: start its own.
        if _sender is None or _sender.pid != os.getpid():
            _sender = _Sender()
        sender = _sender
    try:
        sender.queue.put_nowait((app, compose))
    except queue.Full:
        log.error("Mail queue full: a mail was not sent")
