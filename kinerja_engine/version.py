"""The package's version, in a module of its own at the bottom of the layers: a report
that prints it need not import the package root, which reaches every layer."""

__all__ = ["__version__"]

__version__ = "0.1.0"
