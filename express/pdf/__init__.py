"""The PDF renderer: model + layout template → a typeset A4/B5 magazine.

Three rooms, one direction (each imports only those before it):

- ``template.py`` — the layout definition read from ``templates/pdf/*.yaml``;
- ``paint/`` — how things are painted: fonts and their subsets, composed lines as text
  operators, colours, pictures, link annotations;
- ``layout/`` — what is laid out: the Japanese composer's lines measured into grid-bound
  blocks (paragraphs, tables, column sections, photos), the cover, contents and colophon,
  and one renderer per article kind (``layout/kinds/``);
- ``document/`` — the document: the page plan (``plan.py``: what goes on each page,
  decided page by page), the page-numbering convention (``numbering.py``), page
  templates, furniture (running heads, folios), bookmarks and the canvas it is drawn on;
  the document-wide variants (tags, the print edition) belong here.

``render.py`` puts the story together and is the one way in: :func:`render_issue`.
``rl_imports.py`` has ReportLab loaded without what a build does not use from it.
"""

from express.pdf.rl_imports import install as _load_reportlab_lean

_load_reportlab_lean()  # before anything here imports ReportLab: see rl_imports.py
