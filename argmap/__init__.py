"""argmap: historiography argument maps for IB History Paper 3.

The data flows one way, and each arrow is a module boundary::

    corpus files -> argmap.corpus   (YAML -> pydantic models + source locations)
                 -> argmap.graph    (one networkx DiGraph, as docs/format.md describes)
                 -> argmap.analysis (strengths, balance, stances, lenses, plans)
                 -> argmap.render | argmap.export
"""

__version__ = "0.1.0"
