"""Utilities for editing OOXML documents."""
import html
from pathlib import Path

import defusedxml.minidom


class XMLEditor:
    def __init__(self, xml_path):
        self.xml_path = Path(xml_path)
        self.encoding = "utf-8"
        self.dom = defusedxml.minidom.parse(str(self.xml_path))

    def get_node(self, tag, contains=None, line_number=None):
        matches = []
        for elem in self.dom.getElementsByTagName(tag):
            if contains is None or contains in elem.toxml():
                matches.append(elem)
        if not matches:
            raise ValueError(f"Node not found: <{tag}>")
        return matches[0]

    def save(self):
        content = self.dom.toxml(encoding=self.encoding)
        self.xml_path.write_bytes(content)
