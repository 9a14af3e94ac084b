"""Editors built from a chapter's declared structure: table, narrative and form."""

from .form import FormEditor
from .messages import EditRefused
from .narrative import NarrativeEditor
from .table import BINDING_GRID, TableEditor, TableGrid

__all__ = ["BINDING_GRID", "EditRefused", "FormEditor", "NarrativeEditor", "TableEditor",
           "TableGrid"]
