"""Sign-up, sign-in, sign-out and the person's own settings."""

from flask import request
from flask_smorest import Blueprint

from api.auth import service
from api.auth.schemas import (
    LoginSchema,
    PasswordSchema,
    RegisterSchema,
    SettingsSchema,
    UserSchema,
)

blp = Blueprint("auth", __name__, url_prefix="/api/v1", description="Accounts")


@blp.post("/auth/register")
@blp.arguments(RegisterSchema)
@blp.response(201, UserSchema)
def register(args):
    """Create an account and sign in"""
    return service.register(**args, address=request.remote_addr)


@blp.post("/auth/login")
@blp.arguments(LoginSchema)
@blp.response(200, UserSchema)
def login(args):
    """Sign in"""
    return service.login(args["email"], args["password"], request.remote_addr)


@blp.post("/auth/logout")
@blp.response(204)
def logout():
    """Sign out"""
    service.logout()


@blp.get("/me")
@blp.response(200, UserSchema)
def me():
    """The signed-in person's settings"""
    return service.current_user()


@blp.patch("/me")
@blp.arguments(SettingsSchema(partial=True))
@blp.response(200, UserSchema)
def update_me(changes):
    """Change settings"""
    return service.update_settings(service.current_user(), changes)


@blp.delete("/me")
@blp.arguments(PasswordSchema)
@blp.response(204)
def delete_me(args):
    """Delete the account and every record in it"""
    service.delete_account(service.current_user(), args["password"])
