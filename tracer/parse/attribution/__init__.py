"""Attribution relations in a text: cue scan, spaCy parse, rules, and quotes joined across sentences."""
