# Sphinx configuration of the notes corpus: it marks this folder as the source root,
# so "/_static/..." and "../../_static/..." image paths resolve from here.
project = "interview notes"
html_static_path = ["_static"]
