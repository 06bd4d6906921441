"""Hulpscripts voor onderhoud van de bibliotheek (niet nodig tijdens gebruik)."""
