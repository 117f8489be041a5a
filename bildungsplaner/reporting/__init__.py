"""The Bildungsbericht (issue 16): report definitions, the built document and its outputs (DOCX, PDF, xlsx).

``spec`` reads and writes the TOML definition, ``document`` is the built report that every output draws
(nothing is computed after it is built), ``text`` writes the sentences, the writers turn a document and its
pre-rendered figures into files. No Qt here: charts and maps are drawn by a renderer passed in from above.
"""
