"""Sign-up, sign-in, sign-out and the person's own settings."""

from flask import request
from flask_smorest import Blueprint

from api.auth import invites, reset, service, sessions
from api.auth.schemas import (
    ChangePasswordSchema,
    DeviceSchema,
    ForgotSchema,
    LoginSchema,
    MailSchema,
    MessageSchema,
    PasswordSchema,
    RegisterSchema,
    ResetSchema,
    SettingsSchema,
    SignupModeSchema,
    UserSchema,
)

blp = Blueprint("auth", __name__, url_prefix="/api/v1", description="Accounts")


@blp.post("/auth/register")
@blp.arguments(RegisterSchema)
@blp.response(201, UserSchema)
def register(args):
    """Create an account and sign in"""
    return service.register(**args, address=request.remote_addr)


@blp.get("/auth/signup-mode")
@blp.response(200, SignupModeSchema)
def signup_mode():
    """Who may sign up here: open, invite (with a code) or closed"""
    return {"mode": invites.mode()}


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


@blp.get("/auth/forgot")
@blp.response(200, MailSchema)
def forgot_options():
    """Whether a forgotten password can be reset by mail here"""
    return {"mail": reset.mail_configured()}


@blp.post("/auth/forgot")
@blp.arguments(ForgotSchema)
@blp.response(202, MessageSchema)
def forgot(args):
    """Mail a reset link (the same answer whether or not the address has an account)"""
    return {"message": reset.request_reset(args["email"])}


@blp.post("/auth/reset")
@blp.arguments(ResetSchema)
@blp.response(204)
def reset_password(args):
    """Set a new password with the token of a reset link; does not sign in"""
    reset.reset_password(args["token"], args["password"])


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
    service.delete_account(service.current_user(), args["password"], request.remote_addr)


@blp.post("/me/password")
@blp.arguments(ChangePasswordSchema)
@blp.response(204)
def change_password(args):
    """Change the password; every other device is signed out"""
    service.change_password(sessions.current(), **args, address=request.remote_addr)


@blp.get("/me/sessions")
@blp.response(200, DeviceSchema(many=True))
def list_devices():
    """The devices signed in to this account"""
    return sessions.devices(sessions.current())


@blp.delete("/me/sessions")
@blp.response(204)
def sign_out_everywhere():
    """Sign out on every device, this one included"""
    sessions.end_everywhere(sessions.current())


@blp.delete("/me/sessions/<int:session_id>")
@blp.response(204)
def sign_out_device(session_id):
    """Sign one device out"""
    sessions.end_one(sessions.current(), session_id)
