from tests.ui.conftest import march, people  # noqa: F401  (the worked-example region's people and March)
