"""Extension objects, created once and bound in create_app()."""

from flask_migrate import Migrate
from flask_smorest import Api as SmorestApi
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


PLAIN = {
    400: "The app sent something the server could not read.",
    422: "Some of this needs a change: see each field.",
}


class Api(SmorestApi):
    """flask-smorest's Api, with a message on every error, and no exception text on a 500."""

    def handle_http_exception(self, error):
        payload, code, headers = super().handle_http_exception(error)
        # A 405 names the methods the URL does take (RFC 9110 requires Allow).
        if getattr(error, "valid_methods", None):
            headers = {**headers, "Allow": ", ".join(error.valid_methods)}
        # werkzeug's descriptions are for developers ("The request was well-formed but...").
        payload.setdefault("message", PLAIN.get(code, error.description))
        if code >= 500:
            payload["message"] = "Something went wrong on our side. Nothing you sent was lost."
            payload.pop("errors", None)
        return payload, code, headers


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
api = Api()
