"""How it is painted: fonts, text operators, colours, pictures and links on the canvas."""
