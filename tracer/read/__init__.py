"""Reading: inputs (files, folders, URLs, stdin) into one `Article` — plain text, metadata, blocks, anchors."""
