"""The PDF renderer: model + layout template → a typeset A4/B5 magazine."""
