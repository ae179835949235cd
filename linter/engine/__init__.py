"""The engine: the rule model (rule), loading and validating rule files (loader), running them (runner)."""
