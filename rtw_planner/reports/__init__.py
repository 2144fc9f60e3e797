"""PDF documents with reportlab: content blocks apart from layout and styles, fonts bundled."""
