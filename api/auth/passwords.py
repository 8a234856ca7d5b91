"""New passwords: refused when easy to guess (NIST SP 800-63B), then hashed and set."""

from werkzeug.security import generate_password_hash
from zxcvbn import zxcvbn

from api.auth.sessions import end_sessions
from api.errors import Invalid
from api.models import User

# zxcvbn's score 3 means at least 10^8 guesses: out of reach of online guessing, and of a
# stolen slow hash for a while. Common passwords, keyboard runs and the email score 0-1.
MIN_SCORE = 3
# zxcvbn's matching grows fast with length (5 s for 200 random characters); a password whose
# first 72 characters are hard to guess is hard to guess.
JUDGED_LENGTH = 72

RULE = (
    "At least 8 characters, and not easy to guess: common passwords (such as password or "
    "12345678), your email address and the name Unknot are refused."
)
TOO_EASY = "This password is easy to guess. Please choose another."
TOO_PERSONAL = (
    "This password is too close to your email or to the name Unknot. Please choose another."
)


def _context(email: str) -> list[str]:
    """What an attacker tries first for this person: the email, its name part, the app."""
    email = email.strip().lower()
    return [email, email.split("@", 1)[0], "unknot"]


def check_new_password(password: str, email: str, field: str = "password") -> None:
    """Refuse a password that is common or built from the person's context (422 on `field`)."""
    result = zxcvbn(password[:JUDGED_LENGTH], user_inputs=_context(email))
    if result["score"] >= MIN_SCORE:
        return
    personal = any(m.get("dictionary_name") == "user_inputs" for m in result["sequence"])
    message = TOO_PERSONAL if personal else TOO_EASY
    raise Invalid(message, {field: [message]})


def set_password(
    user: User, password: str, *, keep: int | None = None, field: str = "password"
) -> None:
    """Check and set a new password and end every session of the person but `keep`; the caller
    commits."""
    check_new_password(password, user.email, field)
    user.password_hash = generate_password_hash(password)
    end_sessions(user.id, keep=keep)
