"""Pure parsers: an `Article` in, models out. No I/O here."""
