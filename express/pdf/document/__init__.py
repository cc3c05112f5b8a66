"""The document: page templates, page furniture, bookmarks, the canvas and its variants."""
