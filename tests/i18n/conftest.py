# The people and the settled March of the screen tests serve the language tests too.
from tests.ui.conftest import as_user, march, people  # noqa: F401
