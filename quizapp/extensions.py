"""The Flask extensions of the front ends, created once here and bound to the app in ``create_app``.

The database's extensions (Flask-SQLAlchemy, Flask-Migrate) are in quizapp/db/base.py: only the
database layer imports SQLAlchemy.
"""

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf import CSRFProtect

csrf = CSRFProtect()
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to see that page."
login_manager.login_message_category = "info"
# Flask-Login's "basic" protection hashes the address and browser on every request only to mark
# a session "not fresh", which nothing here uses (and a phone changes address all the time).
# Sessions end through the user's session version instead (logout, password change: web/auth/login.py).
login_manager.session_protection = None


# Limits are declared on the views that need them (token creation, answers); none by default.
limiter = Limiter(get_remote_address)
