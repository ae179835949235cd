"""The widgets of the resolint screen, one module each."""
