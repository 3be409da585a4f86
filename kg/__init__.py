"""igkg — the Internet Governance Knowledge Graph.

Importing this package has no side effects and imports no RDF library; each module imports the
heavy libraries it needs inside the functions that use them.
"""

__version__ = "0.1.0"
