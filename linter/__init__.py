"""resolint: a consistency linter for United Nations draft resolutions, Chinese first."""

__version__ = "0.1.0"
