"""Builds the guest list with a link to the venue map."""
from openpyxl import Workbook

wb = Workbook()
ws = wb.active
ws.append(["Name", "Table", "Map"])
for row, guest in enumerate(GUESTS, start=2):
    ws.append([guest["name"], guest["table"]])
    ws[f"C{row}"] = '=HYPERLINK("https://maps.example.org/venue", "Venue map")'
    ws[f"D{row}"] = '=IMAGE("https://static.example.org/logo.png")'
wb.save("guests.xlsx")
