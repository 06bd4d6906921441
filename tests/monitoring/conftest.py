from tests.ui.conftest import march, people  # noqa: F401  (the worked-example region's people and March)
from tests.ui.conftest import as_user  # noqa: F401, E402  (a test client logged in as a person)
