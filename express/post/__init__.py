"""Making the PDF a well-behaved file: outline, page labels, metadata, language, text layer.

ReportLab writes most of this natively (see :mod:`express.post.document`); the one thing it
gets wrong, the ToUnicode CMap of characters beyond U+FFFF, is fixed in
:mod:`express.post.tounicode`.
"""
